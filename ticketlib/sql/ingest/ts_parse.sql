-- Texts the fast path could not read (grain: one row per distinct text of `ts_input(s)`): its UTC
-- instant (naive; null when unreadable or when its offset does not exist) and, for a local wall
-- time, that wall time. Naive times are local to the calendar's zone (`tz_rules`), converted by
-- the rule of RFC 5545 and `zoneinfo` (fold=0). Whether the instant is plausible is the
-- landing's question (`ts_plausible`), not this one's.
create or replace temp table ts_parsed as
with fields as (
    select s, ts_fields(s) as f from (select distinct s from ts_input where s is not null)
), walls as (
    select s, ts_wall(f) as wall, tz_seconds(f.tz) as offset_s from fields
), converted as (
    select walls.s,
           case when walls.offset_s is null then walls.wall end as local,
           case when walls.offset_s = -1000000000 then null
                else coalesce(walls.wall - to_seconds(walls.offset_s),
                              walls.wall - to_seconds(r.offset_s)) end as utc
    from walls
    asof left join tz_rules r on walls.wall >= r.boundary
)
select s, local, utc
from converted
