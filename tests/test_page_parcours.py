"""Parcours page through AppTest: loads, follows the filters, drills from a step to its tickets."""

from __future__ import annotations

import pytest

from tests import flow_fixture as ff

PAGE = "app_pages/parcours.py"


@pytest.fixture(scope="module")
def flow_db(tmp_path_factory):
    return ff.build(tmp_path_factory.mktemp("flow_page"))


@pytest.fixture
def page(app_db, flow_db):
    app_db(flow_db)
    return ff.open_page(PAGE)


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not ff.exceptions(at)
    assert at.title[0].value == "Parcours"
    if db_name == "empty_db":
        assert at.warning and "La base est vide" in at.warning[0].value
    else:
        assert len(ff.figures(at)) == 3
        assert len(ff.frame_of(at, "wf_tickets")) > 0


def test_funnel_sankey_and_unexpected(page):
    funnel, sankey, reopen = ff.figures(page)
    bar = funnel["data"][0]
    assert bar["x"] == [7, 5, 1, 1, 3, 3, 1]
    assert bar["y"][0] == "OUVERT" and bar["y"][-1] == "RÉOUVERT"
    assert bar["text"][1] == "5 · 71,4\u202f% de OUVERT"
    links = sankey["data"][0]["link"]
    assert sorted(links["value"]) == [1, 1, 1, 1, 1, 1, 3, 3, 5]
    red = [v for v, c in zip(links["value"], links["color"]) if c.startswith("rgba(214,39,40")]
    assert red == [1]
    assert reopen["data"][0]["y"] == [3] and reopen["data"][1]["y"] == [pytest.approx(100 / 3)]
    unexpected = ff.frame_of(page, "wf_unexpected")
    assert unexpected.values.tolist() == [["OUVERT", "RÉSOLU", 1, 1]]
    # default step: the reopened tickets
    assert page.selectbox(key="wf_step__fr").value == "etat:reouvert"
    assert ff.frame_of(page, "wf_tickets").ticket_id.tolist() == ["F2"]
    # the workflow's columns first, so état and reopens are in sight at 1280 px (issue 13)
    step = ff.frame_of(page, "wf_tickets")
    assert list(step.columns)[:4] == ["ticket_id", "title", "etat", "reopens"]
    assert len(step.columns) == 12 and step.reopens.tolist() == [1]


def test_filters_change_the_figures(page):
    # the sidebar is not in AppTest's tree after a page switch: set the filter by its key
    page.session_state["prio"] = ["haute"]
    page.run()
    assert not ff.exceptions(page)
    funnel, sankey, _ = ff.figures(page)
    assert funnel["data"][0]["x"] == [3, 3, 0, 1, 1, 1, 0]
    assert sorted(sankey["data"][0]["link"]["value"]) == [1, 1, 1, 3]
    assert page.success  # no unexpected transition among the haute tickets
    # the reopened step has no ticket left: the step falls back to the first one
    assert page.selectbox(key="wf_step__fr").value == "etat:ouvert"
    assert sorted(ff.frame_of(page, "wf_tickets").ticket_id) == ["F1", "F4", "F6"]


@pytest.mark.parametrize(
    "step, expected",
    [
        ("transition:pris_en_compte:resolu", ["F1", "F2"]),
        ("transition:ouvert:resolu", ["F3"]),
        ("etat:attente_interne", ["F4"]),
        ("etat:resolu", ["F1", "F2", "F3"]),
    ],
)
def test_choosing_a_step_lists_its_tickets(page, step, expected):
    page.selectbox(key="wf_sort__fr").set_value("id")
    page.selectbox(key="wf_step__fr").set_value(step).run()
    assert not ff.exceptions(page)
    assert ff.frame_of(page, "wf_tickets").ticket_id.tolist() == expected


def test_clicking_a_funnel_bar_chooses_its_etat(page):
    page.selectbox(key="wf_sort__fr").set_value("id").run()
    selection = {"points": [{"point_index": 3}], "point_indices": [3], "box": [], "lasso": []}
    page.session_state["wf_funnel"] = {"selection": selection}
    page.run()
    assert page.selectbox(key="wf_step__fr").value == "etat:attente_interne"
    assert ff.frame_of(page, "wf_tickets").ticket_id.tolist() == ["F4"]


def test_choosing_an_unexpected_transition_lists_its_tickets(page):
    page.session_state["wf_unexpected"] = {"selection": {"rows": [0], "columns": []}}
    page.run()
    assert page.selectbox(key="wf_step__fr").value == "transition:ouvert:resolu"
    tickets = ff.frame_of(page, "wf_tickets")
    assert tickets.ticket_id.tolist() == ["F3"]
    # the title is data in the grid, shown as text
    assert tickets.title.tolist() == [ff.TITLE_F3]


def test_a_ticket_of_the_step_opens(page):
    page.session_state["wf_tickets"] = {"selection": {"rows": [0], "columns": []}}
    page.run()
    assert not ff.exceptions(page)
    assert page.query_params.get("ticket") == ["F2"] or page.query_params.get("ticket") == "F2"
    assert page.main.subheader[-1].value == "F2 — Lenteur du portail"


def test_step_export(monkeypatch, app_db, flow_db):
    files = ff.capture_downloads(monkeypatch)
    app_db(flow_db)
    at = ff.open_page(PAGE)
    at.selectbox(key="wf_step__fr").set_value("transition:pris_en_compte:resolu").run()
    rows = ff.csv_rows(ff.download(files, "parcours.csv"))
    assert rows[0][:3] == ["Ticket", "Titre", "Client"]
    assert sorted(r[0] for r in rows[1:]) == ["F1", "F2"]
    assert ff.download(files, "parcours.xlsx")[:2] == b"PK"


def test_in_english(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE, lang="en")
    assert not ff.exceptions(at)
    assert at.title[0].value == "Workflow"
    funnel = ff.figures(at)[0]["data"][0]
    assert funnel["y"][:2] == ["OPEN", "TAKEN IN CHARGE"]
    assert funnel["text"][1] == "5 · 71.4% of OPEN"
    # one ticket, one transition: singular (issue 13, item 10: CLDR plural rule)
    assert "Reached REOPENED (1 ticket)" in at.selectbox(key="wf_step__en").options
    assert "RESOLVED → REOPENED (1 transition)" in at.selectbox(key="wf_step__en").options
