"""The calendar's windows and day table, and data tests on every replay layer (STYLE §7)."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from tests.helpers import config_from
from ticketlib.db import store
from ticketlib.replay.business_calendar import US, build_windows, windows_for
from ticketlib.replay.run import replay

ROOT = Path(__file__).resolve().parents[1]


def us(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp()) * US


@pytest.mark.parametrize(
    ("hours", "day", "expected_h"),
    [
        ('mon = ["09:00-18:00"]', date(2025, 3, 3), 9),
        ('sun = ["00:00-24:00"]', date(2025, 3, 30), 23),  # Paris spring forward
        ('sun = ["00:00-24:00"]', date(2025, 10, 26), 25),  # Paris fall back
        ('sun = ["02:30-05:00"]', date(2025, 3, 30), 2),  # 02:30-03:00 does not exist
        ('sun = ["02:30-05:00"]', date(2025, 10, 26), 3),  # 02:30-03:00 twice, 03:00-04:00 once
        ('mon = ["09:00-12:00", "13:00-18:00"]', date(2025, 3, 3), 8),
        ('thu = ["09:00-18:00"]', date(2025, 5, 1), 0),  # Labour Day
    ],
)
def test_business_hours_of_a_day(hours, day, expected_h):
    config = config_from(f"[calendar.hours]\n{hours}")
    w = build_windows(config.calendar, day, day)
    assert int((w.end_us - w.start_us).sum()) == expected_h * 3600 * US


def test_business_at_and_day_table_agree():
    config = config_from()
    w = windows_for(
        config.calendar, us("2025-03-01T00:00:00+00:00"), us("2025-04-30T00:00:00+00:00"), 0
    )
    replay_con = store.configure(duckdb.connect())
    store.init_schema(replay_con)
    replay(replay_con, config, datetime(2025, 4, 30, tzinfo=UTC))  # defines d_origin_us()
    # B(t) from the windows (Python) and from the day table (SQL) at awkward instants
    instants = [
        "2025-03-03T07:59:59+00:00",
        "2025-03-03T08:00:00+00:00",
        "2025-03-03T12:34:56+00:00",
        "2025-03-03T17:00:00+00:00",
        "2025-03-08T12:00:00+00:00",
        "2025-03-31T07:30:00+00:00",
        "2025-03-31T16:59:59+00:00",
        "2025-04-21T10:00:00+00:00",
    ]
    replay_con.register("cal_days_frame", w.day_frame())
    for text in instants:
        t = us(text)
        sql = (
            "select d.cum0 + greatest(0, least($t, d.e1) - d.s1) + greatest(0, least($t, d.e2) - d.s2) "
            "+ greatest(0, least($t, d.e3) - d.s3) + greatest(0, least($t, d.e4) - d.s4) "
            "from cal_days_frame d where d.day = ($t + d_origin_us()) // 86400000000"
        )
        assert replay_con.execute(sql, {"t": t}).fetchall()[0][0] == w.business_at(t), text


def test_local_days_across_dst(tmp_path):
    from tests.helpers import load_history

    db = load_history(
        tmp_path,
        [
            ["A", "2025-03-29T23:30:00+01:00"],  # 22:30Z, still Saturday in Paris
            ["B", "2025-10-25T23:30:00+02:00"],  # 21:30Z
            ["C", "2025-10-26T00:30:00+02:00"],  # 22:30Z on the 25th, Sunday 26 in Paris
            ["D", "2025-12-31T23:59:00+01:00"],
        ],
        [],
    )
    con = store.connect_read(db)
    replay(con)
    days = dict(con.execute("select ticket_id, created_day from mart_ticket_sla").fetchall())
    assert days == {
        "A": date(2025, 3, 29),
        "B": date(2025, 10, 25),
        "C": date(2025, 10, 26),
        "D": date(2025, 12, 31),
    }


def test_layers_data_tests(demo_db):
    """Keys unique and not null, états accepted, intervals add up, marts one row per key."""
    con = store.connect_read(demo_db)
    info = replay(con)
    as_of_us = int(info.as_of.timestamp() * US)
    one = lambda q: con.execute(q).fetchall()[0][0]  # noqa: E731
    assert one("select count(*) - count(distinct ticket_key) from tickets") == 0
    assert one("select count(*) - count(distinct ticket_id) from tickets") == 0
    assert one("select count(*) from events where ticket_key is null or ts is null") == 0
    assert one("select count(*) - count(distinct ticket_key) from mart_ticket_sla") == 0
    assert one("select count(*) from mart_ticket_sla") == one(
        "select count(distinct ticket_key) from int_intervals"
    )
    assert one("select count(*) - count(distinct (ticket_key, etat)) from mart_etat_durations") == 0
    assert (
        one(
            "select count(*) from int_intervals where wall_us < 0 or bus_us < 0 or bus_us > wall_us"
        )
        == 0
    )
    # per ticket, intervals tile [creation, as-of)
    assert (
        one(
            f"select count(*) from (select ticket_key, sum(wall_us) w, min(start_us) s from int_intervals "
            f"group by all) where w <> {as_of_us} - s"
        )
        == 0
    )
    statuses = {
        r[0]
        for r in con.execute(
            "select distinct tto_status from mart_ticket_sla union select distinct ttr_status from mart_ticket_sla"
        ).fetchall()
    }
    assert statuses <= {"met", "breached", "at_risk", "running"}
    # the stored derived tables are this very replay
    assert (
        one(
            "select count(*) from (select * from mart_ticket_sla except select * from marts.ticket_sla)"
        )
        == 0
    )


def test_ticketlib_never_imports_streamlit():
    offenders = []
    for path in (ROOT / "ticketlib").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(n.split(".")[0] == "streamlit" for n in names):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_quality_flags(tmp_path):
    from tests.helpers import load_history
    from ticketlib.outputs.cli_export import cli_frame

    db = load_history(
        tmp_path,
        [
            ["Q1", "2025-03-03T09:00:00+01:00", "Haute"],
            ["Q2", "2025-03-03T09:00:00+01:00", "Haute"],
        ],
        [
            ["Q1", "2025-03-03T09:00:00+01:00", "RÉSOLU", ""],  # starts in resolu, unexpected
            ["Q1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],
            ["Q1", "2025-03-03T10:00:00+01:00", "EN ATTENTE RETOUR INTERNE", ""],  # same instant
            ["Q2", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],  # nothing to flag
        ],
    )
    flags = cli_frame("quality", db, config_from())
    got = sorted(zip(flags.ticket_id, flags.flag, flags.detail))
    assert got == [
        ("Q1", "same_instant", "2 événements / events"),
        ("Q1", "starts_not_ouvert", "premier état / first état: resolu"),
        ("Q1", "unexpected_transition", "ouvert → resolu"),
        ("Q1", "unexpected_transition", "resolu → pris_en_compte"),
    ]
