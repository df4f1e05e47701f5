"""Charts of the SLA pages (Vue d'ensemble, Conformité SLA): a DataFrame in, a Figure out.

Labels come in as arguments (the pages translate them), colours from `palette`. Every point a
reader may click carries `customdata` naming what it stands for (bucket, priority, état...), so
a page can turn a selection into a drill-down without reading the figure back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ticketlib.charts.palette import (
    COMPLIANCE_SCALE,
    NEUTRAL,
    TARGET_LINE,
    WHAT_IF,
    etat_colour,
    priority_colour,
)
from ticketlib.domain.formats import month_label, month_names
from ticketlib.domain.literal import plotly_literal
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES
from ticketlib.queries.sla import ALL_KEY, group_key


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: 1 234,5 in French, 1,234.5 in English."""
    return ",\u202f" if lang == "fr" else ".,"


def day_format(lang: str) -> str:
    return "%d/%m/%Y" if lang == "fr" else "%Y-%m-%d"


def bucket_label(day: date, grain: str, lang: str = "fr") -> str:
    """A week as its Monday (06/01/2025), a month as "janv. 2025", a day as its date."""
    day = pd.Timestamp(day).date()
    if grain == "month":
        return month_label(day, lang)
    return day.strftime(day_format(lang))


def pct_text(x: float | None, lang: str = "fr", digits: int = 0) -> str:
    if x is None or pd.isna(x):
        return ""
    text = f"{100 * x:.{digits}f}"
    return (text.replace(".", ",") + "\u202f%") if lang == "fr" else text + "%"


