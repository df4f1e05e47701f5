"""Named queries of the customer review (SQL in `sql/queries/metric_review_*.sql`).

Same shape as `ticketlib.queries.metrics`: a cursor, a `Marts`, `Filters` in; a DataFrame out. The
review of one customer over a period is the per-ticket mart filtered on that customer and on
the local creation date. The data page's queries are in `ticketlib.queries.admin`.
Nothing here knows about Streamlit.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ticketlib.domain.config import SlaConfig
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, where


def review_filters(customer: str, date_from: date | None, date_to: date | None) -> Filters:
    """One customer's tickets created between two local dates (inclusive; None: unbounded)."""
    return Filters(
        period_field="created", date_from=date_from, date_to=date_to, customers=(customer,)
    )


def _run(cur, name: str, marts: Marts, params: dict, **parts) -> pd.DataFrame:
    return runner.run(cur, marts, name, params, **parts)


# --- customer review --------------------------------------------------------------------------


def customers(cur, marts: Marts) -> pd.DataFrame:
    """Every customer with its ticket count and first/last creation day, most tickets first."""
    return _run(cur, "metric_review_customers", marts, {})


def priority_compliance(cur, marts: Marts, filters: Filters) -> pd.DataFrame:
    """Per priority in force: tickets, met/decided clocks, % met, business-time medians."""
    clause, params = where(filters)
    frame = _run(cur, "metric_review_priority", marts, params, where=clause)
    for clock in ("tto", "ttr"):
        frame[f"{clock}_pct"] = frame[f"{clock}_met"] / frame[f"{clock}_n"].where(
            frame[f"{clock}_n"] > 0
        )
    return frame


def waits(cur, marts: Marts, filters: Filters) -> pd.DataFrame:
    """Per month of creation, then a total row (`is_total`): who waited for whom, hours."""
    clause, params = where(filters)
    return _run(cur, "metric_review_waits", marts, params, where=clause)


def breaches(
    cur, marts: Marts, filters: Filters, config: SlaConfig, limit: int = 5000
) -> pd.DataFrame:
    """One row per breached clock with the état that consumed it."""
    clause, params = where(filters)
    return _run(
        cur,
        "metric_review_breaches",
        marts,
        params | {"limit": limit},
        where=clause,
    )


def tickets(cur, marts: Marts, filters: Filters, limit: int = 5000) -> pd.DataFrame:
    """The filtered tickets, oldest first, with their waits."""
    clause, params = where(filters)
    return _run(cur, "metric_review_tickets", marts, params | {"limit": limit}, where=clause)
