"""The compliance goal (`rules.goal`) on compliance charts, immature and small buckets marked,
the axis stopped at 100 % (issue 13): figures built from small frames, read back exactly."""

from __future__ import annotations

import pandas as pd

from ticketlib.charts import heatmap
from ticketlib.charts import review as review_charts
from ticketlib.charts import sla as charts


def _trend_frame() -> pd.DataFrame:
    # weeks of 3 and 10 March (all decided), 17 March (2 clocks still running), TTO only
    rows = [
        # bucket, priority, met, n, clocks
        ("2025-03-03", "haute", 19, 20, 20),
        ("2025-03-03", "moyenne", 10, 10, 10),
        ("2025-03-10", "haute", 8, 10, 10),
        ("2025-03-10", "moyenne", 10, 10, 10),
        ("2025-03-17", "haute", 2, 2, 4),
        ("2025-03-17", "moyenne", 1, 1, 1),
    ]
    return pd.DataFrame(
        [("tto", pd.Timestamp(b), p, m, n, c) for b, p, m, n, c in rows],
        columns=["clock", "row_value", "col_value", "met", "n", "clocks"],
    )


def _trend(**kw):
    return charts.compliance_trend(
        _trend_frame(),
        "tto",
        priority_names={"haute": "Haute", "moyenne": "Moyenne", "faible": "Faible"},
        all_label="Toutes",
        title="TTO",
        y_title="Conformité",
        bucket_word="semaine du",
        **kw,
    )


def test_goal_line_and_marks_on_the_all_priorities_line():
    fig = _trend(goal=0.95, goal_label="objectif 95 %", running_word="en cours", small_n=10)
    total = fig.data[-1]
    assert total.name == "Toutes"
    assert list(total.y) == [29 / 30 * 100, 90.0, 100.0]
    assert list(total.marker.color) == [charts.NEUTRAL, charts.GOAL_COLOUR, charts.NEUTRAL]
    assert list(total.marker.symbol) == ["circle", "circle", "circle-open"]  # 2 still running
    assert list(total.marker.opacity) == [1.0, 1.0, 0.35]  # 3 decided clocks < 10
    assert list(total.text) == ["0", "0", "2"]  # running clocks, in the hover
    haute = next(trace for trace in fig.data if trace.name == "Haute")
    assert list(haute.marker.symbol)[-1] == "circle-open"  # 2 of its 4 clocks still run
    moyenne = next(trace for trace in fig.data if trace.name == "Moyenne")
    assert set(moyenne.marker.symbol) == {"circle"}  # every clock decided
    (line,) = fig.layout.shapes
    assert (line.y0, line.y1, line.line.dash) == (95.0, 95.0, "dash")
    assert fig.layout.annotations[0].text == "objectif 95 %"
    assert tuple(fig.layout.yaxis.range) == (70, 100)  # lowest point 80 %; capped at 100 %
    assert all(trace.cliponaxis is False for trace in fig.data)  # points at 100 % not cut


def test_without_goal_nothing_is_drawn_and_axis_still_stops_at_100():
    fig = _trend()
    assert not fig.layout.shapes and not fig.layout.annotations
    assert fig.layout.yaxis.range[1] == 100


def test_review_charts_draw_the_goal():
    frame = pd.DataFrame(
        {
            "priority": ["haute", "moyenne"],
            "tto_pct": [0.9, 1.0],
            "tto_met": [9, 5],
            "tto_n": [10, 5],
            "ttr_pct": [0.96, None],
            "ttr_met": [24, 0],
            "ttr_n": [25, 0],
        }
    )
    fig = review_charts.priority_compliance(
        frame,
        priority_names={"haute": "Haute", "moyenne": "Moyenne"},
        clock_names={"tto": "TTO", "ttr": "TTR"},
        y_title="%",
        goal=0.95,
        goal_label="objectif 95 %",
    )
    assert [s.y0 for s in fig.layout.shapes] == [95.0]
    assert fig.layout.annotations[0].text == "objectif 95 %"
    tto, ttr = fig.data
    assert list(tto.marker.line.width) == [2, 0]  # 90 % is below the goal
    assert list(ttr.marker.line.width) == [0, 0]  # 96 %, and nothing decided


def test_heatmap_frames_the_cells_below_the_goal():
    frame = pd.DataFrame(
        {
            "row_value": ["haute", "haute", "moyenne", "moyenne"],
            "col_value": ["2025-03-01", "2025-04-01", "2025-03-01", "2025-04-01"],
            "met": [19, 9, 5, 0],
            "n": [20, 10, 5, 0],
        }
    )
    kw = {
        "row_order": ["haute", "moyenne"],
        "col_order": ["2025-03-01", "2025-04-01"],
        "row_names": {},
        "col_names": {},
        "min_n": 1,
        "title": "TTO",
        "few_label": "peu",
        "row_word": "priorité",
        "col_word": "mois",
    }
    fig = heatmap.compliance_heatmap(frame, goal=0.95, below_label="sous l'objectif", **kw)
    below = [t for t in fig.data if t.name == "sous l'objectif"]
    assert len(below) == 1 and below[0].showlegend
    # 19/20 = 95 % meets the goal; 9/10 is below it; 5/5 meets it; 0 decided: no cell
    assert [(c[0], c[1]) for c in below[0].customdata] == [("haute", "2025-04-01")]
    assert below[0].marker.color == charts.GOAL_COLOUR
    assert not [
        t for t in heatmap.compliance_heatmap(frame, **kw).data if t.name == "sous l'objectif"
    ]


def test_heatmap_rings_the_cells_whose_clocks_still_run():
    """An unfinished month at 100 % of 1 decided clock out of 3 is not final: ringed, and the
    hover says how many still run (outside check, issue 13 item 6)."""
    frame = pd.DataFrame(
        {
            "row_value": ["haute", "haute", "moyenne"],
            "col_value": ["2025-12-01", "2026-01-01", "2026-01-01"],
            "met": [9, 1, 1],
            "n": [10, 1, 1],
            "clocks": [10, 3, 21],
        }
    )
    kw = {
        "row_order": ["haute", "moyenne"],
        "col_order": ["2025-12-01", "2026-01-01"],
        "row_names": {},
        "col_names": {},
        "min_n": 1,
        "title": "TTR",
        "few_label": "peu",
        "row_word": "priorité",
        "col_word": "mois",
    }
    fig = heatmap.compliance_heatmap(
        frame, running_label="{n} en cours", running_legend="en cours", **kw
    )
    ring = [t for t in fig.data if t.name == "en cours"]
    assert len(ring) == 1 and ring[0].showlegend and ring[0].marker.symbol == "circle-open"
    assert [(c[0], c[1], c[7]) for c in ring[0].customdata] == [
        ("haute", "2026-01-01", "2 en cours"),
        ("moyenne", "2026-01-01", "20 en cours"),
    ]
    # without the label (the review, the old callers) nothing is ringed
    plain = heatmap.compliance_heatmap(frame, **kw)
    assert not [t for t in plain.data if t.name == "en cours"]
    assert len(plain.data) == len(fig.data) - 1
