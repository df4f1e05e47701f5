"""Conformité SLA through AppTest: loads, figures follow the filters (exact values on the
`sla_fixture` history), the what-if recomputes and resets, exports, drill-downs."""

from __future__ import annotations

import math

import pytest

from tests import sla_fixture as sf

PAGE = "app_pages/conformite.py"
SUMMARY = ["TTO respectés", "TTO arrêtés", "TTO %", "TTR respectés", "TTR arrêtés", "TTR %"]


@pytest.fixture(scope="module")
def sla_db(tmp_path_factory):
    return sf.build(tmp_path_factory.mktemp("compliance_page"))


@pytest.fixture
def page(app_db, sla_db):
    app_db(sla_db)
    return sf.open_page(PAGE)


def summary(at, first: str = "Priorité") -> dict[str, list]:
    frame = sf.frame_with(at, first)
    numbers = list(frame.columns[1:7])
    return {
        row[first]: [None if isinstance(v, float) and math.isnan(v) else v for v in row[numbers]]
        for _, row in frame.iterrows()
    }


def cards(at) -> dict[str, tuple[str, str | None]]:
    return {k: v for k, v in sf.metrics(at).items() if "Simulé" in k}


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = sf.open_page(PAGE)
    assert not sf.exceptions(at)
    assert at.title[0].value == "Conformité SLA"
    if db_name == "empty_db":
        assert at.warning and "La base est vide" in at.warning[0].value
    else:
        # 2 heatmaps by priority, 1 by group, 2 distribution grids, the what-if bars
        assert len(sf.figures(at)) == 6
        assert len(cards(at)) == 4


def test_compliance_per_priority(page):
    assert not sf.exceptions(page)
    assert summary(page) == {
        "Haute": [2, 3, 66.7, 1, 2, 50.0],
        "Moyenne": [2, 2, 100.0, 1, 2, 50.0],
        "Faible": [1, 1, 100.0, 0, 1, 0.0],
        "Toutes": [5, 6, 83.3, 2, 5, 40.0],
    }
    tto, ttr = sf.figures(page)[:2]
    heat = ttr["data"][0]
    assert heat["z"] == [[50.0, 50.0], [50.0, 50.0], [0.0, 0.0], [40.0, 40.0]]
    assert ttr["layout"]["xaxis"]["ticktext"] == ["mars 2025", "Total"]
    assert ttr["layout"]["yaxis"]["ticktext"] == ["Haute", "Moyenne", "Faible", "Toutes"]
    # every cell has fewer than 10 tickets: all marked
    assert len(ttr["data"][2]["x"]) == 8


def test_weekly_grain(page):
    page.segmented_control(key="cf_grain").set_value("week").run()
    tto = sf.figures(page)[0]
    assert tto["layout"]["xaxis"]["ticktext"] == ["03/03/2025", "10/03/2025", "Total"]
    haute = tto["data"][0]["z"][0]
    assert haute == [50.0, 100.0, pytest.approx(200 / 3)]


def test_a_team_filter_changes_the_figures(page):
    page.session_state["team"] = ["A"]
    page.run()
    assert not sf.exceptions(page)
    assert summary(page) == {
        "Haute": [1, 2, 50.0, 1, 2, 50.0],
        "Moyenne": [1, 1, 100.0, 0, 1, 0.0],
        "Faible": [0, 0, None, 0, 0, None],
        "Toutes": [2, 3, 66.7, 1, 3, 33.3],
    }
    assert cards(page)["TTR · Simulé"] == ("33,3\u202f%", None)


def test_compliance_per_team(page):
    assert summary(page, "Équipe") == {
        "A": [2, 3, 66.7, 1, 3, 33.3],
        "B": [3, 3, 100.0, 1, 2, 50.0],
        "Total": [5, 6, 83.3, 2, 5, 40.0],
    }
    group = sf.figures(page)[2]
    assert group["layout"]["yaxis"]["ticktext"] == ["A", "B", "Total"]
    page.segmented_control(key="cf_dim").set_value("assignee").run()
    group = sf.figures(page)[2]
    assert group["layout"]["yaxis"]["ticktext"] == ["Ann", "Cid", "Bob", "Dan", "(aucune)", "Total"]


def test_what_if_recomputes_and_resets(page):
    assert cards(page) == {
        "TTO · Simulé": ("83,3\u202f%", None),
        "TTR · Simulé": ("40,0\u202f%", None),
        "Ouverts en dépassement · Simulé": ("2", None),
        "Ouverts à risque · Simulé": ("1", None),
    }
    # a tighter TTR target for haute: S1 (3h) and S6 (7h, open) now breach it
    page.number_input(key="wi_ttr_haute").set_value(2.0).run()
    assert not sf.exceptions(page)
    assert cards(page) == {
        "TTO · Simulé": ("83,3\u202f%", None),
        "TTR · Simulé": ("16,7\u202f%", "-23,3 pt"),
        "Ouverts en dépassement · Simulé": ("3", "+1"),
        "Ouverts à risque · Simulé": ("0", "-1"),
    }
    assert "TTR Haute 8 h → 2 h" in page.warning[0].value
    table = page.table[-1].value
    haute = table.loc["Haute"]
    assert (haute["TTR % configuré"], haute["TTR % simulé"]) == (50.0, 0.0)
    assert table.loc["Toutes", "Δ TTR (pts)"] == -23.3
    assert table.loc["Toutes", "Ouverts en dépassement (simulé)"] == 3
    # nothing else moved: the configured figures stay as they were
    assert summary(page)["Toutes"] == [5, 6, 83.3, 2, 5, 40.0]
    page.button(key="wi_reset").click().run()
    assert cards(page)["TTR · Simulé"] == ("40,0\u202f%", None)
    assert page.number_input(key="wi_ttr_haute").value == 8.0


