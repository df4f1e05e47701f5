-- Landing the event rows of one import (grain: one row per events-file row read).
-- Inputs: stg_events, ts_parsed, map_status, map_priority, load_params; tickets already landed.

-- one row per event row: cleaned, parsed and mapped
create or replace temp table cand_events as
with cleaned as (
    select file_index, source_row,
           nullif(trim(ticket_id), '') as ticket_id,
           nullif(trim(ts_raw), '') as ts_raw,
           nullif(trim(status_raw), '') as status_raw,
           status_key,
           nullif(trim(priority_raw), '') as priority_raw,
           raw
    from stg_events
)
select c.*,
       coalesce(ts_fast(c.ts_raw), p.utc::timestamptz) as ts,
       p.local as ts_local,
       ms.etat,
       mp.priority,
       case when c.ticket_id is null then 'missing_ticket_id'
            when c.ts_raw is null then 'missing_timestamp'
            when coalesce(ts_fast(c.ts_raw), p.utc::timestamptz) is null then 'bad_timestamp'
            when c.status_raw is null then 'missing_status'
            when ms.etat is null then 'unknown_status'
            when c.priority_raw is not null and mp.priority is null then 'unknown_priority'
       end as reason
from cleaned c
left join ts_parsed p on p.s = c.ts_raw
left join map_status ms on ms.raw = c.status_key
left join map_priority mp on mp.raw = c.priority_raw;

-- a ticket with no tickets row is created at its first event (DESIGN §5.1)
insert into tickets (ticket_key, ticket_id, import_id)
select (select coalesce(max(ticket_key), 0) from tickets) + row_number() over (),
       ticket_id, (select import_id from load_params)
from (select distinct ticket_id from cand_events where reason is null) n
where not exists (select 1 from tickets t where t.ticket_id = n.ticket_id);

-- usable events keyed, checked against the creation instant in force after this import; seq
-- orders events at one instant: file row, or the position a reader gave (stg_event_order)
create or replace temp table keyed_events as
select c.file_index, c.source_row, c.ticket_id, t.ticket_key, t.created_at, c.raw, c.ts, c.ts_local, c.etat, c.status_raw,
       c.priority, c.priority_raw,
       (select import_id from load_params) * 1099511627776 + c.file_index * 4294967296
           + coalesce(o.position, c.source_row) as seq,
       coalesce(c.ts < t.created_at, false) as before_creation
from cand_events c
join tickets t using (ticket_id)
left join stg_event_order o
    on o.file_index = c.file_index and o.source_row = c.source_row
where c.reason is null;

-- one row per distinct (ticket, instant, état, priority) not already stored: the first wins
create or replace temp table new_events as
select ticket_key, ts, etat, priority,
       min(seq) as seq,
       arg_min(ts_local, seq) as ts_local,
       arg_min(status_raw, seq) as status_raw,
       arg_min(priority_raw, seq) as priority_raw,
       arg_min(source_row, seq) as source_row
from keyed_events k
where not before_creation
  and not exists (
      select 1 from events e
      where e.ticket_key = k.ticket_key and e.ts = k.ts and e.etat = k.etat
        and e.priority is not distinct from k.priority)
group by ticket_key, ts, etat, priority;

insert into events
select ticket_key, ts, ts_local, seq, etat, status_raw, priority, priority_raw,
       (select import_id from load_params), source_row
from new_events;

-- data-quality flags noticed by the reader, for tickets that exist
insert into import_flags
select t.ticket_key, f.flag, f.detail, (select import_id from load_params)
from stg_flags f
join tickets t using (ticket_id)
where not exists (select 1 from import_flags x
                  where x.ticket_key = t.ticket_key and x.flag = f.flag
                    and x.detail is not distinct from f.detail);
