"""Cached wrappers of `ticketlib.metrics_flow` (the workflow pages' queries), as `app/data.py`
does for `ticketlib.metrics`: keyed on the database version, configuration, as-of instant and
the query's own arguments; each query on a cursor of its own."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app import data, state
from ticketlib import metrics_flow
from ticketlib.exports import to_excel_csv
from ticketlib.filters import Filters
from ticketlib.workflow import etat_label, priority_label

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


def ticket(ticket_id: str) -> dict[str, pd.DataFrame] | None:
    """One ticket's view (mart row, clocks, timeline, events, time per état), or None."""
    return _ticket(data._key(), ticket_id)


@st.cache_data(max_entries=256, show_spinner=False)
def _ticket(key: tuple, ticket_id: str):
    ds, _, marts = data._ctx(key)
    with ds.cursor() as cur:
        return metrics_flow.ticket(cur, marts, ticket_id)


def full_export(
    filters: Filters, order: str, headers: dict[str, str], columns: list[str], lang: str
) -> Callable[[], bytes]:
    """A deferred CSV (French Excel) of every filtered ticket, built only when downloaded.

    Everything it needs is captured now: the download runs outside the script's run, where
    the session (language, filters) is not at hand."""
    ds, config, marts = state.dataset(), state.config(), state.marts()
    tz = config.calendar.timezone
    statuses = {
        code: (label_fr if lang == "fr" else label_en)
        for code, label_fr, label_en in (
            ("met", "respecté", "met"),
            ("breached", "dépassé", "breached"),
            ("at_risk", "à risque", "at risk"),
            ("running", "en cours", "running"),
        )
    }

    def build() -> bytes:
        from ticketlib import metrics

        with ds.cursor() as cur:
            total = metrics.count_tickets(cur, marts, filters)
            frame = metrics.tickets(cur, marts, filters, order=order, limit=max(total, 1))
        frame = frame[[c for c in columns if c in frame.columns]].copy()
        for column in frame.columns:
            if column == "priority":
                frame[column] = frame[column].map(
                    lambda v: priority_label(v, lang) if isinstance(v, str) else ""
                )
            elif column == "status":
                frame[column] = frame[column].map(
                    lambda v: etat_label(v, lang) if isinstance(v, str) else ""
                )
            elif column in ("tto_status", "ttr_status"):
                frame[column] = frame[column].map(lambda v: statuses.get(v, ""))
        return to_excel_csv(frame.rename(columns=headers), tz, lang)

    return build
