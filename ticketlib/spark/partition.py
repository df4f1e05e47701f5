"""The replay of one partition of tickets, for engines that split the data (`--engine spark`).

The replay is per ticket: nothing in it reads two tickets at once, except the global bounds a
plan carries. So a `ReplayPlan` is computed once from ALL the data (the as-of instant, by the
CLI's own rule; the configuration; the imports, whose zones say how naive times are read) and
`replay_partition` replays any subset of whole tickets (a hash bucket of `ticket_key`) in an
in-process DuckDB, through the very code path of the CLI (`replay` then `sql/outputs/out_*.sql`).
Concatenating the partitions gives the CLI's rows (tests/test_partition.py); Spark-free:
duckdb and pyarrow only.

Input tables use the raw schema of `ticketlib/db/store.py` (what `export-raw` writes): `tickets`
(ticket_key, ticket_id, created_at, created_local, priority, ...), `events` (ticket_key, ts,
ts_local, seq, etat, priority, import_id, ...), `imports` (import_id, timezone, ...) and
`import_flags` (ticket_key, flag, detail, import_id). Instants are timestamp[us, tz=UTC]; naive
local wall times (`created_local`, `ts_local`) timestamp[us].
"""

from __future__ import annotations

import itertools
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from ticketlib.db import store
from ticketlib.db.sqlfiles import sql
from ticketlib.domain.config import SlaConfig
from ticketlib.outputs.cli_export import CLI_OUTPUTS
from ticketlib.replay.run import data_span, prepare_sources, replay, resolve_as_of

OUTPUTS = tuple(CLI_OUTPUTS)  # ("sla", "durations", "quality")
RAW_TABLES = ("tickets", "events", "imports", "import_flags")


@dataclass(frozen=True)
class ReplayPlan:
    """What every partition needs besides its own tickets; picklable (a few kB).

    as_of: the as-of instant, UTC-aware; None only when the data holds no ticket at all.
    config: the parsed sla.toml. imports: the `imports` table (import_id, timezone, ...), read by
    the replay to know which naive times to read again in the calendar's zone (DESIGN §5.1).
    """

    as_of: datetime | None
    config: SlaConfig
    imports: pa.Table

    @property
    def as_of_us(self) -> int | None:
        """The as-of instant in microseconds since 1970-01-01 UTC."""
        if self.as_of is None:
            return None
        delta = self.as_of - datetime(1970, 1, 1, tzinfo=UTC)
        return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def plan_for(
    config: SlaConfig,
    imports: pa.Table,
    as_of: str | datetime | None = None,
    latest: datetime | None = None,
) -> ReplayPlan:
    """The plan: `as_of` as the CLI reads it (naive text = local time of the calendar's zone),
    else `latest`, the latest event or creation over ALL the data as the replay reads it (see
    `data_span`; for Arrow tables, `span_of`; Spark computes it with aggregates)."""
    if as_of is None or as_of == "":
        at = latest.astimezone(UTC) if latest is not None else None
    else:
        at = resolve_as_of(None, config, as_of)  # an explicit instant needs no data
    return ReplayPlan(at, config, _conform(imports, "imports"))


def span_of(
    tickets: pa.Table, events: pa.Table, imports: pa.Table, timezone: str
) -> tuple[datetime | None, datetime | None]:
    """(first, latest) instant of these tickets and events as the replay reads them in
    `timezone` (`run.data_span`): per partition; the global span is the min and max of these."""
    with _partition_db({"tickets": tickets, "events": events, "imports": imports}) as con:
        prepare_sources(con, timezone)
        return data_span(con)


def replay_partition(
    tickets: pa.Table,
    events: pa.Table,
    plan: ReplayPlan,
    outputs=OUTPUTS,
) -> dict[str, pa.Table]:
    """The CLI rows of `outputs` ("sla", "durations", "quality": DESIGN §5.3 columns and types,
    ordered as the CLI orders them) for these tickets, replayed as of `plan.as_of`.

    `tickets` and `events` hold whole tickets (every event of a ticket in `tickets`). `tickets`
    may carry an `import_flags` column (list<struct<flag, detail, import_id>>): the ticket's
    import flags, read by `quality`. Raises ValueError for an unknown output or missing column.
    """
    unknown = [o for o in outputs if o not in CLI_OUTPUTS]
    if unknown:
        raise ValueError(f"unknown output(s): {unknown}; expected {list(CLI_OUTPUTS)}")
    flags = None
    if "import_flags" in tickets.column_names:
        flags = _flags_of(tickets)
        tickets = tickets.drop_columns(["import_flags"])
    tables = {"tickets": tickets, "events": events, "imports": plan.imports}
    if flags is not None:
        tables["import_flags"] = flags
    out = {}
    for kind in outputs:  # a fresh catalog each: the CLI replays one output per process
        with _partition_db(tables) as con:
            out[kind] = cli_rows(con, kind, plan)
    return out


