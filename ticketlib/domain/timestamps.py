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
    except ValueError:
        earliest = None
    if earliest is None or earliest.year < 1900:
        raise ValueError(
            f"{EARLIEST_ENV}={text!r} invalide : une date ISO (AAAA-MM-JJ) de 1900 ou après / "
            "invalid: an ISO date (YYYY-MM-DD) from 1900 on"
        )
    given = os.environ.get(FUTURE_YEARS_ENV, "").strip()
    try:
        years = int(given) if given else FUTURE_YEARS
    except ValueError:
        years = 0
    if not 1 <= years <= 100:
        raise ValueError(
            f"{FUTURE_YEARS_ENV}={given!r} invalide : un nombre entier d'années de 1 à 100 / "
            "invalid: a whole number of years from 1 to 100"
        )
    latest = now.replace(
        year=now.year + years, month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    return earliest, latest


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
