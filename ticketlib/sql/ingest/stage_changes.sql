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

-- one row per item with its instant and its history ("unit": a Jira history, a Zendesk
-- audit; copies of one history in several files are one unit), the unit's place in id order
-- (hkey: numeric id, id, missing ids last, then for a unit without id where it was read), and
-- for a status item the ends of its change as comparable keys (the source's id where it gives
-- one, else the folded name). A view: the items (raw JSON included) are copied once, below.
create or replace temp view chg_timed as
select i.*, try_cast(trim(i.ts_raw) as timestamptz) as t,
       coalesce(i.hist_id, '#' || i.file_index || ':' || i.unit_seq) as unit,
       struct_pack(no_n := try_cast(i.hist_id as bigint) is null,
                   n := coalesce(try_cast(i.hist_id as bigint), 0),
                   no_id := i.hist_id is null, id := coalesce(i.hist_id, ''),
                   f := case when i.hist_id is null then i.file_index end,
                   u := case when i.hist_id is null then i.unit_seq end,
                   hist_id := i.hist_id) as hkey,
       case when i.field = 'status' then coalesce(i.from_key, 'name:' || fold(i.from_name)) end
           as from_end,
       case when i.field = 'status' then coalesce(i.to_key, 'name:' || fold(i.to_name)) end
           as to_end
from chg_items i;

-- Events of one ticket at one instant follow the source's from→to chain (DESIGN §5.1), not
-- the history ids. Only where a ticket has status changes of several units at one instant
-- (a tie group, found first: rare, so the chain costs nothing elsewhere), each unit's change
-- being the from of its first status item and the to of its last. The units are walked from
-- the status in force before the instant: next comes the first unit (in id order) whose from is
-- the current status, else the first whose from is no other remaining unit's to (the head of a
-- chain), else the first remaining: a broken or cyclic chain goes on in id order. The units
-- then take, in chain order, the places (slots) they held in id order. Grain: one row per unit
-- of a tie group, with its slot's id (slot_n, slot_id: the id as ordered) and its place in the
-- chain (chain_pos: orders the units that have no id).
create or replace temp table chg_chain as
with recursive ties as (
    select ticket_id, t
    from chg_timed
    where field = 'status' and t is not null
    group by ticket_id, t
    having min(unit) <> max(unit)
), status_units as (
    -- every status change of the tickets that have a tie group, at any instant (the status in
    -- force before a group is the one the change before it left)
    select ticket_id, t, unit, any_value(hkey) as hkey,
           arg_min(from_end, item_no) as from_end, arg_max(to_end, item_no) as to_end
    from chg_timed
    where field = 'status' and t is not null and ticket_id in (select ticket_id from ties)
    group by ticket_id, t, unit
), groups as (
    select ticket_id, t,
           list(struct_pack(unit := unit, hkey := hkey, f := from_end, t := to_end)
                order by hkey) as units
    from status_units
    semi join ties using (ticket_id, t)
    group by ticket_id, t
), previous as (
    -- the status in force before a tie group: the to of the ticket's change at its latest
    -- earlier instant (of several there, the one whose to no other one leaves, else the last)
    select g.ticket_id, g.t,
           arg_max(s.to_end, (not exists (select 1 from status_units o
                                          where o.ticket_id = s.ticket_id and o.t = s.t
                                            and o.unit <> s.unit and o.from_end = s.to_end),
                              s.hkey)) as before
    from groups g
    join status_units s on s.ticket_id = g.ticket_id and s.t < g.t
    where s.t = (select max(e.t) from status_units e
                 where e.ticket_id = g.ticket_id and e.t < g.t)
    group by g.ticket_id, g.t
), walk as (
    select g.ticket_id, g.t, g.units, p.before as current,
           list_filter(list_transform(g.units, lambda u: u.unit), lambda x: false) as chosen
    from groups g
    left join previous p using (ticket_id, t)
    union all
    select ticket_id, t, units, pick.t, list_append(chosen, pick.unit)
    from (select w.*,
                 coalesce(
                     list_filter(w.rest, lambda u: u.f = w.current)[1],
                     list_filter(w.rest, lambda u: not list_bool_or(
                         list_transform(w.rest, lambda v: v.unit <> u.unit and v.t = u.f)))[1],
                     w.rest[1]) as pick
          from (select *, list_filter(units, lambda u: not list_contains(chosen, u.unit))
                              as rest
                from walk where len(chosen) < len(units)) w)
)
select ticket_id, t, unit, slot.n as slot_n, slot.hist_id as slot_id, chain_pos
from (select ticket_id, t, unnest(chosen) as unit,
             unnest(list_transform(units, lambda u: u.hkey)) as slot,
             unnest(range(1, len(units) + 1)) as chain_pos
      from walk
      where len(chosen) = len(units));

-- one row per item, in its ticket's order over all files of the import: time, history id
-- (in a tie group, the id of the slot its chain gives it), status before priority, position
create or replace temp table chg_ordered as
select i.* exclude (t, unit, hkey, from_end, to_end),
       row_number() over (partition by i.ticket_id
                          order by i.t nulls last,
                                   case when c.unit is null then try_cast(i.hist_id as bigint)
                                        else c.slot_n end nulls last,
                                   case when c.unit is null then i.hist_id else c.slot_id end,
                                   c.chain_pos nulls last,
                                   i.field = 'priority', i.file_index, i.unit_seq, i.item_no)
           as pos
from chg_timed i
left join chg_chain c on c.ticket_id = i.ticket_id and c.t = i.t and c.unit = i.unit;

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
