"""Time in status (issue 13): how long tickets stay in each état, in business time.

The core of Jira's "time in status" apps: per état, the average and median BUSINESS time a
ticket spent there (all its visits summed, `marts.etat_durations.business_us`, the business
calendar of `sla.toml`), grouped by assignee, team, priority, customer or month, under the
dashboard's filters and period. ferme is left out (a closed ticket's wait is not work); the
état a ticket is in at the as-of instant counts up to that instant. Assignee, team, priority
and customer are the ticket's own at the as-of instant (the per-ticket mart's), not the ones
in force during the visit. Nothing here knows about Streamlit.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, period_column, where
from ticketlib.queries.metrics import ticket_filter
from ticketlib.queries.sla import drill_filters

# a grouping choice -> SQL over the état-duration mart's copies of the ticket (f_*)
GROUPS = {
    "assignee": "f_assignee",
    "team": "f_team",
    "priority": "f_priority::varchar",
    "customer": "f_customer",
    "month": "date_trunc('month', {day})::date",
}


def time_in_status(cur, marts: Marts, filters: Filters, group: str = "assignee") -> pd.DataFrame:
    """One row per group value and état: group_value (None: no value, e.g. no team; a date for
    "month": the month's first day of the period field), etat (code), is_total (the row of all
    groups together), tickets (tickets that spent time in the état), avg_s and median_s (their
    business time there, seconds, float), visits. Rows in état order, groups by name (priorities
    in their order, months in time order), the empty group and the totals last.
    Raises ValueError for an unknown `group`."""
    if group not in GROUPS:
        raise ValueError(f"unknown grouping {group!r}")
    day = "f_" + period_column(filters)
    clause, params = ticket_filter(marts, filters)
    frame = runner.run(
        cur,
        marts,
        "metric_time_in_status",
        params,
        group=GROUPS[group].format(day=day),
        where=clause,
    )
    frame["tickets"] = frame["tickets"].astype("int64")
    frame["visits"] = frame["visits"].astype("int64")
    frame["is_total"] = frame["is_total"].astype(bool)
    if group == "month":
        frame["group_value"] = [
            None if pd.isna(v) else pd.Timestamp(v).date() for v in frame["group_value"]
        ]
    return _ordered(frame, group)


def _ordered(frame: pd.DataFrame, group: str) -> pd.DataFrame:
    etat_rank = {e: i for i, e in enumerate(ETAT_CODES)}
    prio_rank = {p: i for i, p in enumerate(PRIORITY_CODES)}

    def group_rank(row) -> tuple:
        value = row["group_value"]
        if row["is_total"]:
            return (2, "")
        if value is None or (not isinstance(value, date | str) and pd.isna(value)):
            return (1, "")
        if group == "priority":
            return (0, f"{prio_rank.get(value, 99):02d}")
        return (0, value.isoformat() if isinstance(value, date) else str(value).casefold())

    ranks = [group_rank(r) for r in frame.to_dict("records")]
    frame = frame.assign(
        _g=[r[0] for r in ranks],
        _v=[r[1] for r in ranks],
        _e=frame["etat"].map(etat_rank),
    )
    frame = frame.sort_values(["_g", "_v", "_e"]).drop(columns=["_g", "_v", "_e"])
    return frame.reset_index(drop=True)


def cell_filters(filters: Filters, group: str, value, total: bool = False) -> Filters:
    """The filters narrowed to one row of `time_in_status`: the total row (`total`) keeps them;
    a month row keeps that month's days (clipped to the period); another row keeps its ticket
    attribute (`filters.DRILL_COLUMNS`; None: tickets without one, e.g. no team)."""
    if group not in GROUPS:
        raise ValueError(f"unknown grouping {group!r}")
    if total or (group == "month" and value is None):
        return filters
    if group == "month":
        return drill_filters(filters, pd.Timestamp(value).date(), "month")
    return drill_filters(filters, **{group: None if value is None else str(value)})


def status_tickets(
    cur, marts: Marts, filters: Filters, etat: str, limit: int = 5000
) -> pd.DataFrame:
    """The filtered tickets that spent time in `etat` (a code of ETAT_CODES), longest first:
    the ticket table's columns with state_visits, state_business_h and state_wall_h (hours
    spent in that état). Raises ValueError for an unknown état."""
    if etat not in ETAT_CODES:
        raise ValueError(f"unknown état {etat!r}")
    clause, params = where(filters, alias="m")
    return runner.run(
        cur,
        marts,
        "metric_time_in_status_tickets",
        params | {"etat": etat, "limit": limit},
        where=clause,
    )
