"""Charts of the workflow pages: funnel, transitions Sankey, reopen rate, one ticket's Gantt and
time per état. Each builder takes a DataFrame from `ticketlib.queries.workflow` and the words and
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
        {"dtickrange": [day // 2, "M1"], "value": words.day_axis},
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
            y=frame.rate,
            name=words("reopen_rate"),
            mode="lines+markers",
            line={"color": etat_colour("reouvert"), "width": 2},
            customdata=frame.reopened,
            hovertemplate="%{x|"
            + words.date_axis
            + "}<br>%{y:.1%} ("
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
        tickformat=".0%",
        secondary_y=False,
        **({"dtick": 0.01} if small else {}),
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


def timeline_figure(
    frame: pd.DataFrame,
    words: Words,
    tz: str,
    marks: list[tuple[str, object]] | None = None,
) -> go.Figure:
    """One ticket's visits to each état as a Gantt (local time of the calendar), with vertical
    marks (due instants, as-of). A last visit to FERMÉ is drawn short: the ticket is over."""
    fig = go.Figure()
    if frame.empty:
        return _layout(fig, words, height=200)
    start = frame.start_ts.dt.tz_convert(tz).dt.tz_localize(None)
    end = frame.end_ts.dt.tz_convert(tz).dt.tz_localize(None)
    first, last_active = start.min(), end.max()
    if frame.etat.iloc[-1] == "ferme" and len(frame) > 1:
        last_active = start.iloc[-1]
    span = max(last_active - first, pd.Timedelta(hours=1))
    right = last_active + span * 0.08
    present = [e for e in ETAT_CODES if e in set(frame.etat)]
    labels = {e: words.etat(e) for e in present}
    for etat in present:
        rows = frame.etat == etat
        s, e = start[rows], end[rows]
        hovers = [
            f"<b>{html.escape(labels[etat])}</b><br>{words.when(a)} → {words.when(b)}"
            f"<br>{words('wall')} : {words.hours(w)} · {words('business')} : {words.hours(h)}"
            for a, b, w, h in zip(s, e, frame.wall_h[rows], frame.business_h[rows])
        ]
        fig.add_trace(
            go.Bar(
                base=s,
                x=[(b - a).total_seconds() * 1000 for a, b in zip(s, e)],
                y=[labels[etat]] * int(rows.sum()),
                orientation="h",
                name=labels[etat],
                marker_color=etat_colour(etat),
                hovertext=hovers,
                hoverinfo="text",
                showlegend=False,
            )
        )
    shown_marks = 0
    for label, ts in marks or []:
        if ts is None or pd.isna(ts):
            continue
        local = pd.Timestamp(ts).tz_convert(tz).tz_localize(None)
        right = max(right, local + span * 0.03)
        fig.add_vline(x=local, line_dash="dash", line_color=NEUTRAL, line_width=1)
        fig.add_annotation(
            x=local,
            y=1.0,
            yref="paper",
            yshift=2 + 15 * shown_marks,  # stacked, so close marks do not overlap
            text=html.escape(label),
            showarrow=False,
            yanchor="bottom",
            xanchor="right",
            font={"size": 11, "color": NEUTRAL},
        )
        shown_marks += 1
    order = [labels[e] for e in present]
    fig.update_yaxes(categoryorder="array", categoryarray=order, autorange="reversed")
    fig.update_xaxes(
        type="date", range=[first - span * 0.02, right], tickformatstops=_date_ticks(words)
    )
    _layout(fig, words, height=90 + 36 * len(present) + 15 * shown_marks, barmode="overlay")
    fig.update_layout(bargap=0.35, margin={"t": 12 + 15 * shown_marks})
    return fig


def durations_figure(
    frame: pd.DataFrame, words: Words, skip: tuple[str, ...] = ("ferme",)
) -> go.Figure:
    """Time per état of one ticket: wall (light) and business (dark) hours side by side (FERMÉ
    left out: after closing the time only grows)."""
    shown = frame[~frame.etat.isin(skip)]
    labels = [words.etat(e) for e in shown.etat]
    fig = go.Figure(
        [
            go.Bar(
                y=labels,
                x=shown.wall_h,
                name=words("wall"),
                orientation="h",
                marker_color=_rgba(NEUTRAL, 0.35),
                text=[words.hours(h) for h in shown.wall_h],
                textposition="outside",
                cliponaxis=False,
                hoverinfo="text+name",
            ),
            go.Bar(
                y=labels,
                x=shown.business_h,
                name=words("business"),
                orientation="h",
                marker_color=NEUTRAL,
                text=[words.hours(h) for h in shown.business_h],
                textposition="outside",
                cliponaxis=False,
                hoverinfo="text+name",
            ),
        ]
    )
    fig.update_yaxes(autorange="reversed")
    top = float(max(shown.wall_h.max(), shown.business_h.max(), 0) or 1)
    fig.update_xaxes(title_text=words("hours"), range=[0, top * 1.25])  # room for the texts
    return _layout(
        fig,
        words,
        height=90 + 60 * max(len(shown), 1),
        barmode="group",
        legend={"orientation": "h", "y": 1.1, "x": 0},
    )
