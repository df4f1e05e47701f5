"""The SQL console under runaway queries (issue 14 item 1): each of the issue's four ends
within its limits with a message, in a child process, and the caller stays up and small."""

from __future__ import annotations

import resource
import time

import pytest

from ticketlib.console import isolated
from ticketlib.console.sqlconsole import SqlError, run_query

RUNAWAY = [
    "select len(range(300000000))",  # 11.8 GB before
    "select repeat('x', 2000000000)",  # 6.4 GB
    "select repeat('x',1000000) s from range(4000)",  # 4 GB under the row cap
    "select repeat('x',10000000) s from range(10000)",  # crashed the page
]
TIME_LIMIT = 4.0


def _rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


@pytest.mark.parametrize("sql", RUNAWAY)
def test_each_runaway_query_ends_within_its_limits(empty_db, sql):
    before = _rss_mb()
    started = time.monotonic()
    try:
        result = run_query(sql, empty_db, time_limit=TIME_LIMIT)
    except SqlError as err:
        assert err.kind in ("memory", "timeout"), str(err)
        assert err.message("en").split("\n")[0].startswith(("Out of memory", "Time limit"))
        assert err.message("fr").split("\n")[0].startswith(("Mémoire insuffisante", "Limite de"))
    else:  # cut by the byte cap, never a 4 GB frame in the app
        assert result.truncated_by == "bytes"
        assert result.frame.memory_usage(deep=True).sum() <= 2 * result.byte_cap
    # the child's start-up, its own interrupt, then the parent's kill at the latest
    assert time.monotonic() - started < TIME_LIMIT + isolated.GRACE_SECONDS + 5
    assert _rss_mb() - before < 200  # the app's process never held the result


def test_results_are_capped_in_bytes(empty_db):
    result = run_query(
        "select repeat('x', 100000) as s from range(1000)", empty_db, byte_cap=1 << 20
    )
    assert result.truncated and result.truncated_by == "bytes"
    assert 5 <= len(result.frame) <= 10  # 100 kB rows within 1 MiB
    assert set(result.frame.s.str.len()) == {100000}


def test_a_child_killed_at_the_time_limit_is_a_message(empty_db, monkeypatch):
    monkeypatch.setattr(isolated, "GRACE_SECONDS", 0.0)
    with pytest.raises(SqlError) as caught:
        run_query("select count(*) from range(100000000000)", empty_db, time_limit=0.5)
    assert caught.value.kind == "timeout"
    assert "(0.5 s)" in caught.value.message("en")


def test_a_first_row_over_the_byte_cap_is_a_message_not_an_empty_result(empty_db):
    # `list` aggregates: one row of 10,000 lists of 2,000 integers, about 160 MB (outside check:
    # the 400 MB row of 5,000 needs ~5 GB of address space to build and convert, so it meets the
    # child's 4 GiB limit first, depending on allocation order: a memory message, also clear)
    with pytest.raises(SqlError) as caught:
        run_query("select list(range(2000)) l from range(10000)", empty_db, time_limit=10)
    assert caught.value.kind == "bytes"
    assert caught.value.message("en").startswith(
        "Nothing to show: the first row alone is over the result's 64 MB limit"
    )
    assert caught.value.message("fr").startswith(
        "Rien à afficher : la première ligne dépasse à elle seule la limite de 64 Mo"
    )


@pytest.mark.parametrize(
    ("sql", "rows"),
    [
        ("select range(5000) l from range(10000)", 1651),  # a 40 kB list on each row
        ("select [repeat('x', 40000)] l from range(10000)", 1677),
    ],
)
def test_rows_of_large_lists_fill_the_byte_cap(empty_db, sql, rows):
    result = run_query(sql, empty_db, time_limit=10)
    assert result.truncated_by == "bytes"
    assert len(result.frame) == rows


def test_a_query_deaf_to_its_interrupt_ends_near_the_time_limit(empty_db):
    # one scalar building 2 GB does not heed DuckDB's interrupt: before, 9.6 s for a 4 s limit
    started = time.monotonic()
    with pytest.raises(SqlError) as caught:
        run_query("select repeat('x', 2000000000)", empty_db, time_limit=2.0)
    assert caught.value.kind == "timeout"
    assert caught.value.message("en") == "Time limit exceeded (2 s): the query was interrupted."
    # the child's start-up, the limit, then its own watchdog: never the parent's grace period
    assert time.monotonic() - started < 2.0 + isolated.STOP_SECONDS + 3.5


class _LateChild:
    """A child that exits 1 after the time limit with a traceback, as after an interrupt."""

    returncode = 1

    def __init__(self, *args, **kwargs):
        pass

    def communicate(self, data=None, timeout=None):
        time.sleep(0.3)
        return b"", b"Traceback...\nduckdb.InterruptException: INTERRUPT Error: Interrupted!\n"


def test_a_child_dying_after_its_interrupt_is_a_timeout_not_memory(monkeypatch):
    monkeypatch.setattr(isolated.subprocess, "Popen", _LateChild)
    header, body = isolated.run_isolated({"query": {"time_limit": 0.2}})
    assert header["kind"] == "timeout" and body == b""
    header, _ = isolated.run_isolated({"query": {"time_limit": 5.0}})  # dead early: memory
    assert header["kind"] == "memory"


@pytest.mark.parametrize(
    "sql",
    [
        "select len(range(300000000))",  # DuckDB's own out of memory (was "limit 3GB")
        "select repeat('x',3000000) s from range(1000)",  # Arrow's (was a `* SET ...` hint)
    ],
)
def test_the_memory_limit_is_said_one_way_without_duckdb_hints(empty_db, sql):
    with pytest.raises(SqlError) as caught:
        run_query(sql, empty_db, time_limit=10)
    assert caught.value.kind == "memory"
    en, fr = caught.value.message("en"), caught.value.message("fr")
    assert en.startswith("Out of memory (limit 4 GiB for the query): filter or aggregate more.")
    assert fr.startswith("Mémoire insuffisante (limite 4 Gio pour la requête)")
    assert "SET " not in en and "3GB" not in en
