"""Charts of the workflow pages: funnel, transitions Sankey, reopen rate (one ticket's Gantt and
time per état: `ticket_flow.py`). Each builder takes a DataFrame from `ticketlib.queries.workflow` and the words and
number formats to show (so French and English draw alike), and returns a plotly Figure.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ticketlib.charts.palette import NEUTRAL, etat_colour
from ticketlib.domain.vocabulary import ETAT_BY_CODE, ETAT_CODES

UNEXPECTED = "#D62728"


def _default_etat(code: str) -> str:
    return ETAT_BY_CODE[code].label_fr if code in ETAT_BY_CODE else str(code)


@dataclass(frozen=True)
class Words:
    """What a chart writes: its texts (by key), état names, number and date formats."""

    text: dict[str, str] = field(default_factory=dict)
    etat: Callable[[str], str] = _default_etat
    integer: Callable[[float], str] = lambda n: f"{int(n):,}"
    percent: Callable[[float], str] = lambda x: f"{100 * x:.1f}%"
    hours: Callable[[float], str] = lambda h: f"{h:.1f} h"
    when: Callable[[object], str] = lambda ts: pd.Timestamp(ts).strftime("%Y-%m-%d %H:%M")
    separators: str = ".,"  # plotly: decimal then thousands
    percent_suffix: str = "%"  # after a percent tick: "50 %" in French (charts.axes.pct_suffix)
    date_axis: str = "%Y-%m-%d"
    day_axis: str = "%b %d"
    month_axis: str = "%b %Y"

    def __call__(self, key: str, **kw) -> str:
        text = self.text.get(key, key)
        return text.format(**kw) if kw else text


def _layout(fig: go.Figure, words: Words, height: int, **kw) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40 if kw.get("title") else 10, "b": 10},
        separators=words.separators,
        hoverlabel={"align": "left"},
        **kw,
    )
    return fig


def _date_ticks(words: Words) -> list[dict]:
    """Tick labels of a date axis by zoom level, in the reader's formats."""
    day = 86_400_000
    return [
        {"dtickrange": [None, day // 2], "value": words.day_axis + " %H:%M"},
        # up to fortnightly ticks; monthly ones take the month format below (a stop ending at
        # "M1" also caught monthly ticks: "01/10, 01/11" on French pages)
        {"dtickrange": [day // 2, 20 * day], "value": words.day_axis},
        {"dtickrange": ["M1", "M12"], "value": words.month_axis},
        {"dtickrange": ["M12", None], "value": "%Y"},
    ]


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def funnel_figure(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Horizontal bars, one per état in workflow order (top down): tickets that reached it,
    with the conversion from the step it follows (only the tickets that went through it) and,
    in the hover, how many skipped that step (`skipped`, optional). Each bar's customdata is
    its état code."""
    frame = frame.reset_index(drop=True)
    labels = [words.etat(e) for e in frame.etat]
    texts, hovers = [], []
    for row in frame.itertuples():
        if isinstance(row.parent, str) and pd.notna(row.conversion):
            conv = words(
                "conversion_of", pct=words.percent(row.conversion), step=words.etat(row.parent)
            )
        else:
            conv = words("share_all", pct=words.percent(row.share))
        texts.append(f"{words.integer(row.tickets)} · {conv}")
        hovers.append(
            f"<b>{html.escape(words.etat(row.etat))}</b><br>"
            f"{words('tickets')} : {words.integer(row.tickets)}<br>"
            f"{words('visits')} : {words.integer(row.visits)}<br>"
            f"{words('share_all', pct=words.percent(row.share))}<br>{conv}"
            + (
                "<br>"
                + words(
                    "skipped_step",
                    n=words.integer(row.skipped),
                    step=html.escape(words.etat(row.parent)),
                )
                if getattr(row, "skipped", 0)
                else ""
            )
        )
    fig = go.Figure(
        go.Bar(
            x=frame.tickets,
            y=labels,
            orientation="h",
            marker_color=[etat_colour(e) for e in frame.etat],
            text=texts,
            textposition="auto",
            insidetextanchor="start",
            customdata=list(frame.etat),
            hovertext=hovers,
            hoverinfo="text",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels)
    fig.update_xaxes(title_text=words("tickets"), rangemode="tozero")
    return _layout(fig, words, height=60 + 48 * max(len(frame), 1), clickmode="event+select")


def sankey_figure(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Transitions from an état (left) to the next (right), link width = count; transitions
    the seed's workflow does not expect are drawn in red."""
    frame = frame.reset_index(drop=True)
    order = {e: i for i, e in enumerate(ETAT_CODES)}
    sources = sorted(set(frame.from_etat), key=lambda e: order.get(e, 99))
    targets = sorted(set(frame.to_etat), key=lambda e: order.get(e, 99))
    nodes = [words.etat(e) for e in sources] + [words.etat(e) for e in targets]
    colours = [etat_colour(e) for e in sources] + [etat_colour(e) for e in targets]
    index_from = {e: i for i, e in enumerate(sources)}
    index_to = {e: len(sources) + i for i, e in enumerate(targets)}
    link_colours, hovers = [], []
    for row in frame.itertuples():
        if row.expected:
            link_colours.append(_rgba(etat_colour(row.from_etat), 0.35))
            kind = words("expected")
        else:
            link_colours.append(_rgba(UNEXPECTED, 0.85))
            kind = words("unexpected")
        hovers.append(
            f"{html.escape(words.etat(row.from_etat))} → {html.escape(words.etat(row.to_etat))}"
            f"<br>{words('transitions')} : {words.integer(row.transitions)}<br>{kind}"
        )

    def ys(items):
        n = len(items)
        return [0.02 + 0.96 * (i / (n - 1) if n > 1 else 0.5) for i in range(n)]

    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            node={
                "label": nodes,
                "color": colours,
                "pad": 18,
                "thickness": 16,
                "x": [0.001] * len(sources) + [0.999] * len(targets),
                "y": ys(sources) + ys(targets),
                "hovertemplate": "%{label}<br>%{value}<extra></extra>",
            },
            link={
                "source": [index_from[e] for e in frame.from_etat],
                "target": [index_to[e] for e in frame.to_etat],
                "value": list(frame.transitions),
                "color": link_colours,
                "customdata": hovers,
                "hovertemplate": "%{customdata}<extra></extra>",
            },
        )
    )
    fig.add_annotation(x=0, y=1.06, xref="paper", yref="paper", text=words("from"), showarrow=False)
    fig.add_annotation(x=1, y=1.06, xref="paper", yref="paper", text=words("to"), showarrow=False)
    return _layout(fig, words, height=460)


def reopen_figure(frame: pd.DataFrame, words: Words) -> go.Figure:
    """Per bucket of first resolution: resolved tickets (bars, right axis) and the share of them
    reopened (line, left axis)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Bar(
            x=frame.bucket,
            y=frame.resolved,
            name=words("resolved"),
            marker_color=_rgba(NEUTRAL, 0.25),
            hovertemplate="%{x|"
            + words.date_axis
            + "}<br>%{y}<extra>"
            + words("resolved")
            + "</extra>",
        ),
        secondary_y=True,
    )
    fig.add_trace(
        go.Scatter(
            x=frame.bucket,
            y=frame.rate * 100,
            name=words("reopen_rate"),
            mode="lines+markers",
            line={"color": etat_colour("reouvert"), "width": 2},
            customdata=frame.reopened,
            hovertemplate="%{x|"
            + words.date_axis
            + "}<br>%{y:.1f}"
            + words.percent_suffix
            + " ("
            + "%{customdata}"
            + ")<extra>"
            + words("reopen_rate")
            + "</extra>",
        ),
        secondary_y=False,
    )
    # whole percents, one per tick at least 1 % apart (at desk scale the rate stays under 5 %:
    # plotly's own 0.5 % steps printed "0 %, 1 %, 1 %, 2 %"); whole tickets on the right axis
    # (Streamlit's template syncs it to the left one: "58 / 115,9 / 173,9"), issue 13
    small = frame.rate.dropna().max() < 0.05 if len(frame) else True
    fig.update_yaxes(
        title_text=words("reopen_rate"),
        tickformat=",.0f",
        ticksuffix=words.percent_suffix,
        secondary_y=False,
        **({"dtick": 1} if small else {}),
    )
    fig.update_yaxes(
        title_text=words("resolved"),
        secondary_y=True,
        showgrid=False,
        rangemode="tozero",
        tickmode="auto",
        tickformat=",d",
        nticks=5,
    )
    fig.update_yaxes(rangemode="tozero", secondary_y=False)
    fig.update_xaxes(tickformatstops=_date_ticks(words))
    return _layout(
        fig,
        words,
        height=340,
        legend={"orientation": "h", "y": 1.12, "x": 0},
        hovermode="x unified",
    )
