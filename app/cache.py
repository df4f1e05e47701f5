"""One decorator that puts any `ticketlib.queries` function behind Streamlit's cache.

`cached(fn)` returns a function with `fn`'s own signature less what the session supplies: the
cursor (`cur`), the marts (`marts`) and the configuration (`config`). The result is cached on
the database file and version, the configuration file, the as-of instant and the call's own
arguments, so a filter set seen once answers instantly; every query runs on a cursor of its own.
Pages call the typed functions of `app.data` (e.g. `data.kpis(filters)`), which "find usages"
follows to the query.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

import streamlit as st

from app import state

SUPPLIED = ("cur", "marts", "config")  # parameters the session fills in


def context_key() -> tuple:
    """What a cached result depends on besides its own arguments."""
    ds = state.dataset()
    as_of = state.as_of()
    return (str(ds.path), ds.version, state.config_path(), as_of.isoformat() if as_of else "")


def context():
    """(dataset, configuration, marts) of this session."""
    ds, config = state.dataset(), state.config()
    return ds, config, ds.marts(config, state.as_of())


def cached(fn: Callable, max_entries: int = 512) -> Callable:
    """`fn(cur, [marts], ..., [config], ...)` as `f(...)`, cached (see the module's doc)."""
    signature = inspect.signature(fn)
    supplied = [name for name in SUPPLIED if name in signature.parameters]
    if "cur" not in supplied:
        raise TypeError(f"{fn.__qualname__}: a query takes the cursor first")
    visible = signature.replace(
        parameters=[p for p in signature.parameters.values() if p.name not in SUPPLIED]
    )

    def run(key: tuple, query: str, arguments: tuple):
        ds, config, marts = context()
        given = {"marts": marts, "config": config}
        with ds.cursor() as cur:
            extra = {name: given[name] for name in supplied if name != "cur"}
            return fn(cur, **extra, **dict(arguments))

    # Streamlit keys a cache on the function's module, name and source: one per query
    run.__qualname__ = run.__name__ = f"cached_{fn.__module__}.{fn.__qualname__}"
    run = st.cache_data(max_entries=max_entries, show_spinner=False)(run)
    name = f"{fn.__module__}.{fn.__qualname__}"

    @functools.wraps(fn)
    def call(*args, **kwargs):
        bound = visible.bind(*args, **kwargs)
        return run(context_key(), name, tuple(sorted(bound.arguments.items())))

    call.__signature__ = visible
    return call
