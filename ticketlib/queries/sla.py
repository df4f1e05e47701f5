"""Queries and small helpers of the SLA pages (Vue d'ensemble, Conformité SLA).

Like `metrics`, every query takes a cursor, a `Marts` and `Filters` and returns a DataFrame;
the helpers below them turn the filters into the windows and drill-downs the pages show.
Nothing here knows about Streamlit.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from ticketlib.db.sqlfiles import bound, render
from ticketlib.domain.config import SlaConfig
from ticketlib.domain.vocabulary import PRIORITY_CODES, STOP_ETATS
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, period_column, where
from ticketlib.queries.metrics import GRAINS
from ticketlib.queries.tickets import SORTABLE

CLOCKS = ("tto", "ttr")
ALL_KEY = "__all__"  # a total row or column (all priorities, all teams, all weeks...)
NONE_KEY = "__none__"  # an empty group value (no team, no agent...)
# what a compliance row or column may be: SQL per clock (the priority is the clock's own)
DIMENSIONS: dict[str, tuple[str, str]] = {
    "all": ("'all'", "'all'"),
    "priority": ("tto_priority::varchar", "ttr_priority::varchar"),
    "team": ("team", "team"),
    "assignee": ("assignee", "assignee"),
    "customer": ("customer", "customer"),
    "bucket": ("date_trunc($grain, {day})::date", "date_trunc($grain, {day})::date"),
}
# the ticket set behind each KPI card (same rules as metric_kpis.sql); True = in the period
KPI_KINDS: dict[str, tuple[bool, str, str]] = {
    "tickets": (True, "true", "created_desc"),
    "tto_breached": (True, "tto_breached", "tto_desc"),
    "ttr_breached": (True, "ttr_breached", "ttr_desc"),
    "open_backlog": (False, "not ttr_stopped", "created"),
    "breached_open": (
        False,
        "not ttr_stopped and (tto_breached or ttr_breached)",
        "due",
    ),
    "at_risk_open": (
        False,
        "not ttr_stopped and not tto_breached and not ttr_breached "
        "and (tto_status = 'at_risk' or ttr_status = 'at_risk')",
        "due",
    ),
}
DEFAULT_WEEKS = 4


def clock_compliance(
    cur,
    marts: Marts,
    filters: Filters,
    rows: str = "priority",
    cols: str = "all",
    grain: str = "week",
    totals: bool = False,
) -> pd.DataFrame:
    """Per clock, row value and column value: met, decided (n), all clocks (decided or still
    running: `clocks`) and pct = met / n.

    `rows` and `cols` are keys of DIMENSIONS; "bucket" is the local week or month (`grain`) of
    the period field, and leaves out tickets without that date (unresolved, by resolution).
    With `totals`, rows flagged row_total / col_total hold the sums over all rows / columns.
    """
    if grain not in GRAINS:
        raise ValueError(grain)
    if rows not in DIMENSIONS or cols not in DIMENSIONS:
        raise ValueError(f"unknown dimension {rows!r} / {cols!r}")
    day = period_column(filters)
    clause, params = where(filters)
    if "bucket" in (rows, cols):
        clause = f"{clause} and {day} is not null"
    parts = {}
    for i, clock in enumerate(CLOCKS):
        parts[f"{clock}_row"] = DIMENSIONS[rows][i].format(day=day)
        parts[f"{clock}_col"] = DIMENSIONS[cols][i].format(day=day)
    sets = (
        "((row_value, col_value), (row_value), (col_value), ())"
        if totals
        else "((row_value, col_value))"
    )
    text = render("metric_sla_compliance", where=clause, sets=sets, **parts)
    runner.use_marts(cur, marts)
    frame = cur.execute(text, bound(text, params | {"grain": grain})).df()
    for column in ("met", "n", "clocks", "row_total", "col_total"):
        frame[column] = frame[column].astype("int64")
    frame[["row_total", "col_total"]] = frame[["row_total", "col_total"]].astype(bool)
    frame["pct"] = frame["met"] / frame["n"].where(frame["n"] > 0)
    return frame


def kpi_tickets(cur, marts: Marts, filters: Filters, kind: str, limit: int = 5000) -> pd.DataFrame:
    """The tickets behind one KPI card (the ticket table's columns)."""
    in_period, condition, order = KPI_KINDS[kind]
    clause, params = where(filters, period=in_period)
    text = render("metric_tickets", where=f"{clause} and {condition}", order=SORTABLE[order])
    runner.use_marts(cur, marts)
    return cur.execute(text, bound(text, params | {"limit": limit})).df()


def backlog_tickets(
    cur,
    marts: Marts,
    filters: Filters,
    config: SlaConfig,
    day: date,
    etat: str,
    limit: int = 5000,
) -> pd.DataFrame:
    """The tickets in état `etat` at the end of local day `day` (backlog chart drill-down)."""
    clause, params = where(filters.without_period())
    keys = render("metric_sla_backlog_keys")
    text = render(
        "metric_tickets",
        where=f"{clause} and ticket_key in ({keys})",
        order=SORTABLE["created"],
    )
    values = params | {"tz": config.calendar.timezone, "day": day, "etat": etat, "limit": limit}
    runner.use_marts(cur, marts)
    return cur.execute(text, bound(text, values)).df()


def group_key(value) -> str:
    """A row or column value as a plain key: ISO date, text, or NONE_KEY for no value."""
    if isinstance(value, str):
        return value
    if value is None or pd.isna(value):
        return NONE_KEY
    if isinstance(value, pd.Timestamp | date):
        return pd.Timestamp(value).date().isoformat()
    return str(value)


def compliance_table(frame: pd.DataFrame) -> pd.DataFrame:
    """`clock_compliance(cols="all")` rows as one row per row value: key, tto_met, tto_n,
    tto_pct, ttr_met, ttr_n, ttr_pct. Priorities in their order, other values by name, then
    the empty value (NONE_KEY) and the total (ALL_KEY) last."""
    data = frame
    if "col_total" in data:
        data = data[~data["col_total"]]
    keys = [
        ALL_KEY if total else group_key(v)
        for v, total in zip(data["row_value"], data.get("row_total", [False] * len(data)))
    ]
    data = data.assign(key=keys)
    out = None
    for clock in CLOCKS:
        part = data[data["clock"] == clock][["key", "met", "n", "pct"]]
        part = part.rename(columns={c: f"{clock}_{c}" for c in ("met", "n", "pct")})
        out = part if out is None else out.merge(part, on="key", how="outer")
    out = out.fillna({"tto_met": 0, "tto_n": 0, "ttr_met": 0, "ttr_n": 0})
    for column in ("tto_met", "tto_n", "ttr_met", "ttr_n"):
        out[column] = out[column].astype("int64")
    rank = {p: i for i, p in enumerate(PRIORITY_CODES)} | {NONE_KEY: len(PRIORITY_CODES) + 1}
    rank[ALL_KEY] = len(rank) + 1
    out["order"] = out["key"].map(lambda k: rank.get(k, len(PRIORITY_CODES)))
    out = out.sort_values(["order", "key"]).drop(columns="order")
    return out.reset_index(drop=True)


def top_rows(frame: pd.DataFrame, clock: str, limit: int) -> tuple[list[str], int]:
    """The `limit` row values with the most decided clocks (keys), and how many there are."""
    data = frame[(frame["clock"] == clock) & ~frame["row_total"] & frame["col_total"]]
    data = data.assign(key=[group_key(v) for v in data["row_value"]])
    data = data.sort_values(["n", "key"], ascending=[False, True])
    return list(data["key"].head(limit)), len(data)


# -- windows and drill-downs ---------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """What the KPI cards show and what they compare with."""

    current: Filters
    previous: Filters | None
    defaulted: bool  # no period was chosen: the last DEFAULT_WEEKS weeks to the as-of day

    @property
    def days(self) -> int | None:
        c = self.current
        return (c.date_to - c.date_from).days + 1 if c.date_from and c.date_to else None


def comparison(filters: Filters, as_of_day: date | None, weeks: int = DEFAULT_WEEKS) -> Comparison:
    """The period of the KPI cards and the one just before it.

    A full period compares with the period of the same length before it; with no period at
    all, the last `weeks` weeks up to the as-of day compare with the `weeks` before; a period
    open at one end has nothing to compare with.
    """
    previous = filters.previous_period()
    if previous is not None:
        return Comparison(filters, previous, False)
    if filters.date_from or filters.date_to or as_of_day is None:
        return Comparison(filters, None, False)
    current = replace(
        filters, date_from=as_of_day - timedelta(days=7 * weeks - 1), date_to=as_of_day
    )
    return Comparison(current, current.previous_period(), True)


def bucket_end(start: date, grain: str) -> date:
    if grain == "day":
        return start
    if grain == "week":
        return start + timedelta(days=6)
    if grain == "month":
        return start.replace(day=_cal.monthrange(start.year, start.month)[1])
    raise ValueError(grain)


def drill_filters(
    filters: Filters,
    bucket: date | None = None,
    grain: str = "week",
    **columns: str | None,
) -> Filters:
    """The filters narrowed to one chart cell: a time bucket (clipped to the period) and
    drill-down columns of `filters.DRILL_COLUMNS` (e.g. ttr_priority="haute", team="N1")."""
    out = filters
    if bucket is not None:
        start, end = bucket, bucket_end(bucket, grain)
        if filters.date_from and filters.date_from > start:
            start = filters.date_from
        if filters.date_to and filters.date_to < end:
            end = filters.date_to
        out = replace(out, date_from=start, date_to=end)
    extra = tuple(filters.extra) + tuple((k, v) for k, v in columns.items())
    return replace(out, extra=extra)


def open_backlog_on(backlog: pd.DataFrame, day: date) -> int | None:
    """Open tickets (TTR clock running: every état but the stop ones, `STOP_ETATS`) at the end
    of `day`, from `metrics.backlog`'s rows; None when the series does not reach that day."""
    if backlog.empty:
        return None
    days = pd.to_datetime(backlog["day"]).dt.date
    if day < days.min() or day > days.max():
        return None
    rows = backlog[(days == day) & ~backlog["etat"].isin(STOP_ETATS)]
    return int(rows["tickets"].sum())


def what_if_targets_s(targets_h: dict[str, tuple[float, float]]) -> dict[str, tuple[int, int]]:
    """What-if targets typed in hours, as the seconds `metrics.what_if` takes."""
    return {p: (round(tto * 3600), round(ttr * 3600)) for p, (tto, ttr) in targets_h.items()}


def what_if_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """`metrics.what_if` rows in priority order with a total row (priority ALL_KEY), and the
    percentages and their deltas in points."""
    if frame.empty:
        return frame
    order = {p: i for i, p in enumerate(PRIORITY_CODES)}
    frame = frame.sort_values("priority", key=lambda s: s.map(order).fillna(len(order)))
    counts = [c for c in frame.columns if c != "priority"]
    total = frame[counts].sum().to_frame().T
    total.insert(0, "priority", ALL_KEY)
    out = pd.concat([frame, total], ignore_index=True)
    out[counts] = out[counts].astype("int64")
    for clock in CLOCKS:
        conf = out[f"{clock}_met"] / out[f"{clock}_n"].where(out[f"{clock}_n"] > 0)
        new = out[f"new_{clock}_met"] / out[f"new_{clock}_n"].where(out[f"new_{clock}_n"] > 0)
        out[f"{clock}_pct"] = conf
        out[f"new_{clock}_pct"] = new
        out[f"{clock}_delta_pts"] = 100 * (new - conf)
    return out
