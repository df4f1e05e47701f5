"""Named queries of tickets themselves: the filtered ticket list and its count (every page's
table and export), one ticket's rows, and one ticket's view as of the marts' instant (its
clocks, visits to each état, events, time per état, data-quality flags: the drill-down of
every page and the Historique page). SQL in `sql/queries/metric_ticket*.sql`,
`metric_flow_timeline.sql`, `metric_flow_events.sql`. Nothing here knows about Streamlit."""

from __future__ import annotations

import pandas as pd

from ticketlib.domain.vocabulary import ETAT_CODES
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner
from ticketlib.queries.filters import Filters, where

SORTABLE = {
    "created_desc": "created_at desc",
    "created": "created_at",
    "ttr_desc": "ttr_elapsed_us desc",
    "tto_desc": "tto_elapsed_us desc",
    "due": "ttr_due_at nulls last",
    "id": "ticket_id",
}


def _run(cur, name: str, marts: Marts, params: dict, **parts) -> pd.DataFrame:
    return runner.run(cur, marts, name, params, **parts)


def tickets(
    cur, marts: Marts, filters: Filters, order: str = "created_desc", limit: int = 5000
) -> pd.DataFrame:
    clause, params = where(filters)
    return _run(
        cur, "metric_tickets", marts, params | {"limit": limit}, where=clause, order=SORTABLE[order]
    )


def count_tickets(cur, marts: Marts, filters: Filters) -> int:
    clause, params = where(filters)
    return int(runner.scalar(cur, marts, "metric_count_tickets", params, where=clause))


def ticket_detail(cur, marts: Marts, ticket_id: str) -> dict[str, pd.DataFrame]:
    """One ticket: its clocks (the mart row), its état intervals, its events, time per état."""
    sla = _run(cur, "metric_ticket_row", marts, {"id": ticket_id})
    if sla.empty:
        return {"sla": sla}
    key = {"k": int(sla.ticket_key.iloc[0])}
    return {
        "sla": sla,
        "intervals": _run(cur, "metric_ticket_intervals", marts, key),
        "events": _run(cur, "metric_ticket_events", marts, key),
        "durations": _run(cur, "metric_ticket_durations", marts, key),
    }


def ticket(cur, marts: Marts, ticket_id: str) -> dict[str, pd.DataFrame] | None:
    """One ticket as of the marts' instant: its mart row (`sla`), its clocks, its visits to
    each état (`timeline`), its events (raw status beside état, source file and row), the
    time spent per état (`durations`, wall and business hours) and its data-quality flags
    (`flags`: flag, flagged_at, detail, as `quality` gives them). None when it does not exist."""
    detail = ticket_detail(cur, marts, ticket_id)
    sla = detail["sla"]
    if sla.empty:
        return None
    key = int(sla.ticket_key.iloc[0])
    timeline = _run(cur, "metric_flow_timeline", marts, {"ticket_key": key})
    timeline["rows"] = timeline.rows.astype("int64")
    events = _run(
        cur, "metric_flow_events", marts, {"ticket_key": key, "as_of": marts.as_of or _far()}
    )
    order = {e: i for i, e in enumerate(ETAT_CODES)}
    durations = (
        detail["durations"]
        .assign(order=lambda f: f.etat.map(order))
        .sort_values("order")
        .drop(columns="order")
        .reset_index(drop=True)
    )
    durations["visits"] = durations.visits.astype("int64")
    flags = _run(cur, "metric_ticket_flags", marts, {"k": key})
    return {
        "sla": sla,
        "clocks": clocks(sla.iloc[0]),
        "timeline": timeline,
        "events": events,
        "durations": durations,
        "flags": flags,
    }


def _far():
    return pd.Timestamp("2999-01-01", tz="UTC")


def clocks(row: pd.Series) -> pd.DataFrame:
    """TTO and TTR of one mart row: elapsed and target business hours, share of the target
    used, status, due instant, priority of the target, paused hours (TTR)."""

    def num(v):
        return None if v is None or pd.isna(v) else float(v)

    out = []
    for clock in ("tto", "ttr"):
        elapsed, target = num(row[f"{clock}_elapsed_us"]), num(row[f"{clock}_target_us"])
        out.append(
            {
                "clock": clock,
                "priority": row[f"{clock}_priority"],
                "elapsed_h": elapsed / 3.6e9 if elapsed is not None else None,
                "target_h": target / 3.6e9 if target is not None else None,
                "used": (elapsed / target) if elapsed is not None and target else None,
                "status": row[f"{clock}_status"],
                "stopped": bool(row[f"{clock}_stopped"]),
                "due_at": row[f"{clock}_due_at"],
                "paused_h": (num(row["ttr_paused_us"]) or 0.0) / 3.6e9 if clock == "ttr" else 0.0,
            }
        )
    return pd.DataFrame(out)
