-- Landing the ticket rows of one import, step 2: creation instants the fast path could not
-- read patched in; each row new, updated, duplicate or rejected; then landed.
update checked_tickets
set created_at = p.utc::timestamptz, created_local = p.local,
    reason = ticket_reason(ticket_id, created_raw, p.utc::timestamptz, priority_blank, priority)
from ts_patch p
where checked_tickets.created_at is null and checked_tickets.file_index = p.file_index
  and checked_tickets.created_raw = p.s;

-- A creation compares in no particular zone (DESIGN §5.1: a naive time is read in the zone of
-- the command that replays): a naive one by its wall time, one with an offset by its instant.
create or replace temp macro creation_key(created_at, created_local) as
    (created_local is null, coalesce(created_local, timezone('UTC', created_at)));

-- the first usable row of each ticket in this import; later ones repeat it or conflict
create or replace temp table ticket_outcome as
with usable as (
    select * from checked_tickets where reason is null
), repeated as (
    select ticket_id from usable group by ticket_id having count(*) > 1
), ranked as (
    -- ranking only the ids given more than once (a window over all would cost much more)
    select file_index, source_row,
           row_number() over (partition by ticket_id order by file_index, source_row) as rn,
           first_value((creation_key(created_at, created_local), priority, customer, assignee,
                        team, title))
               over (partition by ticket_id order by file_index, source_row) as first_content
    from usable
    where ticket_id in (select ticket_id from repeated)
), against_stored as (
    select u.*, coalesce(r.rn, 1) as rn, r.first_content, s.ticket_key as stored_key,
           (creation_key(u.created_at, u.created_local), u.priority, u.customer, u.assignee,
            u.team, u.title)
               is not distinct from
           (creation_key(s.created_at, s.created_local), s.priority, s.customer, s.assignee,
            s.team, s.title) as same_as_stored
    from usable u
    left join ranked r using (file_index, source_row)
    left join tickets s using (ticket_id)
)
select a.file_index, a.source_row, a.ticket_id, a.created_at, a.created_local, a.priority,
       a.priority_raw, a.customer, a.assignee, a.team, a.title, a.raw, a.stored_key,
       case when a.rn > 1 and (creation_key(a.created_at, a.created_local), a.priority,
                               a.customer, a.assignee, a.team, a.title)
                              is not distinct from a.first_content then 'duplicate'
            when a.rn > 1 then 'conflicting_ticket_row'
            when a.stored_key is null then 'new'
            when a.same_as_stored then 'duplicate'
            -- a creation after the ticket's stored events is no reason to refuse the row
            -- (DESIGN §5.1: an event before created_at is kept, the replay flags the ticket)
            else 'updated'
       end as outcome
from against_stored a;

-- new keys from the outcome's row ids: unique, and no window over a million rows
insert into tickets
select (select coalesce(max(ticket_key), 0) from tickets) + o.rowid + 1,
       o.ticket_id, o.created_at, o.created_local, o.priority, o.priority_raw, o.customer,
       o.assignee, o.team, o.title, (select import_id from load_params), f.name, o.source_row
from ticket_outcome o
join load_files f using (file_index)
where o.outcome = 'new';

update tickets
set created_at = o.created_at, created_local = o.created_local, priority = o.priority,
    priority_raw = o.priority_raw, customer = o.customer, assignee = o.assignee, team = o.team,
    title = o.title, import_id = (select import_id from load_params), source_file = f.name,
    source_row = o.source_row
from ticket_outcome o
join load_files f using (file_index)
where o.outcome = 'updated' and tickets.ticket_key = o.stored_key;
