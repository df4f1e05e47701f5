"""Cached wrappers of `ticketlib.queries.workflow` (the workflow pages' queries), as `app/data.py`
does for `ticketlib.queries.metrics`: keyed on the database version, configuration, as-of instant and
the query's own arguments; each query on a cursor of its own."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app import data, state
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES, etat_label, priority_label
from ticketlib.outputs.exports_flow import breaches_csv, tickets_csv
from ticketlib.queries import workflow as metrics_flow
from ticketlib.queries.filters import Filters

NEEDS_CONFIG = {"reopen_rate", "breach_list", "breach_summary"}


def call(name: str, filters: Filters | None = None, **kwargs):
    """Run metrics_flow.<name>(cursor, marts, filters, [config], **kwargs) through the cache."""
    return _cached(data._key(), name, filters, tuple(sorted(kwargs.items())))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(key: tuple, name: str, filters: Filters | None, kwargs: tuple):
    ds, config, marts = data._ctx(key)
    fn = getattr(metrics_flow, name)
    args = [marts] + ([filters] if filters is not None else [])
    if name in NEEDS_CONFIG:
        args.append(config)
    with ds.cursor() as cur:
        return fn(cur, *args, **dict(kwargs))


def unexpected_transitions(filters: Filters):
    """The unexpected rows of the (cached) transitions: no second scan of the intervals."""
    return metrics_flow.unexpected_of(call("transitions", filters))


def ticket(ticket_id: str) -> dict[str, pd.DataFrame] | None:
    """One ticket's view (mart row, clocks, timeline, events, time per état), or None."""
    return _ticket(data._key(), ticket_id)


@st.cache_data(max_entries=256, show_spinner=False)
def _ticket(key: tuple, ticket_id: str):
    ds, _, marts = data._ctx(key)
    with ds.cursor() as cur:
        return metrics_flow.ticket(cur, marts, ticket_id)


def _labels(lang: str) -> dict[str, dict[str, str]]:
    """Codes as the desk's words, for exports built outside the script's run."""
    statuses = {
        "met": ("respecté", "met"),
        "breached": ("dépassé", "breached"),
        "at_risk": ("à risque", "at risk"),
        "running": ("en cours", "running"),
    }
    etats = {e: etat_label(e, lang) for e in ETAT_CODES}
    words = {k: v[0] if lang == "fr" else v[1] for k, v in statuses.items()}
    return {
        "priority": {p: priority_label(p, lang) for p in PRIORITY_CODES}
        | {"": "(aucune)" if lang == "fr" else "(none)"},
        "etat": etats,
        "consumed_by": etats,
        "tto_status": words,
        "ttr_status": words,
        "clock_status": words,
    }


def full_export(
    kind: str,
    filters: Filters,
    order: str,
    headers: dict[str, str],
    columns: list[str],
    lang: str,
) -> Callable[[], bytes]:
    """A deferred CSV (French Excel) of every row of a table (`kind`: "tickets" or
    "breaches"), built by DuckDB only when downloaded. Everything it needs is captured now:
    the download runs outside the script's run, where the session is not at hand."""
    ds, config, marts = state.dataset(), state.config(), state.marts()
    labels = _labels(lang)

    def build() -> bytes:
        with ds.cursor() as cur:
            if kind == "breaches":
                return breaches_csv(
                    cur, marts, filters, config, order, columns, headers, labels, lang
                )
            tz = config.calendar.timezone
            return tickets_csv(cur, marts, filters, order, columns, headers, labels, tz, lang)

    return build
