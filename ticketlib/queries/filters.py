"""The dashboard's global filters and the SQL they become (values always bound, never formatted).

Filters apply to the per-ticket mart, whose columns carry every attribute a filter needs and
local-date buckets computed once, so a filtered query is a scan of one table.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

PERIOD_FIELDS = {"created": "created_day", "resolved": "resolved_day"}


@dataclass(frozen=True)
class Filters:
    period_field: str = "created"  # created | resolved
    date_from: date | None = None  # local dates, inclusive
    date_to: date | None = None
    priorities: tuple[str, ...] = ()
    customers: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    etats: tuple[str, ...] = ()  # état at the as-of instant
    search: str = ""  # ticket id or words of the title
    extra: tuple[tuple[str, str], ...] = field(default=())  # (column, value) drill-downs

    def without_period(self) -> Filters:
        return replace(self, date_from=None, date_to=None)

    def previous_period(self) -> Filters | None:
        """The period of the same length just before, for "change vs previous period"."""
        if not (self.date_from and self.date_to):
            return None
        length = self.date_to - self.date_from
        end = self.date_from - timedelta(days=1)
        return replace(self, date_from=end - length, date_to=end)


# columns a drill-down may name, and the mart column each one filters
DRILL_COLUMNS = {
    "priority": "priority",
    "etat": "etat",
    "customer": "customer",
    "team": "team",
    "assignee": "assignee",
    "tto_status": "tto_status",
    "ttr_status": "ttr_status",
    "tto_priority": "tto_priority",
    "ttr_priority": "ttr_priority",
}


def period_column(filters: Filters) -> str:
    """The day column the period bounds: `created_day` or `resolved_day` (`period_field`)."""
    return PERIOD_FIELDS.get(filters.period_field, "created_day")


def period_clause(filters: Filters, column: str) -> tuple[str, dict]:
    """The period alone on `column` (local dates, both bounds inclusive) and its parameters
    `date_from`/`date_to`; `true` when no bound is set."""
    parts, params = [], {}
    if filters.date_from:
        parts.append(f"{column} >= $date_from")
        params["date_from"] = filters.date_from
    if filters.date_to:
        parts.append(f"{column} <= $date_to")
        params["date_to"] = filters.date_to
    return " and ".join(parts) or "true", params


def where(
    filters: Filters, alias: str = "", period: bool = True, prefix: str = ""
) -> tuple[str, dict]:
    """A WHERE clause over the per-ticket mart (`alias.` prefixed) and its bound parameters.

    With `prefix` ("f_"), the clause reads the copies of the ticket's attributes that the
    interval and état-duration marts carry; search and drill-downs are not available there.
    """
    if prefix and (filters.search.strip() or filters.extra):
        raise ValueError("search and drill-downs filter the per-ticket mart only")
    a = f"{alias}." if alias else ""
    a += prefix
    clauses, params = [], {}
    if period and (filters.date_from or filters.date_to):
        clause, params = period_clause(filters, a + period_column(filters))
        clauses.append(clause)
    for name, column in (
        ("priorities", "priority"),
        ("customers", "customer"),
        ("teams", "team"),
        ("agents", "assignee"),
        ("etats", "etat"),
    ):
        values = getattr(filters, name)
        if values:
            clauses.append(f"list_contains(${name}, {a}{column}::varchar)")
            params[name] = list(values)
    if filters.search.strip():
        clauses.append(
            f"({a}ticket_id ilike $search_id escape '\\' "
            f"or {a}title ilike $search_text escape '\\' "
            f"or {a}customer ilike $search_text escape '\\')"
        )
        text = filters.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["search_id"] = text
        params["search_text"] = f"%{text}%"
    for i, (column, value) in enumerate(filters.extra):
        if column not in DRILL_COLUMNS:
            raise ValueError(f"unknown drill-down column {column!r}")
        clauses.append(f"{a}{DRILL_COLUMNS[column]}::varchar is not distinct from $extra{i}")
        params[f"extra{i}"] = value
    return (" and ".join(clauses) or "true"), params
