"""The review and data-page queries, with exact values on a small history (review_fixture)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.helpers import load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import admin, metrics
from ticketlib.queries import review as metrics_review

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@pytest.fixture(scope="module")
def review_db(tmp_path_factory):
    return load_history(tmp_path_factory.mktemp("review"), TICKETS, EVENTS)


@pytest.fixture(scope="module")
def ctx(review_db):
    ds = Dataset(review_db)
    config = load_config()
    yield ds, config, ds.marts(config)
    ds.close()


def _q(ctx, name, *args, **kwargs):
    ds, config, marts = ctx
    module = admin if hasattr(admin, name) else metrics_review
    with ds.cursor() as cur:
        return getattr(module, name)(cur, marts, *args, **kwargs)


def test_customers(ctx):
    frame = _q(ctx, "customers")
    assert frame.customer.tolist() == ["Alpha", "Beta", "Gamma"]
    assert frame.tickets.tolist() == [3, 1, 1]
    assert frame.first_day.iloc[0].date() == date(2025, 3, 3)
    assert frame.last_day.iloc[0].date() == date(2025, 4, 1)


def test_review_kpis_in_march(ctx):
    ds, _, marts = ctx
    with ds.cursor() as cur:
        k = metrics.kpis(cur, marts, metrics_review.review_filters("Alpha", *MARCH))
    assert (k.tickets, k.tto_met, k.tto_breached, k.ttr_met, k.ttr_breached) == (2, 1, 1, 1, 1)
    assert k.median_tto_h == pytest.approx(3.25) and k.median_ttr_h == pytest.approx(15.5)
    assert k.open_backlog == 1  # A3, open now (the backlog ignores the period)


def test_priority_compliance(ctx):
    march = _q(ctx, "priority_compliance", metrics_review.review_filters("Alpha", *MARCH))
    assert march.priority.tolist() == ["haute", "moyenne"]
    assert march[["tto_met", "tto_n", "ttr_met", "ttr_n"]].values.tolist() == [
        [1, 1, 1, 1],
        [0, 1, 0, 1],
    ]
    assert march.tto_pct.tolist() == [1.0, 0.0]
    assert march.median_ttr_h.tolist() == [4.0, 27.0]
    everything = _q(ctx, "priority_compliance", metrics_review.review_filters("Alpha", None, None))
    assert everything.priority.tolist() == ["haute", "moyenne", "faible"]
    faible = everything.set_index("priority").loc["faible"]
    assert (faible.tto_met, faible.tto_n, faible.ttr_n, faible.open_now) == (1, 1, 0, 1)
    assert pd.isna(faible.ttr_pct)


def test_waits(ctx):
    frame = _q(ctx, "waits", metrics_review.review_filters("Alpha", None, None))
    months = frame[~frame.is_total]
    assert [m.isoformat() for m in pd.to_datetime(months.month).dt.date] == [
        "2025-03-01",
        "2025-04-01",
    ]
    assert months.customer_wait_h.tolist() == [2.0, 0.0]
    assert months.requester_wait_h.tolist() == [31.0, 9.0]
    total = frame[frame.is_total].iloc[0]
    assert total.tickets == 3
    assert total.customer_wait_h == pytest.approx(2.0)
    assert total.requester_wait_h == pytest.approx(40.0)
    assert total.agent_work_h == pytest.approx(39.0)
    assert total.internal_wait_h == pytest.approx(1.0)
    assert total.requester_wait_avg_h == pytest.approx(40 / 3)


def test_breaches_name_the_etat_that_consumed_the_clock(ctx):
    ds, config, marts = ctx
    with ds.cursor() as cur:
        frame = metrics_review.breaches(
            cur, marts, metrics_review.review_filters("Alpha", None, None), config
        )
    assert frame.ticket_id.tolist() == ["A2", "A2"]
    assert frame.clock.tolist() == ["tto", "ttr"]
    assert frame.overrun_h.tolist() == [2.0, 3.0]
    assert frame.consumed_by.tolist() == ["ouvert", "pris_en_compte"]
    assert frame.consumed_h.tolist() == [6.0, 21.0]
    assert frame.due_at.dt.tz_convert("Europe/Paris").dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2025-03-03 14:00",
        "2025-03-05 16:00",
    ]


def test_tickets_with_waits(ctx):
    frame = _q(ctx, "tickets", metrics_review.review_filters("Alpha", None, None))
    assert frame.ticket_id.tolist() == ["A1", "A2", "A3"]
    assert frame.customer_wait_h.tolist() == [2.0, 0.0, 0.0]
    assert frame.requester_wait_h.tolist() == [4.0, 27.0, 9.0]
    assert frame.title.iloc[0] == "Export <b>cassé</b>"


def test_imports_and_files(ctx):
    ds, _, _ = ctx
    with ds.cursor() as cur:
        imports = admin.imports(cur)
        files = admin.import_files(cur)
    assert imports.import_id.tolist() == [1]
    assert imports[["rows_read", "loaded", "duplicates", "quarantined", "files"]].iloc[
        0
    ].tolist() == [18, 17, 0, 1, 2]
    assert imports.file_names.iloc[0] == "tickets.csv, events.csv"
    assert files.file_name.tolist() == ["tickets.csv", "events.csv"]
    assert files.quarantined.tolist() == [0, 1]


def test_quarantine(ctx):
    ds, _, _ = ctx
    with ds.cursor() as cur:
        summary = admin.quarantine_summary(cur)
        rows = admin.quarantine(cur)
        none = admin.quarantine(cur, reason="bad_timestamp")
        one = admin.quarantine(cur, reason="unknown_status", import_id=1)
    assert summary[["file_name", "reason", "rows"]].values.tolist() == [
        ["events.csv", "unknown_status", 1]
    ]
    assert rows.ticket_id.tolist() == ["C1"] and rows.detail.tolist() == ["EN COURS"]
    assert '"EN COURS"' in rows.raw.iloc[0]
    assert none.empty and len(one) == 1


def test_quality_flags(ctx):
    flags = _q(ctx, "quality_flags")
    assert flags[["ticket_id", "flag", "detail"]].values.tolist() == [
        # its EN COURS event is in quarantine (DESIGN §5.1: incomplete_history)
        [
            "C1",
            "incomplete_history",
            "1 événement en quarantaine / event quarantined: unknown_status ×1",
        ],
        ["C1", "unexpected_transition", "ouvert → resolu"],
    ]
    assert _q(ctx, "quality_flags", flag="no_priority").empty


@pytest.fixture(scope="module")
def demo_ctx(demo_db):
    ds = Dataset(demo_db)
    config = load_config()
    yield ds, config, ds.marts(config)
    ds.close()


def _per_priority(frame: pd.DataFrame, key: str, met: str, n: str) -> dict:
    summed = frame.groupby(key, dropna=False)[[met, n]].sum()
    return {k: (int(r[met]), int(r[n])) for k, r in summed.iterrows() if r[n]}


@pytest.mark.parametrize("customer", ["Groupe Hexagone", "Transports Girard", None])
def test_compliance_per_priority_is_one_definition_across_pages(demo_ctx, customer):
    """Issue 9, item 13: Revue client and Conformité SLA gave different per-priority compliance
    for one filter (moyenne TTR 80.70 % vs 80.55 %). The review, the Conformité table and the
    trend now count each clock under the priority whose target judged it."""
    from ticketlib.queries import sla as metrics_sla
    from ticketlib.queries.filters import Filters

    ds, _, marts = demo_ctx
    f = metrics_review.review_filters(customer, None, None) if customer else Filters()
    with ds.cursor() as cur:
        review = metrics_review.priority_compliance(cur, marts, f)
        page = metrics_sla.clock_compliance(cur, marts, f, rows="priority")
        trend = metrics.compliance(cur, marts, f, grain="month", by="priority")
        moved = cur.execute(
            f"select count(*) from {marts.ticket_sla} where ttr_priority is distinct from priority"
        ).fetchall()[0][0]
    assert moved > 0  # tickets judged under another priority (e.g. the default one)
    for clock in ("tto", "ttr"):
        rows = page[page.clock == clock].rename(columns={"row_value": "priority"})
        on_page = _per_priority(rows, "priority", "met", "n")
        assert _per_priority(review, "priority", f"{clock}_met", f"{clock}_n") == on_page
        assert _per_priority(trend, "grp", f"{clock}_met", f"{clock}_n") == on_page
