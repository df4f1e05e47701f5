"""Cached wrappers of the SLA pages' own queries (`ticketlib.queries.sla`), like `app.data`.

Same cache key as `app.data` (database version, configuration file, as-of instant), so a
filter set seen once answers instantly; every query runs on a cursor of its own.
"""

from __future__ import annotations

import streamlit as st

from app import data
from ticketlib.queries import sla as metrics_sla
from ticketlib.queries.filters import Filters

NEEDS_CONFIG = {"backlog_tickets"}


def call(name: str, filters: Filters, **kwargs):
    """Run metrics_sla.<name>(cursor, marts, filters, [config], **kwargs) through the cache."""
    return _cached(data._key(), name, filters, tuple(sorted(kwargs.items())))


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(key: tuple, name: str, filters: Filters, kwargs: tuple):
    ds, config, marts = data._ctx(key)
    args = [marts, filters] + ([config] if name in NEEDS_CONFIG else [])
    with ds.cursor() as cur:
        return getattr(metrics_sla, name)(cur, *args, **dict(kwargs))
