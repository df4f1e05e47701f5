"""Created vs resolved (issue 13): exact counts per week and month on tests/sla_fixture.py.

Created: week of 3 March S1-S4, week of 10 March S5-S7. Resolved (TTR clock stopped, local
day of the last stop): S1 Mon 3, S2 Tue 4, S3 Wed 5; S4-S7 still open. On flow_fixture, F2 is
resolved twice on Tue 4 (reopened in between): it counts once.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests import flow_fixture
from tests import sla_fixture as sf
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import created_resolved as cr
from ticketlib.queries.filters import Filters

CONFIG = load_config()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    ds = Dataset(sf.build(tmp_path_factory.mktemp("cr")))
    yield ds, ds.marts(CONFIG)
    ds.close()


def rows(ctx, filters: Filters, grain: str) -> list[tuple]:
    ds, marts = ctx
    with ds.cursor() as cur:
        frame = cr.created_resolved(cur, marts, filters, grain)
    return [
        tuple(r) for r in frame[["bucket", "created", "resolved", "net"]].itertuples(index=False)
    ]


def test_per_week_and_month(ctx):
    assert rows(ctx, Filters(), "week") == [
        (date(2025, 3, 3), 4, 3, 1),
        (date(2025, 3, 10), 3, 0, 3),
    ]
    assert rows(ctx, Filters(), "month") == [(date(2025, 3, 1), 7, 3, 4)]


def test_filters_and_the_period_bound_each_series_on_its_own_day(ctx):
    # team B: S3, S4, S6 created; S3 resolved
    assert rows(ctx, Filters(teams=("B",)), "week") == [
        (date(2025, 3, 3), 2, 1, 1),
        (date(2025, 3, 10), 1, 0, 1),
    ]
    # 4-14 March: created S3-S7; resolved S2 (Tue 4) and S3 (Wed 5), not S1 (Mon 3)
    period = Filters(date_from=date(2025, 3, 4), date_to=date(2025, 3, 14))
    assert rows(ctx, period, "week") == [
        (date(2025, 3, 3), 2, 2, 0),
        (date(2025, 3, 10), 3, 0, 3),
    ]
    # the same dates by resolution: the same bars (each series on its own day)
    by_resolution = Filters(
        period_field="resolved", date_from=period.date_from, date_to=period.date_to
    )
    assert rows(ctx, by_resolution, "week") == rows(ctx, period, "week")
    # an empty selection: no row
    assert rows(ctx, Filters(customers=("Nobody",)), "month") == []


def test_a_ticket_resolved_twice_counts_once(tmp_path):
    ds = Dataset(flow_fixture.build(tmp_path))
    try:
        with ds.cursor() as cur:
            frame = cr.created_resolved(cur, ds.marts(CONFIG), Filters(), "week")
    finally:
        ds.close()
    # created F1-F7 (week of 3 March); resolved F1 (Mon), F2 and F3 (Tue)
    assert [tuple(r) for r in frame.itertuples(index=False)] == [(date(2025, 3, 3), 7, 3, 4)]


def test_bar_filters_and_unknown_values():
    f = cr.bar_filters(Filters(teams=("B",)), "resolved", date(2025, 3, 3), "week")
    assert (f.period_field, f.date_from, f.date_to, f.teams) == (
        "resolved",
        date(2025, 3, 3),
        date(2025, 3, 9),
        ("B",),
    )
    with pytest.raises(ValueError, match="series"):
        cr.bar_filters(Filters(), "closed", date(2025, 3, 3), "week")
    with pytest.raises(ValueError, match="grain"):
        cr.created_resolved(None, None, Filters(), "day")
