"""Created vs resolved bars (issue 13), drawn beside the backlog on Vue d'ensemble."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ticketlib.charts.axes import bucket_label, separators
from ticketlib.charts.palette import ETAT_COLOURS, NEUTRAL

COLOURS = {"created": ETAT_COLOURS["ouvert"], "resolved": ETAT_COLOURS["resolu"]}


def created_resolved_bars(
    frame: pd.DataFrame,
    *,
    grain: str,
    names: Mapping[str, str],
    net_word: str,
    y_title: str,
    lang: str = "fr",
    height: int = 380,
) -> go.Figure:
    """Two bars per bucket, created and resolved, and the net (created - resolved) in the hover
    and as a dotted line. `frame` is `created_resolved.created_resolved` (bucket, created,
    resolved, net); `names` {"created": ..., "resolved": ...}; customdata of each bar:
    [bucket ISO date, series, net]. The x axis is categorical (one label per bucket in the
    reader's language: "mars 2025", or a week's Monday) so every bar is named."""
    fig = go.Figure()
    labels = [bucket_label(b, grain, lang) for b in frame["bucket"]]
    isos = [pd.Timestamp(b).date().isoformat() for b in frame["bucket"]]
    for series in ("created", "resolved"):
        fig.add_trace(
            go.Bar(
                x=labels,
                y=frame[series],
                name=names[series],
                marker={"color": COLOURS[series]},
                customdata=np.array(
                    [[d, series, int(n)] for d, n in zip(isos, frame["net"])], dtype=object
                ).reshape(len(isos), 3),
                hovertemplate=(
                    f"<b>{names[series]}</b><br>%{{x}}<br>%{{y:,}} tickets"
                    f"<br>{net_word} : %{{customdata[2]:+,}}<extra></extra>"
                    if lang == "fr"
                    else f"<b>{names[series]}</b><br>%{{x}}<br>%{{y:,}} tickets"
                    f"<br>{net_word}: %{{customdata[2]:+,}}<extra></extra>"
                ),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=labels,
            y=frame["net"],
            name=net_word,
            mode="lines+markers",
            line={"color": NEUTRAL, "dash": "dot", "width": 2},
            marker={"size": 6},
            hoverinfo="skip",
        )
    )
    fig.update_yaxes(title=y_title, zeroline=True, zerolinecolor="#9E9E9E")
    fig.update_xaxes(type="category", tickangle=0, automargin=True)
    fig.update_layout(
        barmode="group",
        separators=separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        hovermode="closest",
        clickmode="event+select",
        dragmode=False,
    )
    return fig
