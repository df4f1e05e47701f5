"""Vue d'ensemble through AppTest: loads, KPI values follow the filters (exact values on the
`sla_fixture` history), drill-downs from a KPI or a chart point end in the ticket table."""

from __future__ import annotations

from datetime import date

import pytest

from tests import sla_fixture as sf

PAGE = "app_pages/vue_ensemble.py"


@pytest.fixture(scope="module")
def sla_db(tmp_path_factory):
    return sf.build(tmp_path_factory.mktemp("overview_page"))


@pytest.fixture
def page(app_db, sla_db):
    app_db(sla_db)
    return sf.open_page(PAGE)


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = sf.open_page(PAGE)
    assert not sf.exceptions(at)
    assert at.title[0].value == "Vue d'ensemble"
    if db_name == "empty_db":
        assert at.warning and "La base est vide" in at.warning[0].value
        assert not at.metric
    else:
        assert len(at.metric) == 8
        assert len(sf.figures(at)) == 4  # 2 compliance trends, backlog, created vs resolved
        assert at.info[0].value.startswith("Période par défaut : **les 3 derniers mois pleins")


def test_kpis_default_to_the_one_default_period(page):
    # 3 full months and the running month to the last day (1 Dec 2024 - 14 Mar 2025, 104 days)
    # against the 104 days before (issue 13, item 5: one rule on every page)
    assert not sf.exceptions(page)
    assert sf.metrics(page) == {
        "Tickets de la période": ("7", "+7"),
        "Backlog ouvert": ("4", None),  # no backlog 28 days before the first ticket
        "Conformité TTO": ("83,3\u202f%", None),  # nothing decided the 4 weeks before
        "Conformité TTR": ("40,0\u202f%", None),
        "Ouverts dépassés": ("2", None),
        "Ouverts à risque": ("1", None),
        "TTO médian": ("1,2 h", None),
        "TTR médian": ("9,0 h", None),
    }
    info = page.info[0].value
    assert "du 01/12/2024 au 14/03/2025" in info
    assert (
        "Indicateurs comparés à la période précédente de même durée (104 jours, du 19/08/2024 "
        "au 30/11/2024)." in [c.value for c in page.caption]
    )
    tto = next(m for m in page.metric if m.label == "Conformité TTO")
    assert tto.proto.delta_description == "n = 6"


def test_a_priority_filter_changes_the_kpis(page):
    page.session_state["prio"] = ["haute"]
    page.run()
    assert not sf.exceptions(page)
    values = {k: v for k, (v, _) in sf.metrics(page).items()}
    assert values == {
        "Tickets de la période": "3",
        "Backlog ouvert": "1",
        "Conformité TTO": "66,7\u202f%",
        "Conformité TTR": "50,0\u202f%",
        "Ouverts dépassés": "0",
        "Ouverts à risque": "1",
        "TTO médian": "0,5 h",
        "TTR médian": "6,0 h",
    }


def test_a_period_compares_with_the_period_before(page):
    page.session_state["from"] = date(2025, 3, 10)
    page.session_state["to"] = date(2025, 3, 14)
    page.run()
    assert not sf.exceptions(page)
    assert not page.info  # no default window
    assert any("comparés à la période précédente" in c.value for c in page.caption)
    assert sf.metrics(page) == {
        # S5, S6, S7 against S4 (created 5-9 March)
        "Tickets de la période": ("3", "+2"),
        # 4 open now against 1 at the end of Sunday 9 March
        "Backlog ouvert": ("4", "+3"),
        "Conformité TTO": ("100,0\u202f%", "0,0 pt"),
        "Conformité TTR": ("0,0\u202f%", "0,0 pt"),
        "Ouverts dépassés": ("2", None),
        "Ouverts à risque": ("1", None),
        "TTO médian": ("0,2 h", "-7,8 h"),
        "TTR médian": ("–", None),
    }


def test_compliance_trend_and_backlog_figures(page):
    trend_tto, trend_ttr, backlog = sf.figures(page)[:3]
    assert [t["name"] for t in trend_tto["data"]] == [
        "Haute",
        "Moyenne",
        "Faible",
        "Toutes priorités",
    ]
    # by month by default (issue 13, item 9): March holds every decided clock
    haute = trend_tto["data"][0]
    assert haute["y"] == [pytest.approx(200 / 3)]  # 2 of 3
    assert [c[:4] for c in haute["customdata"]] == [["2025-03-01", "haute", 2, 3]]
    total_ttr = trend_ttr["data"][-1]
    assert total_ttr["y"] == [40.0]  # 2 of 5
    assert page.segmented_control(key="ov_grain").value == "month"
    names = [t["name"] for t in backlog["data"]]
    assert names == ["OUVERT", "PRIS EN COMPTE", "RÉSOLU"]
    assert backlog["data"][1]["y"][-1] == 3


def test_created_vs_resolved_beside_the_backlog(page):
    flow = sf.figures(page)[3]
    created, resolved, net = flow["data"]
    assert (created["name"], resolved["name"], net["name"]) == ("Créés", "Résolus", "Solde")
    assert (created["x"], created["y"], resolved["y"], net["y"]) == (
        ["mars 2025"],
        [7],
        [3],
        [4],
    )
    # weekly with the trend's time step, and the sidebar's filters apply (team B: S3, S4, S6)
    page.segmented_control(key="ov_grain").set_value("week").run()
    page.session_state["team"] = ["B"]
    page.run()
    flow = sf.figures(page)[3]
    assert flow["data"][0]["x"] == ["03/03/2025", "10/03/2025"]
    assert flow["data"][0]["y"] == [2, 1] and flow["data"][1]["y"] == [1, 0]
    assert flow["data"][0]["customdata"][0] == ["2025-03-03", "created", 1]


