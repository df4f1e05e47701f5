"""Revue client through AppTest: exact KPIs for one customer and period, and the two downloads."""

from __future__ import annotations

from datetime import date

import pytest

from tests import flow_fixture as ff
from tests.helpers import load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.outputs import print_pdf

PAGE = "app_pages/revue_client.py"


@pytest.fixture(scope="module")
def review_db(tmp_path_factory):
    return load_history(tmp_path_factory.mktemp("review_page"), TICKETS, EVENTS)


@pytest.fixture
def page(app_db, review_db):
    app_db(review_db)
    return ff.open_page(PAGE)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Revue client"
    if db_name == "empty_db":
        assert at.warning and "La base est vide" in at.warning[0].value
        return
    assert at.selectbox(key="rv_customer").value is None
    assert "Choisissez un client" in at.info[0].value
    at.selectbox(key="rv_customer").set_value("Groupe Hexagone").run()
    assert not at.exception
    assert metrics(at)["Tickets créés"] == "195"  # the default period, preselected
    at.session_state["all"] = True  # the sidebar's whole-history switch
    at.run()
    assert at.date_input(key="rv_from").value is None
    assert metrics(at)["Tickets créés"] == "701"
    assert len(ff.figures(at)) == 4


def test_customer_list_most_tickets_first(page):
    assert page.selectbox(key="rv_customer").options == ["Alpha", "Beta", "Gamma"]


def test_kpis_exact_for_a_customer_and_period(page):
    page.selectbox(key="rv_customer").set_value("Alpha").run()
    assert not page.exception
    shown = metrics(page)
    assert shown["Tickets créés"] == "3"
    assert shown["Conformité TTO"] == "66,7\u202f%"
    assert shown["Conformité TTR"] == "50,0\u202f%"
    assert shown["Médiane TTO"] == "1,0 h" and shown["Médiane TTR"] == "15,5 h"
    assert shown["Tickets ouverts"] == "1" and shown["Ouverts en dépassement"] == "0"
    page.date_input(key="rv_from").set_value(date(2025, 3, 1))
    page.date_input(key="rv_to").set_value(date(2025, 3, 31)).run()
    shown = metrics(page)
    assert shown["Tickets créés"] == "2"
    assert shown["Conformité TTO"] == "50,0\u202f%" and shown["Médiane TTO"] == "3,2 h"
    assert ff.frame_of(page, "rv_tickets").ticket_id.tolist() == ["A1", "A2"]


def test_charts_breaches_and_waits(page):
    page.selectbox(key="rv_customer").set_value("Alpha").run()
    priority, trend, waits, by_month = ff.figures(page)
    bars = {t["name"]: t["y"] for t in priority["data"]}
    assert bars["Prise en charge (TTO)"] == [100.0, 0.0, 100.0]
    assert priority["data"][0]["x"] == ["Haute", "Moyenne", "Faible"]
    assert trend["data"][0]["x"] == ["mars 2025", "avr. 2025"]
    assert trend["data"][0]["y"] == [2, 1]
    stacked = {t["name"]: t["x"] for t in waits["data"]}
    assert stacked["Traitement par le support"] == [39.0, 0.0]
    assert stacked["En attente de votre retour"] == [0.0, 2.0]
    assert stacked["Attente d'une équipe interne"] == [1.0, 0.0]
    assert [t["y"] for t in by_month["data"]] == [[2.0, 0.0], [31.0, 9.0]]
    assert any(
        "le support a attendu le retour du client pendant 2,0 h" in m.value
        and "le client a attendu le support pendant 40,0 h" in m.value
        for m in page.markdown
    )
    breaches = ff.frame_with(page, "Consommé par")
    assert breaches["Ticket"].tolist() == ["A2", "A2"]
    assert breaches["Délai"].tolist() == ["TTO", "TTR"]
    assert breaches["Consommé par"].tolist() == ["OUVERT", "PRIS EN COMPTE"]
    assert breaches["Priorité"].tolist() == ["Moyenne", "Moyenne"]


def test_two_clicks_download(app_db, review_db, monkeypatch):
    app_db(review_db)
    files = ff.capture_downloads(monkeypatch)
    at = ff.open_page(PAGE)
    at.selectbox(key="rv_customer").set_value("Alpha").run()  # click 1: the customer
    assert not at.exception
    # the default period (3 full months and April to its last day, 2 April) comes preselected
    assert at.date_input(key="rv_from").value == date(2025, 1, 1)
    assert at.date_input(key="rv_to").value == date(2025, 4, 2)
    name = "revue-sla_alpha_2025-01-01_2025-04-02.html"
    html = ff.download(files, name).decode("utf-8")  # click 2: the file, built on demand
    assert 'Revue SLA · <span class="customer">Alpha</span>' in html
    assert "Export &lt;b&gt;cassé&lt;/b&gt;" in html and "<b>cassé</b>" not in html
    assert html.count("Plotly.newPlot(") == 4
    assert "revue-sla_alpha_2025-01-01_2025-04-02.pdf" in files
    if print_pdf.chromium_path() is None:
        pytest.skip("chromium is not installed: the PDF button is disabled")
    assert ff.download(files, "revue-sla_alpha_2025-01-01_2025-04-02.pdf").startswith(b"%PDF-")


def test_summary_version_download(app_db, review_db, monkeypatch):
    app_db(review_db)
    files = ff.capture_downloads(monkeypatch)
    at = ff.open_page(PAGE)
    at.selectbox(key="rv_customer").set_value("Alpha").run()
    full = ff.download(files, "revue-sla_alpha_2025-01-01_2025-04-02.html").decode("utf-8")
    assert at.toggle(key="rv_summary").value is False
    at.toggle(key="rv_summary").set_value(True).run()
    assert not at.exception
    short = ff.download(files, "revue-sla_alpha_2025-01-01_2025-04-02.html").decode("utf-8")
    assert 'class="id">A2</td>' in full and 'class="id">' not in short
    assert "la liste des délais dépassés (2) et celle des tickets (3)" in short
    assert short.count("Plotly.newPlot(") == 4


def test_english(app_db, review_db):
    app_db(review_db)
    at = ff.open_page(PAGE, lang="en")
    at.selectbox(key="rv_customer").set_value("Alpha").run()
    assert not at.exception
    shown = metrics(at)
    assert shown["Tickets created"] == "3" and shown["TTO compliance"] == "66.7%"


def test_sidebar_customer_preselected_and_ignored_filters_said(app_db, review_db):
    from streamlit.testing.v1 import AppTest

    from tests.apptest import APP

    app_db(review_db)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["cust"] = ["Beta"]
    at.session_state["team"] = ["N1"]
    at.session_state["period"] = "resolved"
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.selectbox(key="rv_customer").value == "Beta"
    assert metrics(at)["Tickets créés"] == "1"
    notes = [i.value for i in at.info]
    assert notes == [
        "La revue porte sur un client et ses dates de création : les filtres de la barre "
        "latérale Équipes · période sur la résolution (la revue compte les tickets créés) ne "
        "s'y appliquent pas (ni à l'écran ni dans le fichier)."
    ]


def test_no_note_without_sidebar_filters(page):
    page.selectbox(key="rv_customer").set_value("Alpha").run()
    assert not [i.value for i in page.info if "ne s'y appliquent pas" in i.value]
