"""The sources the replay reads: views `replay_events` and `replay_tickets` over the raw tables
(instants as the replay zone reads them), narrowed to a partition of the tickets or to a list of
them, and the data's span (the default as-of instant).
"""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from ticketlib.db.sqlfiles import query, run_script
from ticketlib.domain.timestamps import offset_rules


def prepare_sources(con: duckdb.DuckDBPyConnection, timezone: str, keep: bool = False) -> None:
    """Create the temp views `replay_events` (ticket_key, ts, seq, etat, priority) and
    `replay_tickets` (ticket_key, created_at, priority): the raw rows the replay reads, naive
    timestamps read in `timezone` (DESIGN §5.1).

    In the usual case every import read its naive timestamps in this very zone (or had none)
    and no event is a copy of another in some zones only: views of the raw tables, at no cost.
    Otherwise `stg_sources.sql` reads those wall times again and drops the events that are a
    copy in this zone, once into temp tables when `keep` (a replay reads its sources several
    times).
    """
    other = query(con, "src_other_zone_imports", tz=timezone).fetchall()[0][0]
    if other:  # did those imports read any naive timestamp?
        other = query(con, "src_other_zone_naive", tz=timezone).fetchall()[0][0]
    if not other and _has_pending(con):  # events that are a copy in some zones only
        other = True
    if not other:
        run_script(con, "src_stored_views")
        select_partition(con, 1, 0)
        return
    query(con, "src_other_imports", tz=timezone)
    query(con, "src_tz_rules")
    con.executemany(
        "insert into replay_tz_rules values (?, ?)", [list(r) for r in offset_rules(timezone)]
    )
    raw_events(con)
    run_script(con, "stg_sources")
    for name in ("replay_events", "replay_tickets"):
        source = f"{name}_read"
        if keep:
            con.execute(f"create or replace temp table {name}_kept as select * from {source}")
            source = f"{name}_kept"
        con.execute(f"create or replace temp view {name}_src as select * from {source}")
    select_partition(con, 1, 0)


def _knows_pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Has `events` the column `pending_duplicate` (databases made before it have not)?"""
    return bool(query(con, "src_knows_pending").fetchall()[0][0])


def _has_pending(con: duckdb.DuckDBPyConnection) -> bool:
    """Is any event stored as a copy of another in some zones only?"""
    return _knows_pending(con) and query(con, "src_has_pending").fetchall()[0][0]


def raw_events(con: duckdb.DuckDBPyConnection) -> None:
    """The temp view `replay_raw_events`: `events` with `pending_duplicate` (false in a database
    made before it), the input of `stg_sources.sql`."""
    pending = "pending_duplicate" if _knows_pending(con) else "false as pending_duplicate"
    con.execute(
        "create or replace temp view replay_raw_events as "
        "select ticket_key, ts, ts_local, seq, etat, priority, import_id, "
        f"{pending} from events"
    )


def select_partition(con: duckdb.DuckDBPyConnection, count: int, index: int) -> None:
    """Point `replay_events` and `replay_tickets` at partition `index` of `count`: the tickets
    whose `hash(ticket_key) % count = index` (count 1: every ticket). Every replay layer reads
    its tickets and events through these two views only, so a partition's run gives exactly
    its tickets' rows of the whole run."""
    where = "" if count <= 1 else f" where hash(ticket_key) % {int(count)} = {int(index)}"
    con.execute(
        f"create or replace temp view replay_events as select * from replay_events_src{where};"
        f"create or replace temp view replay_tickets as select * from replay_tickets_src{where}"
    )


def data_span(con: duckdb.DuckDBPyConnection) -> tuple[datetime | None, datetime | None]:
    """(first, latest) instant in `replay_events` and `replay_tickets` (see `prepare_sources`),
    events and creations alike, UTC-aware; (None, None) without data. The latest is the default
    as-of instant (DESIGN §2). One scan of the events."""
    row = query(con, "src_data_span").fetchall()[0]
    return tuple(v.astimezone(UTC) if v else None for v in row)


def latest_instant(con: duckdb.DuckDBPyConnection) -> datetime | None:
    """The default as-of instant: the latest event or creation, whichever is later."""
    return data_span(con)[1]


def select_tickets(con: duckdb.DuckDBPyConnection, keys_table: str) -> None:
    """Point `replay_events` and `replay_tickets` at the tickets listed in the temp table
    `keys_table(ticket_key)` (an incremental rebuild: `marts/persisted.py`)."""
    where = f" where ticket_key in (select ticket_key from {keys_table})"
    con.execute(
        f"create or replace temp view replay_events as select * from replay_events_src{where};"
        f"create or replace temp view replay_tickets as select * from replay_tickets_src{where}"
    )
