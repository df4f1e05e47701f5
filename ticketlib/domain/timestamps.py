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
Instants outside 1900-2200 are refused.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb

_FRENCH = r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$"
_ISO = (
    r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
    r"(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*([zZ]|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)?$"
)

_SLASH = r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"

MACROS = rf"""
-- A month-first slash date (MM/DD/YYYY ...) in ISO order (YYYY-MM-DD ...); other texts as they are.
create or replace temp macro ts_month_first(s) as regexp_replace(s, '{_SLASH}', '\3-\1-\2');
-- The common case, ISO 8601 with an offset, read natively (fast); null for anything else.
create or replace temp macro ts_fast(s) as
    case when s[11] in ('T', ' ')
              and (s[-1] = 'Z' or s[-6] in ('+', '-') or s[-5] in ('+', '-') or s[-3] in ('+', '-'))
         then try_cast(s as timestamptz) end;
-- Every accepted form as a struct of text fields (French day-first reordered to ISO first).
create or replace temp macro ts_fields(s) as
    regexp_extract(regexp_replace(trim(s), '{_FRENCH}', '\3-\2-\1\4'), '{_ISO}',
                   ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'tz']);
create or replace temp macro ts_wall(f) as
    case when f.y <> '' then try(make_timestamp(
        f.y::int, f.mo::int, f.d::int, coalesce(nullif(f.h, '')::int, 0),
        coalesce(nullif(f.mi, '')::int, 0),
        coalesce(nullif(f.s, '')::int, 0) + coalesce(('0.' || nullif(f.f, ''))::double, 0))) end;
create or replace temp macro tz_seconds(tz) as
    case when tz is null or tz = '' then null
         when upper(tz) = 'Z' then 0
         else (case when tz like '%-%' then -1 else 1 end)
              * (regexp_extract(tz, '[+-]\s*(\d{{1,2}})', 1)::int * 3600
                 + coalesce(nullif(regexp_extract(tz, '[+-]\s*\d{{1,2}}:?(\d{{2}})$', 1), '')::int, 0) * 60)
    end;
"""

# One row per distinct text of `ts_input(s)`: its UTC instant (naive, null when unreadable or
# out of range) and, for local wall times, that wall time. Needs the `tz_rules` table.
PARSE_SQL = """
create or replace temp table ts_parsed as
with fields as (
    select s, ts_fields(s) as f from (select distinct s from ts_input where s is not null)
), walls as (
    select s, ts_wall(f) as wall, tz_seconds(f.tz) as offset_s from fields
), converted as (
    select walls.s,
           case when walls.offset_s is null then walls.wall end as local,
           coalesce(walls.wall - to_seconds(walls.offset_s),
                    walls.wall - to_seconds(r.offset_s)) as utc
    from walls
    asof left join tz_rules r on walls.wall >= r.boundary
)
select s, local,
       case when utc >= timestamp '1900-01-01' and utc < timestamp '2200-01-01' then utc end as utc
from converted
"""


def install(con: duckdb.DuckDBPyConnection, tz: str) -> None:
    """Create the parsing macros and the offset rules of `tz` on this connection."""
    con.execute(MACROS)
    con.execute("create or replace temp table tz_rules (boundary timestamp, offset_s integer)")
    con.executemany("insert into tz_rules values (?, ?)", [list(r) for r in offset_rules(tz)])


def parse_texts(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `ts_parsed(s, local, utc)` from the texts in the temp table `ts_input(s)`."""
    con.execute(PARSE_SQL)


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
    con.close()
    return utc.astimezone(UTC)
