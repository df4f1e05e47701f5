"""The replay as users call it: `python -m ticketlib sla|durations|quality --out x.csv`, run
in-process through `ticketlib.cli.main`, its CSV read back with typed values.

Also `insert_events`: events written straight into a database the way the importer stores
them (naive times with their wall time and the import's zone), for histories the importer of
this branch does not land yet (events dated before their ticket's creation, DESIGN §5.1).
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ticketlib import cli
from ticketlib.db import store

INT_COLUMNS = {
    "tto_elapsed_s",
    "tto_target_s",
    "ttr_elapsed_s",
    "ttr_paused_s",
    "ttr_target_s",
    "reopens",
    "visits",
    "wall_s",
    "business_s",
}
INSTANT_COLUMNS = {
    "created_at",
    "tto_due_at",
    "ttr_due_at",
    "first_resolved_at",
    "resolved_at",
    "closed_at",
    "flagged_at",
}


def write_config(folder: Path, text: str, name: str = "sla.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def typed(column: str, text: str):
    """One CSV cell as the contract types it: empty = None, ISO instants with their offset."""
    if text == "":
        return None
    if column in INT_COLUMNS:
        return int(text)
    if column == "ttr_ever_breached":
        return {"true": True, "false": False}[text]
    if column in INSTANT_COLUMNS:
        value = datetime.fromisoformat(text)
        assert value.tzinfo is not None, (column, text)  # ISO 8601 with an offset
        return value
    return text


def run_cli(kind: str, db: Path, config: Path | None = None, as_of=None, out=None) -> list[dict]:
    """Run `kind` as the command line does; its rows as dicts of typed values, in file order."""
    out = Path(out or Path(db).with_name(f"{kind}.csv"))
    argv = [kind, "--db", str(db), "--out", str(out)]
    if config is not None:
        argv += ["--config", str(config)]
    if as_of is not None:
        argv += ["--as-of", as_of if isinstance(as_of, str) else as_of.isoformat()]
    assert cli.main(argv) == 0
    with open(out, newline="", encoding="utf-8") as f:
        return [{k: typed(k, v) for k, v in row.items()} for row in csv.DictReader(f)]


def sla(db: Path, config: Path | None = None, as_of=None) -> dict[str, dict]:
    return {r["ticket_id"]: r for r in run_cli("sla", db, config, as_of)}


def durations(db: Path, config: Path | None = None, as_of=None) -> dict[tuple[str, str], tuple]:
    return {
        (r["ticket_id"], r["etat"]): (r["visits"], r["wall_s"], r["business_s"])
        for r in run_cli("durations", db, config, as_of)
    }


def quality(db: Path, config: Path | None = None, as_of=None) -> list[tuple]:
    return [
        (r["ticket_id"], r["flag"], r["flagged_at"], r["detail"])
        for r in run_cli("quality", db, config, as_of)
    ]


def insert_events(db: Path, rows: list, config=None) -> None:
    """Store events [ticket_id, timestamp text, état code, priority code or ""] as one more
    import with `config` (default data/sla.toml): an ISO text with an offset is absolute; a
    naive one keeps its wall time (ts_local) and is read in the calendar's zone with fold=0, as
    the importer does. The derived tables are rebuilt, as after an import."""
    from ticketlib.domain.config import load_config
    from ticketlib.marts.persisted import rebuild

    config = config or load_config()
    timezone = config.calendar.timezone
    con_rows = []
    with store.write_session(db) as con:
        import_id = con.execute("select coalesce(max(import_id), 0) + 1 from imports").fetchall()[
            0
        ][0]
        con.execute(
            "insert into imports (import_id, started_at, format, timezone) "
            "values ($id, now(), 'test', $tz)",
            {"id": import_id, "tz": timezone},
        )
        keys = dict(con.execute("select ticket_id, ticket_key from tickets").fetchall())
        for n, (ticket_id, text, etat, priority) in enumerate(rows, start=1):
            wall = datetime.fromisoformat(text.replace("Z", "+00:00"))
            local = None
            if wall.tzinfo is None:
                local, wall = wall, wall.replace(tzinfo=ZoneInfo(timezone))
            seq = import_id * 1099511627776 + n
            con_rows.append(
                [keys[ticket_id], wall.astimezone(UTC), local, seq, etat, etat, priority or None]
                + [priority or None, import_id, n]
            )
        con.executemany(
            "insert into events (ticket_key, ts, ts_local, seq, etat, status_raw, priority, "
            "priority_raw, import_id, source_row) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            con_rows,
        )
        rebuild(con, config)
