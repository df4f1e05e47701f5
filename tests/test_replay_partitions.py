"""The replay over ticket partitions (issue 11 item 1) and the memory budget (item 4).

Running the layers over 1, 3 or 7 partitions of the tickets (by hash of the ticket key) must
give exactly the tables of one run: every column of every mart, and of the CLI outputs, on the
demo data and on the property tests' random histories, at several as-of instants.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_engine_properties import as_of_choices, config, histories, load
from ticketlib.db import budget, store
from ticketlib.db.sqlfiles import sql
from ticketlib.domain.config import load_config
from ticketlib.replay import run

OUTPUTS = {"sla": "out_sla", "durations": "out_durations", "quality": "out_quality"}


def tables(db, config, as_of, scope: str, partitions: int) -> dict[str, list]:
    """Every table the replay leaves for readers, and the scope's CLI outputs, sorted."""
    con = store.connect_read(db)
    try:
        run.replay(con, config, as_of, scope=scope, partitions=partitions)
        names = [
            n
            for (n,) in con.execute(
                "select table_name from duckdb_tables() where temporary "
                "union all select view_name from duckdb_views() where temporary "
                "and view_name = 'int_intervals'"
            ).fetchall()
            if n in run.OUTPUTS
        ]
        got = {n: con.execute(f"select * from {n} order by all").fetchall() for n in names}
        kinds = OUTPUTS if scope == "all" else {scope: OUTPUTS[scope]}
        for kind, name in kinds.items():
            query = sql(name).strip().rstrip(";")
            got[kind] = con.execute(query).fetchall()  # in the file's own order
        return got
    finally:
        con.close()


@pytest.mark.parametrize("as_of", [None, "2025-03-31 10:00", "2025-07-14T12:00:00+02:00"])
def test_partitions_equal_one_run_on_the_demo(demo_db, as_of):
    cfg = load_config()
    whole = tables(demo_db, cfg, as_of, "all", 1)
    assert set(whole) == {
        "int_intervals",
        "mart_ticket_sla",
        "mart_etat_durations",
        "mart_quality",
        "sla",
        "durations",
        "quality",
    }
    assert len(whole["mart_ticket_sla"]) > 100 and len(whole["int_intervals"]) > 1000
    for n in (3, 7):
        parts = tables(demo_db, cfg, as_of, "all", n)
        for name in whole:
            assert parts[name] == whole[name], (n, name)


@pytest.mark.parametrize("scope", ["sla", "durations", "quality"])
def test_partitions_equal_one_run_per_command(demo_db, scope):
    cfg = load_config()
    whole = tables(demo_db, cfg, None, scope, 1)
    assert whole[scope]
    assert tables(demo_db, cfg, None, scope, 7) == whole


