"""One ticket's path: its visits to each état as a timeline, and its time per état (the
ticket view of every page). Words, layout and ticks are `flow.py`'s."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from ticketlib.charts.flow import Words, _date_ticks, _layout, _rgba
from ticketlib.charts.palette import NEUTRAL, etat_colour
from ticketlib.domain.vocabulary import ETAT_CODES


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
