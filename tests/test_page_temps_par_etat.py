"""Temps par état through AppTest (issue 13) on tests/flow_fixture.py (figures worked out in
tests/test_time_in_status.py): the table in both languages, a grouping change, the measure,
a cell that lists its tickets, a ticket that opens."""

from __future__ import annotations

import math

import pytest

from tests import flow_fixture as ff

PAGE = "app_pages/temps_par_etat.py"


@pytest.fixture(scope="module")
def flow_db(tmp_path_factory):
    return ff.build(tmp_path_factory.mktemp("tis_page"))


def table(at):
    found = [e for e in at.dataframe if (e.key or "").startswith("tis_table_")]
    assert len(found) == 1, [e.key for e in at.dataframe]
    return found[0].key, found[0].value


def row(frame, name: str) -> dict:
    values = frame.set_index("group").loc[name].to_dict()
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in values.items()}


def drill(at):
    found = [e for e in at.dataframe if (e.key or "").startswith("tis_tickets@")]
    return (found[0].key, found[0].value) if found else (None, None)


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not ff.exceptions(at)
    assert at.title[0].value == "Temps par état"
    if db_name == "empty_db":
        assert "La base est vide" in at.warning[0].value
    else:
        _, frame = table(at)
        assert frame["group"].iloc[-1] == "Tous"


def test_average_by_assignee_then_median_by_priority(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE)
    assert not ff.exceptions(at)
    key, frame = table(at)
    assert key == "tis_table_assignee_avg"
    assert frame["group"].tolist() == ["Ann", "Bob", "Cid", "(aucun)", "Tous"]
    assert list(frame.columns) == [
        "group",
        "ouvert",
        "pris_en_compte",
        "attente_client",
        "attente_interne",
        "resolu",
        "reouvert",
    ]
    assert row(frame, "Bob") == {
        "ouvert": 2.0,
        "pris_en_compte": 2.0,
        "attente_client": 7.0,
        "attente_interne": None,
        "resolu": 4.0,
        "reouvert": 1.0,
    }
    assert row(frame, "Tous")["pris_en_compte"] == 3.3
    at.selectbox(key="tis_group__fr").set_value("priority").run()
    at.segmented_control(key="tis_stat").set_value("median").run()
    assert not ff.exceptions(at)
    key, frame = table(at)
    assert key == "tis_table_priority_median"
    assert frame["group"].tolist() == ["Haute", "Moyenne", "Faible", "Tous"]
    # haute: ouvert F1 0.5, F4 3, F6 0.5 -> median 0.5; all: 0, 0.5, 0.5, 1, 3, 3, 12 -> 1
    assert row(frame, "Haute")["ouvert"] == 0.5 and row(frame, "Tous")["ouvert"] == 1.0


def test_a_cell_lists_its_tickets_and_a_ticket_opens(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE)
    key, _ = table(at)
    assert drill(at) == (None, None)
    # a click on the cell (Ann, ouvert)
    at.session_state[key] = {"selection": {"rows": [], "columns": [], "cells": [[0, "ouvert"]]}}
    at.run()
    assert not ff.exceptions(at)
    tickets_key, tickets = drill(at)
    assert tickets.ticket_id.tolist() == ["F3", "F1"]  # 12 h, then 0.5 h
    assert tickets.state_business_h.tolist() == [12.0, 0.5]
    assert any("Tickets passés par l'état OUVERT · Ann" in m.value for m in at.markdown)
    # a click on a row (Cid): its longest état, attente interne (9 h)
    at.session_state[key] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    _, tickets = drill(at)
    assert tickets.ticket_id.tolist() == ["F4"]
    # a click on a ticket opens it
    tickets_key, _ = drill(at)
    at.session_state[tickets_key] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert not ff.exceptions(at)
    assert at.query_params.get("ticket") in ("F4", ["F4"])
    assert any(s.value.startswith("F4 — ") for s in at.main.subheader)
    at.button(key="tis_drill_close").click().run()
    assert drill(at) == (None, None)


def test_filters_apply(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE)
    at.session_state["team"] = ["N1"]
    at.run()
    _, frame = table(at)
    assert frame["group"].tolist() == ["Ann", "Bob", "(aucun)", "Tous"]
    assert row(frame, "Tous")["ouvert"] == 3.9  # F1 0.5, F3 12, F5 3, F7 0: 15.5 / 4


def test_english_and_export(app_db, flow_db, monkeypatch):
    files = ff.capture_downloads(monkeypatch)
    app_db(flow_db)
    at = ff.open_page(PAGE, lang="en")
    assert not ff.exceptions(at)
    assert at.title[0].value == "Time in status"
    _, frame = table(at)
    assert frame["group"].tolist()[-2:] == ["(none)", "All"]
    assert ff.downloads(at) == ["CSV (French Excel)", "Excel .xlsx"]
    rows = ff.csv_rows(ff.served(files, "temps_par_etat.csv"), sep=";")
    assert rows[0] == [
        "Assignee",
        "State",
        "Tickets",
        "Average (business h)",
        "Median (business h)",
    ]
    assert rows[1] == ["Ann", "OPEN", "2", "6,25", "6,25"]
    assert rows[-6] == [
        "All",
        "OPEN",
        "7",
        "2,86",
        "1,0",
    ]  # hours to 2 decimals, French Excel in both languages
    assert len(rows) == 1 + 18
