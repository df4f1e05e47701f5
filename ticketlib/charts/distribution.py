"""Duration distributions per priority against their targets, and the what-if bars."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ticketlib.charts.axes import _frame, _num, _vline, pct_text
from ticketlib.charts.palette import NEUTRAL, TARGET_LINE, WHAT_IF, priority_colour
from ticketlib.domain.vocabulary import PRIORITY_CODES
from ticketlib.queries.sla import ALL_KEY


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
