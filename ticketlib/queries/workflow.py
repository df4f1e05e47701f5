"""Named queries of the workflow pages: Parcours and Dépassements (one ticket's view: `tickets`).

Same shape as `ticketlib.queries.metrics`: a cursor, a `Marts`, `Filters` in; plain Python or a
DataFrame out (SQL in `sql/metric_flow_*.sql`). Nothing here knows about Streamlit.

A workflow *step* is what a drill-down names: `("etat", None, code)` for the tickets that
reached an état, `("transition", from_code, to_code)` for those that went from one état
straight into another.
"""

from __future__ import annotations

import pandas as pd

from ticketlib.db.sqlfiles import bound, render
from ticketlib.domain.config import SlaConfig
from ticketlib.domain.vocabulary import ETAT_CODES, EXPECTED_TRANSITIONS
from ticketlib.marts.dataset import Marts
from ticketlib.queries import metrics, runner
from ticketlib.queries.filters import Filters, where
from ticketlib.queries.tickets import SORTABLE

# The step each état is converted from in the funnel: the main path ouvert -> pris en compte
# -> résolu -> fermé, with the waits and the reopening as branches of the step they leave.
FUNNEL_PARENT = {
    "pris_en_compte": "ouvert",
    "attente_client": "pris_en_compte",
    "attente_interne": "pris_en_compte",
    "resolu": "pris_en_compte",
    "ferme": "resolu",
    "reouvert": "resolu",
}

# sort orders of the breaches list (user choice -> SQL), always after "open ones first"
BREACH_ORDERS = {
    "due": "due_at nulls last",
    "overrun_desc": "overrun_h desc nulls last",
    "created_desc": "created_at desc",
    "priority": "f.priority nulls last, due_at",
    "customer": "customer nulls last, due_at",
    "team": "team nulls last, due_at",
    "assignee": "assignee nulls last, due_at",
}
STEP_KINDS = ("etat", "transition")


def _run(cur, name: str, marts: Marts, params: dict, **parts) -> pd.DataFrame:
    return runner.run(cur, marts, name, params, **parts)


# --- Parcours ---------------------------------------------------------------------------------


def _etat(code: str | None) -> str:
    """An état code as a SQL literal (compared with the enum column, it is an integer compare);
    only codes of the workflow pass."""
    if code not in ETAT_CODES:
        raise ValueError(f"unknown état {code!r}")
    return f"'{code}'"


def funnel(cur, marts: Marts, filters: Filters) -> pd.DataFrame:
    """Per état in workflow order (every état, 0 when none reached it): tickets that reached
    it, their share of all tickets, and the conversion from the step it follows
    (`FUNNEL_PARENT`: of the tickets that reached `parent`, the share that also reached it,
    at most 100 %); `skipped`: tickets that reached it without reaching `parent` (a ticket
    resolved straight from OUVERT made "RÉSOLU 173 % de PRIS EN COMPTE", issue 13)."""
    keys, params = metrics.ticket_filter(marts, filters)
    params = params | {"steps": list(FUNNEL_PARENT), "parents": list(FUNNEL_PARENT.values())}
    found = _run(cur, "metric_flow_funnel", marts, params, keys_filter=keys).set_index("etat")
    frame = pd.DataFrame({"etat": list(ETAT_CODES)})
    frame["tickets"] = [int(found.tickets.get(e, 0)) for e in ETAT_CODES]
    frame["visits"] = [int(found.visits.get(e, 0)) for e in ETAT_CODES]
    via_parent = [int(found.via_parent.get(e, 0)) for e in ETAT_CODES]
    total = frame.loc[frame.etat == "ouvert", "tickets"].iloc[0] or frame.tickets.max()
    frame["share"] = frame.tickets / total if total else 0.0
    counts = dict(zip(frame.etat, frame.tickets))
    frame["parent"] = frame.etat.map(FUNNEL_PARENT)
    frame["conversion"] = [
        (v / counts[p]) if isinstance(p, str) and counts[p] else None
        for v, p in zip(via_parent, frame.parent)
    ]
    frame["conversion"] = frame.conversion.astype("float64")
    frame["skipped"] = [
        t - v if isinstance(p, str) else 0
        for t, v, p in zip(frame.tickets, via_parent, frame.parent)
    ]
    return frame