def _frame(fig: go.Figure, lang: str, height: int, title: str | None) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        separators=separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 50 if title else 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        hovermode="closest",
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def _date_ticks(days: Sequence, lang: str) -> dict:
    """Month ticks in the reader's language over a date axis (plotly's own are English)."""
    days = sorted(pd.Timestamp(d) for d in days)
    if not days:
        return {}
    first, last = days[0], days[-1]
    months = pd.date_range(first.replace(day=1), last, freq="MS")
    months = [m for m in months if m >= first] or [first]
    if len(months) < 3:  # a short range: every bucket, by date
        step = max(1, len(days) // 8)
        vals = days[::step]
        if lang == "fr":
            text = [v.strftime("%d/%m") for v in vals]
        else:
            text = [f"{month_names('en')[v.month - 1]} {v.day}" for v in vals]
        return {"tickvals": vals, "ticktext": text, "tickangle": 0}
    step = max(1, -(-len(months) // 6))
    vals = months[::step]
    return {
        "tickvals": vals,
        "ticktext": [bucket_label(v, "month", lang) for v in vals],
        "tickangle": 0,
    }


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
        marker = {"size": 5 if code else 7}
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
    fig.update_yaxes(title=y_title, range=[low, 100], ticksuffix=" %")
    if goal is not None:
        _goal_line(fig, goal, goal_label)
    fig.update_xaxes(**_date_ticks(data["row_value"].unique(), lang))
    return _frame(fig, lang, height, title)


GOAL_COLOUR = "#B91C1C"


def _goal_line(fig: go.Figure, goal: float, label: str, **where) -> None:
    """The compliance goal (`rules.goal`, a share) as a red dashed line, named at its right."""
    fig.add_hline(
        y=100 * goal,
        line={"color": GOAL_COLOUR, "dash": "dash", "width": 1.5},
        annotation_text=label,
        annotation_position="bottom right",
        annotation_font={"color": GOAL_COLOUR, "size": 11},
        **where,
    )


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


def compliance_heatmap(
    frame: pd.DataFrame,
    *,
    row_order: Sequence,
    col_order: Sequence,
    row_names: Mapping,
    col_names: Mapping,
    min_n: int,
    title: str,
    few_label: str,
    row_word: str,
    col_word: str,
    lang: str = "fr",
    height: int | None = None,
    goal: float | None = None,
    below_label: str = "",
) -> go.Figure:
    """Compliance % per row value x column value, n in the hover, thin cells (n < min_n)
    marked with a small dark triangle in their corner. `frame`: row_value, col_value, met, n (one clock), and the
    row_total / col_total flags of `clock_compliance(totals=True)`: totals have the key ALL_KEY
    in `row_order` / `col_order`.

    Plotly heatmaps send no selection events, so an invisible marker sits on every cell to
    carry the hover and the click: customdata [row code, column code, met, n, "87,5 %",
    row label, column label].
    """
    data = frame.copy()
    data["r"] = data["row_value"].map(group_key)
    data["c"] = data["col_value"].map(group_key)
    if "row_total" in data:
        data.loc[data["row_total"], "r"] = ALL_KEY
        data.loc[data["col_total"], "c"] = ALL_KEY
    rows = [group_key(r) for r in row_order]
    cols = [group_key(c) for c in col_order]
    data = data[data["r"].isin(rows) & data["c"].isin(cols)]
    cells = {
        (r, c): (int(met), int(n))
        for r, c, met, n in zip(data["r"], data["c"], data["met"], data["n"])
    }
    # team, agent or customer names from the data: literal on the axes and in the hover
    row_text = [plotly_literal(row_names.get(r, str(r))) for r in row_order]
    col_text = [plotly_literal(col_names.get(c, str(c))) for c in col_order]

    # numeric axes (labels as ticks) so a mark can sit in a cell's corner
    z, text, cells_xy, custom, few = [], [], [], [], []
    for y, (r, rt) in enumerate(zip(rows, row_text)):
        zr, tr = [], []
        for x, (c, ct) in enumerate(zip(cols, col_text)):
            met, n = cells.get((r, c), (0, 0))
            if n > 0:
                zr.append(100 * met / n)
                tr.append(pct_text(met / n, lang))
                cells_xy.append((x, y))
                custom.append([r, c, met, n, pct_text(met / n, lang, 1), rt, ct])
                few.append(n < min_n)
            else:
                zr.append(None)
                tr.append("")
        z.append(zr)
        text.append(tr)
    show_text = len(cols) <= 16 and len(rows) <= 40
    # numpy arrays: plotly checks them at once instead of value by value (10x faster here)
    z = np.array([[np.nan if v is None else v for v in r] for r in z], dtype=float)
    text = np.array(text, dtype=object)
    custom = np.array(custom, dtype=object).reshape(len(custom), 7)
    fig = go.Figure(
        go.Heatmap(
            x=list(range(len(cols))),
            y=list(range(len(rows))),
            z=z,
            text=text,
            texttemplate="%{text}" if show_text else None,
            textfont={"size": 11},
            colorscale=COMPLIANCE_SCALE,
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            hoverinfo="skip",
            colorbar={"ticksuffix": " %", "thickness": 12, "len": 0.9},
            name="heatmap",
        )
    )
    hover = (
        f"{row_word} %{{customdata[5]}}<br>{col_word} %{{customdata[6]}}<br>"
        "<b>%{customdata[4]}</b> (%{customdata[2]:,} / %{customdata[3]:,})<extra></extra>"
    )
    fig.add_trace(
        go.Scatter(
            x=[x for x, _ in cells_xy],
            y=[y for _, y in cells_xy],
            mode="markers",
            marker={"size": 22, "opacity": 0, "symbol": "square"},
            customdata=custom,
            hovertemplate=hover,
            showlegend=False,
            name="cells",
        )
    )
    thin = [i for i, f in enumerate(few) if f]
    fig.add_trace(
        go.Scatter(
            x=[cells_xy[i][0] + 0.36 for i in thin],
            y=[cells_xy[i][1] - 0.26 for i in thin],
            mode="markers",
            marker={"symbol": "triangle-ne", "size": 8, "color": "#263238"},
            customdata=custom[thin] if thin else None,
            hovertemplate=hover,
            name=few_label,
            showlegend=bool(thin),
        )
    )
    if goal is not None:  # cells below the compliance goal (`rules.goal`): a red dot, corner
        low = [i for i, row in enumerate(custom) if row[2] < goal * row[3] - 1e-9]
        fig.add_trace(
            go.Scatter(
                x=[cells_xy[i][0] - 0.36 for i in low],
                y=[cells_xy[i][1] + 0.24 for i in low],
                mode="markers",
                marker={"symbol": "circle", "size": 6, "color": GOAL_COLOUR},
                customdata=custom[low] if low else None,
                hovertemplate=hover,
                name=below_label,
                showlegend=bool(low),
            )
        )
    # a thin line sets the total row and column apart
    if rows and rows[-1] == ALL_KEY and len(rows) > 1:
        fig.add_hline(y=len(rows) - 1.5, line={"color": "#FFFFFF", "width": 4})
    if cols and cols[-1] == ALL_KEY and len(cols) > 1:
        fig.add_vline(x=len(cols) - 1.5, line={"color": "#FFFFFF", "width": 4})
    fig.update_yaxes(
        tickvals=list(range(len(rows))),
        ticktext=row_text,
        autorange="reversed",
        automargin=True,
        showgrid=False,
        zeroline=False,
    )
    fig.update_xaxes(
        tickvals=list(range(len(cols))),
        ticktext=col_text,
        automargin=True,
        showgrid=False,
        zeroline=False,
        tickangle=-45 if len(cols) > 14 else 0,
        range=[-0.5, len(cols) - 0.5],
    )
    height = height or max(240, 110 + 30 * len(rows))
    fig = _frame(fig, lang, height, title)
    fig.update_layout(plot_bgcolor="#FFFFFF")
    return fig


def distribution_grid(
    frames: Mapping[str, pd.DataFrame],
    targets_h: Mapping[str, float],
    bins_h: Mapping[str, float],
    caps_h: Mapping[str, float],
    *,
    priority_names: Mapping[str, str],
    title: str,
    x_title: str,
    y_title: str,
    target_label: str,
    over_label: str,
    what_if_h: Mapping[str, float] | None = None,
    what_if_label: str = "",
    lang: str = "fr",
    height: int = 300,
) -> go.Figure:
    """One histogram of business hours per priority (small multiples, each on its own scale),
    the target drawn as a vertical line (and a what-if target, dashed, when it differs).

    `frames[p]` is `metrics.distribution` for that priority (hours = bin start, tickets); the
    last bin, at `caps_h[p]`, holds every clock at or beyond the cap. Bars past the target are
    paler.
    """
    priorities = [p for p in PRIORITY_CODES if p in frames]
    fig = make_subplots(
        rows=1,
        cols=max(1, len(priorities)),
        subplot_titles=[priority_names.get(p, p) for p in priorities],
        horizontal_spacing=0.06,
    )
    for i, p in enumerate(priorities, start=1):
        rows = frames[p]
        target, width, cap = targets_h[p], bins_h[p], caps_h[p]
        hours = rows["hours"].astype(float)
        over = hours >= cap
        labels = [
            f"≥ {_num(cap, lang)} h" if o else f"{_num(h, lang)}–{_num(h + width, lang)} h"
            for h, o in zip(hours, over)
        ]
        fig.add_trace(
            go.Bar(
                x=hours + width / 2,
                y=rows["tickets"],
                width=width * 0.92,
                name=priority_names.get(p, p),
                marker={
                    "color": priority_colour(p),
                    "opacity": [0.4 if h >= target else 1.0 for h in hours],
                },
                customdata=list(zip(labels, [p] * len(rows))),
                hovertemplate="%{customdata[0]}<br>%{y:,} tickets<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=i,
        )
        _vline(fig, i, target, TARGET_LINE, None, f"{target_label} {_num(target, lang)} h", 1.0)
        if what_if_h and what_if_h.get(p) is not None and what_if_h[p] != target:
            text = f"{what_if_label} {_num(what_if_h[p], lang)} h"
            _vline(fig, i, what_if_h[p], WHAT_IF, "dash", text, 0.85)
        fig.update_xaxes(range=[0, cap + width], row=1, col=i, ticksuffix=" h")
    fig.update_xaxes(title_text=x_title, row=1, col=(len(priorities) + 1) // 2 or 1)
    fig.update_yaxes(title_text=y_title, row=1, col=1)
    fig = _frame(fig, lang, height, title)
    fig.update_layout(bargap=0, showlegend=False)
    if over_label:
        fig.add_annotation(
            text=over_label,
            xref="paper",
            yref="paper",
            x=1,
            y=-0.22,
            showarrow=False,
            font={"size": 11, "color": NEUTRAL},
            xanchor="right",
        )
        fig.update_layout(margin={"b": 60})
    return fig


def _vline(fig: go.Figure, col: int, x: float, colour: str, dash, text: str, y: float) -> None:
    """A vertical line across subplot `col` with its label (add_vline is slow on subplots)."""
    axis = "" if col == 1 else str(col)
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        y0=0,
        y1=1,
        xref=f"x{axis}",
        yref=f"y{axis} domain",
        line={"color": colour, "width": 2, "dash": dash},
    )
    fig.add_annotation(
        text=text,
        x=x,
        y=y,
        xref=f"x{axis}",
        yref=f"y{axis} domain",
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": colour},
    )


def _num(x: float, lang: str) -> str:
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text


def what_if_bars(
    summary: pd.DataFrame,
    *,
    priority_names: Mapping[str, str],
    all_label: str,
    clock_titles: Mapping[str, str],
    configured_label: str,
    what_if_label: str,
    y_title: str,
    lang: str = "fr",
    height: int = 320,
) -> go.Figure:
    """Configured beside what-if compliance per priority, one panel per clock.

    `summary` is `metrics_sla.what_if_summary` (priorities and the total row, ALL_KEY)."""
    fig = make_subplots(rows=1, cols=2, subplot_titles=[clock_titles["tto"], clock_titles["ttr"]])
    codes = [p for p in [*PRIORITY_CODES, ALL_KEY] if p in set(summary["priority"])]
    names = [all_label if p == ALL_KEY else priority_names.get(p, p) for p in codes]
    rows = summary.set_index("priority").loc[codes]
    for col, clock in enumerate(("tto", "ttr"), start=1):
        for label, prefix, colour in (
            (configured_label, "", NEUTRAL),
            (what_if_label, "new_", WHAT_IF),
        ):
            pct = rows[f"{prefix}{clock}_pct"]
            fig.add_trace(
                go.Bar(
                    x=names,
                    y=100 * pct,
                    name=label,
                    marker_color=colour,
                    text=[pct_text(v, lang, 1) for v in pct],
                    textposition="outside",
                    cliponaxis=False,
                    legendgroup=label,
                    showlegend=col == 1,
                    customdata=list(zip(rows[f"{prefix}{clock}_met"], rows[f"{prefix}{clock}_n"])),
                    hovertemplate=(
                        f"{label}<br>%{{x}} : %{{y:.1f}} %"
                        " (%{customdata[0]:,} / %{customdata[1]:,})<extra></extra>"
                    ),
                ),
                row=1,
                col=col,
            )
    fig.update_yaxes(range=[0, 112], ticksuffix=" %")
    fig.update_yaxes(title_text=y_title, row=1, col=1)
    fig = _frame(fig, lang, height, None)
    fig.update_layout(
        barmode="group",
        margin={"t": 40, "b": 60},
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0.5, "xanchor": "center"},
    )
    return fig
