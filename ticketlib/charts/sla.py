"""Charts of the SLA pages over time (Vue d'ensemble): compliance trend and backlog; a
DataFrame in, a Figure out. The heatmap is in `heatmap.py`, distributions and the what-if
bars in `distribution.py`, the texts, ticks and frame they share in `axes.py`.

Labels come in as arguments (the pages translate them), colours from `palette`. Every point a
reader may click carries `customdata` naming what it stands for (bucket, priority, état...), so
a page can turn a selection into a drill-down without reading the figure back.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ticketlib.charts.axes import (
    GOAL_COLOUR,
    _date_ticks,
    _frame,
    _goal_line,
    day_format,
    pct_suffix,
)
from ticketlib.charts.palette import NEUTRAL, etat_colour, priority_colour
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES

# -- Vue d'ensemble --------------------------------------------------------------------------


def compliance_trend(
    frame: pd.DataFrame,
    clock: str,
    *,
    priority_names: Mapping[str, str],
    all_label: str,
    title: str,
    y_title: str,
    bucket_word: str,
    lang: str = "fr",
    height: int = 360,
    goal: float | None = None,
    goal_label: str = "",
    running_word: str = "",
    small_n: int = 0,
) -> go.Figure:
    """Compliance % per time bucket: a line per priority and a dashed one for all of them.

    `frame` is `metrics_sla.clock_compliance(rows="bucket", cols="priority")`; customdata of
    each point: [bucket ISO date, priority code ("" for all), met, n]; its text: the clocks
    still running.
    `goal` (a share, `rules.goal`) is drawn as a red dashed line and the all-priorities points
    below it are red; a point whose bucket still has running clocks (not final: its figure
    counts only the clocks already decided) is hollow; a point decided on fewer than `small_n`
    clocks is faded. The y axis stops at 100 % (issue 13).
    """
    data = frame[frame["clock"] == clock]
    fig = go.Figure()
    series = [(p, data[data["col_value"] == p]) for p in PRIORITY_CODES]
    summed = [c for c in ("met", "n", "clocks") if c in data]
    totals = data.groupby("row_value", as_index=False)[summed].sum()
    series.append(("", totals))
    for code, rows in series:
        rows = rows[rows["n"] > 0].sort_values("row_value")
        if rows.empty:
            continue
        pct = 100 * rows["met"] / rows["n"]
        buckets = pd.to_datetime(rows["row_value"])
        running = (
            (rows["clocks"] - rows["n"]).astype(int)
            if "clocks" in rows
            else pd.Series(0, index=rows.index)
        )
        custom = list(
            zip(
                [d.date().isoformat() for d in buckets],
                [code] * len(rows),
                rows["met"].astype(int),
                rows["n"].astype(int),
            )
        )
        name = priority_names.get(code, code) if code else all_label
        colour = priority_colour(code) if code else NEUTRAL
        # a priority's point whose bucket still has running clocks is hollow too (outside
        # check: each priority's line climbed to 100 % on the unfinished month)
        marker = {
            "size": 6,
            "symbol": ["circle-open" if r else "circle" for r in running],
            "line": {"width": 1.5},
        }
        if not code:
            below = goal is not None and (pct < 100 * goal - 1e-9)
            marker = {
                "size": 8,
                "color": [GOAL_COLOUR if b else colour for b in below]
                if goal is not None
                else colour,
                "symbol": ["circle-open" if r else "circle" for r in running],
                "line": {"width": 2},
                "opacity": [0.35 if n < small_n else 1.0 for n in rows["n"]],
            }
        fig.add_trace(
            go.Scatter(
                x=buckets,
                y=pct,
                name=name,
                mode="lines+markers",
                line={
                    "color": colour,
                    "width": 1.5 if code else 3,
                    "dash": "solid" if code else "dot",
                },
                marker=marker,
                opacity=0.75 if code else 1.0,
                cliponaxis=False,
                customdata=custom,
                text=[f"{r:,}" for r in running],  # clocks still running, for the hover
                hovertemplate=(
                    f"<b>{name}</b><br>{bucket_word} %{{x|{day_format(lang)}}}"
                    "<br>%{y:.1f} % (%{customdata[2]:,} / %{customdata[3]:,})"
                    + (f"<br>{running_word} : %{{text}}" if running_word else "")
                    + "<extra></extra>"
                ),
            )
        )
    lows = [min(trace.y) for trace in fig.data if len(trace.y)]
    if goal is not None:
        lows.append(100 * goal)
    low = max(0, 10 * ((min(lows) - 5) // 10)) if lows else 0
    fig.update_yaxes(title=y_title, range=[low, 100], ticksuffix=pct_suffix(lang))
    if goal is not None:
        _goal_line(fig, goal, goal_label)
    fig.update_xaxes(**_date_ticks(data["row_value"].unique(), lang))
    return _frame(fig, lang, height, title)


def backlog_area(
    frame: pd.DataFrame,
    *,
    etat_names: Mapping[str, str],
    title: str | None,
    y_title: str,
    lang: str = "fr",
    height: int = 380,
    x_range: tuple[date, date] | None = None,
) -> go.Figure:
    """Open tickets at the end of each day, stacked by état in workflow order (one bar per day,
    touching, so it reads as an area while a click on a segment selects that day and état).

    `frame` is `metrics.backlog` (day, etat, tickets); customdata: [day ISO date, état code].
    `x_range` (first, last day) zooms on a period, the rest stays reachable by panning.
    """
    fig = go.Figure()
    days = pd.to_datetime(frame["day"]) if not frame.empty else pd.Series([], dtype="object")
    for code in ETAT_CODES:
        rows = frame[frame["etat"] == code]
        if rows.empty or code == "ferme":
            continue
        x = pd.to_datetime(rows["day"])
        fig.add_trace(
            go.Bar(
                x=x,
                y=rows["tickets"],
                name=etat_names.get(code, code),
                marker={"color": etat_colour(code), "line": {"width": 0}},
                customdata=np.array(
                    [[d, code] for d in x.dt.strftime("%Y-%m-%d")], dtype=object
                ).reshape(len(x), 2),
                hovertemplate=(
                    f"<b>{etat_names.get(code, code)}</b><br>%{{x|{day_format(lang)}}}"
                    "<br>%{y:,} tickets<extra></extra>"
                ),
            )
        )
    fig.update_yaxes(title=y_title, rangemode="tozero")
    if x_range is not None:
        first, last = pd.Timestamp(x_range[0]), pd.Timestamp(x_range[1])
        shown = days[(days >= first) & (days <= last)].unique()
        fig.update_xaxes(
            range=[first - pd.Timedelta(hours=12), last + pd.Timedelta(hours=12)],
            **_date_ticks(shown if len(shown) else [first, last], lang),
        )
    else:
        fig.update_xaxes(**_date_ticks(days.unique(), lang))
    fig = _frame(fig, lang, height, title)
    fig.update_layout(barmode="stack", bargap=0, legend={"traceorder": "normal"})
    return fig


# -- Conformité SLA --------------------------------------------------------------------------