def test_created_vs_resolved_bar_lists_its_tickets(page):
    page.session_state["ov_drill"] = {
        "kind": "flow",
        "series": "resolved",
        "bucket": "2025-03-03",
        "grain": "week",
    }
    page.run()
    assert not sf.exceptions(page)
    assert sorted(sf.frame_of(page, "ov_tickets").ticket_id) == ["S1", "S2", "S3"]
    assert any("Tickets résolus · 03/03/2025." in m.value for m in page.markdown)


def test_weekly_grain_on_demand(page):
    page.segmented_control(key="ov_grain").set_value("week").run()
    assert not sf.exceptions(page)
    trend_tto, trend_ttr = sf.figures(page)[:2]
    haute = trend_tto["data"][0]
    assert haute["y"] == [50.0, 100.0]
    assert [c[:2] for c in haute["customdata"]] == [
        ["2025-03-03", "haute"],
        ["2025-03-10", "haute"],
    ]
    assert trend_ttr["data"][-1]["y"] == [50.0, 0.0]  # 2 of 4, then 0 of 1


def test_monthly_point_drills_into_its_month(page):
    page.session_state["ov_drill"] = {
        "kind": "trend",
        "clock": "ttr",
        "bucket": "2025-03-01",
        "grain": "month",
        "priority": "haute",
    }
    page.run()
    assert not sf.exceptions(page)
    assert sorted(sf.frame_of(page, "ov_tickets").ticket_id) == ["S1", "S2", "S6"]
    assert any("Résolution (TTR) · mars 2025 · priorité Haute" in m.value for m in page.markdown)


def test_kpi_drill_down_lists_the_tickets_and_exports_them(app_db, sla_db, monkeypatch):
    files = sf.capture_downloads(monkeypatch)
    app_db(sla_db)
    at = sf.open_page(PAGE)
    assert "ouverts en dépassement (2)" in at.pills(key="ov_kpi").proto.options[0].content
    at.pills(key="ov_kpi").set_value("breached_open").run()
    assert not sf.exceptions(at)
    table = sf.frame_of(at, "ov_tickets")
    assert sorted(table.ticket_id) == ["S4", "S5"]
    assert sf.downloads(at) == ["CSV (Excel FR)", "Excel .xlsx"]
    rows = sf.csv_rows(sf.served(files, "tickets.csv"))
    assert rows[0][:3] == ["Ticket", "Titre", "Client"]
    assert sorted(r[0] for r in rows[1:]) == ["S4", "S5"]
    status = rows[0].index("Statut TTR")
    assert {r[0]: r[status] for r in rows[1:]} == {"S4": "dépassé", "S5": "dépassé"}
    at.pills(key="ov_kpi").set_value("at_risk_open").run()
    assert sorted(sf.frame_of(at, "ov_tickets").ticket_id) == ["S6"]
    at.button(key="ov_drill_close").click().run()
    with pytest.raises(KeyError):
        sf.frame_of(at, "ov_tickets")


@pytest.mark.parametrize(
    "drill, expected, text",
    [
        (
            {"kind": "trend", "clock": "ttr", "bucket": "2025-03-03", "priority": "haute"},
            ["S1", "S2"],
            "Résolution (TTR) · semaine du 03/03/2025 · priorité Haute",
        ),
        (
            {"kind": "trend", "clock": "tto", "bucket": "2025-03-10", "priority": ""},
            ["S5", "S6", "S7"],
            "semaine du 10/03/2025 · Toutes priorités",
        ),
        (
            {"kind": "backlog", "day": "2025-03-14", "etat": "pris_en_compte"},
            ["S4", "S5", "S6"],
            "Tickets à l'état PRIS EN COMPTE à la fin du 14/03/2025.",
        ),
        (
            {"kind": "backlog", "day": "2025-03-09", "etat": "resolu"},
            ["S2", "S3"],
            "RÉSOLU à la fin du 09/03/2025",
        ),
    ],
)
def test_chart_drill_downs_end_in_the_ticket_table(page, drill, expected, text):
    # a click on a chart point stores this (see the on_select callbacks)
    page.session_state["ov_drill"] = drill
    page.run()
    assert not sf.exceptions(page)
    assert sorted(sf.frame_of(page, "ov_tickets").ticket_id) == expected
    assert any(text in m.value for m in page.markdown)


def test_drill_down_follows_the_filters(page):
    page.session_state["team"] = ["B"]
    page.session_state["ov_drill"] = {
        "kind": "backlog",
        "day": "2025-03-14",
        "etat": "pris_en_compte",
    }
    page.run()
    assert sorted(sf.frame_of(page, "ov_tickets").ticket_id) == ["S4", "S6"]


def test_english(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page(PAGE, lang="en")
    assert not sf.exceptions(at)
    assert at.title[0].value == "Overview"
    values = {k: v for k, (v, _) in sf.metrics(at).items()}
    assert values["Tickets in the period"] == "7"
    assert values["TTO compliance"] == "83.3%"
    assert values["Median TTO"] == "1.2 h"
    assert at.info[0].value.startswith("Default period: **the last 3 full months")
    assert "from 2024-12-01 to 2025-03-14" in at.info[0].value
    trend = sf.figures(at)[0]
    assert [t["name"] for t in trend["data"]][-1] == "All priorities"
    assert trend["layout"]["separators"] == ".,"
