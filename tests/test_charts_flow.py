"""Chart builders of the workflow pages, alone: DataFrame in, plotly Figure out."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import pytest

from ticketlib.charts import flow, ticket_flow
from ticketlib.charts.palette import etat_colour
from ticketlib.domain.vocabulary import ETAT_CODES

FUNNEL = pd.DataFrame(
    {
        "etat": list(ETAT_CODES),
        "tickets": [7, 5, 1, 1, 3, 3, 1],
        "visits": [7, 7, 1, 1, 4, 3, 1],
        "share": [1, 5 / 7, 1 / 7, 1 / 7, 3 / 7, 3 / 7, 1 / 7],
        "parent": [
            None,
            "ouvert",
            "pris_en_compte",
            "pris_en_compte",
            "pris_en_compte",
            "resolu",
            "resolu",
        ],
        "conversion": [None, 5 / 7, 0.2, 0.2, 0.6, 1.0, 1 / 3],
    }
)
TRANSITIONS = pd.DataFrame(
    {
        "from_etat": ["ouvert", "pris_en_compte", "ouvert"],
        "to_etat": ["pris_en_compte", "resolu", "resolu"],
        "transitions": [5, 3, 1],
        "expected": [True, True, False],
    }
)
ENGLISH = flow.Words(
    text={"conversion_of": "{pct} of {step}", "share_all": "{pct} of tickets"},
    etat=lambda code: code.upper(),
)


def test_funnel_bars_in_workflow_order_with_conversion():
    fig = flow.funnel_figure(FUNNEL, ENGLISH)
    assert isinstance(fig, go.Figure)
    bar = fig.data[0]
    assert list(bar.x) == [7, 5, 1, 1, 3, 3, 1]
    assert list(bar.y) == [e.upper() for e in ETAT_CODES]
    assert list(bar.customdata) == list(ETAT_CODES)  # what a click chooses
    assert bar.text[0] == "7 · 100.0% of tickets"
    assert bar.text[4] == "3 · 60.0% of PRIS_EN_COMPTE"
    assert list(bar.marker.color) == [etat_colour(e) for e in ETAT_CODES]
    assert fig.layout.yaxis.autorange == "reversed"


def test_funnel_in_french_formats():
    words = flow.Words(
        text={"conversion_of": "{pct} de {step}", "share_all": "{pct} des tickets"},
        integer=lambda n: f"{int(n):,}".replace(",", "\u202f"),
        percent=lambda x: f"{100 * x:.1f}".replace(".", ",") + "\u202f%",
        separators=",\u202f",
    )
    frame = FUNNEL.assign(tickets=[3000, 2992, 1, 1, 3, 3, 1])
    fig = flow.funnel_figure(frame, words)
    assert fig.data[0].text[0] == "3\u202f000 · 100,0\u202f% des tickets"
    assert fig.data[0].text[5] == "3 · 100,0\u202f% de RÉSOLU"  # FERMÉ from RÉSOLU
    assert fig.layout.separators == ",\u202f"


def test_sankey_links_and_unexpected_in_red():
    fig = flow.sankey_figure(TRANSITIONS, ENGLISH)
    sankey = fig.data[0]
    assert list(sankey.node.label) == ["OUVERT", "PRIS_EN_COMPTE", "PRIS_EN_COMPTE", "RESOLU"]
    assert list(sankey.link.source) == [0, 1, 0]
    assert list(sankey.link.target) == [2, 3, 3]
    assert list(sankey.link.value) == [5, 3, 1]
    colours = list(sankey.link.color)
    assert colours[2] == "rgba(214,39,40,0.85)"
    assert colours[0] != colours[2] and colours[0].endswith(",0.35)")
    assert "unexpected" in sankey.link.customdata[2]


def test_reopen_rate_bars_and_line():
    frame = pd.DataFrame(
        {
            "bucket": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "resolved": [10, 20],
            "reopened": [1, 5],
            "rate": [0.1, 0.25],
        }
    )
    fig = flow.reopen_figure(frame, ENGLISH)
    bars, line = fig.data
    assert list(bars.y) == [10, 20] and bars.yaxis == "y2"
    assert list(line.y) == [10, 25] and list(line.customdata) == [1, 5]  # percents
    assert (fig.layout.yaxis.tickformat, fig.layout.yaxis.ticksuffix) == (",.0f", "%")
    french = flow.reopen_figure(frame, replace(ENGLISH, percent_suffix="\u202f%"))
    assert french.layout.yaxis.ticksuffix == "\u202f%"  # "10 %" on a French page
    assert "%{y:.1f}\u202f% (" in french.data[1].hovertemplate
    assert fig.layout.yaxis.dtick is None  # up to 25 %: plotly's steps are whole percents
    assert (fig.layout.yaxis2.tickformat, fig.layout.yaxis2.tickmode) == (",d", "auto")
    low = flow.reopen_figure(frame.assign(rate=[0.004, 0.018]), ENGLISH)
    assert low.layout.yaxis.dtick == 1  # 0 %, 1 %, 2 %: never "1 %, 1 %"


def _timeline(last: str) -> pd.DataFrame:
    utc = lambda s: pd.Timestamp(s, tz="UTC")  # noqa: E731
    return pd.DataFrame(
        {
            "visit": [1, 2, 3],
            "etat": ["ouvert", "pris_en_compte", last],
            "start_ts": [utc("2025-03-03 08:00"), utc("2025-03-03 09:00"), utc("2025-03-03 11:00")],
            "end_ts": [utc("2025-03-03 09:00"), utc("2025-03-03 11:00"), utc("2025-03-20 08:00")],
            "wall_h": [1.0, 2.0, 405.0],
            "business_h": [1.0, 2.0, 100.0],
            "rows": [1, 1, 1],
        }
    )


def test_timeline_one_bar_per_visit_in_local_time():
    fig = ticket_flow.timeline_figure(_timeline("attente_client"), ENGLISH, "Europe/Paris")
    assert [t.name for t in fig.data] == ["OUVERT", "PRIS_EN_COMPTE", "ATTENTE_CLIENT"]
    ouvert = fig.data[0]
    assert pd.Timestamp(ouvert.base[0]) == pd.Timestamp("2025-03-03 09:00")  # Paris time
    assert list(ouvert.x) == [3_600_000]  # one hour, in ms
    assert fig.layout.xaxis.type == "date"
    right = pd.Timestamp(fig.layout.xaxis.range[1])
    assert right > pd.Timestamp("2025-03-20 09:00")  # an open visit is drawn to its end


def test_timeline_closed_ticket_is_not_stretched_to_the_as_of():
    fig = ticket_flow.timeline_figure(_timeline("ferme"), ENGLISH, "Europe/Paris")
    right = pd.Timestamp(fig.layout.xaxis.range[1])
    assert right < pd.Timestamp("2025-03-03 13:00")


def test_timeline_marks_and_escaping():
    marks = [("<b>due</b>", pd.Timestamp("2025-03-03 10:00", tz="UTC")), ("none", None)]
    fig = ticket_flow.timeline_figure(_timeline("attente_client"), ENGLISH, "Europe/Paris", marks)
    texts = [a.text for a in fig.layout.annotations]
    assert texts == ["&lt;b&gt;due&lt;/b&gt;"]
    assert len(fig.layout.shapes) == 1


def test_timeline_of_nothing_is_an_empty_figure():
    empty = _timeline("ferme").iloc[0:0]
    assert len(ticket_flow.timeline_figure(empty, ENGLISH, "Europe/Paris").data) == 0


@pytest.mark.parametrize("skip, shown", [(("ferme",), 2), ((), 3)])
def test_durations_wall_beside_business(skip, shown):
    frame = pd.DataFrame(
        {
            "etat": ["ouvert", "attente_client", "ferme"],
            "visits": [1, 1, 1],
            "wall_h": [1.0, 22.0, 24.0],
            "business_h": [1.0, 7.0, 9.0],
        }
    )
    fig = ticket_flow.durations_figure(frame, ENGLISH, skip=skip)
    wall, business = fig.data
    assert len(wall.x) == shown and list(business.x[:2]) == [1.0, 7.0]
    assert fig.layout.barmode == "group"


def test_words_fill_placeholders_and_fall_back_to_the_key():
    assert ENGLISH("conversion_of", pct="5%", step="X") == "5% of X"
    assert ENGLISH("missing") == "missing"


def test_funnel_hover_says_who_skipped_the_step():
    frame = FUNNEL.assign(skipped=[0, 0, 0, 0, 1, 0, 0])
    words = flow.Words(
        text={**ENGLISH.text, "skipped_step": "{n} skipped {step}"}, etat=ENGLISH.etat
    )
    hovers = flow.funnel_figure(frame, words).data[0].hovertext
    assert hovers[4].endswith("<br>1 skipped PRIS_EN_COMPTE")
    assert not any("skipped" in h for i, h in enumerate(hovers) if i != 4)