@settings(
    max_examples=int(os.environ.get("ENGINE_EXAMPLES", 8)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories(), st.data())
def test_partitions_equal_one_run_on_random_histories(tmp_path_factory, history, data):
    load_name, replay_name, tickets = history
    db, order = load(tmp_path_factory.mktemp("p"), load_name, tickets)
    cfg = config(replay_name)
    for as_of in (None, as_of_choices(data.draw, replay_name, tickets, order)):
        whole = tables(db, cfg, as_of, "all", 1)
        for n in (3, 7):  # most of 7 partitions of 1 to 3 tickets are empty
            assert tables(db, cfg, as_of, "all", n) == whole, (n, as_of)


def test_partition_count_follows_the_budget(demo_db, monkeypatch):
    con = store.connect_read(demo_db)
    try:
        run.prepare_sources(con, "Europe/Paris")
        events = con.execute("select count(*) from events").fetchall()[0][0]
        assert run.partition_count(con) == 1  # the default budget holds the demo
        # the data size alone asks for more partitions, whatever the budget
        monkeypatch.setattr(run, "PARTITION_EVENTS", 5_000)
        assert run.partition_count(con) == -(-events // 5_000) > 1
        monkeypatch.setattr(run, "PARTITION_EVENTS", 4_000_000)
        monkeypatch.setattr(run, "EVENT_BYTES", 10_000)
        budget.set_budget("64MB")
        assert run.partition_count(con) == -(-events * 10_000 // 64_000_000) > 1
        budget.set_partitions(5)
        assert run.partition_count(con) == 5
    finally:
        budget.set_budget(None)
        budget.set_partitions(None)
        con.close()


def test_default_budget_is_one_gigabyte_or_half_the_machine(monkeypatch):
    monkeypatch.delenv("TICKETLIB_MEMORY", raising=False)
    monkeypatch.setattr(budget, "physical_memory", lambda: 16 * 10**9)
    assert budget.budget() == 10**9
    monkeypatch.setattr(budget, "physical_memory", lambda: 1_200_000_000)
    assert budget.budget() == 600_000_000
    monkeypatch.setenv("TICKETLIB_MEMORY", "3GB")
    assert budget.budget() == 3 * 10**9


def test_budget_sets_memory_limit_and_spill_folder(demo_db):
    assert budget.parse_size("2GB") == 2_000_000_000
    assert budget.parse_size("512 MiB") == 512 * 2**20
    assert budget.parse_size("1.5gb") == 1_500_000_000
    for bad in ("lots", "2 GBs", "10MB"):
        with pytest.raises(ValueError):
            budget.parse_size(bad)
    budget.set_budget("300MB")
    try:
        con = store.connect_read(demo_db)
        limit, spill = con.execute(
            "select current_setting('memory_limit'), current_setting('temp_directory')"
        ).fetchall()[0]
        con.close()
    finally:
        budget.set_budget(None)
    assert limit == "286.1 MiB"  # 300,000,000 bytes as DuckDB shows them
    assert spill == str(demo_db) + ".tmp"


def test_small_memory_budget_completes(tmp_path):
    """A 10,000-ticket import and its replay within 256 MB (DuckDB spills beyond it); the
    partitioned run writes the same file."""
    py = [sys.executable, "-m", "ticketlib"]
    db = tmp_path / "t.duckdb"

    def cli(*args):
        done = subprocess.run([*py, *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("demo", "--tickets", "10000", "--out", str(tmp_path / "d"))
    cli(
        "load",
        str(tmp_path / "d/tickets.csv"),
        str(tmp_path / "d/events.csv"),
        "--db",
        str(db),
        "--memory",
        "256MB",
    )
    one = cli("sla", "--db", str(db), "--out", str(tmp_path / "a.csv"), "--memory", "256MB")
    assert one.strip().endswith("10000 lignes / rows")
    cli(
        "sla",
        "--db",
        str(db),
        "--out",
        str(tmp_path / "b.csv"),
        "--memory",
        "256MB",
        "--partitions",
        "4",
    )
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    refused = subprocess.run(
        [*py, "sla", "--db", str(db), "--out", str(tmp_path / "c.csv"), "--memory", "lots"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "--memory 'lots'" in refused.stderr


def test_a_subset_on_its_own_connection_with_the_whole_bounds(demo_db):
    """What an engine replaying a partition elsewhere (Spark, issue 12) does: the partition's
    raw rows in a fresh DuckDB, replayed with the whole data's as-of and first instant, give
    exactly the whole run's rows for those tickets, absolute business microseconds included."""
    import duckdb

    cfg = load_config()
    where = "where ticket_key in (select ticket_key from tickets where created_at > $cut)"
    con = store.connect_read(demo_db)
    try:
        info = run.replay(con, cfg, None, scope="all", partitions=1)
        cut = {"cut": info.first + timedelta(days=60)}
        whole = {
            t: con.execute(f"select * from {t} {where} order by all", cut).fetchall()
            for t in run.OUTPUTS
        }
        raw = {
            t: con.execute(f"select * from {t} {where}", cut).to_arrow_table()
            for t in ("tickets", "events", "import_flags")
        }
        raw["imports"] = con.execute("select * from imports").to_arrow_table()
    finally:
        con.close()
    part = store.configure(duckdb.connect())
    store.init_schema(part)
    for name, table in raw.items():
        part.register(f"{name}_arrow", table)
        part.execute(f"insert into {name} select * from {name}_arrow")
    run.replay(part, cfg, info.as_of, scope="all", partitions=1, first=info.first)
    assert len(whole["mart_ticket_sla"]) > 1000
    for t in run.OUTPUTS:
        assert part.execute(f"select * from {t} order by all").fetchall() == whole[t], t
