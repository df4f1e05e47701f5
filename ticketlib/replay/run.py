"""The replay: raw tickets and events -> état intervals -> clocks -> marts, as of an instant.

Each layer is a SQL file (`sql/stg_*`, `int_*`, `mart_*`) creating a temp table; this module
prepares what they read (the raw rows with their instants read in the replay zone, as-of
instant, calendar windows, rules, targets) and runs them in order. Nothing here calls now(): the
default as-of instant is the latest instant in the data, events and creations alike (DESIGN §2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ticketlib.db import budget
from ticketlib.db.sqlfiles import query, run_script
from ticketlib.db.timeparse import parse_instant
from ticketlib.domain.config import SlaConfig, load_config
from ticketlib.domain.vocabulary import ETAT_CODES, EXPECTED_TRANSITIONS, PRIORITY_CODES, STOP_ETATS
from ticketlib.replay.business_calendar import DAY_ORIGIN_US, US, Windows, windows_for
from ticketlib.replay.sources import (  # noqa: F401  (re-exported)
    data_span,
    latest_instant,
    prepare_sources,
    select_partition,
    select_tickets,
)

SLA_LAYERS = (
    "int_ticket_clocks",
    "int_clock_priority",
    "int_clock_targets",
    "int_ttr_crossing",
    "mart_ticket_sla",
)
# What each use needs, after the interval views: "sla" streams the intervals into the clocks
# (no table of millions of rows); the others keep them as a table several marts read.
SCOPES = {
    "sla": SLA_LAYERS,
    "durations": ("mart_etat_durations",),
    "quality": (*SLA_LAYERS, "mart_quality"),
    "all": (*SLA_LAYERS, "mart_etat_durations", "mart_quality", "mart_filterable"),
}
LAYERS = SCOPES["all"]
# the temp tables a replay leaves for its readers (scope permitting), and the partial ones a
# partitioned run drops
OUTPUTS = ("int_intervals", "mart_ticket_sla", "mart_etat_durations", "mart_quality")
INTERMEDIATE = (
    "int_ticket_clocks",
    "int_clock_priority",
    "int_clock_targets",
    "int_ttr_crossing",
    "int_ttr_stop_rows",
    "int_ttr_stops",
)
# bytes of memory per event while a partition is replayed (1M demo tickets, 7.5M events, peak
# about 2 GB above the process's own)
EVENT_BYTES = 300


@dataclass(frozen=True)
class ReplayInfo:
    as_of: datetime | None  # None: the database holds no ticket
    windows: Windows | None
    first: datetime | None = None  # the calendar's span starts here (UTC-aware)


def resolve_as_of(con, config: SlaConfig, as_of: str | datetime | None) -> datetime | None:
    """The as-of instant, UTC-aware: `as_of` (naive text = local time of the calendar's zone),
    else the latest instant in the data as read in the calendar's zone."""
    if as_of is None or as_of == "":
        prepare_sources(con, config.calendar.timezone)
        return latest_instant(con)
    if isinstance(as_of, datetime):
        return as_of.astimezone(UTC) if as_of.tzinfo else as_of.replace(tzinfo=UTC)
    return parse_instant(as_of, config.calendar.timezone)


def replay(
    con,
    config: SlaConfig | None = None,
    as_of: str | datetime | None = None,
    scope: str = "all",
    partitions: int | None = None,
    first: datetime | None = None,
) -> ReplayInfo:
    """Build the derived temp tables `scope` needs on this connection, as of `as_of` (default:
    the latest event or creation): "sla" (the `sla` command), "durations", "quality" or "all"
    (pages). The plan (as-of, calendar windows and days, targets, rules) is computed once from
    the whole data; the layers then run over `partitions` ticket partitions (default:
    `partition_count`), appended: the same rows as one run, in memory bounded by a
    partition. An engine replaying a subset of the data on its own connection (Spark) passes
    the whole data's bounds, `as_of` and `first` (`ReplayInfo.first`), so that even the
    absolute business microseconds (`start_b_us`) equal the whole run's."""
    config = config or load_config()
    info = plan(con, config, as_of, first)
    count = partitions or partition_count(con)
    if count <= 1:
        _run_layers(con, scope)
    else:
        _run_partitions(con, scope, count)
    return info


def plan(
    con, config: SlaConfig, as_of: str | datetime | None = None, first: datetime | None = None
) -> ReplayInfo:
    """The replay's global step, once for all tickets: the sources' views, the as-of instant
    (default: the latest event or creation), the calendar's windows and days over the data's
    span, the targets, rules and clock roles (temp tables `cal_windows`, `cal_days`,
    `replay_params`, `cfg_*`). The layers then run over any subset of the tickets
    (`select_partition`, `select_tickets`)."""
    # several passes read the sources: in the rare case where they are computed, once
    prepare_sources(con, config.calendar.timezone, keep=True)
    data_first, latest = data_span(con)
    first = first or data_first
    as_of_dt = latest if as_of is None or as_of == "" else resolve_as_of(con, config, as_of)
    if as_of_dt is None or first is None:
        as_of_dt = as_of_dt or datetime(2000, 1, 1, tzinfo=UTC)
        first = as_of_dt
    as_of_us = _epoch_us(as_of_dt)
    horizon = max(max(t.tto_s, t.ttr_s) for _, t in config.targets) * US
    windows = windows_for(config.calendar, min(_epoch_us(first), as_of_us), as_of_us, horizon)
    _prepare(con, config, windows, as_of_dt, as_of_us)
    return ReplayInfo(as_of_dt, windows, first)


def partition_count(con: duckdb.DuckDBPyConnection) -> int:
    """How many ticket partitions keep one partition's replay within the memory budget:
    `budget.partitions()` when set (`--partitions`, `TICKETLIB_PARTITIONS`), else the
    events over the events a budget holds (about `EVENT_BYTES` each while replayed; DuckDB
    spills beyond, so this is a guide, not a wall). 1 at a million tickets on 8 GB."""
    chosen = budget.partitions()
    if chosen:
        return chosen
    events = con.execute("select count(*) from replay_events_src").fetchall()[0][0]
    return max(1, -(-events * EVENT_BYTES // budget.budget()))


def run_layers(con, scope: str = "all") -> None:
    """The SQL layers of `scope` over the tickets `replay_events`/`replay_tickets` show, after
    `plan`."""
    _run_layers(con, scope)


def _run_layers(con, scope: str) -> None:
    """The SQL layers of `scope` over the tickets `replay_events`/`replay_tickets` show."""
    run_script(con, "int_intervals")
    kind = "view" if scope == "sla" else "table"
    con.execute(f"create or replace temp {kind} int_intervals as select * from int_intervals_v")
    # the per-ticket attributes pages filter on, in the mart only when pages will read it
    query(con, "stg_ticket_attributes" if scope == "all" else "stg_ticket_no_attributes")
    for layer in SCOPES[scope]:
        run_script(con, layer)


def _run_partitions(con, scope: str, count: int) -> None:
    """Run the layers once per ticket partition, appending each partition's outputs
    (`OUTPUTS`) to the whole run's; the intermediate tables, partial, are dropped. The plan
    (as-of, calendar, targets, rules: `_prepare`) is computed once, before."""
    kept: list[str] = []
    for index in range(count):
        select_partition(con, count, index)
        _run_layers(con, scope)
        for name in OUTPUTS:
            if not _is_table(con, name):
                continue
            if index == 0:
                con.execute(f"create or replace temp table {name}_all as select * from {name}")
                kept.append(name)
            else:
                con.execute(f"insert into {name}_all select * from {name}")
            con.execute(f"drop table {name}")
    select_partition(con, 1, 0)
    for name in kept:
        con.execute(f"alter table {name}_all rename to {name}")
    for name in INTERMEDIATE:
        con.execute(f"drop table if exists {name}")


def _is_table(con, name: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where temporary and table_name = $n",
            {"n": name},
        ).fetchall()[0][0]
    )


def clock_roles(config: SlaConfig) -> dict[str, str]:
    """The TTR clock's role in each état: 'stop' in the stop états of the vocabulary, 'pause'
    in `rules.pause`, else 'run' (DESIGN §2). The replay's one table of roles, `cfg_roles`."""
    return {
        e: "stop" if e in STOP_ETATS else "pause" if e in config.rules.pause else "run"
        for e in ETAT_CODES
    }


def _epoch_us(dt: datetime) -> int:
    delta = dt.astimezone(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86400 + delta.seconds) * US + delta.microseconds


def _prepare(con, config: SlaConfig, windows: Windows, as_of: datetime, as_of_us: int) -> None:
    """The plan's tables (`sql/replay/replay_plan.sql`) and its two generated macros."""
    columns, more = windows.day_columns()
    roles = clock_roles(config)
    expected = sorted(EXPECTED_TRANSITIONS)
    run_script(
        con,
        "replay_plan",
        start_us=windows.start_us.tolist(),
        end_us=windows.end_us.tolist(),
        cum_us=windows.cum_us.tolist(),
        **columns,
        more_day=[m[0] for m in more],
        more_s=[m[1] for m in more],
        more_e=[m[2] for m in more],
        as_of=as_of,
        as_of_us=as_of_us,
        as_of_b_us=windows.business_at(as_of_us),
        at_risk=config.rules.at_risk,
        default_priority=config.rules.default_priority,
        timezone=config.calendar.timezone,
        role_etat=list(roles),
        role=list(roles.values()),
        target_priority=list(PRIORITY_CODES),
        tto_us=[config.target(p).tto_s * US for p in PRIORITY_CODES],
        ttr_us=[config.target(p).ttr_s * US for p in PRIORITY_CODES],
        from_etat=[t[0] for t in expected],
        to_etat=[t[1] for t in expected],
    )
    # Macros built from constants only (no user text reaches SQL here): the day keys' origin,
    # and the business time of a day's windows beyond the fourth (none in most calendars).
    extra = (
        "coalesce(list_sum(list_transform(more, lambda w: greatest(0, least(t, w.e) - w.s))), 0)"
        if more
        else "0"
    )
    con.execute(
        f"create or replace temp macro d_origin_us() as {DAY_ORIGIN_US}::bigint;"
        f"create or replace temp macro extra_business(t, more) as {extra};"
    )
