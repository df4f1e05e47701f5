"""Partition parity (issue 12, Spark-free): the replay of hash buckets of tickets, concatenated,
equals the single-machine CLI output (`python -m ticketlib sla|durations|quality --out
x.parquet`) on every column, for 1, 3 and 7 buckets, on the demo data and on the random
histories of tests/test_engine_properties.py, at several as-of instants."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_outputs import write_config
from tests.test_engine_properties import CALENDARS, as_of_choices, config, histories, load
from ticketlib import cli
from ticketlib.db.raw_export import read_raw
from ticketlib.domain.config import DEFAULT_CONFIG, load_config
from ticketlib.marts.persisted import rebuild
from ticketlib.spark.partition import (
    OUTPUTS,
    ReplayPlan,
    conform,
    empty_raw,
    output_schema,
    plan_for,
    replay_partition,
    span_of,
    with_flags,
)

BUCKETS = (1, 3, 7)


def cli_table(kind: str, db, cfg_path, as_of, out) -> pa.Table:
    """What the DuckDB command writes, read back from its Parquet file."""
    argv = [kind, "--db", str(db), "--config", str(cfg_path), "--out", str(out)]
    assert cli.main(argv + (["--as-of", as_of] if as_of else [])) == 0
    return pq.read_table(out)


def buckets(raw: dict[str, pa.Table], n: int):
    """(tickets with their import flags, events) of each of `n` hash buckets of ticket_key."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    tickets = with_flags(raw["tickets"], raw["import_flags"])
    con.register("t", tickets)
    con.register("e", raw["events"])
    for b in range(n):
        where = f"where hash(ticket_key) % {n} = {b}"
        yield (
            con.sql(f"select * from t {where}").to_arrow_table(),
            con.sql(f"select * from e {where}").to_arrow_table(),
        )
    con.close()


def global_plan(raw, cfg, as_of) -> ReplayPlan:
    """The plan from global bounds: the latest instant over all data, as the replay reads it."""
    _, latest = span_of(raw["tickets"], raw["events"], raw["imports"], cfg.calendar.timezone)
    return plan_for(cfg, raw["imports"], as_of, latest)


def sorted_rows(table: pa.Table) -> pa.Table:
    return table.sort_by([(c, "ascending") for c in table.column_names])


def assert_parity(db, cfg_path, as_of, folder, kinds=OUTPUTS, counts=BUCKETS):
    cfg = load_config(cfg_path)
    raw = read_raw(db)
    plan = global_plan(raw, cfg, as_of)
    for kind in kinds:
        want = cli_table(kind, db, cfg_path, as_of, folder / f"{kind}.parquet")
        for n in counts:
            parts = [replay_partition(t, e, plan, (kind,))[kind] for t, e in buckets(raw, n)]
            got = pa.concat_tables(parts)
            # same names and types (Parquet adds no-null flags: values compared below)
            assert [(f.name, f.type) for f in got.schema] == [
                (f.name, f.type) for f in want.schema
            ], (kind, n)
            assert got.num_rows == want.num_rows, (kind, n, as_of)
            want = want.cast(got.schema)
            assert sorted_rows(got).equals(sorted_rows(want)), (kind, n, as_of)


@pytest.mark.parametrize(
    ("as_of", "counts"),
    [
        (None, BUCKETS),  # the default: the latest event or creation over ALL data
        ("2025-01-06T08:00:00Z", (7,)),  # before every event and creation
        ("2025-06-16 10:30", (7,)),  # within the events, naive: local time of the calendar
        ("2026-02-01T00:00:00+01:00", (3,)),  # after every event
    ],
)
def test_demo_buckets_equal_cli(demo_db, tmp_path, as_of, counts):
    """(1 bucket at the default only: the 3,000 tickets take seconds per replay here.)"""
    assert_parity(demo_db, DEFAULT_CONFIG, as_of, tmp_path, counts=counts)


def test_demo_import_flags_reach_quality(demo_db, tmp_path):
    """The flags set at import (here added to a copy of the demo) are in `quality` rows."""
    db = tmp_path / "flags.duckdb"
    db.write_bytes(demo_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute(
        "insert into import_flags select ticket_key, 'changelog_truncated', 'x', 1 "
        "from tickets order by ticket_id limit 5"
    )
    rebuild(con, load_config())  # as an import does: the kept marts follow the raw tables
    con.close()
    assert_parity(db, DEFAULT_CONFIG, None, tmp_path, kinds=("quality",), counts=(3,))
    raw = read_raw(db)
    tickets, events = next(buckets(raw, 1))
    got = replay_partition(tickets, events, global_plan(raw, load_config(), None), ("quality",))
    flags = got["quality"].filter(pc.equal(got["quality"]["flag"], "changelog_truncated"))
    assert flags.num_rows == 5 and set(flags["detail"].to_pylist()) == {"x"}


@settings(
    max_examples=int(os.environ.get("PARTITION_EXAMPLES", 3)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories(), st.data())
def test_histories_buckets_equal_cli(tmp_path_factory, history, data):
    """Random histories (several zones, naive times read again in another zone, ties, reopens,
    events before creation), at the default as-of and at one drawn before, at, between or
    after the events."""
    load_name, replay_name, tickets = history
    folder = tmp_path_factory.mktemp("p")
    db, order = load(folder, load_name, tickets)
    cfg_path = write_config(folder, CALENDARS[replay_name], "replay.toml")
    assert_parity(db, cfg_path, None, folder)
    as_of = as_of_choices(data.draw, replay_name, tickets, order)
    assert config(replay_name).calendar.timezone  # the as-of text is read in this zone
    assert_parity(db, cfg_path, as_of, folder)


def test_plan_is_small_and_explicit_as_of_needs_no_data():
    import pickle

    cfg = load_config()
    plan = plan_for(cfg, empty_raw("imports"), "2025-03-03 09:00")
    assert plan.as_of == datetime(2025, 3, 3, 8, 0, tzinfo=UTC)  # Paris, UTC+1 in March
    assert plan.as_of_us == 1740988800_000000
    assert len(pickle.dumps(plan)) < 10_000
    assert plan_for(cfg, empty_raw("imports")).as_of is None  # no data, no default


def test_empty_partition_gives_typed_empty_rows():
    cfg = load_config()
    plan = plan_for(cfg, empty_raw("imports"), "2025-03-03 09:00")
    out = replay_partition(empty_raw("tickets"), empty_raw("events"), plan)
    assert {k: v.num_rows for k, v in out.items()} == {"sla": 0, "durations": 0, "quality": 0}
    assert out["sla"].schema == output_schema("sla", cfg)
    assert out["sla"].schema.field("created_at").type == pa.timestamp("us", tz="UTC")
    assert out["durations"].column_names == ["ticket_id", "etat", "visits", "wall_s", "business_s"]


def test_conform_selects_by_name_and_casts():
    schema = pa.schema([("a", pa.int64()), ("b", pa.string())])
    got = conform(pa.table({"b": ["x"], "a": pa.array([1], pa.int32()), "c": [0]}), schema)
    assert got.schema == schema and got.to_pylist() == [{"a": 1, "b": "x"}]


def test_unknown_output_is_refused():
    cfg = load_config()
    plan = plan_for(cfg, empty_raw("imports"), "2025-03-03 09:00")
    with pytest.raises(ValueError, match="unknown output"):
        replay_partition(empty_raw("tickets"), empty_raw("events"), plan, ("slas",))
