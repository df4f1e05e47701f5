-- Landing the event rows of one import, step 2: instants the fast path could not read patched
-- in, tickets known only by their events created, duplicates resolved exactly only among the
-- rows whose hash collides, then the new events inserted.
update keyed_events
set ts = p.utc::timestamptz, ts_local = p.local,
    h = hash(keyed_events.ticket_key, p.utc::timestamptz, keyed_events.etat, keyed_events.priority),
    reason = event_reason(keyed_events.ticket_id, p.utc::timestamptz, keyed_events.ts_raw,
                          keyed_events.status_blank, keyed_events.etat,
                          keyed_events.priority_blank, keyed_events.priority)
from ts_patch p
where keyed_events.ts is null and keyed_events.file_index = p.file_index
  and keyed_events.ts_raw = p.s;

-- a ticket with no tickets row is created at its first event (DESIGN §5.1)
create or replace temp table implicit_tickets as
select distinct ticket_id from keyed_events where reason is null and ticket_key is null;

insert into tickets (ticket_key, ticket_id, import_id)
select (select coalesce(max(ticket_key), 0) from tickets) + rowid + 1,
       ticket_id, (select import_id from load_params)
from implicit_tickets;

update keyed_events
set ticket_key = t.ticket_key, h = hash(t.ticket_key, keyed_events.ts, keyed_events.etat,
                                        keyed_events.priority)
from tickets t
where keyed_events.reason is null and keyed_events.ticket_key is null
  and t.ticket_id = keyed_events.ticket_id;

-- hashes that need an exact look: repeated in this import, or met among the stored events
create or replace temp table clash as
with usable as (
    select h, ticket_key from keyed_events where reason is null
)
select h from usable group by h having count(*) > 1
union
select hash(e.ticket_key, e.ts, e.etat, e.priority)
from events e
where e.import_id <> (select import_id from load_params)
  and e.ticket_key in (select ticket_key from usable)
  and hash(e.ticket_key, e.ts, e.etat, e.priority) in (select h from usable);

-- the exact look, on the few tickets concerned: a row is a duplicate when an identical event
-- is already stored, or when it repeats the row just before it in this import (same instant,
-- état and priority, nothing between). A repeat with another event between (A, B, A at one
-- instant) is history, not a copy, and is kept: it changes the état in force.
create or replace temp table clash_rows as
select k.seq,
       coalesce(lag(k.ts) over w = k.ts and lag(k.etat) over w = k.etat
                and lag(k.priority) over w is not distinct from k.priority, false)
           as repeats_previous,
       exists (select 1 from events e
               where e.import_id <> (select import_id from load_params)
                 and e.ticket_key = k.ticket_key and e.ts = k.ts and e.etat = k.etat
                 and e.priority is not distinct from k.priority) as stored,
       k.h in (select h from clash) as in_clash
from keyed_events k
where k.reason is null
  and k.ticket_key in (select ticket_key from keyed_events
                       where reason is null and h in (select h from clash))
window w as (partition by k.ticket_key order by k.ts, k.seq);

-- the usable events that are neither stored already nor a copy of the row before them
insert into events
select ticket_key, ts, ts_local, seq, etat, status_raw, priority, priority_raw,
       (select import_id from load_params), source_row
from keyed_events
where reason is null
  and (h not in (select h from clash)
       or seq in (select seq from clash_rows
                  where in_clash and not repeats_previous and not stored));

-- data-quality flags noticed by the reader, for tickets that exist
insert into import_flags
select t.ticket_key, f.flag, f.detail, (select import_id from load_params)
from stg_flags f
join tickets t using (ticket_id)
where not exists (select 1 from import_flags x
                  where x.ticket_key = t.ticket_key and x.flag = f.flag
                    and x.detail is not distinct from f.detail);
