"""The SLA pages' chart builders alone: a DataFrame in, the expected traces and values out."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from ticketlib.charts import axes, distribution, heatmap, palette
from ticketlib.charts import sla as charts
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES
from ticketlib.queries.sla import ALL_KEY, NONE_KEY

PRIO = {"haute": "Haute", "moyenne": "Moyenne", "faible": "Faible"}


def test_palette_covers_every_code_once():
    assert set(palette.ETAT_COLOURS) == set(ETAT_CODES)
    assert set(palette.PRIORITY_COLOURS) == set(PRIORITY_CODES)
    assert len(set(palette.ETAT_COLOURS.values())) == len(ETAT_CODES)
    assert len(set(palette.PRIORITY_COLOURS.values())) == len(PRIORITY_CODES)
    assert palette.etat_colour("nope") == palette.NEUTRAL
    assert palette.priority_colour(None) == palette.NO_PRIORITY_COLOUR


def trend_frame() -> pd.DataFrame:
    rows = [
        ("tto", "2025-03-03", "haute", 1, 2),
        ("tto", "2025-03-03", "moyenne", 1, 1),
        ("tto", "2025-03-10", "haute", 1, 1),
        ("tto", "2025-03-10", "faible", 0, 0),
        ("ttr", "2025-03-03", "haute", 0, 2),
    ]
    frame = pd.DataFrame(rows, columns=["clock", "row_value", "col_value", "met", "n"])
    frame["row_value"] = pd.to_datetime(frame["row_value"])
    return frame


def test_compliance_trend_lines_per_priority_and_total():
    fig = charts.compliance_trend(
        trend_frame(),
        "tto",
        priority_names=PRIO,
        all_label="Toutes",
        title="TTO",
        y_title="Conformité",
        bucket_word="semaine du",
    )
    names = [t.name for t in fig.data]
    assert names == ["Haute", "Moyenne", "Toutes"]  # faible has no decided clock
    haute, moyenne, total = fig.data
    assert list(haute.y) == [50.0, 100.0]
    assert haute.line.color == palette.PRIORITY_COLOURS["haute"]
    assert [list(c) for c in haute.customdata] == [
        ["2025-03-03", "haute", 1, 2],
        ["2025-03-10", "haute", 1, 1],
    ]
    assert list(total.y) == pytest.approx([200 / 3, 100.0])
    assert total.customdata[0][1] == "" and total.line.dash == "dot"
    assert fig.layout.separators == ",\u202f"
    assert fig.layout.yaxis.range[1] == 100  # capped at 100 % (issue 13; was 102)
    en = charts.compliance_trend(
        trend_frame(),
        "ttr",
        priority_names=PRIO,
        all_label="All",
        title="TTR",
        y_title="Compliance",
        bucket_word="week of",
        lang="en",
    )
    assert [list(t.y) for t in en.data] == [[0.0], [0.0]]
    assert en.layout.separators == ".,"
    assert en.layout.yaxis.range[0] == 0


def test_backlog_area_stacks_etats_in_workflow_order_with_the_palette():
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(["2025-03-14"] * 4),
            "etat": ["resolu", "ouvert", "pris_en_compte", "ferme"],
            "tickets": [1, 1, 3, 9],
        }
    )
    fig = charts.backlog_area(
        frame, etat_names={"ouvert": "OUVERT", "resolu": "RÉSOLU"}, title=None, y_title="Tickets"
    )
    assert [t.name for t in fig.data] == ["OUVERT", "pris_en_compte", "RÉSOLU"]  # no ferme
    assert [t.marker.color for t in fig.data] == [
        palette.ETAT_COLOURS[e] for e in ("ouvert", "pris_en_compte", "resolu")
    ]
    assert fig.layout.barmode == "stack"
    assert fig.data[1].customdata.tolist() == [["2025-03-14", "pris_en_compte"]]
    assert list(fig.data[1].y) == [3]


def grid() -> pd.DataFrame:
    rows = [
        ("A", "2025-03-03", False, False, 9, 10),
        ("A", None, False, True, 9, 10),
        (None, "2025-03-03", False, False, 1, 2),
        (None, None, False, True, 1, 2),
        ("B", "2025-03-03", False, False, 0, 0),
        (None, "2025-03-03", True, False, 10, 12),
        (None, None, True, True, 10, 12),
    ]
    frame = pd.DataFrame(
        rows, columns=["row_value", "col_value", "row_total", "col_total", "met", "n"]
    )
    frame["col_value"] = pd.to_datetime(frame["col_value"])
    return frame


def test_compliance_heatmap_cells_totals_and_thin_marks():
    fig = heatmap.compliance_heatmap(
        grid(),
        row_order=["A", NONE_KEY, "B", ALL_KEY],
        col_order=["2025-03-03", ALL_KEY],
        row_names={"A": "A", NONE_KEY: "(aucune)", "B": "B", ALL_KEY: "Total"},
        col_names={"2025-03-03": "03/03/2025", ALL_KEY: "Total"},
        min_n=5,
        title="TTR",
        few_label="moins de 5 tickets",
        row_word="Équipe :",
        col_word="Semaine du",
    )
    heat, cells, thin = fig.data
    assert heat.type == "heatmap"
    z = [[None if math.isnan(v) else v for v in r] for r in heat.z]
    assert z == [[90.0, 90.0], [50.0, 50.0], [None, None], [pytest.approx(250 / 3)] * 2]
    assert list(heat.y) == [0, 1, 2, 3] and list(fig.layout.yaxis.ticktext) == [
        "A",
        "(aucune)",
        "B",
        "Total",
    ]
    assert heat.text[0][0] == "90\u202f%"
    # every decided cell is clickable and names its row and column
    assert [list(c[:4]) for c in cells.customdata][:3] == [
        ["A", "2025-03-03", 9, 10],
        ["A", ALL_KEY, 9, 10],
        [NONE_KEY, "2025-03-03", 1, 2],
    ]
    assert cells.marker.opacity == 0
    # thin cells (n < 5): the (aucune) row only
    assert [list(c[:2]) for c in thin.customdata] == [
        [NONE_KEY, "2025-03-03"],
        [NONE_KEY, ALL_KEY],
    ]
    assert thin.name == "moins de 5 tickets" and thin.showlegend
    # the total row and column are set apart
    assert len(fig.layout.shapes) == 2


def test_compliance_heatmap_hides_text_when_crowded():
    frame = pd.DataFrame(
        {
            "row_value": ["A"] * 20,
            "col_value": pd.date_range("2025-01-06", periods=20, freq="7D"),
            "met": [1] * 20,
            "n": [1] * 20,
        }
    )
    cols = [d.date().isoformat() for d in frame.col_value]
    fig = heatmap.compliance_heatmap(
        frame,
        row_order=["A"],
        col_order=cols,
        row_names={},
        col_names={},
        min_n=1,
        title="",
        few_label="",
        row_word="",
        col_word="",
    )
    assert fig.data[0].texttemplate is None
    assert not fig.data[2].showlegend


def dist(hours: list[float], tickets: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"hours": hours, "tickets": tickets})


def test_distribution_grid_draws_the_target_and_the_what_if_line():
    frames = {"haute": dist([0.0, 0.125, 1.0, 3.0], [5, 3, 2, 1]), "faible": dist([8.0], [1])}
    targets = {"haute": 1.0, "moyenne": 4.0, "faible": 8.0}
    fig = distribution.distribution_grid(
        frames,
        targets,
        {p: t / 8 for p, t in targets.items()},
        {p: 3 * t for p, t in targets.items()},
        priority_names=PRIO,
        title="TTO",
        x_title="Heures ouvrées",
        y_title="Tickets",
        target_label="cible",
        over_label="Dernière barre : au-delà de 3 × la cible.",
        what_if_h={"haute": 2.0, "moyenne": 4.0, "faible": 8.0},
        what_if_label="simulée",
    )
    assert [t.name for t in fig.data] == ["Haute", "Faible"]
    haute = fig.data[0]
    assert list(haute.y) == [5, 3, 2, 1]
    assert list(haute.x) == pytest.approx([0.0625, 0.1875, 1.0625, 3.0625])
    assert list(haute.marker.opacity) == [1.0, 1.0, 0.4, 0.4]  # past the target: pale
    assert haute.customdata[-1][0] == "≥ 3 h" and haute.customdata[0][0] == "0–0,125 h"
    lines = [(s.x0, s.line.dash) for s in fig.layout.shapes]
    assert (1.0, None) in lines and (8.0, None) in lines  # targets
    assert (2.0, "dash") in lines  # the what-if target of haute only
    assert len(lines) == 3
    texts = [a.text for a in fig.layout.annotations]
    assert "cible 1 h" in texts and "simulée 2 h" in texts and "cible 8 h" in texts


def test_what_if_bars_configured_beside_what_if():
    summary = pd.DataFrame(
        {
            "priority": ["haute", ALL_KEY],
            "tto_met": [2, 5],
            "tto_n": [3, 6],
            "new_tto_met": [2, 5],
            "new_tto_n": [3, 6],
            "ttr_met": [1, 2],
            "ttr_n": [2, 5],
            "new_ttr_met": [0, 1],
            "new_ttr_n": [3, 6],
        }
    )
    for clock in ("tto", "ttr"):
        summary[f"{clock}_pct"] = summary[f"{clock}_met"] / summary[f"{clock}_n"]
        summary[f"new_{clock}_pct"] = summary[f"new_{clock}_met"] / summary[f"new_{clock}_n"]
    fig = distribution.what_if_bars(
        summary,
        priority_names=PRIO,
        all_label="Toutes",
        clock_titles={"tto": "TTO", "ttr": "TTR"},
        configured_label="Configuré",
        what_if_label="Simulé",
        y_title="Conformité",
    )
    assert [t.name for t in fig.data] == ["Configuré", "Simulé"] * 2
    ttr_conf, ttr_new = fig.data[2], fig.data[3]
    assert list(ttr_conf.x) == ["Haute", "Toutes"]
    assert list(ttr_conf.y) == pytest.approx([50.0, 40.0])
    assert list(ttr_new.y) == pytest.approx([0.0, 100 / 6])
    assert list(ttr_new.text) == ["0,0\u202f%", "16,7\u202f%"]


@pytest.mark.parametrize(
    "day, grain, lang, text",
    [
        (date(2025, 3, 3), "week", "fr", "03/03/2025"),
        (date(2025, 3, 3), "week", "en", "2025-03-03"),
        (date(2025, 2, 1), "month", "fr", "févr. 2025"),
        (date(2025, 2, 1), "month", "en", "Feb 2025"),
    ],
)
def test_bucket_labels(day, grain, lang, text):
    assert axes.bucket_label(day, grain, lang) == text


def test_backlog_zooms_on_a_period_with_ticks_in_it():
    days = pd.date_range("2025-05-01", "2025-07-31", freq="D")
    frame = pd.DataFrame({"day": days, "etat": "ouvert", "tickets": 1})
    fig = charts.backlog_area(
        frame,
        etat_names={},
        title=None,
        y_title="",
        x_range=(date(2025, 6, 2), date(2025, 6, 29)),
    )
    axis = fig.layout.xaxis
    assert pd.Timestamp(axis.range[0]) == pd.Timestamp("2025-06-01 12:00")
    assert axis.ticktext[0] == "02/06"
    assert all(
        pd.Timestamp("2025-06-02") <= pd.Timestamp(v) <= pd.Timestamp("2025-06-29")
        for v in axis.tickvals
    )
    whole = charts.backlog_area(frame, etat_names={}, title=None, y_title="", lang="en")
    assert list(whole.layout.xaxis.ticktext) == ["May 2025", "Jun 2025", "Jul 2025"]
