"""Timestamps as people export them, read by DuckDB in bulk.

Accepted: ISO 8601 with `Z` or an offset (`+02:00`, `+0200`, `+02`), naive ISO (`T` or a space,
optional seconds and fraction), `YYYY/MM/DD HH:MM[:SS]`, French `DD/MM/YYYY HH:MM[:SS]` (also with
`-` or `.`), and bare dates (midnight). Slash dates are read day-first here; a column of a file
that proves month-first (`importers/slashdates.py`, DESIGN §5.1: decided per column from all its
values) is first rewritten to ISO order by `ts_month_first`. An offset makes the instant absolute; without one the
wall time is local to the calendar's zone and converted once, at import, by the rule of
iCalendar (RFC 5545) and Python's `zoneinfo` (fold=0): a wall time that happens twice (autumn)
is its first occurrence (summer time); a wall time that does not exist (spring gap) is read with
the offset before the gap, so 02:30 on the spring-forward night is 03:30 summer time.
Offsets beyond ±14:00 are no instant; instants outside the plausible range
(`plausible_range`) are quarantined by the landing.
"""

from __future__ import annotations

import functools
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb

from ticketlib.db.sqlfiles import run_script

EARLIEST_ENV = "TICKETLIB_EARLIEST"  # ISO date; default 1990-01-01
FUTURE_YEARS_ENV = "TICKETLIB_FUTURE_YEARS"  # whole years after the import; default 10
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_YEARS = 10


def plausible_range(now: datetime | None = None) -> tuple[datetime, datetime]:
    """[earliest, latest) UTC instants an import accepts (issue 14 item 4): from
    `$TICKETLIB_EARLIEST` (ISO date, default 1990-01-01) to `$TICKETLIB_FUTURE_YEARS` (default 10)
    years after `now` (the import). Rows dated outside are quarantined (`implausible_date`), so
    one `5000-01-01` or `9999-12-31T23:59:59Z` never reaches the calendar. ValueError for a
    setting that is not a date or a whole number of years (1 to 100)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    text = os.environ.get(EARLIEST_ENV, "").strip()
    try:
        earliest = datetime.fromisoformat(text).replace(tzinfo=UTC) if text else EARLIEST
        years = int(os.environ.get(FUTURE_YEARS_ENV, "").strip() or FUTURE_YEARS)
        if not 1 <= years <= 100 or earliest.year < 1900:
            raise ValueError
    except ValueError:
        raise ValueError(
            f"{EARLIEST_ENV} (date ISO ≥ 1900) / {FUTURE_YEARS_ENV} (1-100) invalide / invalid"
        ) from None
    latest = now.replace(
        year=now.year + years, month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return earliest, latest


def install(con: duckdb.DuckDBPyConnection, tz: str, now: datetime | None = None) -> None:
    """Create the parsing macros (`sql/ingest/ts_macros.sql`), the offset rules of `tz` and
    the plausible range (`ts_plausible(t)`, see `plausible_range`) on this connection."""
    earliest, latest = plausible_range(now)
    con.execute("set variable ts_earliest = $e::timestamptz", {"e": earliest})
    con.execute("set variable ts_latest = $l::timestamptz", {"l": latest})
    run_script(con, "ts_macros")
    con.execute("create or replace temp table tz_rules (boundary timestamp, offset_s integer)")
    con.executemany("insert into tz_rules values (?, ?)", [list(r) for r in offset_rules(tz)])


def parse_texts(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `ts_parsed(s, local, utc)` from the texts in the temp table `ts_input(s)`
    (`sql/ingest/ts_parse.sql`); `utc` is null for an unreadable text or an offset beyond
    ±14:00, and is not range-checked here (`ts_plausible` is the landing's check)."""
    run_script(con, "ts_parse")


def transitions(tz: str) -> tuple[tuple[int, int, int], ...]:
    """(UTC epoch second, offset before, offset after) of every offset change, 1900-2200."""
    return transitions_between(tz, _FIRST_S, _END_S)


_FIRST_S = int(datetime(1899, 12, 1, tzinfo=UTC).timestamp())
_END_S = int(datetime(2200, 1, 1, tzinfo=UTC).timestamp())


@functools.lru_cache(maxsize=64)
def transitions_between(tz: str, start_s: int, end_s: int) -> tuple[tuple[int, int, int], ...]:
    """The offset changes of `tz` between UTC epoch seconds `start_s` and `end_s`, as
    `transitions` gives them, after a first row (-2**62, offset at start_s, same): enough to
    read every instant in [start_s, end_s] (a calendar needs only the data's years; the whole
    1900-2200 range costs about a second)."""
    zone = ZoneInfo(tz)
    t = start_s
    before = _offset(zone, t)
    out = [(-(2**62), before, before)]
    while t < end_s:
        nxt = t + 86400
        after = _offset(zone, nxt)
        if after != before:
            lo, hi = t, nxt  # whole seconds: the last second of `before`, the first of `after`
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if _offset(zone, mid) == before else (lo, mid)
            out.append((hi, before, after))
            before = after
        t = nxt
    return tuple(out)


@functools.lru_cache(maxsize=16)
def offset_rules(tz: str) -> tuple[tuple[datetime, int], ...]:
    """Naive local boundaries and the UTC offset (s) in force from each, 1900-2200.

    Around a transition at UTC instant T from offset a to offset b, every wall time before
    T + max(a, b) keeps offset a: the earlier occurrence in autumn, the pre-gap offset in spring.
    """
    first = transitions(tz)[0]
    rules = [(datetime(1, 1, 1), first[2])]
    for t, before, after in transitions(tz)[1:]:
        boundary = datetime.fromtimestamp(t, UTC).replace(tzinfo=None)
        rules.append((boundary + timedelta(seconds=max(before, after)), after))
    return tuple(rules)


def _offset(zone: ZoneInfo, epoch_s: int) -> int:
    return int(datetime.fromtimestamp(epoch_s, zone).utcoffset().total_seconds())


def parse_instant(text: str, tz: str) -> datetime:
    """One timestamp (e.g. `--as-of`), read exactly as an import reads it; UTC-aware."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    install(con, tz)
    con.execute("create temp table ts_input as select $s::varchar as s", {"s": text})
    utc = con.execute("select ts_fast(s) from ts_input").fetchall()[0][0]
    if utc is None:
        parse_texts(con)
        row = con.execute("select utc from ts_parsed").fetchall()[0]
        if row is None or row[0] is None:
            raise ValueError(f"horodatage illisible / unreadable timestamp: {text!r}")
        utc = row[0].replace(tzinfo=UTC)
    if (
        not datetime(1900, 1, 1, tzinfo=UTC)
        <= utc.astimezone(UTC)
        < datetime(2200, 1, 1, tzinfo=UTC)
    ):
        raise ValueError(
            f"horodatage illisible (hors 1900-2200) / unreadable timestamp (outside 1900-2200): "
            f"{text!r}"
        )
    con.close()
    return utc.astimezone(UTC)
