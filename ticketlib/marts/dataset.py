"""What readers (dashboard, reports) query: the database, attached read-only, plus marts.

A `Dataset` is one in-memory DuckDB instance with the database file attached read-only as
`store`: nothing a reader does can write to the file. Marts for the configured calendar and the
default as-of instant are the derived tables the import stored; for another as-of instant or
configuration, the replay runs once and its marts are kept in the instance's own memory
catalog (a few at a time) for every later query. Each query runs on its own cursor, so threads
(Streamlit sessions) never share a connection.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from ticketlib.db import store
from ticketlib.db.sqlfiles import query
from ticketlib.domain.config import SlaConfig
from ticketlib.marts.persisted import (
    DERIVED_VERSION,
    KEPT,
    SCHEMA,
    config_fingerprint,
    stored_state,
)
from ticketlib.replay.run import replay, resolve_as_of

KEEP_COMPUTED = 4


@dataclass(frozen=True)
class Marts:
    """Qualified names of one consistent set of marts, and what they were computed with."""

    ticket_sla: str
    intervals: str
    etat_durations: str
    quality: str
    as_of: datetime | None
    config: str  # fingerprint

    @property
    def catalog(self) -> str:
        """The catalog holding this set (`store` for the kept marts)."""
        return self.ticket_sla.split(".")[0]

    def names(self) -> dict[str, str]:
        return {
            "ticket_sla": self.ticket_sla,
            "intervals": self.intervals,
            "etat_durations": self.etat_durations,
            "quality": self.quality,
        }


class Dataset:
    def __init__(self, db: Path | str | None = None):
        self.path = Path(db) if db else store.default_db()
        self.version = store.database_version(self.path)
        self._db = store.configure(duckdb.connect(":memory:"))
        if self.path.exists():
            self._db.execute(f"attach '{_quote(self.path)}' as store (read_only)")
        else:
            self._db.execute("attach ':memory:' as store")
            with self.cursor() as cur:
                store.init_schema(cur)
        self._lock = threading.Lock()
        self._computed: OrderedDict[tuple, Marts] = OrderedDict()
        self._latest: dict[str, datetime | None] = {}  # default as-of per calendar zone
        self._serial = 0
        with self.cursor() as cur:
            self._stored = stored_state(cur)
            # the default as-of for the default calendar: latest event or creation
            self.latest = resolve_as_of(cur, SlaConfig(), None)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh connection to the instance, in UTC, reading the database by default."""
        cur = self._db.cursor()
        cur.execute("set TimeZone = 'UTC'; use store")
        return cur

    def is_current(self) -> bool:
        """False once an import has replaced the database file: time to open a new Dataset."""
        return store.database_version(self.path) == self.version

    @property
    def is_empty(self) -> bool:
        with self.cursor() as cur:
            return query(cur, "raw_ticket_count").fetchall()[0][0] == 0

    def marts(self, config: SlaConfig, as_of: datetime | str | None = None) -> Marts:
        fingerprint = config_fingerprint(config)
        with self.cursor() as cur:
            if as_of is None or as_of == "":
                # the latest instant depends on the zone naive times are read in (DESIGN §5.1)
                tz = config.calendar.timezone
                if tz not in self._latest:
                    self._latest[tz] = resolve_as_of(cur, config, None)
                wanted = self._latest[tz]
            else:
                wanted = resolve_as_of(cur, config, as_of)
        stored_as_of = self._stored.get("as_of")
        if (
            self._stored.get("version") == DERIVED_VERSION
            and self._stored.get("config") == fingerprint
            and stored_as_of is not None
            and (wanted is None or wanted.isoformat() == stored_as_of)
        ):
            return Marts(
                *(f"store.{SCHEMA}.{KEPT[t]}" for t in _ORDER), as_of=wanted, config=fingerprint
            )
        key = (fingerprint, wanted.isoformat() if wanted else "")
        with self._lock:
            if key in self._computed:
                self._computed.move_to_end(key)
                return self._computed[key]
            marts = self._compute(config, wanted, fingerprint)
            self._computed[key] = marts
            while len(self._computed) > KEEP_COMPUTED:
                _, old = self._computed.popitem(last=False)
                with self.cursor() as cur:
                    cur.execute(f"detach {old.catalog}")
            return marts

    def _compute(self, config: SlaConfig, as_of, fingerprint: str) -> Marts:
        """Replay into a catalog of this instance's memory: `<catalog>.marts.*`."""
        self._serial += 1
        catalog = f"replay_{self._serial}"
        with self.cursor() as cur:
            cur.execute(f"attach ':memory:' as {catalog}")
            cur.execute(f"create schema {catalog}.{SCHEMA}")
            replay(cur, config, as_of)
            names = []
            for temp in _ORDER:
                name = f"{catalog}.{SCHEMA}.{KEPT[temp]}"
                cur.execute(f"create table {name} as select * from temp.{temp}")
                names.append(name)
        return Marts(*names, as_of=as_of, config=fingerprint)

    def close(self) -> None:
        self._db.close()


_ORDER = ("mart_ticket_sla", "int_intervals", "mart_etat_durations", "mart_quality")


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
