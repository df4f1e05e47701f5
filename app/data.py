"""Cached query wrappers: each page asks these, never DuckDB directly.

Results are cached per database version, configuration, as-of instant and filters, so a filter
set seen once answers instantly; every query runs on a cursor of its own.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from app import state
from ticketlib.queries import metrics
from ticketlib.queries.filters import Filters


def _key() -> tuple:
    """What a cached result depends on besides its own arguments."""
    ds = state.dataset()
    as_of = state.as_of()
    return (str(ds.path), ds.version, state.config_path(), as_of.isoformat() if as_of else "")


def _ctx(key: tuple):
    ds = state.dataset()
    return ds, state.config(), ds.marts(state.config(), state.as_of())


def call(name: str, filters: Filters | None = None, **kwargs):
    """Run metrics.<name>(cursor, marts, filters, **kwargs) through the cache."""
    return _cached(_key(), name, filters, tuple(sorted(kwargs.items())))


NEEDS_CONFIG = {"backlog", "reopen_rate", "breaches"}


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(key: tuple, name: str, filters: Filters | None, kwargs: tuple):
    ds, config, marts = _ctx(key)
    fn = getattr(metrics, name)
    args = [marts] + ([filters] if filters is not None else [])
    if name in NEEDS_CONFIG:
        args.append(config)
    with ds.cursor() as cur:
        return fn(cur, *args, **dict(kwargs))


def options() -> dict:
    return _cached(_key(), "options", None, ())


def is_empty() -> bool:
    return state.dataset().is_empty


def as_of_used() -> datetime | None:
    """The as-of instant the figures were computed at (the latest event by default)."""
    return state.marts().as_of
