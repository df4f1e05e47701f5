"""Drill-downs end in the ticket (issue 13): on Vue d'ensemble and Conformité SLA, one click
on a row of the drill's list opens the ticket view below it (and `?ticket=` in the URL); a new
drill shows its list with no row ticked and closes the ticket of the previous list. Histories
of `sla_fixture`."""

from __future__ import annotations

import pytest

from tests import sla_fixture as sf

OVERVIEW = "app_pages/vue_ensemble.py"
COMPLIANCE = "app_pages/conformite.py"
HAUTE_MARCH = {
    "clock": "tto",
    "rows": "priority",
    "row": "haute",
    "col": "2025-03-01",
    "grain": "month",
}  # S1, S2, S6
ALL_WEEK = {
    "clock": "tto",
    "rows": "priority",
    "row": "__all__",
    "col": "2025-03-10",
    "grain": "week",
}  # S5, S6, S7


@pytest.fixture(scope="module")
def sla_db(tmp_path_factory):
    return sf.build(tmp_path_factory.mktemp("drills"))


def table(at, base: str):
    """(key, rows) of the drill's ticket table."""
    found = [e for e in at.dataframe if (e.key or "").startswith(base + "@")]
    assert len(found) == 1, [e.key for e in at.dataframe]
    return found[0].key, found[0].value


def click_row(at, key: str, row: int):
    at.session_state[key] = {"selection": {"rows": [row], "columns": []}}
    return at.run()


def opened(at) -> str | None:
    value = at.query_params.get("ticket")
    return value[0] if isinstance(value, list) else value


def test_overview_kpi_list_opens_the_ticket_and_a_new_drill_starts_clean(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page(OVERVIEW)
    at.pills(key="ov_kpi").set_value("breached_open").run()
    key, rows = table(at, "ov_tickets")
    first = rows.ticket_id.iloc[0]
    assert sorted(rows.ticket_id) == ["S4", "S5"]
    click_row(at, key, 0)
    assert not sf.exceptions(at)
    assert opened(at) == first
    assert at.main.subheader[-1].value.startswith(f"{first} — ")  # the ticket view
    # a new drill: its own table, nothing ticked, the previous ticket closed
    at.pills(key="ov_kpi").set_value("at_risk_open").run()
    new_key, rows = table(at, "ov_tickets")
    assert new_key != key and rows.ticket_id.tolist() == ["S6"]
    assert at.session_state[new_key]["selection"]["rows"] == []
    assert opened(at) is None
    assert not any(s.value.startswith(f"{first} — ") for s in at.main.subheader)
    click_row(at, new_key, 0)
    assert opened(at) == "S6"
    at.button(key="ov_drill_close").click().run()
    assert opened(at) is None


def test_overview_chart_drill_opens_the_ticket(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page(OVERVIEW)
    at.session_state["ov_drill"] = {
        "kind": "backlog",
        "day": "2025-03-14",
        "etat": "pris_en_compte",
    }
    at.run()
    key, rows = table(at, "ov_tickets")
    assert at.session_state[key]["selection"]["rows"] == []
    click_row(at, key, 1)
    assert opened(at) == rows.ticket_id.iloc[1]
    assert not sf.exceptions(at)


def test_compliance_cell_list_opens_the_ticket_and_a_new_cell_starts_clean(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page(COMPLIANCE)
    at.session_state["cf_drill"] = HAUTE_MARCH
    at.run()
    key, rows = table(at, "cf_tickets")
    assert sorted(rows.ticket_id) == ["S1", "S2", "S6"]
    click_row(at, key, 2)
    assert not sf.exceptions(at)
    picked = rows.ticket_id.iloc[2]
    assert opened(at) == picked
    assert any(s.value.startswith(f"{picked} — ") for s in at.main.subheader)
    at.session_state["cf_drill"] = ALL_WEEK
    at.run()
    new_key, rows = table(at, "cf_tickets")
    assert new_key != key and sorted(rows.ticket_id) == ["S5", "S6", "S7"]
    assert at.session_state[new_key]["selection"]["rows"] == []
    at.button(key="cf_drill_close").click().run()
    assert opened(at) is None and not sf.exceptions(at)
