"""Timestamps read by DuckDB: the parsing macros of `sql/ingest/ts_*.sql` installed on a
connection, and one text read exactly as an import reads it. The rules (accepted forms, the
zone's offsets, the plausible range) are `ticketlib.domain.timestamps`'s."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from ticketlib.db.sqlfiles import run_script
from ticketlib.domain.timestamps import offset_rules, plausible_range


def install(con: duckdb.DuckDBPyConnection, tz: str, now: datetime | None = None) -> None:
    """Create the parsing macros (`sql/ingest/ts_macros.sql`), the offset rules of `tz` and
    the plausible range (`ts_plausible(t)`, see `plausible_range`) on this connection."""
    earliest, latest = plausible_range(now)
    con.execute("set variable ts_earliest = $e::timestamptz", {"e": earliest})
    con.execute("set variable ts_latest = $l::timestamptz", {"l": latest})
    run_script(con, "ts_macros")
    con.execute("create or replace temp table tz_rules (boundary timestamp, offset_s integer)")
    con.executemany("insert into tz_rules values (?, ?)", [list(r) for r in offset_rules(tz)])


def parse_texts(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `ts_parsed(s, local, utc)` from the texts in the temp table `ts_input(s)`
    (`sql/ingest/ts_parse.sql`); `utc` is null for an unreadable text or an offset beyond
    ±14:00, and is not range-checked here (`ts_plausible` is the landing's check)."""
    run_script(con, "ts_parse")


def parse_instant(text: str, tz: str) -> datetime:
    """One timestamp (e.g. `--as-of`), read exactly as an import reads it; UTC-aware."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    install(con, tz)
    con.execute("create temp table ts_input as select $s::varchar as s", {"s": text})
    utc = con.execute("select ts_fast(s) from ts_input").fetchall()[0][0]
    if utc is None:
        parse_texts(con)
        row = con.execute("select utc from ts_parsed").fetchall()[0]
        if row is None or row[0] is None:
            raise ValueError(f"horodatage illisible / unreadable timestamp: {text!r}")
        utc = row[0].replace(tzinfo=UTC)
    if (
        not datetime(1900, 1, 1, tzinfo=UTC)
        <= utc.astimezone(UTC)
        < datetime(2200, 1, 1, tzinfo=UTC)
    ):
        raise ValueError(
            f"horodatage illisible (hors 1900-2200) / unreadable timestamp (outside 1900-2200): "
            f"{text!r}"
        )
    con.close()
    return utc.astimezone(UTC)