def transitions(cur, marts: Marts, filters: Filters) -> pd.DataFrame:
    """Per transition taken by the filtered tickets, most frequent first: its count, whether
    the seed's workflow expects it, and for the unexpected ones (rare, so cheap to count) how
    many distinct tickets took it (`tickets`, empty for the expected ones)."""
    keys, params = metrics.ticket_filter(marts, filters)
    frame = _run(cur, "metric_flow_transitions", marts, params, keys_filter=keys)
    frame["transitions"] = frame.transitions.astype("int64")
    frame["expected"] = [is_expected(a, b) for a, b in zip(frame.from_etat, frame.to_etat)]
    frame["tickets"] = pd.array([None] * len(frame), dtype="Int64")
    unexpected = frame[~frame.expected]
    if not unexpected.empty:
        pairs = " or ".join(
            f"(prev_etat = {_etat(a)} and etat = {_etat(b)})"
            for a, b in zip(unexpected.from_etat, unexpected.to_etat)
        )
        found = _run(cur, "metric_flow_pair_tickets", marts, params, pairs=pairs, keys_filter=keys)
        tickets = {(a, b): n for a, b, n in zip(found.from_etat, found.to_etat, found.tickets)}
        frame.loc[~frame.expected, "tickets"] = [
            int(tickets.get((a, b), 0)) for a, b in zip(unexpected.from_etat, unexpected.to_etat)
        ]
    return frame


def unexpected_of(frame: pd.DataFrame) -> pd.DataFrame:
    """The unexpected rows of a `transitions` frame."""
    out = frame[~frame.expected].drop(columns="expected").reset_index(drop=True)
    out["tickets"] = out.tickets.astype("int64")
    return out


def _check_step(step: tuple) -> tuple[str, str | None, str]:
    kind, a, b = step
    if kind not in STEP_KINDS or b not in ETAT_CODES:
        raise ValueError(f"unknown step {step!r}")
    if kind == "transition" and a not in ETAT_CODES:
        raise ValueError(f"unknown step {step!r}")
    return kind, a, b


def _step_where(marts: Marts, filters: Filters, step: tuple) -> tuple[str, dict]:
    kind, a, b = _check_step(step)
    clause, params = where(filters)
    keys = render(
        f"metric_flow_step_{kind}",
        to_etat=_etat(b),
        from_etat=_etat(a) if kind == "transition" else "",
    )
    return f"{clause} and ticket_key in ({keys})", params


def step_tickets(
    cur,
    marts: Marts,
    filters: Filters,
    step: tuple,
    order: str = "created_desc",
    limit: int = 5000,
) -> pd.DataFrame:
    """The ticket table's rows for the filtered tickets behind a workflow step."""
    clause, params = _step_where(marts, filters, step)
    return _run(
        cur,
        "metric_tickets",
        marts,
        params | {"limit": limit},
        where=clause,
        order=SORTABLE[order],
    )


def count_step_tickets(cur, marts: Marts, filters: Filters, step: tuple) -> int:
    clause, params = _step_where(marts, filters, step)
    return int(runner.scalar(cur, marts, "metric_count_tickets", params, where=clause))


# the reopen rate per week or month: one query serves both modules
reopen_rate = metrics.reopen_rate


# --- Dépassements -----------------------------------------------------------------------------


def _breach_parts(filters: Filters, config: SlaConfig) -> tuple[str, str, dict]:
    base, params = where(filters, period=False)
    period, pparams = metrics._period(filters)
    return base, period, params | pparams


def breach_list_sql(
    marts: Marts, filters: Filters, config: SlaConfig, order: str = "due", limit: int = 5000
) -> tuple[str, dict]:
    """The breaches list's query and its parameters (also run whole by the full export)."""
    if order not in BREACH_ORDERS:
        raise ValueError(order)
    base, period, params = _breach_parts(filters, config)
    text = render(
        "metric_flow_breaches",
        base=base,
        period=period,
        order=BREACH_ORDERS[order],
    )
    return text, params | {"limit": limit}


def breach_list(
    cur,
    marts: Marts,
    filters: Filters,
    config: SlaConfig,
    order: str = "due",
    limit: int = 5000,
) -> pd.DataFrame:
    """Breached and at-risk tickets: open ones first, then those resolved in the period."""
    text, params = breach_list_sql(marts, filters, config, order, limit)
    runner.use_marts(cur, marts)
    return cur.execute(text, bound(text, params)).df()


def breach_summary(cur, marts: Marts, filters: Filters, config: SlaConfig) -> dict:
    """How many tickets `breach_list` selects (before its limit), by kind."""
    base, period, params = _breach_parts(filters, config)
    row = _run(cur, "metric_flow_breach_summary", marts, params, base=base, period=period)
    values = row.iloc[0].to_dict()
    return {k: (float(v) if k.endswith("_h") else int(v)) for k, v in values.items()}


def is_expected(from_etat: str, to_etat: str) -> bool:
    return (from_etat, to_etat) in EXPECTED_TRANSITIONS
