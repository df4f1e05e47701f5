"""The one default period of every dashboard page that has a period (issue 13, item 5).

Rule: with no date chosen (and "whole history" not asked for), a page covers the **last three
full calendar months and the running month up to the data's last day** (the as-of day: the
latest event, or the sidebar's as-of). E.g. as-of 2025-03-18 → 2024-12-01 to 2025-03-18. A
support manager reads a desk month by month (monthly compliance, monthly review); whole months
keep the first monthly point complete, and the running month shows how the current month is
going (its points are marked immature where the page says so). Open-ticket figures (backlog,
open and breached, at risk) ignore any period and say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ticketlib.queries.filters import Filters

FULL_MONTHS = 3  # whole months before the running one


def default_span(last_day: date, months: int = FULL_MONTHS) -> tuple[date, date]:
    """(first, last) local days of the default period ending on `last_day` (inclusive): the
    first day of the month `months` months before `last_day`'s month, and `last_day`."""
    index = last_day.year * 12 + (last_day.month - 1) - months
    return date(index // 12, index % 12 + 1, 1), last_day


@dataclass(frozen=True)
class Scope:
    """The filters a page uses and how their period came about."""

    filters: Filters
    defaulted: bool  # no date chosen: the default span was applied
    whole_history: bool  # no date chosen and the whole history asked for (or no data)


def scope(filters: Filters, last_day: date | None, whole_history: bool = False) -> Scope:
    """`filters` with the default period applied when no date is chosen. A chosen date (either
    end) wins; `whole_history` or an empty database (`last_day` None) leaves the period open."""
    if filters.date_from or filters.date_to:
        return Scope(filters, False, False)
    if whole_history or last_day is None:
        return Scope(filters, False, True)
    start, end = default_span(last_day)
    return Scope(replace(filters, date_from=start, date_to=end), True, False)
