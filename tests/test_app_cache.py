"""app.cache.cached: a query's own signature, the session's cursor/marts/config, one cache each."""

from __future__ import annotations

import inspect
from contextlib import contextmanager

import pytest

from app import cache, data
from ticketlib.queries import metrics


class FakeDataset:
    def __init__(self):
        self.opened = 0

    @contextmanager
    def cursor(self):
        self.opened += 1
        yield f"cursor{self.opened}"


@pytest.fixture
def session(monkeypatch):
    ds = FakeDataset()
    key = ["v1"]
    monkeypatch.setattr(cache, "context", lambda: (ds, "CONFIG", "MARTS"))
    monkeypatch.setattr(cache, "context_key", lambda: tuple(key))
    return ds, key


def _first(cur, marts, filters, config, order="a"):
    """Doc of the first query."""
    return ("first", cur, marts, filters, config, order)


def _second(cur, marts, filters, order="a"):
    return ("second", cur, marts, filters, order)


def test_signature_less_what_the_session_supplies():
    first = cache.cached(_first)
    assert str(inspect.signature(first)) == "(filters, order='a')"
    assert first.__doc__ == "Doc of the first query."
    assert str(inspect.signature(data.backlog_tickets)).startswith("(filters: 'Filters', day:")
    assert data.kpis.__wrapped__ is metrics.kpis
    with pytest.raises(TypeError, match="cursor first"):
        cache.cached(lambda marts, filters: None)


def test_each_query_has_its_own_cache_and_key(session):
    ds, key = session
    first, second = cache.cached(_first), cache.cached(_second)
    assert first("F", order="b") == ("first", "cursor1", "MARTS", "F", "CONFIG", "b")
    assert second("F", order="b") == ("second", "cursor2", "MARTS", "F", "b")  # no mix-up
    assert first("F", order="b")[1] == "cursor1"  # cached: no new cursor
    assert ds.opened == 2
    key[0] = "v2"  # a new database version, configuration or as-of instant
    assert first("F", order="b")[1] == "cursor3"
