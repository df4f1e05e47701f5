"""Exact values of the SLA pages' queries on the small history of `sla_fixture`: the metrics
they rely on (kpis, compliance, backlog, what_if, distribution) and their own (metrics_sla)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests import sla_fixture as sf
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import config_view, metrics
from ticketlib.queries import sla as metrics_sla
from ticketlib.queries import tickets as ticket_queries
from ticketlib.queries.filters import Filters
from ticketlib.queries.sla import ALL_KEY, NONE_KEY

CONFIG = load_config()
CONFIGURED = {p: (t.tto_s, t.ttr_s) for p, t in CONFIG.targets}


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ds = Dataset(sf.build(tmp_path_factory.mktemp("metrics_sla")))
    marts = ds.marts(CONFIG)
    with ds.cursor() as cur:
        yield cur, marts
    ds.close()


def ids(frame: pd.DataFrame) -> list[str]:
    return sorted(frame["ticket_id"])


# -- the metrics the pages rely on ------------------------------------------------------------


def test_kpis_all(ctx):
    k = metrics.kpis(*ctx, Filters())
    assert (k.tickets, k.tto_met, k.tto_breached, k.ttr_met, k.ttr_breached) == (7, 5, 1, 2, 3)
    assert (k.open_backlog, k.breached_open, k.at_risk_open) == (4, 2, 1)
    assert k.median_tto_h == pytest.approx(1.25)
    assert k.median_ttr_h == pytest.approx(9.0)
    assert k.tto_compliance == pytest.approx(5 / 6)
    assert k.ttr_compliance == pytest.approx(2 / 5)


@pytest.mark.parametrize(
    "filters, expected",
    [
        # haute: S1, S2, S6
        (Filters(priorities=("haute",)), (3, 2, 1, 1, 1, 1, 0, 1)),
        # team B: S3, S4, S6
        (Filters(teams=("B",)), (3, 3, 0, 1, 1, 2, 1, 1)),
        # created in the week of 10 March: S5, S6, S7 (backlog ignores the period)
        (Filters(date_from=date(2025, 3, 10), date_to=date(2025, 3, 14)), (3, 2, 0, 0, 1, 4, 2, 1)),
        # resolved on 3-5 March: S1, S2, S3
        (
            Filters(period_field="resolved", date_from=date(2025, 3, 3), date_to=date(2025, 3, 5)),
            (3, 2, 1, 2, 1, 4, 2, 1),
        ),
    ],
)
def test_kpis_filtered(ctx, filters, expected):
    k = metrics.kpis(*ctx, filters)
    got = (
        k.tickets,
        k.tto_met,
        k.tto_breached,
        k.ttr_met,
        k.ttr_breached,
        k.open_backlog,
        k.breached_open,
        k.at_risk_open,
    )
    assert got == expected


def test_kpis_of_an_empty_period(ctx):
    k = metrics.kpis(*ctx, Filters(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)))
    assert k.tickets == 0 and k.tto_compliance is None and k.median_ttr_h is None
    assert k.open_backlog == 4


def test_compliance_per_week_and_priority(ctx):
    frame = metrics.compliance(*ctx, Filters(), grain="week", by="priority")
    rows = {
        (str(r.bucket.date()), r.grp): (r.tto_met, r.tto_n, r.ttr_met, r.ttr_n, r.tickets)
        for r in frame.itertuples()
    }
    assert rows == {
        ("2025-03-03", "haute"): (1, 2, 1, 2, 2),
        ("2025-03-03", "moyenne"): (1, 1, 1, 1, 1),
        ("2025-03-03", "faible"): (1, 1, 0, 1, 1),
        ("2025-03-10", "haute"): (1, 1, 0, 0, 1),
        ("2025-03-10", "moyenne"): (1, 1, 0, 1, 1),
        ("2025-03-10", "faible"): (0, 0, 0, 0, 1),
    }


def test_backlog_per_day_and_etat(ctx):
    frame = metrics.backlog(*ctx, Filters(), CONFIG)
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    by = {(r.day.isoformat(), r.etat): r.tickets for r in frame.itertuples()}
    assert set(frame.etat) == {"ouvert", "pris_en_compte", "resolu"}
    assert frame.day.min() == date(2025, 3, 3) and frame.day.max() == date(2025, 3, 14)
    assert by[("2025-03-03", "pris_en_compte")] == 1 and by[("2025-03-03", "resolu")] == 1
    assert by[("2025-03-09", "pris_en_compte")] == 1 and by[("2025-03-09", "resolu")] == 2
    assert by[("2025-03-14", "ouvert")] == 1
    assert by[("2025-03-14", "pris_en_compte")] == 3
    assert by[("2025-03-14", "resolu")] == 1
    assert by[("2025-03-13", "ouvert")] == 0


def test_backlog_follows_the_filters_but_not_the_period(ctx):
    frame = metrics.backlog(*ctx, Filters(teams=("A",), date_from=date(2025, 3, 10)), CONFIG)
    last = frame[pd.to_datetime(frame["day"]).dt.date == date(2025, 3, 14)]
    assert dict(zip(last.etat, last.tickets)) == {"ouvert": 1, "pris_en_compte": 1, "resolu": 1}


def test_what_if_configured_targets_change_nothing(ctx):
    frame = metrics.what_if(*ctx, Filters(), CONFIGURED, CONFIG.rules.at_risk)
    for clock in ("tto", "ttr"):
        assert frame[f"{clock}_met"].tolist() == frame[f"new_{clock}_met"].tolist()
    rows = {r.priority: r for r in frame.itertuples()}
    assert (rows["haute"].ttr_met, rows["haute"].ttr_n) == (1, 2)
    # open counts agree with the KPIs: an at-risk ticket is one not breached (S6 only)
    assert int(frame.at_risk_open.sum()) == 1
    assert int(frame.breached_open.sum()) == 2


def test_what_if_tighter_haute_ttr(ctx):
    targets = dict(CONFIGURED, haute=(3600, 2 * 3600))
    frame = metrics.what_if(*ctx, Filters(), targets, 0.75)
    h = frame.set_index("priority").loc["haute"]
    assert (h.ttr_met, h.ttr_n, h.new_ttr_met, h.new_ttr_n) == (1, 2, 0, 3)
    assert (h.breached_open, h.new_breached_open, h.at_risk_open, h.new_at_risk_open) == (
        0,
        1,
        1,
        0,
    )
    summary = metrics_sla.what_if_summary(frame)
    total = summary.set_index("priority").loc[ALL_KEY]
    assert (total.ttr_met, total.ttr_n, total.new_ttr_met, total.new_ttr_n) == (2, 5, 1, 6)
    assert total.ttr_pct == pytest.approx(0.4)
    assert total.new_ttr_pct == pytest.approx(1 / 6)
    assert total.ttr_delta_pts == pytest.approx(100 * (1 / 6 - 0.4))
    assert summary.priority.tolist() == ["haute", "moyenne", "faible", ALL_KEY]


def test_what_if_lower_at_risk_share(ctx):
    # at 10 % of the target, S7 (1h of TTO 8h and of TTR 45h) becomes at risk too
    frame = metrics.what_if(*ctx, Filters(), CONFIGURED, 0.10)
    assert int(frame.new_at_risk_open.sum()) == 2
    assert int(frame.at_risk_open.sum()) == 1


@pytest.mark.parametrize(
    "clock, priority, expected",
    [
        ("tto", "haute", {0.0: 2, 2.0: 1}),
        ("tto", "moyenne", {0.0: 1, 2.0: 1}),
        ("tto", "faible", {8.0: 1}),
        ("ttr", "haute", {3.0: 1, 9.0: 1}),
        ("ttr", "moyenne", {9.0: 1}),
    ],
)
def test_distribution_per_clock_priority(ctx, clock, priority, expected):
    filters = metrics_sla.drill_filters(Filters(), **{f"{clock}_priority": priority})
    frame = metrics.distribution(*ctx, filters, clock=clock, bin_h=1.0, cap_h=10.0)
    assert set(frame.priority) == {priority}
    assert dict(zip(frame.hours, frame.tickets)) == expected


def test_distribution_caps_the_last_bin(ctx):
    frame = metrics.distribution(*ctx, Filters(), clock="ttr", bin_h=2.0, cap_h=4.0)
    assert dict(zip(zip(frame.priority, frame.hours), frame.tickets)) == {
        ("haute", 2.0): 1,
        ("haute", 4.0): 1,
        ("moyenne", 4.0): 1,
    }


# -- metrics_sla ------------------------------------------------------------------------------


def test_clock_compliance_by_clock_priority(ctx):
    frame = metrics_sla.clock_compliance(*ctx, Filters())
    got = {(r.clock, r.row_value): (r.met, r.n) for r in frame.itertuples()}
    assert got == {
        ("tto", "faible"): (1, 1),
        ("tto", "haute"): (2, 3),
        ("tto", "moyenne"): (2, 2),
        ("ttr", "faible"): (0, 1),
        ("ttr", "haute"): (1, 2),
        ("ttr", "moyenne"): (1, 2),
    }
    assert set(frame.col_value) == {"all"}


def test_clock_compliance_totals_by_team_and_week(ctx):
    frame = metrics_sla.clock_compliance(
        *ctx, Filters(), rows="team", cols="bucket", grain="week", totals=True
    )
    ttr = frame[frame.clock == "ttr"]
    cells = {
        (
            ALL_KEY if r.row_total else r.row_value,
            ALL_KEY if r.col_total else str(pd.Timestamp(r.col_value).date()),
        ): (r.met, r.n)
        for r in ttr.itertuples()
    }
    assert cells == {
        ("A", "2025-03-03"): (1, 2),
        ("A", "2025-03-10"): (0, 1),
        ("A", ALL_KEY): (1, 3),
        ("B", "2025-03-03"): (1, 2),
        ("B", "2025-03-10"): (0, 0),
        ("B", ALL_KEY): (1, 2),
        (ALL_KEY, "2025-03-03"): (2, 4),
        (ALL_KEY, "2025-03-10"): (0, 1),
        (ALL_KEY, ALL_KEY): (2, 5),
    }
    assert ttr[ttr.row_total & ttr.col_total].pct.iloc[0] == pytest.approx(0.4)


def test_clock_compliance_by_month_and_resolution(ctx):
    filters = Filters(period_field="resolved")
    frame = metrics_sla.clock_compliance(
        *ctx, filters, rows="bucket", cols="priority", grain="month"
    )
    # only the resolved tickets (S1, S2, S3) have a resolution month
    assert frame.groupby("clock").n.sum().to_dict() == {"tto": 3, "ttr": 3}
    assert {pd.Timestamp(v).date() for v in frame.row_value} == {date(2025, 3, 1)}


def test_clock_compliance_refuses_unknown_dimensions(ctx):
    with pytest.raises(ValueError):
        metrics_sla.clock_compliance(*ctx, Filters(), rows="title")
    with pytest.raises(ValueError):
        metrics_sla.clock_compliance(*ctx, Filters(), grain="year")


@pytest.mark.parametrize(
    "kind, filters, expected",
    [
        ("tickets", Filters(), ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]),
        ("tto_breached", Filters(), ["S2"]),
        ("ttr_breached", Filters(), ["S2", "S4", "S5"]),
        ("open_backlog", Filters(), ["S4", "S5", "S6", "S7"]),
        ("breached_open", Filters(), ["S4", "S5"]),
        ("at_risk_open", Filters(), ["S6"]),
        ("ttr_breached", Filters(date_from=date(2025, 3, 10)), ["S5"]),
        # open kinds ignore the period, like the KPI cards
        ("breached_open", Filters(date_from=date(2025, 3, 10)), ["S4", "S5"]),
        ("breached_open", Filters(teams=("A",)), ["S5"]),
    ],
)
def test_kpi_tickets(ctx, kind, filters, expected):
    assert ids(metrics_sla.kpi_tickets(*ctx, filters, kind)) == expected


@pytest.mark.parametrize(
    "day, etat, expected",
    [
        (date(2025, 3, 3), "resolu", ["S1"]),
        (date(2025, 3, 3), "pris_en_compte", ["S2"]),
        (date(2025, 3, 9), "resolu", ["S2", "S3"]),
        (date(2025, 3, 14), "pris_en_compte", ["S4", "S5", "S6"]),
        (date(2025, 3, 14), "resolu", ["S2"]),
        (date(2025, 3, 14), "ouvert", ["S7"]),
        (date(2025, 3, 13), "ouvert", []),
    ],
)
def test_backlog_tickets_match_the_backlog(ctx, day, etat, expected):
    frame = metrics_sla.backlog_tickets(*ctx, Filters(), CONFIG, day, etat)
    assert ids(frame) == expected
    backlog = metrics.backlog(*ctx, Filters(), CONFIG)
    row = backlog[(pd.to_datetime(backlog.day).dt.date == day) & (backlog.etat == etat)]
    assert int(row.tickets.sum()) == len(expected)


def test_backlog_tickets_follow_the_filters(ctx):
    frame = metrics_sla.backlog_tickets(
        *ctx, Filters(teams=("B",)), CONFIG, date(2025, 3, 14), "pris_en_compte"
    )
    assert ids(frame) == ["S4", "S6"]


def test_compliance_table_and_top_rows(ctx):
    frame = metrics_sla.clock_compliance(*ctx, Filters(), rows="team", cols="all", totals=True)
    table = metrics_sla.compliance_table(frame)
    assert table.key.tolist() == ["A", "B", ALL_KEY]
    assert table[["tto_met", "tto_n", "ttr_met", "ttr_n"]].values.tolist() == [
        [2, 3, 1, 3],
        [3, 3, 1, 2],
        [5, 6, 2, 5],
    ]
    grid = metrics_sla.clock_compliance(
        *ctx, Filters(), rows="assignee", cols="bucket", grain="week", totals=True
    )
    rows, count = metrics_sla.top_rows(grid, "tto", 2)
    # Ann (S1, S5) 2, Cid (S3, S4) 2, then Bob 1, Dan 1; S7 has no agent and no decided TTO
    assert rows == ["Ann", "Cid"] and count == 5
    rows, _ = metrics_sla.top_rows(grid, "tto", 10)
    assert rows[-1] == NONE_KEY


def test_comparison_windows():
    as_of = date(2025, 3, 14)
    w = metrics_sla.comparison(Filters(), as_of)
    assert w.defaulted and w.days == 28
    assert (w.current.date_from, w.current.date_to) == (date(2025, 2, 15), as_of)
    assert (w.previous.date_from, w.previous.date_to) == (date(2025, 1, 18), date(2025, 2, 14))
    period = Filters(date_from=date(2025, 3, 10), date_to=date(2025, 3, 14))
    w = metrics_sla.comparison(period, as_of)
    assert not w.defaulted and w.days == 5 and w.current == period
    assert (w.previous.date_from, w.previous.date_to) == (date(2025, 3, 5), date(2025, 3, 9))
    w = metrics_sla.comparison(Filters(date_from=date(2025, 3, 10)), as_of)
    assert w.previous is None and not w.defaulted
    assert metrics_sla.comparison(Filters(), None).previous is None


def test_drill_filters_clip_the_bucket_to_the_period():
    base = Filters(date_from=date(2025, 3, 5), teams=("A",))
    f = metrics_sla.drill_filters(base, date(2025, 3, 3), "week", ttr_priority="haute")
    assert (f.date_from, f.date_to) == (date(2025, 3, 5), date(2025, 3, 9))
    assert f.extra == (("ttr_priority", "haute"),) and f.teams == ("A",)
    f = metrics_sla.drill_filters(Filters(), date(2024, 2, 1), "month", team=None)
    assert (f.date_from, f.date_to) == (date(2024, 2, 1), date(2024, 2, 29))
    assert f.extra == (("team", None),)


def test_drill_to_no_team_matches_empty_values(ctx):
    f = metrics_sla.drill_filters(Filters(), assignee=None)
    assert ids(ticket_queries.tickets(*ctx, f)) == ["S7"]


def test_open_backlog_on(ctx):
    backlog = metrics.backlog(*ctx, Filters(), CONFIG)
    assert metrics_sla.open_backlog_on(backlog, date(2025, 3, 14)) == 4
    assert metrics_sla.open_backlog_on(backlog, date(2025, 3, 9)) == 1
    assert metrics_sla.open_backlog_on(backlog, date(2025, 2, 1)) is None


def test_configuration_summaries():
    targets = config_view.targets_frame(CONFIG)
    assert targets.values.tolist() == [
        ["haute", 1.0, 8.0],
        ["moyenne", 4.0, 24.0],
        ["faible", 8.0, 45.0],
    ]
    assert config_view.weekly_hours(CONFIG) == [
        ("mon", "fri", "09:00-18:00"),
        ("sat", "sun", ""),
    ]
    closed = config_view.holidays_between(CONFIG, date(2025, 12, 1), date(2026, 1, 5))
    assert [d.isoformat() for d in closed.day] == ["2025-12-24", "2025-12-25", "2026-01-01"]
    assert closed.kind.tolist() == ["closed", "holiday", "holiday"]
    assert closed.name.iloc[1] == "Noël"
    english = config_view.holidays_between(CONFIG, date(2025, 12, 25), date(2025, 12, 25), "en")
    assert english.name.tolist() == ["Christmas Day"]
    assert metrics_sla.what_if_targets_s({"haute": (1.5, 8.0)}) == {"haute": (5400, 28800)}


def test_no_streamlit_in_the_domain():
    import ast
    from pathlib import Path

    root = Path(metrics_sla.__file__).parents[1]
    for path in [root / "queries" / "sla.py", *sorted((root / "charts").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", "") or ""]
                assert not any(n.split(".")[0] == "streamlit" for n in names), path
