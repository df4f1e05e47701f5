-- Macros (no rows): an instant as ISO 8601 in the calendar's local time with its offset, e.g.
-- 2025-03-03T09:00:00+01:00, microseconds only when there are some (DESIGN §5.3). The caller
-- computes the local wall time once per value, `timezone(tz, ts)`, and passes both: the offset
-- is their difference (whole seconds), so the zone is read once per value, not three times.
create or replace temp macro iso_offset(off_s) as
    case when off_s < 0 then '-' else '+' end
    || lpad((abs(off_s) // 3600)::varchar, 2, '0') || ':'
    || lpad((abs(off_s) % 3600 // 60)::varchar, 2, '0');

create or replace temp macro iso_wall(ts, wall) as
    case when ts is not null then
        strftime(wall, '%Y-%m-%dT%H:%M:%S')
        || case when microsecond(ts) % 1000000 <> 0
                then '.' || lpad((microsecond(ts) % 1000000)::varchar, 6, '0') else '' end
        || iso_offset((epoch_us(wall) - epoch_us(ts)) // 1000000)
    end;
