"""Dépassements page through AppTest: breached and at-risk tickets, sort, export, ticket view."""

from __future__ import annotations

from datetime import date

import pytest

from tests import flow_fixture as ff

PAGE = "app_pages/depassements.py"


@pytest.fixture(scope="module")
def flow_db(tmp_path_factory):
    return ff.build(tmp_path_factory.mktemp("breaches_page"))


@pytest.fixture
def page(app_db, flow_db):
    app_db(flow_db)
    return ff.open_page(PAGE)


def _ids(at) -> list[str]:
    return ff.frame_of(at, "br_table").ticket_id.tolist()


def _metrics(at) -> list[str]:
    return [m.value for m in at.metric]


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not ff.exceptions(at)
    assert at.title[0].value == "Dépassements"
    if db_name == "demo_db":
        table = ff.frame_of(at, "br_table")
        assert len(table) > 0 and table.is_open.iloc[0]
    else:
        assert "La base est vide" in at.warning[0].value


def test_open_first_with_overrun_and_consumer(page):
    assert _metrics(page) == ["1", "1", "1", "10,0 h"]
    table = ff.frame_of(page, "br_table")
    assert table.ticket_id.tolist() == ["F4", "F6", "F3"]
    assert table.is_open.tolist() == [True, True, False]
    assert table.clock.tolist() == ["TTR", "TTR", "TTO"]
    assert table.clock_status.tolist() == ["dépassé", "à risque", "dépassé"]
    assert table.overrun_h.tolist() == [10.0, -2.0, 4.0]
    assert table.consumed_by.tolist() == ["EN ATTENTE RETOUR INTERNE", "PRIS EN COMPTE", "OUVERT"]
    assert table.assignee.tolist() == ["Cid", "Cid", "Ann"]
    assert table.team.tolist() == ["N2", "N2", "N1"]
    # due instants in the calendar's local time
    assert [str(t) for t in table.due_at] == [
        "2025-03-04 17:00:00",
        "2025-03-06 11:00:00",
        "2025-03-03 17:00:00",
    ]
    assert list(table.columns[:4]) == ["ticket_id", "clock", "clock_status", "overrun_h"]


@pytest.mark.parametrize(
    "key, value, expected, kpis",
    [
        ("prio", ["faible"], ["F3"], ["0", "0", "1", "0,0 h"]),
        ("prio", ["haute"], ["F4", "F6"], ["1", "1", "0", "10,0 h"]),
        # the period keeps the open tickets, and the closed ones of the period only
        ("from", date(2025, 3, 4), ["F4", "F6"], ["1", "1", "0", "10,0 h"]),
        ("cust", ["Alpha"], ["F3"], ["0", "0", "1", "0,0 h"]),
    ],
)
def test_filters_change_the_list(page, key, value, expected, kpis):
    page.session_state[key] = value  # sidebar widgets, by key
    page.run()
    assert not ff.exceptions(page)
    assert _ids(page) == expected
    assert _metrics(page) == kpis


def test_nothing_to_show(page):
    page.session_state["cust"] = ["Beta"]
    page.run()
    assert not ff.exceptions(page)
    assert "Aucun ticket en dépassement" in page.success[0].value


@pytest.mark.parametrize(
    "order, expected",
    [
        ("due", ["F4", "F6", "F3"]),
        ("overrun_desc", ["F4", "F6", "F3"]),
        ("created_desc", ["F6", "F4", "F3"]),
        ("priority", ["F4", "F6", "F3"]),
    ],
)
def test_sort_choice(page, order, expected):
    page.selectbox(key="br_sort__fr").set_value(order).run()
    assert _ids(page) == expected


def test_selecting_a_breach_opens_the_ticket(page):
    page.session_state["br_table"] = {"selection": {"rows": [0], "columns": []}}
    page.run()
    assert not ff.exceptions(page)
    assert page.query_params["ticket"] in ("F4", ["F4"])
    assert page.main.subheader[0].value == "F4 — Bloqué à la connexion"
    bars = page.get("progress")
    assert [b.proto.value for b in bars] == [100, 100]  # both clocks past their target
    assert "18,0 h sur 8,0 h (225\u202f%)" in bars[1].proto.text
    events = ff.frame_with(page, "status_raw")
    assert events.status_raw.tolist() == ["PRIS EN COMPTE", "EN ATTENTE RETOUR INTERNE"]


def test_export(monkeypatch, app_db, flow_db):
    files = ff.capture_downloads(monkeypatch)
    app_db(flow_db)
    ff.open_page(PAGE)
    rows = ff.csv_rows(ff.download(files, "depassements.csv"))
    header = rows[0]
    assert header[:4] == ["Ticket", "Délai", "Statut du délai", "Dépassement (h ouvrées)"]
    assert [r[0] for r in rows[1:]] == ["F4", "F6", "F3"]
    f4 = dict(zip(header, rows[1]))
    assert f4["Dépassement (h ouvrées)"] == "10,0"
    assert f4["État le plus consommateur"] == "EN ATTENTE RETOUR INTERNE"
    assert f4["Échéance"] == "04/03/2025 17:00:00"
    assert f4["Ouvert"] == "oui"
    f3 = dict(zip(header, rows[3]))
    assert f3["Titre"] == ff.TITLE_F3 and f3["Ouvert"] == "non"
    assert ff.download(files, "depassements.xlsx")[:2] == b"PK"
    # the full export (built on click) has the same rows, sorted the same way
    assert ff.csv_rows(ff.download(files, "depassements_complet.csv")) == rows


def test_in_english(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE, lang="en")
    assert not ff.exceptions(at)
    assert at.title[0].value == "Breaches"
    assert _metrics(at) == ["1", "1", "1", "10.0 h"]
    table = ff.frame_of(at, "br_table")
    assert table.consumed_by.tolist()[0] == "WAITING FOR AN INTERNAL TEAM"
    assert table.clock_status.tolist() == ["breached", "at risk", "breached"]
