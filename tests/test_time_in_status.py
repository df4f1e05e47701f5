"""Time in status (issue 13): average and median business time per état and group, exact on
the small history of tests/flow_fixture.py (Mon-Fri 09:00-18:00, as-of Thu 6 March 09:00).

Business hours per ticket and état (ferme left out), worked out from the fixture's docstring:
F1 Ann  ouvert 0.5, pris_en_compte 1, resolu 0.5
F2 Bob  ouvert 1, pris_en_compte 1+1+2 = 4, attente_client 6+1 = 7, resolu 1+3 = 4, reouvert 1
F3 Ann  ouvert 9+3 = 12, resolu 1
F4 Cid  ouvert 3, pris_en_compte 6, attente_interne 9 (still there at the as-of instant)
F5 Bob  ouvert 3, pris_en_compte 0 (entered at the as-of instant)
F6 Cid  ouvert 0.5, pris_en_compte 5.5
F7 --   ouvert 0 (created Thu 08:00, before opening hours)
"""

from __future__ import annotations

from datetime import date

import pytest

from tests import flow_fixture
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import time_in_status as tis
from ticketlib.queries.filters import Filters

CONFIG = load_config()
H = 3600.0


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    db = flow_fixture.build(tmp_path_factory.mktemp("tis"))
    ds = Dataset(db)
    yield ds, ds.marts(CONFIG)
    ds.close()


def q(ctx, fn, *args, **kw):
    ds, marts = ctx
    with ds.cursor() as cur:
        return fn(cur, marts, *args, **kw)


def cells(frame) -> dict:
    """{(group key, état): (tickets, avg_s, median_s)}; the total row's key is "ALL", an empty
    group value's None."""
    out = {}
    for r in frame.to_dict("records"):
        value = r["group_value"]
        key = "ALL" if r["is_total"] else (None if value is None or value != value else value)
        out[(key, r["etat"])] = (r["tickets"], r["avg_s"], r["median_s"])
    return out


def test_by_assignee_exact_business_seconds(ctx):
    got = cells(q(ctx, tis.time_in_status, Filters(), "assignee"))
    assert got[("Ann", "ouvert")] == (2, 6.25 * H, 6.25 * H)  # 0.5 h and 12 h
    assert got[("Ann", "resolu")] == (2, 0.75 * H, 0.75 * H)  # 0.5 h and 1 h
    assert got[("Bob", "pris_en_compte")] == (2, 2 * H, 2 * H)  # 4 h and 0 h
    assert got[("Bob", "attente_client")] == (1, 7 * H, 7 * H)
    assert got[("Cid", "pris_en_compte")] == (2, 5.75 * H, 5.75 * H)  # 6 h and 5.5 h
    assert got[("Cid", "attente_interne")] == (1, 9 * H, 9 * H)
    assert got[(None, "ouvert")] == (1, 0.0, 0.0)  # F7, no assignee
    # all tickets: ouvert 0, 0.5, 0.5, 1, 3, 3, 12 -> mean 20/7 h, median 1 h
    assert got[("ALL", "ouvert")][0] == 7
    assert got[("ALL", "ouvert")][1] == pytest.approx(20 / 7 * H)
    assert got[("ALL", "ouvert")][2] == 1 * H
    # pris_en_compte 0, 1, 4, 5.5, 6 -> mean 3.3 h, median 4 h
    assert got[("ALL", "pris_en_compte")] == (5, pytest.approx(3.3 * H), 4 * H)
    # resolu 0.5, 1, 4 -> mean 11/6 h, median 1 h (F2's two visits summed)
    assert got[("ALL", "resolu")] == (3, pytest.approx(5.5 / 3 * H), 1 * H)
    assert not any(etat == "ferme" for _, etat in got)
    assert len(got) == 18


def test_order_groups_then_empty_then_total(ctx):
    frame = q(ctx, tis.time_in_status, Filters(), "assignee")
    keys = []
    for value, total in zip(frame.group_value, frame.is_total):
        key = "ALL" if total else (None if value != value or value is None else value)
        if key not in keys:
            keys.append(key)
    assert keys == ["Ann", "Bob", "Cid", None, "ALL"]
    assert list(frame[frame.group_value == "Bob"].etat) == [
        "ouvert",
        "pris_en_compte",
        "attente_client",
        "resolu",
        "reouvert",
    ]


def test_by_priority_month_and_filters(ctx):
    got = cells(q(ctx, tis.time_in_status, Filters(), "priority"))
    # haute: F1, F4, F6 ouvert 0.5, 3, 0.5 -> mean 4/3 h, median 0.5 h
    assert got[("haute", "ouvert")] == (3, pytest.approx(4 / 3 * H), 0.5 * H)
    month = cells(q(ctx, tis.time_in_status, Filters(), "month"))
    assert month[(date(2025, 3, 1), "ouvert")] == month[("ALL", "ouvert")]
    # a sidebar filter (team N1: F1, F3, F5, F7) and a period (created Mon 3 March: F1-F3)
    n1 = cells(q(ctx, tis.time_in_status, Filters(teams=("N1",)), "team"))
    assert n1[("N1", "ouvert")] == (4, pytest.approx(15.5 / 4 * H), 1.75 * H)
    assert {k for k, _ in n1} == {"N1", "ALL"}
    monday = Filters(date_from=date(2025, 3, 3), date_to=date(2025, 3, 3))
    got = cells(q(ctx, tis.time_in_status, monday, "customer"))
    assert got[("Alpha", "ouvert")] == (2, 6.25 * H, 6.25 * H)  # F1, F3
    assert got[("Beta", "ouvert")] == (1, 1 * H, 1 * H)  # F2 only (F5 created Wednesday)
    # a search goes through the ticket mart (semi-join)
    got = cells(q(ctx, tis.time_in_status, Filters(search="F4"), "assignee"))
    assert got[("Cid", "ouvert")] == (1, 3 * H, 3 * H)


def test_unknown_grouping_refused(ctx):
    with pytest.raises(ValueError, match="grouping"):
        q(ctx, tis.time_in_status, Filters(), "title")
    with pytest.raises(ValueError, match="état"):
        q(ctx, tis.status_tickets, Filters(), "nowhere")


def test_drill_lists_the_cell_longest_first(ctx):
    narrowed = tis.cell_filters(Filters(), "assignee", "Ann")
    frame = q(ctx, tis.status_tickets, narrowed, "ouvert")
    assert frame.ticket_id.tolist() == ["F3", "F1"]
    assert frame.state_business_h.tolist() == [12.0, 0.5]
    assert frame.state_visits.tolist() == [1, 1]
    nobody = q(ctx, tis.status_tickets, tis.cell_filters(Filters(), "assignee", None), "ouvert")
    assert nobody.ticket_id.tolist() == ["F7"]
    everyone = q(
        ctx, tis.status_tickets, tis.cell_filters(Filters(), "team", None, total=True), "resolu"
    )
    assert everyone.ticket_id.tolist() == ["F2", "F3", "F1"]  # 4 h, 1 h, 0.5 h
    march = tis.cell_filters(Filters(), "month", "2025-03-01")
    assert (march.date_from, march.date_to) == (date(2025, 3, 1), date(2025, 3, 31))
    assert q(ctx, tis.status_tickets, march, "attente_interne").ticket_id.tolist() == ["F4"]
    haute = q(ctx, tis.status_tickets, tis.cell_filters(Filters(), "priority", "haute"), "ouvert")
    assert haute.ticket_id.tolist() == ["F4", "F1", "F6"]  # 3 h, then 0.5 h by id
