-- Landing the event rows of one import, step 2: instants the fast path could not read patched
-- in, tickets known only by their events created, duplicates resolved exactly only among the
-- rows of the tickets where one may be, then the new events inserted.
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

-- Duplicates are judged in no particular zone (DESIGN §5.1: a naive time is read in the zone of
-- the command that replays): naive rows compare by their wall time, rows with an offset by their
-- instant. A naive row and an offset row meet only in the zones where the wall time is that
-- instant; two events of one import that such a row may separate (A, B, A) likewise. A row that
-- is a copy in every zone is dropped here; one that is a copy in some zones only is stored marked
-- `pending_duplicate` and the replay decides in its zone (sql/replay/stg_sources.sql).
create or replace temp macro same_time(a_ts, a_local, b_ts, b_local) as
    case when a_local is null and b_local is null then a_ts = b_ts
         when a_local is not null and b_local is not null then a_local = b_local
         else false end;
-- the wall time and the instant can be one instant in some zone: an offset within +-15 h
create or replace temp macro may_meet(a_ts, a_local, b_ts, b_local) as
    case when (a_local is null) = (b_local is null) then same_time(a_ts, a_local, b_ts, b_local)
         else abs(epoch(coalesce(a_local, b_local))
                  - epoch(case when a_local is null then a_ts else b_ts end)) <= 54000 end;

create or replace temp table usable as
select seq, ticket_key, ts, ts_local, etat, priority,
       hash(ticket_key, ts_local is null, coalesce(ts_local, timezone('UTC', ts)), etat,
            priority) as h
from keyed_events
where reason is null;

-- the stored events of this import's tickets, in one pass: are there naive ones, offset ones
create or replace temp table stored_look as
select e.ticket_key,
       bool_or(e.ts_local is null) as has_offset, bool_or(e.ts_local is not null) as has_naive
from events e
where e.import_id <> (select import_id from load_params)
  and e.ticket_key in (select ticket_key from usable)
group by e.ticket_key;

-- the tickets that need an exact look: a key repeated in this import, or naive and offset rows
-- side by side. Elsewhere (every row and every stored event of the ticket naive, or every one
-- with an offset) a row is a copy in one zone exactly when it is a copy in all, and only of an
-- identical stored event (a repeat within the import has the same key): `stored_copies`. So
-- re-importing an export, where every row is a stored event again, costs one join, not an
-- exact look at every ticket.
create or replace temp table clash_tickets as
select ticket_key from usable group by ticket_key, h having count(*) > 1
union
select u.ticket_key
from (select ticket_key, bool_or(ts_local is null) as has_offset,
             bool_or(ts_local is not null) as has_naive
      from usable group by ticket_key) u
left join stored_look s using (ticket_key)
where (u.has_naive and (u.has_offset or coalesce(s.has_offset, false)))
   or (u.has_offset and coalesce(s.has_naive, false));

-- the exact look, on the few tickets concerned. In a given zone a row is a duplicate when an
-- identical event is already stored, or when it repeats the row just before it in this import
-- (same instant, état and priority, nothing between). A repeat with another event between
-- (A, B, A at one instant) is history, not a copy, and is kept: it changes the état in force.
-- Before a row, in any zone, come the rows of this import that may meet it, in file order: the
-- row repeats the one before it in every zone when the last of them has its very time.
create or replace temp table clash_rows as
with cand as (
    select * from usable where ticket_key in (select ticket_key from clash_tickets)
), before as (
    select x.seq,
           arg_max(r.etat = x.etat and r.priority is not distinct from x.priority
                   and same_time(r.ts, r.ts_local, x.ts, x.ts_local), r.seq) as repeats_always,
           bool_or(r.etat = x.etat and r.priority is not distinct from x.priority) as may_repeat
    from cand x
    join cand r on r.ticket_key = x.ticket_key and r.seq < x.seq
               and may_meet(r.ts, r.ts_local, x.ts, x.ts_local)
    group by x.seq
)
select x.seq,
       coalesce(b.repeats_always, false)
       or exists (select 1 from events e
                  where e.import_id <> (select import_id from load_params)
                    and e.ticket_key = x.ticket_key and e.etat = x.etat
                    and e.priority is not distinct from x.priority
                    and same_time(e.ts, e.ts_local, x.ts, x.ts_local)) as copy_always,
       coalesce(b.may_repeat, false)
       or exists (select 1 from events e
                  where e.import_id <> (select import_id from load_params)
                    and e.ticket_key = x.ticket_key and e.etat = x.etat
                    and e.priority is not distinct from x.priority
                    and may_meet(e.ts, e.ts_local, x.ts, x.ts_local)) as copy_somewhere
from cand x
left join before b using (seq)
union all
-- the rows of the other tickets that are an identical stored event: a copy in every zone
select u.seq, true, true
from usable u
where u.ticket_key not in (select ticket_key from clash_tickets)
  and exists (select 1 from events e
              where e.import_id <> (select import_id from load_params)
                and e.ticket_key = u.ticket_key and e.etat = u.etat
                and e.priority is not distinct from u.priority
                and (e.ts_local is null) = (u.ts_local is null)
                and coalesce(e.ts_local, timezone('UTC', e.ts))
                    = coalesce(u.ts_local, timezone('UTC', u.ts)));

-- the usable events that are not a copy in every zone; those that are one in some zones marked
insert into events (ticket_key, ts, ts_local, seq, etat, status_raw, priority, priority_raw,
                    import_id, source_row, pending_duplicate)
select k.ticket_key, k.ts, k.ts_local, k.seq, k.etat, k.status_raw, k.priority, k.priority_raw,
       (select import_id from load_params), k.source_row, coalesce(c.copy_somewhere, false)
from keyed_events k
left join clash_rows c using (seq)
where k.reason is null and not coalesce(c.copy_always, false);

-- data-quality flags noticed by the reader, for tickets that exist
insert into import_flags
select t.ticket_key, f.flag, f.detail, (select import_id from load_params)
from stg_flags f
join tickets t using (ticket_id)
where not exists (select 1 from import_flags x
                  where x.ticket_key = t.ticket_key and x.flag = f.flag
                    and x.detail is not distinct from f.detail);
