-- Landing the ticket rows of one import (grain: one row per tickets-file row read).
-- Inputs: stg_tickets, ts_parsed, map_priority, load_params(import_id).

-- one row per ticket row: cleaned, parsed, with the reason it cannot be used (null if usable)
create or replace temp table cand_tickets as
with cleaned as (
    select file_index, source_row,
           nullif(trim(ticket_id), '') as ticket_id,
           nullif(trim(created_raw), '') as created_raw,
           nullif(trim(priority_raw), '') as priority_raw,
           nullif(trim(customer), '') as customer,
           nullif(trim(assignee), '') as assignee,
           nullif(trim(team), '') as team,
           nullif(trim(title), '') as title,
           raw
    from stg_tickets
), parsed as (
    select c.*,
           coalesce(ts_fast(c.created_raw), p.utc::timestamptz) as created_at,
           p.local as created_local,
           mp.priority
    from cleaned c
    left join ts_parsed p on p.s = c.created_raw
    left join map_priority mp on mp.raw = c.priority_raw
)
select *,
       case when ticket_id is null then 'missing_ticket_id'
            when created_raw is null then 'missing_created_at'
            when created_at is null then 'bad_created_at'
            when priority_raw is not null and priority is null then 'unknown_priority'
       end as reason
from parsed;

-- the first usable row of each ticket in this import; later ones repeat it or conflict
create or replace temp table ticket_outcome as
with usable as (
    select *,
           row_number() over (partition by ticket_id order by file_index, source_row) as rn,
           first_value((created_at, priority, customer, assignee, team, title))
               over (partition by ticket_id order by file_index, source_row) as first_content
    from cand_tickets
    where reason is null
), against_stored as (
    select u.*, s.ticket_key as stored_key,
           (u.created_at, u.priority, u.customer, u.assignee, u.team, u.title)
               is not distinct from
           (s.created_at, s.priority, s.customer, s.assignee, s.team, s.title) as same_as_stored
    from usable u
    left join tickets s using (ticket_id)
), first_event as (
    select ticket_key, min(ts) as first_ts
    from events
    where ticket_key in (select stored_key from against_stored)
    group by ticket_key
)
select a.file_index, a.source_row, a.ticket_id, a.created_at, a.created_local, a.priority,
       a.priority_raw, a.customer, a.assignee, a.team, a.title, a.raw, a.stored_key,
       case when a.rn > 1 and (a.created_at, a.priority, a.customer, a.assignee, a.team, a.title)
                              is not distinct from a.first_content then 'duplicate'
            when a.rn > 1 then 'conflicting_ticket_row'
            when a.stored_key is null then 'new'
            when a.same_as_stored then 'duplicate'
            when a.created_at > f.first_ts then 'created_after_events'
            else 'updated'
       end as outcome
from against_stored a
left join first_event f on f.ticket_key = a.stored_key;

insert into tickets
select (select coalesce(max(ticket_key), 0) from tickets) + row_number() over (),
       ticket_id, created_at, created_local, priority, priority_raw, customer, assignee, team,
       title, (select import_id from load_params), f.name, source_row
from ticket_outcome o
join load_files f using (file_index)
where outcome = 'new';

update tickets
set created_at = o.created_at, created_local = o.created_local, priority = o.priority,
    priority_raw = o.priority_raw, customer = o.customer, assignee = o.assignee, team = o.team,
    title = o.title, import_id = (select import_id from load_params), source_file = f.name,
    source_row = o.source_row
from ticket_outcome o
join load_files f using (file_index)
where o.outcome = 'updated' and tickets.ticket_key = o.stored_key;
