"""Created vs resolved per week or month (issue 13): is the desk keeping up with its inflow?

Beside the backlog: a bucket where more tickets were created than resolved grows the backlog.
Nothing here knows about Streamlit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, period_clause, where
from ticketlib.queries.sla import drill_filters

GRAINS = ("week", "month")
SERIES = ("created", "resolved")


def created_resolved(cur, marts: Marts, filters: Filters, grain: str = "month") -> pd.DataFrame:
    """One row per local week (its Monday) or month (its first day) with a ticket created or
    resolved in it: bucket (date), created, resolved (int) and net = created - resolved.

    Every filter applies; the period (whatever its field, created or resolved) bounds each
    series on its own day: tickets created between the dates, tickets resolved between them.
    A resolved ticket is one whose TTR clock is stopped at the as-of instant (RÉSOLU or
    FERMÉ), counted on the local day of its last stop (`resolved_day`): a reopened and
    resolved again ticket counts once, on its last resolution. Raises ValueError for an
    unknown grain."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain {grain!r}")
    base, params = where(filters, period=False)
    created, p1 = period_clause(filters, "created_day")
    resolved, _ = period_clause(filters, "resolved_day")
    frame = runner.run(
        cur,
        marts,
        "metric_created_resolved",
        params | p1 | {"grain": grain},
        base=base,
        created_period=created,
        resolved_period=resolved,
    )
    frame["bucket"] = [pd.Timestamp(b).date() for b in frame["bucket"]]
    for column in SERIES:
        frame[column] = frame[column].astype("int64")
    frame["net"] = frame["created"] - frame["resolved"]
    return frame


def bar_filters(filters: Filters, series: str, bucket: date, grain: str) -> Filters:
    """The filters behind one bar: tickets created (or resolved) in that bucket, clipped to
    the period. Raises ValueError for an unknown series."""
    if series not in SERIES:
        raise ValueError(f"unknown series {series!r}")
    return drill_filters(replace(filters, period_field=series), bucket, grain)
