"""Created vs resolved beside the backlog (issue 13): the chart and the tickets behind a bar.

Drawn on Vue d'ensemble at the trend's time step; a click on a bar stores
`{"kind": "flow", "series", "bucket", "grain"}` as the page's drill-down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from app import data
from app.i18n import lang, t, tr
from ticketlib.charts.axes import bucket_label
from ticketlib.charts.created_resolved import created_resolved_bars
from ticketlib.domain.labels import OVERVIEW
from ticketlib.queries.created_resolved import bar_filters
from ticketlib.queries.filters import Filters

KEY = "ov_flow"


def L(key: str, **kw) -> str:
    return tr(OVERVIEW, key, **kw)


def draw(container, filters: Filters, grain: str, on_select: Callable) -> None:
    """The title, the caption and the bars (or "no rows") in `container`."""
    container.markdown(f"**{L(f'flow_title_{grain}')}**")
    container.caption(L("flow_caption"))
    flow = data.created_resolved(filters, grain=grain)
    if flow.empty:
        container.info(t("no_rows"))
        return
    fig = created_resolved_bars(
        flow,
        grain=grain,
        names={"created": L("flow_created"), "resolved": L("flow_resolved")},
        net_word=L("flow_net"),
        y_title=L("tickets_axis"),
        lang=lang(),
        height=330,
    )
    container.plotly_chart(
        fig,
        key=KEY,
        on_select=on_select,
        selection_mode="points",
        config={"displayModeBar": False},
    )


def drill_of(point: dict, grain: str) -> dict | None:
    """The drill-down of a clicked bar (its customdata: bucket, series), else None."""
    custom = point.get("customdata") if isinstance(point, dict) else None
    if not custom:
        return None
    bucket, series = custom[:2]
    return {"kind": "flow", "series": series, "bucket": bucket, "grain": grain}


def tickets(filters: Filters, drill: dict, limit: int) -> tuple[pd.DataFrame, int, str]:
    """(the tickets, how many, the heading) behind one bar, newest first."""
    bucket, series = date.fromisoformat(drill["bucket"]), drill["series"]
    narrowed = bar_filters(filters, series, bucket, drill["grain"])
    frame = data.tickets(narrowed, order="created_desc", limit=limit)
    heading = L(f"drill_flow_{series}", bucket=bucket_label(bucket, drill["grain"], lang()))
    return frame, data.count_tickets(narrowed), heading
