-- Reading ServiceNow incident exports into the staging tables (servicenow.py).
-- Inputs: sn_src (grain: one row per file row read, text fields, layout 'audit' or 'snapshot'),
-- sn_state_codes, sn_hold_codes, sn_invalid, vocab_status. Parameters: ns (the vocabulary
-- namespace), derived (the index offset of derived entries, logs.DERIVED_OFFSET).

-- one row per file row: the state as shown (coded states named, On Hold with its reason) and
-- its vocabulary key ("On Hold/<reason>" falls back to "On Hold" when the mapping lacks it)
create or replace temp table sn_named as
with named as (
    select s.*, coalesce(c.name, s.state) as state_name, coalesce(h.name, s.hold_reason) as hold_name
    from sn_src s
    left join sn_state_codes c on c.code = s.state
    left join sn_hold_codes h on h.code = s.hold_reason
), shown as (
    select *,
           case when hold_name is not null and fold(state_name) = 'on hold'
                then state_name || '/' || hold_name else state_name end as status_raw
    from named
), known as (
    select distinct folded from vocab_status
)
select s.*,
       $ns || ':' || case when k.folded is null and s.status_raw <> s.state_name
                          then s.state_name else s.status_raw end as status_key,
       coalesce(fold(s.state) in (select folded from sn_invalid), false) as invalid
from shown s
left join known k on k.folded = fold($ns || ':' || s.status_raw);

-- one row per distinct timestamp text: a key that orders it (the UTC instant when the text
-- has an offset, else the wall time). It only orders the rows of one ticket, which share one
-- style, and compares them with its creation: the landing parses every text exactly.
create or replace temp table sn_ts as
select s, coalesce(ts_fast(s)::timestamp, ts_wall(ts_fields(s))) as k
from (select updated from sn_src union select opened from sn_src
      union select resolved from sn_src union select closed from sn_src) t(s)
where s is not null;

-- AUDIT LOG (one row per update). Grain: one row per file row, with its outcome:
-- event (the state or the priority differs from the previous usable update of the incident,
-- ordered by update time, then update number, then file order), skip, or reject. An update
-- logged before the incident's opened_at is an event like any other (DESIGN §5.1: it sets the
-- état at creation; the replay flags the ticket).
create or replace temp table sn_audit as
with keyed as (
    select n.*, u.k as updated_k, try_cast(n.mod_count as bigint) as mod_n
    from sn_named n
    left join sn_ts u on u.s = n.updated
    where n.layout = 'audit'
), checked as (
    select *, case when invalid then 'invalid_state' end as reject
    from keyed
), sequenced as (
    select file_index, source_row,
           row_number() over w as n,
           lag(fold(status_raw)) over w as prev_status,
           last_value(priority ignore nulls)
               over (w rows between unbounded preceding and 1 preceding) as prev_priority
    from checked
    where reject is null and ticket_id is not null and status_raw is not null
      and updated_k is not null
    window w as (partition by ticket_id order by updated_k, mod_n nulls first, file_index,
                 source_row)
)
select c.*,
       case when c.reject is not null then 'reject'
            -- an incomplete row (no id, state or readable time): the landing says why
            when s.n is null then 'event'
            when s.n = 1 or fold(c.status_raw) <> s.prev_status then 'event'
            when c.priority is not null and c.priority is distinct from s.prev_priority
                then 'event'
            else 'skip'
       end as outcome,
       row_number() over (partition by c.ticket_id
                          order by c.updated_k nulls first, c.mod_n nulls first, c.file_index,
                                   c.source_row) as ord
from checked c
left join sequenced s using (file_index, source_row);

insert into stg_events
select file_index, source_row, ticket_id, updated, status_raw, status_key, priority, null
from sn_audit
where outcome = 'event';

-- events at one instant are replayed in update order (time, update number), not file order
insert into stg_event_order
select file_index, source_row,
       row_number() over (partition by file_index
                          order by updated_k nulls last, mod_n nulls first, source_row)
from sn_audit
where outcome = 'event';

