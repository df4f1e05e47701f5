"""Named queries the pages and reports draw from (SQL in `sql/metric_*.sql`).

Every function takes a cursor, a `Marts` (which tables to read) and `Filters`, and returns
plain Python or a DataFrame; nothing here knows about Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ticketlib.domain.config import SlaConfig
from ticketlib.domain.vocabulary import PRIORITY_CODES
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, period_clause, period_column, where

GRAINS = ("day", "week", "month")


def _run(cur, name: str, marts: Marts, params: dict, **parts) -> pd.DataFrame:
    return runner.run(cur, marts, name, params, **parts)


def _period(filters: Filters) -> tuple[str, dict]:
    """The period condition alone, on the period's own day column (true when no period)."""
    return period_clause(filters, period_column(filters))


def ticket_filter(marts: Marts, filters: Filters, alias: str = "") -> tuple[str, dict]:
    """The filters on a table of the ticket's rows (intervals, état durations): `true` when
    nothing is filtered, the ticket attributes those rows carry (f_*), or, for a search or a
    drill-down, `ticket_key in (the filtered tickets)` (a semi-join over millions of rows)."""
    clause, params = where(filters)
    if clause == "true":
        return "true", {}
    if not filters.search.strip() and not filters.extra:
        return where(filters, alias=alias, prefix="f_")
    a = f"{alias}." if alias else ""
    return f"{a}ticket_key in (select ticket_key from marts.ticket_sla where {clause})", params


@dataclass(frozen=True)
class Kpis:
    tickets: int
    tto_met: int
    tto_breached: int
    ttr_met: int
    ttr_breached: int
    median_tto_h: float | None
    median_ttr_h: float | None
    open_backlog: int
    breached_open: int
    at_risk_open: int

    @property
    def tto_n(self) -> int:
        return self.tto_met + self.tto_breached

    @property
    def ttr_n(self) -> int:
        return self.ttr_met + self.ttr_breached

    @property
    def tto_compliance(self) -> float | None:
        return self.tto_met / self.tto_n if self.tto_n else None

    @property
    def ttr_compliance(self) -> float | None:
        return self.ttr_met / self.ttr_n if self.ttr_n else None


def kpis(cur, marts: Marts, filters: Filters) -> Kpis:
    base, params = where(filters, period=False)
    period, pparams = _period(filters)
    row = _run(cur, "metric_kpis", marts, params | pparams, base=base, period=period).iloc[0]
    values = {k: (None if pd.isna(v) else v) for k, v in row.items()}
    return Kpis(
        **{
            k: (int(v) if v is not None and not k.startswith("median") else v)
            for k, v in values.items()
        }
    )


def compliance(
    cur, marts: Marts, filters: Filters, grain: str = "week", by: str | None = "priority"
) -> pd.DataFrame:
    """Per bucket and group: met and decided clocks (tto_met, tto_n, ttr_met, ttr_n)."""
    if grain not in GRAINS:
        raise ValueError(grain)
    groups = {
        None: ("'all'", "'all'"),
        # each clock under the priority whose target judged it (DESIGN §2)
        "priority": ("tto_priority::varchar", "ttr_priority::varchar"),
        "team": ("team", "team"),
        "assignee": ("assignee", "assignee"),
        "customer": ("customer", "customer"),
    }
    clause, params = where(filters)
    frame = _run(
        cur,
        "metric_compliance",
        marts,
        params | {"grain": grain},
        where=clause,
        day_column=period_column(filters),
        tto_group=groups[by][0],
        ttr_group=groups[by][1],
    )
    for clock in ("tto", "ttr"):
        frame[f"{clock}_pct"] = frame[f"{clock}_met"] / frame[f"{clock}_n"].where(
            frame[f"{clock}_n"] > 0
        )
    return frame


def backlog(cur, marts: Marts, filters: Filters, config: SlaConfig) -> pd.DataFrame:
    """Per local day and état (ferme excluded): tickets in that état at the end of the day."""
    keys, params = ticket_filter(marts, filters.without_period())
    last_day = (
        pd.Timestamp(marts.as_of).tz_convert(config.calendar.timezone).date()
        if marts.as_of
        else None
    )
    return _run(
        cur,
        "metric_backlog",
        marts,
        params | {"last_day": last_day},
        keys_filter=keys,
    )


def reopen_rate(
    cur, marts: Marts, filters: Filters, config: SlaConfig, grain: str = "week"
) -> pd.DataFrame:
    if grain not in GRAINS:
        raise ValueError(grain)
    clause, params = where(filters)
    frame = _run(
        cur,
        "metric_flow_reopen_rate",
        marts,
        params | {"grain": grain, "tz": config.calendar.timezone},
        where=clause,
    )
    frame["rate"] = frame.reopened / frame.resolved.where(frame.resolved > 0)
    return frame


def what_if(
    cur, marts: Marts, filters: Filters, targets: dict[str, tuple[int, int]], at_risk: float
) -> pd.DataFrame:
    """Compliance per priority, configured beside what-if; targets in seconds {p: (tto, ttr)}."""
    clause, params = where(filters)
    for p in PRIORITY_CODES:
        params[f"tto_{p}"] = int(targets[p][0]) * 1_000_000
        params[f"ttr_{p}"] = int(targets[p][1]) * 1_000_000
    params["at_risk"] = float(at_risk)
    return _run(cur, "metric_what_if", marts, params, where=clause)


def distribution(
    cur,
    marts: Marts,
    filters: Filters,
    clock: str = "ttr",
    bin_h: float = 1.0,
    cap_h: float = 100.0,
) -> pd.DataFrame:
    if clock not in ("tto", "ttr"):
        raise ValueError(clock)
    clause, params = where(filters)
    return _run(
        cur,
        "metric_distribution",
        marts,
        params | {"bin_h": bin_h, "cap_h": cap_h},
        where=clause,
        elapsed=f"{clock}_elapsed_us",
        stopped=f"{clock}_stopped",
        priority_column=f"{clock}_priority",
    )


def options(cur, marts: Marts) -> dict[str, list]:
    """Distinct values for the sidebar's multi-selects, and the first and last creation day."""
    row = _run(cur, "metric_options", marts, {}).iloc[0]
    # a list column with no value at all comes back as None or pandas' NA
    out = {
        c: list(row[c]) if hasattr(row[c], "__len__") else []
        for c in ("customer", "team", "assignee")
    }
    out["days"] = [_day(row["first_day"]), _day(row["last_day"])]
    return out


def _day(value):
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()