def cli_rows(con: duckdb.DuckDBPyConnection, kind: str, plan: ReplayPlan) -> pa.Table:
    """The one call into the CLI's code path (`outputs/cli_export.py` `write_cli_export`): replay
    `kind` on this connection's raw tables, then select its output columns."""
    replay(con, plan.config, plan.as_of, scope=kind, partitions=1)
    return con.sql(sql(CLI_OUTPUTS[kind])).to_arrow_table()


def output_schema(kind: str, config: SlaConfig) -> pa.Schema:
    """The Arrow schema of `kind`'s rows (the replay of no ticket)."""
    plan = ReplayPlan(None, config, empty_raw("imports"))
    return replay_partition(empty_raw("tickets"), empty_raw("events"), plan, (kind,))[kind].schema


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` with exactly `schema`'s columns, by name, cast to its types (Spark's Arrow UDFs
    take columns by name with exact types)."""
    return table.select(schema.names).cast(schema)


# --- the worker's DuckDB --------------------------------------------------------------------

_BASE: duckdb.DuckDBPyConnection | None = None
_BASE_PID: int | None = None
_LOCK = threading.Lock()
_COUNTER = itertools.count()


def _base() -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB per process, one thread (an engine runs one task per core); every
    connection computes in UTC (`set global`: a plain SET is not inherited by cursors)."""
    global _BASE, _BASE_PID
    with _LOCK:
        if _BASE is None or os.getpid() != _BASE_PID:
            _BASE = duckdb.connect(":memory:", config={"threads": 1})
            _BASE.execute("set global TimeZone = 'UTC'")
            _BASE_PID = os.getpid()
        return _BASE


class _partition_db:  # noqa: N801 (a context manager used as a function)
    """A cursor on the worker's DuckDB using a fresh attached in-memory catalog holding the raw
    tables of `ticketlib/db/store.py`, filled from Arrow tables (absent ones stay empty);
    detached on exit."""

    def __init__(self, tables: dict[str, pa.Table]):
        self.tables = tables

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        base = _base()
        self.name = f"part_{next(_COUNTER)}"
        self.con = base.cursor()
        self.con.execute(f"attach ':memory:' as {self.name}")
        self.con.execute(f"use {self.name}")
        store.init_schema(self.con)
        for name, table in self.tables.items():
            view = f"arrow_{name}"
            self.con.register(view, _conform(table, name))
            self.con.execute(f"insert into {name} by name select * from {view}")
            self.con.unregister(view)
        return self.con

    def __exit__(self, *exc) -> None:
        try:
            self.con.execute("use memory")
            self.con.execute(f"detach {self.name}")
        finally:
            self.con.close()


def _conform(table: pa.Table, name: str) -> pa.Table:
    """Only the raw table's own columns (an engine may add a bucket column)."""
    if name not in RAW_TABLES:
        raise ValueError(f"not a raw table: {name}")
    names = _raw_columns()[name]
    missing = [c for c in ("ticket_key",) if name != "imports" and c not in table.column_names]
    if missing:
        raise ValueError(f"{name}: missing column(s) {missing}")
    return table.select([c for c in table.column_names if c in names])


_COLUMNS: dict[str, list[str]] = {}


def _raw_columns() -> dict[str, list[str]]:
    if not _COLUMNS:
        con = duckdb.connect(":memory:")
        store.init_schema(con)
        for name in RAW_TABLES:
            _COLUMNS[name] = [
                d[0] for d in con.execute(f"select * from {name} limit 0").description
            ]
        con.close()
    return _COLUMNS


def empty_raw(name: str) -> pa.Table:
    """An empty raw table with the store's columns and their Arrow types."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("set TimeZone = 'UTC'")
        store.init_schema(con)
        return con.sql(f"select * from {name} limit 0").to_arrow_table()
    finally:
        con.close()


def with_flags(tickets: pa.Table, import_flags: pa.Table) -> pa.Table:
    """`tickets` with an `import_flags` column: each ticket's rows of `import_flags` as a
    list<struct<flag, detail, import_id>> (empty list when none), the shape `replay_partition`
    reads them in."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("set TimeZone = 'UTC'")
        con.register("t_in", tickets)
        con.register("f_in", import_flags)
        return con.sql(
            "select t.*, coalesce(f.flags, []) as import_flags from t_in t left join ("
            "  select ticket_key, list(struct_pack(flag := flag, detail := detail,"
            "                                      import_id := import_id)) as flags"
            "  from f_in group by ticket_key) f using (ticket_key)",
        ).to_arrow_table()
    finally:
        con.close()


def _flags_of(tickets: pa.Table) -> pa.Table:
    """The `import_flags` rows nested in tickets' `import_flags` list column."""
    import pyarrow.compute as pc

    nested = tickets.column("import_flags")
    parents = pc.list_parent_indices(nested)
    flat = pc.list_flatten(nested)
    if isinstance(flat, pa.ChunkedArray):
        flat = flat.combine_chunks() if flat.num_chunks else pa.array([], flat.type)
    keys = pc.take(tickets.column("ticket_key"), parents)
    return pa.table(
        {
            "ticket_key": keys,
            "flag": flat.field("flag"),
            "detail": flat.field("detail"),
            "import_id": flat.field("import_id"),
        }
    )
