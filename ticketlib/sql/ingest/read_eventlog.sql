-- Reading process-mining event logs into the staging tables (eventlog.py).
-- Inputs: el_src (grain: one row per event-file row read, text fields, ignored = the activity
-- is no status change), el_cases (one row per case-file row). Parameter: derived (the index
-- offset of derived entries, logs.DERIVED_OFFSET).

-- one row per distinct timestamp text: a key that orders it (the UTC instant when the text
-- has an offset, else the wall time). It only orders the rows of one ticket, which share one
-- style, and compares them with its creation: the landing parses every text exactly.
create or replace temp table el_ts as
select s, coalesce(ts_fast(s)::timestamp, ts_wall(ts_fields(s))) as k
from (select distinct ts from el_src) t(s)
where s is not null;

-- one row per event-file row, numbered within its case: time, then event id, then file order
create or replace temp table el_rows as
select s.*, t.k as ts_k,
       row_number() over (partition by s.case_id
                          order by t.k nulls first, s.order_key nulls first, s.file_index,
                                   s.source_row) as ord
from el_src s
left join el_ts t on t.s = s.ts;

insert into stg_events
select file_index, source_row, case_id, ts, status_raw, status_key, priority, null
from el_rows
where not ignored;

-- events at one instant are replayed in time, then event id order (e.g. BPIC 2014's
-- incident_activity_number), then file order
insert into stg_event_order
select file_index, source_row,
       row_number() over (partition by file_index
                          order by ts_k nulls last, order_key nulls first, source_row)
from el_rows
where not ignored;

insert into stg_skipped
select file_index, 'ignored_activity', count(*)
from el_rows
where ignored
group by file_index;

insert into stg_tickets
select file_index, source_row, case_id, created, priority, customer, assignee, team, title, null
from el_cases;

-- one row per case seen in the events: its first instant and latest attributes
create or replace temp table el_derived as
select case_id,
       arg_max(file_index, ord) as file_index,
       arg_max(source_row, ord) as source_row,
       arg_min(ts, ord) filter (where ts_k is not null) as created,
       arg_max(priority, ord) filter (where priority is not null) as priority,
       arg_max(customer, ord) filter (where customer is not null) as customer,
       arg_max(assignee, ord) filter (where assignee is not null) as assignee,
       arg_max(team, ord) filter (where team is not null) as team,
       arg_max(title, ord) filter (where title is not null) as title
from el_rows
where case_id is not null
group by case_id;

-- a case-file row keeps its values; what it lacks comes from the events
update stg_tickets
set priority_raw = coalesce(stg_tickets.priority_raw, d.priority),
    customer = coalesce(stg_tickets.customer, d.customer),
    assignee = coalesce(stg_tickets.assignee, d.assignee),
    team = coalesce(stg_tickets.team, d.team),
    title = coalesce(stg_tickets.title, d.title)
from el_derived d
where stg_tickets.ticket_id = d.case_id
  and stg_tickets.file_index in (select distinct file_index from el_cases);

-- the other cases: one derived ticket row, created at the first event (a case with no
-- readable time gets none: its events are quarantined for their time anyway)
insert into stg_tickets
select file_index + $derived, source_row, case_id, created, priority, customer, assignee, team,
       title, null
from el_derived
where created is not null
  and case_id not in (select case_id from el_cases where case_id is not null);
