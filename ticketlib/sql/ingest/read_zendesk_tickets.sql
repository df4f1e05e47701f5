-- One chg_tickets row per Zendesk ticket whose creation the file holds: its latest attribute
-- values ($f_customer, $f_assignee, $f_team, $f_title: the mapped field names).
insert into chg_tickets
with ordered as (
    select *, (try_cast(trim(ts_raw) as timestamptz), unit_seq, item_no) as o
    from chg_items
), tickets as (
    select file_index, ticket_id, min(unit_seq) as unit_seq,
           arg_min(ts_raw, o) filter (where kind = 'create') as created_raw,
           max(ts_raw) as updated_raw,
           arg_max_null(to_name, o) filter (where field = 'priority') as priority_raw,
           arg_max_null(to_name, o) filter (where field = $f_customer) as customer,
           arg_max_null(to_name, o) filter (where field = $f_assignee) as assignee,
           arg_max_null(to_name, o) filter (where field = $f_team) as team,
           arg_max_null(to_name, o) filter (where field = $f_title) as title
    from ordered
    group by file_index, ticket_id
)
select file_index, unit_seq, ticket_id, created_raw, updated_raw, null, null,
       priority_raw, customer, assignee, team, title,
       json_object('ticket', ticket_id, 'created', created_raw)::varchar
from tickets where created_raw is not null
