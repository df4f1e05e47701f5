-- Landing the event rows of one import (grain: one row per events-file row read), step 1.
-- Inputs: stg_events_all, map_status, map_priority, load_params, ts_fast(); tickets landed.
-- Built for millions of rows: one pass parses (fast path), maps, keys and checks; the texts
-- the fast path cannot read (ts_slow) are parsed next (ts_patch: each text of each file with
-- its instant) and patched in by step 2.

-- An event dated before its ticket's created_at is kept (DESIGN §5.1: it sets the état at
-- creation and the replay flags the ticket), so the instant is no reason to refuse a row.
create or replace temp macro event_reason(ticket_id, ts, ts_raw, status_blank, etat,
                                          priority_blank, priority) as
    case when ticket_id is null then 'missing_ticket_id'
         when ts is null and (ts_raw is null or trim(ts_raw) = '') then 'missing_timestamp'
         when ts is null then 'bad_timestamp'
         when not ts_plausible(ts) then 'implausible_date'
         when status_blank then 'missing_status'
         when etat is null then 'unknown_status'
         when not priority_blank and priority is null then 'unknown_priority'
    end;

-- one row per event row: parsed, mapped, keyed, with the reason it cannot be used
create or replace temp table keyed_events as
with parsed as (
    select e.file_index, e.source_row,
           nullif(trim(e.ticket_id), '') as ticket_id,
           e.ts_raw, e.status_raw, e.priority_raw, e.raw,
           ts_fast(e.ts_raw) as ts,
           null::timestamp as ts_local,
           ms.etat, coalesce(ms.blank, true) as status_blank,
           mp.priority, coalesce(mp.blank, true) as priority_blank
    from stg_events_all e
    left join map_status ms on ms.raw = e.status_key
    left join map_priority mp on mp.raw = e.priority_raw
)
select c.*, t.ticket_key,
       -- seq orders events at one instant: import (bits 48+), file (bits 32-47: 65536 files,
       -- issue 14 item 10), file row or the position a reader gave (bits 0-31)
       (select import_id from load_params) * 281474976710656 + c.file_index * 4294967296
           + coalesce(o.position, c.source_row) as seq,
       hash(t.ticket_key, c.ts, c.etat, c.priority) as h,
       event_reason(c.ticket_id, c.ts, c.ts_raw, c.status_blank, c.etat, c.priority_blank,
                    c.priority) as reason
from parsed c
left join tickets t using (ticket_id)
left join stg_event_order o on o.file_index = c.file_index and o.source_row = c.source_row;


-- the texts the fast path could not read, per file (slash dates are decided per file column)
create or replace temp table ts_slow as
select distinct file_index, ts_raw as s from keyed_events where ts is null and ts_raw is not null;
