-- Staging rows from change histories (Jira changelogs, Zendesk audits). Grain: one staged row
-- per ticket and file (ticket row), per history item read (event, or skipped when not a status
-- or priority change), per ticket's status at creation (event), per rejected unit.
-- Inputs, filled by the format reader: chg_tickets, chg_items, chg_rejects, chg_skipped,
-- chg_totals, chg_histories; vocab_status. Parameter ns: the namespace of the source's status
-- keys (e.g. 'jira:'), so that two sources never share a spelling.

-- the ticket row kept per ticket and file: the latest update (the later copy on ties)
create or replace temp table chg_ticket_pick as
select *,
       row_number() over (partition by file_index, ticket_id
                          order by try_cast(trim(updated_raw) as timestamptz) desc nulls last,
                                   unit_seq desc) = 1 as kept
from chg_tickets;

-- one row per item, in its ticket's order over all files of the import: time, history id,
-- status before priority, position
create or replace temp table chg_ordered as
select i.*,
       row_number() over (partition by i.ticket_id
                          order by try_cast(trim(i.ts_raw) as timestamptz) nulls last,
                                   try_cast(i.hist_id as bigint) nulls last, i.hist_id,
                                   i.field = 'priority', i.file_index, i.unit_seq, i.item_no)
           as pos
from chg_items i;

-- per ticket: the status and priority it had at creation, when that was, and the file whose
-- rows carry that event (the file of its latest ticket row, else of its earliest item)
create or replace temp table chg_start as
with items as (
    select ticket_id,
           arg_min(file_index, pos) as first_file,
           arg_min(ts_raw, pos) as earliest_ts,
           arg_min(struct_pack(k := from_key, n := from_name), pos)
               filter (where field = 'status') as first_from,
           bool_or(field = 'status' and kind = 'create') as has_create,
           count(*) filter (where field = 'priority') > 0 as has_priority_change,
           arg_min(from_name, pos) filter (where field = 'priority') as first_priority_from
    from chg_ordered
    group by ticket_id
), latest as (
    select * from chg_ticket_pick
    where kept
    qualify row_number() over (partition by ticket_id
                               order by try_cast(trim(updated_raw) as timestamptz) desc nulls last,
                                        file_index) = 1
), joined as (
    select coalesce(i.ticket_id, t.ticket_id) as ticket_id,
           coalesce(t.file_index, i.first_file) as file_index,
           coalesce(nullif(trim(t.created_raw), ''), i.earliest_ts) as ts_raw,
           case when i.first_from is not null then i.first_from
                else struct_pack(k := t.status_key, n := t.status_name) end as status,
           i.first_from is not null as from_first_change,
           case when i.has_priority_change then i.first_priority_from
                else t.priority_raw end as priority_raw,
           coalesce(i.has_create, false) as has_create
    from items i
    full join latest t using (ticket_id)
)
select *,
       not has_create and ts_raw is not null
           and coalesce(status.k, status.n) is not null as emitted
from joined;

-- where each ticket is first seen in each file: rows are numbered ticket by ticket
create or replace temp table chg_first as
select file_index, ticket_id, min(unit_seq) as first_unit
from (select file_index, ticket_id, unit_seq from chg_ticket_pick
      union all select file_index, ticket_id, unit_seq from chg_items)
group by all;

-- every staged row of these files, numbered in file order: ticket by ticket (first seen
-- first), its ticket row, its status at creation, then its items in order
create or replace temp table chg_rows as
with walk as (
    select o.*,
           last_value(case when o.field = 'status'
                           then struct_pack(k := o.to_key, n := o.to_name) end ignore nulls)
               over (partition by o.ticket_id order by o.pos
                     rows between unbounded preceding and 1 preceding) as status_before
    from chg_ordered o
), vocab as (
    select distinct folded from vocab_status
), rows as (
    select t.file_index, t.ticket_id, f.first_unit, 0 as grp, t.unit_seq as pos,
           case when t.kept then 'ticket' else 'skipped' end as what,
           case when not t.kept then 'repeated_issue' end as reason,
           t.created_raw, t.priority_raw, t.customer, t.assignee, t.team, t.title,
           null as ts_raw, null as status_k, null as status_n, t.raw, null as detail
    from chg_ticket_pick t
    join chg_first f using (file_index, ticket_id)
    union all
    select s.file_index, s.ticket_id, f.first_unit, 1, 0, 'event', null, null, s.priority_raw,
           null, null, null, null, s.ts_raw, s.status.k, s.status.n,
           json_object('ticket', s.ticket_id, 'row', 'status at creation',
                       'rule', case when s.from_first_change
                                    then 'from of the first status change'
                                    else 'current status' end)::varchar,
           null
    from chg_start s
    join chg_first f using (file_index, ticket_id)
    where s.emitted
    union all
    select w.file_index, w.ticket_id, f.first_unit, 2, w.pos,
           case when w.field = 'status' or (w.field = 'priority' and w.to_name is not null)
                then 'event' else 'skipped' end,
           case when w.field = 'priority' and w.to_name is null then 'priority_cleared'
                when w.field not in ('status', 'priority') then 'other_field' end,
           null,
           case when w.field = 'priority' then w.to_name end,
           null, null, null, null, w.ts_raw,
           case when w.field = 'status' then w.to_key
                else coalesce(w.status_before, s.status).k end,
           case when w.field = 'status' then w.to_name
                else coalesce(w.status_before, s.status).n end,
           w.raw, null
    from walk w
    join chg_start s using (ticket_id)
    join chg_first f on f.file_index = w.file_index and f.ticket_id = w.ticket_id
    union all
    select file_index, ticket_id, unit_seq, 0, 0, 'reject', reason, null, null, null, null, null,
           null, null, null, null, raw, detail
    from chg_rejects
)
select r.*,
       row_number() over (partition by r.file_index
                          order by r.first_unit, r.ticket_id nulls first, r.grp, r.pos,
                                   r.detail) as source_row,
       coalesce(r.status_n, r.status_k) as status_raw,
       case when v.folded is not null then $ns || r.status_k
            else $ns || coalesce(r.status_n, r.status_k) end as status_key
from rows r
left join vocab v on v.folded = fold($ns || r.status_k);

insert into stg_tickets
select file_index, source_row, ticket_id, created_raw, priority_raw, customer, assignee, team,
       title, raw
from chg_rows where what = 'ticket';

insert into stg_events
select file_index, source_row, ticket_id, ts_raw, status_raw, status_key, priority_raw, raw
from chg_rows where what = 'event';

insert into stg_rejects
select file_index, source_row, ticket_id, reason, detail, raw
from chg_rows where what = 'reject';

insert into stg_skipped
select file_index, reason, count(*) from chg_rows where what = 'skipped' group by all
union all
select file_index, reason, sum(n)::bigint from chg_skipped group by all;

-- a changelog with fewer histories in the whole import than its export declared
create or replace temp table chg_truncated as
with present as (
    select ticket_id, count(distinct hist_id) as n from chg_histories group by ticket_id
), declared as (
    select ticket_id, max(declared) as m from chg_totals group by ticket_id
)
select d.ticket_id, coalesce(p.n, 0) as present, d.m as declared
from declared d
left join present p using (ticket_id)
where coalesce(p.n, 0) < d.m;

insert into stg_flags
select ticket_id, 'changelog_truncated', present || ' of ' || declared || ' histories'
from chg_truncated;
