-- Rows of one import that cannot be used (grain: one row per rejected input row), with the
-- offending value as detail and the kind of row refused (tickets or events; a reader's reject
-- takes its file's kind, and a unit of a change history (Jira, Zendesk) counts as events: it
-- leaves a history incomplete). Inputs: the landing's temp tables, load_files.
create or replace temp table q_rows as
select file_index, source_row, ticket_id, reason,
       case reason when 'bad_created_at' then created_raw
                   when 'unknown_priority' then priority_raw end as detail,
       raw, 'tickets' as kind
from checked_tickets where reason is not null
union all
select file_index, source_row, ticket_id, outcome, null, raw, 'tickets'
from ticket_outcome where outcome = 'conflicting_ticket_row'
union all
select file_index, source_row, ticket_id, reason,
       case reason when 'bad_timestamp' then ts_raw
                   when 'unknown_status' then status_raw
                   when 'unknown_priority' then priority_raw end,
       raw, 'events'
from keyed_events where reason is not null
union all
select r.file_index, r.source_row, r.ticket_id, r.reason, r.detail, r.raw,
       case when f.kind = 'tickets' then 'tickets' else 'events' end
from stg_rejects r
left join load_files f using (file_index)
