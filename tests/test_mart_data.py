"""Data tests declared beside each mart (`sql/**/<mart>.tests.sql`): every statement selects
the rows breaking one rule, and must select none, on the demo data at several as-of instants,
in one run and in partitions."""

from __future__ import annotations

import pytest

from ticketlib.db import store
from ticketlib.db.sqlfiles import SQL_DIR, statements
from ticketlib.domain.config import load_config
from ticketlib.replay import run

TESTS = sorted(SQL_DIR.rglob("*.tests.sql"))


def test_every_mart_declares_its_tests():
    assert [p.name for p in TESTS] == [
        "mart_etat_durations.tests.sql",
        "mart_quality.tests.sql",
        "mart_ticket_sla.tests.sql",
        "int_intervals.tests.sql",
    ]


@pytest.mark.parametrize(
    ("as_of", "partitions"), [(None, 1), ("2025-03-31 10:00", 1), ("2025-07-14 12:00", 3)]
)
def test_marts_pass_their_data_tests(demo_db, as_of, partitions):
    con = store.connect_read(demo_db)
    try:
        run.replay(con, load_config(), as_of, scope="all", partitions=partitions)
        checked = 0
        for path in TESTS:
            for statement in statements(path.read_text(encoding="utf-8")):
                rule = next(
                    line for line in reversed(statement.splitlines()[:3]) if line.startswith("--")
                )
                rows = con.execute(statement).fetchmany(5)
                assert rows == [], f"{path.name}: {rule}: {rows}"
                checked += 1
        assert checked == 14
    finally:
        con.close()


def test_a_broken_mart_fails_its_data_tests(demo_db):
    """The data tests can fail: a duplicated row and a wrong duration are caught."""
    con = store.connect_read(demo_db)
    try:
        run.replay(con, load_config(), None, scope="all", partitions=1)
        con.execute(
            "insert into mart_etat_durations select * from mart_etat_durations limit 1;"
            "update mart_ticket_sla set wall_us = wall_us + 1 where ticket_key = 1"
        )
        failing = []
        for path in TESTS:
            for statement in statements(path.read_text(encoding="utf-8")):
                if con.execute(statement).fetchmany(1):
                    failing.append(statement.splitlines()[-1])
        assert len(failing) >= 3  # the key, the sum per ticket, the SLA mart's wall time
    finally:
        con.close()