insert into stg_rejects
select file_index, source_row, ticket_id, reject, 'incident_state ' || state, null
from sn_audit
where outcome = 'reject';

insert into stg_skipped
select file_index, 'no_state_change', count(*)
from sn_audit
where outcome = 'skip'
group by file_index;

-- one ticket row per incident (derived entry of the file holding its latest update): created
-- at opened_at, each attribute at its latest known value
insert into stg_tickets
select arg_max(file_index, ord) + $derived, arg_max(source_row, ord), ticket_id,
       arg_max(opened, ord) filter (where opened is not null),
       arg_max(priority, ord) filter (where priority is not null),
       arg_max(customer, ord) filter (where customer is not null),
       arg_max(assignee, ord) filter (where assignee is not null),
       arg_max(team, ord) filter (where team is not null),
       arg_max(title, ord) filter (where title is not null),
       null
from sn_audit
where ticket_id is not null
group by ticket_id;

-- SNAPSHOT (one row per incident, no history): the row is the ticket row.
insert into stg_tickets
select file_index, source_row, ticket_id, opened, priority, customer, assignee, team, title, null
from sn_named
where layout = 'snapshot';

-- Its events are derived (grain: one row per derived step): 1 resolution at resolved_at,
-- 2 closure at closed_at, 3 the current state at the last update when neither carries it
-- (New alone derives nothing: the ticket is ouvert from opened_at). The current state is the
-- last word: a step after it is dropped and flagged (dates re-written by hand), a step at
-- the same instant as a later one is folded into it.
create or replace temp table sn_steps as
with etats as (
    select folded, any_value(etat) as etat from vocab_status group by folded
), snap as (
    select n.*, e.etat, u.k as updated_k, r.k as resolved_k, c.k as closed_k
    from sn_named n
    left join etats e on e.folded = fold(n.status_key)
    left join sn_ts u on u.s = n.updated
    left join sn_ts r on r.s = n.resolved
    left join sn_ts c on c.s = n.closed
    where n.layout = 'snapshot'
), steps as (
    select file_index, source_row, ticket_id, 1 as step, 'resolved_at' as field,
           resolved as ts, resolved_k as k,
           case when etat = 'resolu' then status_raw else 'Resolved' end as status_raw,
           case when etat = 'resolu' then status_key else $ns || ':Resolved' end as status_key,
           etat = 'resolu' as is_current
    from snap where resolved is not null
    union all
    select file_index, source_row, ticket_id, 2, 'closed_at', closed, closed_k,
           case when etat = 'ferme' then status_raw else 'Closed' end,
           case when etat = 'ferme' then status_key else $ns || ':Closed' end,
           etat = 'ferme'
    from snap where closed is not null
    union all
    select file_index, source_row, ticket_id, 3, 'sys_updated', updated, updated_k, status_raw,
           status_key, true
    from snap
    where not (etat = 'resolu' and resolved is not null)
      and not (etat = 'ferme' and closed is not null)
      and (etat is distinct from 'ouvert' or resolved is not null or closed is not null)
), judged as (
    select *,
           max(case when is_current then k end) over (partition by file_index, source_row)
               as current_k,
           max(step) over (partition by file_index, source_row, k) as top_step_at_k
    from steps
)
select *,
       case when is_current or k is null or current_k is null then 'keep'
            when k > current_k then 'after_current'
            when k = current_k or step < top_step_at_k then 'same_instant'
            else 'keep'
       end as fate
from judged;

insert into stg_events
select file_index + $derived, source_row, ticket_id, ts, status_raw, status_key, null, null
from sn_steps
where fate = 'keep';

insert into stg_flags
select s.ticket_id, 'snapshot_dates_inconsistent',
       s.field || ' ' || s.ts || ' > ' || c.field || ' ' || c.ts
           || ' : ignoré, l''état actuel prime / ignored, the current state prevails'
from sn_steps s
join sn_steps c on c.file_index = s.file_index and c.source_row = s.source_row and c.is_current
where s.fate = 'after_current';
