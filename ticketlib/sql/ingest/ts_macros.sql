-- Timestamp parsing macros (grain: functions of one text), installed on the import's connection.
-- Accepted: ISO 8601 with `Z` or an offset within ±14:00 (`+02:00`, `+0200`, `+02`), naive ISO
-- (`T` or a space, optional seconds and fraction), `YYYY/MM/DD HH:MM[:SS]`, French
-- `DD/MM/YYYY HH:MM[:SS]` (also with `-` or `.`) and bare dates (midnight).

-- A month-first slash date (MM/DD/YYYY ...) in ISO order (YYYY-MM-DD ...); other texts as they are.
create or replace temp macro ts_month_first(s) as
    regexp_replace(s, '^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})', '\3-\1-\2');

-- The common case, ISO 8601 with `Z` or a valid offset, read natively (fast); null for anything
-- else (the slow path decides). DuckDB itself would take `+99:00` or `+02:75`: the offset's
-- hours and minutes are checked here first.
create or replace temp macro ts_fast(s) as
    case when s[11] in ('T', ' ')
              and (s[-1] = 'Z'
                   or (s[-6] in ('+', '-') and s[-3] = ':' and s[-2:-1] < '60'
                       and (s[-5:-4] < '14' or (s[-5:-4] = '14' and s[-2:-1] = '00')))
                   or (s[-5] in ('+', '-') and s[-2:-1] < '60'
                       and (s[-4:-3] < '14' or (s[-4:-3] = '14' and s[-2:-1] = '00')))
                   or (s[-3] in ('+', '-') and s[-2:-1] <= '14'))
         then try_cast(s as timestamptz) end;

-- Every accepted form as a struct of text fields (French day-first reordered to ISO first).
create or replace temp macro ts_fields(s) as
    regexp_extract(
        regexp_replace(trim(s), '^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(.*)$', '\3-\2-\1\4'),
        '^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([zZ]|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?)?$',
        ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'tz']);

-- The wall time the fields name (null when no such date or time exists).
create or replace temp macro ts_wall(f) as
    case when f.y <> '' then try(make_timestamp(
        f.y::int, f.mo::int, f.d::int, coalesce(nullif(f.h, '')::int, 0),
        coalesce(nullif(f.mi, '')::int, 0),
        coalesce(nullif(f.s, '')::int, 0) + coalesce(('0.' || nullif(f.f, ''))::double, 0))) end;

-- The offset in seconds of a `Z`, `+HH:MM`, `+HHMM` or `+HH` text; null without one; -1e9 (no
-- instant) for an offset that does not exist: hours over 14, minutes over 59, beyond ±14:00.
create or replace temp macro tz_hm(tz) as
    {'h': try_cast(regexp_extract(tz, '[+-]\s*(\d{1,2})', 1) as int),
     'm': coalesce(try_cast(regexp_extract(tz, '[+-]\s*\d{1,2}:?(\d{2})$', 1) as int), 0)};
create or replace temp macro tz_seconds(tz) as
    case when tz is null or tz = '' then null
         when upper(tz) = 'Z' then 0
         when tz_hm(tz).m > 59 or tz_hm(tz).h * 60 + tz_hm(tz).m > 14 * 60 then -1000000000
         else (case when tz like '%-%' then -1 else 1 end)
              * (tz_hm(tz).h * 3600 + tz_hm(tz).m * 60)
    end;

-- Whether an instant lies in the import's plausible range (`timestamps.plausible_range`: by
-- default 1990-01-01 to ten years after the import); rows outside are quarantined.
create or replace temp macro ts_plausible(t) as
    t >= getvariable('ts_earliest') and t < getvariable('ts_latest');
