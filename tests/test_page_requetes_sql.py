"""Requêtes SQL through AppTest: results shown and downloadable, refusals shown as a message."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from tests import flow_fixture as ff
from tests.apptest import shown
from tests.helpers import load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.console.examples import EXAMPLES

PAGE = "app_pages/requetes_sql.py"


@pytest.fixture(scope="module")
def review_db(tmp_path_factory):
    return load_history(tmp_path_factory.mktemp("sql_page"), TICKETS, EVENTS)


def run(at, sql: str):
    at.text_area(key="sql_text").set_value(sql)
    at.button(key="sql_run").click()
    return at.run()


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_and_runs_the_first_example(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Requêtes SQL"
    assert at.text_area(key="sql_text").value == EXAMPLES[0][2]
    at.button(key="sql_run").click()
    at.run()
    assert not at.exception and not at.error
    if db_name == "demo_db":
        assert ff.frame_with(at, "pct")["priority"].tolist()[:3] == ["haute", "moyenne", "faible"]
    else:
        assert at.info and "aucune ligne" in at.info[-1].value


def test_example_fills_the_box(app_db, review_db):
    app_db(review_db)
    at = ff.open_page(PAGE)
    at.selectbox(key="sql_example").set_value(2).run()
    assert at.text_area(key="sql_text").value == EXAMPLES[2][2]
    assert at.selectbox(key="sql_example").value is None


def test_result_and_downloads(app_db, review_db, monkeypatch):
    app_db(review_db)
    files = ff.capture_downloads(monkeypatch)
    at = ff.open_page(PAGE)
    run(
        at,
        "select ticket_id, title, ttr_elapsed_us / 3.6e9 as ttr_h, created_at "
        "from ticket_sla order by ticket_id",
    )
    assert not at.exception and not at.error
    shown = ff.frame_with(at, "ttr_h")
    assert shown.ticket_id.tolist() == ["A1", "A2", "A3", "B1", "C1"]
    assert any("5 lignes" in c.value for c in at.caption)
    rows = ff.csv_rows(ff.download(files, "requete.csv"))
    assert rows[0] == ["ticket_id", "title", "ttr_h", "created_at"]
    assert rows[1] == ["A1", "Export <b>cassé</b>", "4,0", "03/03/2025 09:00:00"]
    assert rows[5][1] == "'=cmd|' /C calc'!A0"  # a formula is neutralised
    xlsx = pd.read_excel(io.BytesIO(ff.download(files, "requete.xlsx")))
    assert xlsx.ticket_id.tolist() == ["A1", "A2", "A3", "B1", "C1"]
    parquet = pd.read_parquet(io.BytesIO(ff.download(files, "requete.parquet")))
    assert parquet.ttr_h.tolist() == [4.0, 27.0, 9.0, 0.0, 2.0]
    assert str(parquet.created_at.dt.tz) == "Europe/Paris"


def test_row_cap_says_the_result_is_cut(app_db, review_db):
    app_db(review_db)
    at = ff.open_page(PAGE)
    at.select_slider(key="sql_cap").set_value(100)
    run(at, "select * from range(250)")
    assert len(ff.frame_with(at, "range")) == 100
    assert at.warning and "100 premières lignes" in at.warning[0].value


@pytest.mark.parametrize(
    "sql, words",
    [
        ("delete from tickets", "lecture seule"),
        ("insert into tickets select * from tickets", "lecture seule"),
        ("drop view ticket_sla", "lecture seule"),
        ("attach '/tmp/x.duckdb' as x", "lecture seule"),
        ("copy tickets to '/tmp/out.csv'", "lecture seule"),
        ("install httpfs", "lecture seule"),
        ("set enable_external_access = true", "lecture seule"),
        ("select * from read_csv('/etc/passwd')", "l'accès aux fichiers du serveur"),
        ("select * from read_text('/etc/passwd')", "l'accès aux fichiers du serveur"),
        ("select * from read_parquet('http://127.0.0.1:9/x.parquet')", "au réseau"),
        ("select 1; select 2", "Une seule requête"),
        ("selec 1", "Erreur de syntaxe"),
    ],
)
def test_refusals_are_shown(app_db, review_db, sql, words):
    db = app_db(review_db)
    before = db.read_bytes()
    at = run(ff.open_page(PAGE), sql)
    assert not at.exception
    assert at.error and words in shown(at.error[0].value)
    assert db.read_bytes() == before


def test_refusal_in_english(app_db, review_db):
    app_db(review_db)
    at = run(ff.open_page(PAGE, lang="en"), "update tickets set title = 'x'")
    assert "read only, only SELECT queries are allowed" in shown(at.error[0].value)


def test_time_limit_is_shown(app_db, review_db):
    app_db(review_db)
    at = ff.open_page(PAGE)
    at.select_slider(key="sql_time").set_value(2)
    run(at, "select sum(a.range * b.range) from range(1000000) a, range(1000000) b")
    assert at.error and "Limite de temps dépassée (2 s)" in shown(at.error[0].value)
