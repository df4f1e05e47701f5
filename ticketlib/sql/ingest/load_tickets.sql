-- Landing the ticket rows of one import (grain: one row per tickets-file row read), step 1.
-- Inputs: stg_tickets_all, map_priority, ts_fast(), ts_plausible(). Creation instants are read by the fast
-- path here; the texts it cannot read (ts_slow) are parsed next (ts_patch: each text of each file
-- with its instant) and patched in by step 2.

create or replace temp macro ticket_reason(ticket_id, created_raw, created_at, priority_blank,
                                           priority) as
    case when ticket_id is null then 'missing_ticket_id'
         when created_raw is null then 'missing_created_at'
         when created_at is null then 'bad_created_at'
         when not ts_plausible(created_at) then 'implausible_date'
         when not priority_blank and priority is null then 'unknown_priority'
    end;

-- one row per ticket row: cleaned, parsed, mapped, with the reason it cannot be used
create or replace temp table checked_tickets as
with parsed as (
    select t.file_index, t.source_row,
           nullif(trim(t.ticket_id), '') as ticket_id,
           nullif(trim(t.created_raw), '') as created_raw,
           nullif(trim(t.priority_raw), '') as priority_raw,
           nullif(trim(t.customer), '') as customer,
           nullif(trim(t.assignee), '') as assignee,
           nullif(trim(t.team), '') as team,
           nullif(trim(t.title), '') as title,
           t.raw,
           ts_fast(t.created_raw) as created_at,
           null::timestamp as created_local,
           mp.priority,
           coalesce(mp.blank, true) as priority_blank
    from stg_tickets_all t
    left join map_priority mp on mp.raw = t.priority_raw
)
select *, ticket_reason(ticket_id, created_raw, created_at, priority_blank, priority) as reason
from parsed;

-- the texts the fast path could not read, per file (slash dates are decided per file column)
create or replace temp table ts_slow as
select distinct file_index, created_raw as s
from checked_tickets where created_at is null and created_raw is not null;

