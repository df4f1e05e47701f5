-- The events of this import stored as a copy of another in some zones only
-- (events.pending_duplicate, load_events_land.sql), judged in the import's own zone for its
-- summary: per file, how many are a copy there (the replay judges again in its zone:
-- sql/replay/stg_sources.sql, the same rule). Inputs: load_params, tz_rules (the import's zone),
-- $tz (its name).
create or replace temp table zone_copies as
with concerned as (
    select distinct ticket_key from events
    where import_id = (select import_id from load_params) and pending_duplicate
), read as (
    select e.ticket_key,
           case when e.ts_local is not null
                     and e.import_id in (select import_id from imports where timezone <> $tz)
                then (e.ts_local - to_seconds(r.offset_s))::timestamptz
                else e.ts end as ts,
           e.seq, e.etat, e.priority, e.import_id, coalesce(e.pending_duplicate, false) as pending
    from events e
    asof left join tz_rules r on e.ts_local >= r.boundary
    where e.ticket_key in (select ticket_key from concerned)
), judged as (
    select *,
           coalesce(lag(ts) over w = ts and lag(etat) over w = etat
                    and lag(priority) over w is not distinct from priority, false)
               as repeats_previous
    from read
    window w as (partition by ticket_key, import_id order by ts, seq)
)
select ((j.seq >> 32) & 255)::integer as file_index, count(*) as n
from judged j
where j.import_id = (select import_id from load_params) and j.pending
  and (j.repeats_previous
       or exists (select 1 from judged s
                  where s.ticket_key = j.ticket_key and s.import_id < j.import_id
                    and s.ts = j.ts and s.etat = j.etat
                    and s.priority is not distinct from j.priority))
group by all;