def test_what_if_at_risk_threshold(page):
    page.slider(key="wi_at_risk_pct").set_value(10).run()
    # S7 (1h of 8h and of 45h) is at risk from 10 % of its targets
    assert cards(page)["Ouverts à risque · Simulé"] == ("2", "+1")


def test_what_if_distribution_line(page):
    page.number_input(key="wi_tto_haute").set_value(2.0).run()
    tto_dist = sf.figures(page)[3]
    dashed = [s for s in tto_dist["layout"]["shapes"] if s["line"].get("dash") == "dash"]
    assert len(dashed) == 1 and dashed[0]["x0"] == 2.0


def test_exports_where_tables_are_shown(app_db, sla_db, monkeypatch):
    files = sf.capture_downloads(monkeypatch)
    app_db(sla_db)
    at = sf.open_page(PAGE)
    assert sf.downloads(at) == ["CSV (Excel FR)", "Excel .xlsx"] * 3
    rows = sf.csv_rows(sf.served(files, "conformite_priorites.csv"))
    assert rows[0] == ["Priorité", *SUMMARY]
    assert rows[-1] == ["Toutes", "5", "6", "83,3", "2", "5", "40,0"]
    rows = sf.csv_rows(sf.served(files, "simulation.csv"))
    assert rows[0][:3] == ["Priorité", "TTO % configuré", "TTO % simulé"]
    assert [r[0] for r in rows[1:]] == ["Haute", "Moyenne", "Faible", "Toutes"]
    assert sf.served(files, "conformite_team.xlsx")[:2] == b"PK"


@pytest.mark.parametrize(
    "drill, expected, text",
    [
        (
            {"clock": "ttr", "rows": "team", "row": "B", "col": "__all__", "grain": "month"},
            ["S3", "S4", "S6"],
            "Résolution (TTR) · B · toute la période",
        ),
        (
            {
                "clock": "tto",
                "rows": "priority",
                "row": "haute",
                "col": "2025-03-01",
                "grain": "month",
            },
            ["S1", "S2", "S6"],
            "Prise en charge (TTO) · Haute · mars 2025",
        ),
        (
            {
                "clock": "tto",
                "rows": "priority",
                "row": "__all__",
                "col": "2025-03-10",
                "grain": "week",
            },
            ["S5", "S6", "S7"],
            "Toutes · 10/03/2025",
        ),
        (
            {
                "clock": "ttr",
                "rows": "assignee",
                "row": "__none__",
                "col": "__all__",
                "grain": "week",
            },
            ["S7"],
            "(aucune)",
        ),
    ],
)
def test_cell_drill_downs_end_in_the_ticket_table(page, drill, expected, text):
    # a click on a heatmap cell stores this (see _on_cell)
    page.session_state["cf_drill"] = drill
    page.run()
    assert not sf.exceptions(page)
    assert sorted(sf.frame_of(page, "cf_tickets").ticket_id) == expected
    assert any(text in m.value for m in page.markdown)


def test_targets_in_force(page):
    targets, calendar = page.table[0].value, page.table[1].value
    assert (
        targets.loc["Haute", "Cible TTO"] == "1 h" and targets.loc["Faible", "Cible TTR"] == "45 h"
    )
    assert calendar.loc["Fuseau horaire", "Valeur"] == "Europe/Paris"
    assert calendar.loc["Heures ouvrées", "Valeur"] == "lun.–ven. 09:00-18:00 ; sam.–dim. fermé"
    assert calendar.loc["États en pause (TTR)", "Valeur"].startswith("EN ATTENTE DE VOTRE RETOUR")
    assert calendar.loc["À risque à partir de", "Valeur"] == "75\u202f% de la cible"
    assert calendar.loc["Jours fériés", "Valeur"].startswith("FR — 0 jour")


def test_english(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page(PAGE, lang="en")
    assert not sf.exceptions(at)
    assert at.title[0].value == "SLA compliance"
    assert [t.label for t in at.tabs] == [
        "By priority",
        "By team, agent, customer",
        "Distributions",
        "Targets in force",
        "What-if",
    ]
    assert summary(at, "Priority")["All"] == [5, 6, 83.3, 2, 5, 40.0]
    assert sf.metrics(at)["TTR · What-if"] == ("40.0%", None)
    assert at.table[1].value.loc["Working hours", "Value"] == "Mon–Fri 09:00-18:00; Sat–Sun closed"
