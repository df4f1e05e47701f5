-- Rows of one import that cannot be used (grain: one row per rejected input row), with the
-- offending value as detail. Inputs: the landing's temp tables.
create or replace temp table q_rows as
select file_index, source_row, ticket_id, reason,
       case reason when 'bad_created_at' then created_raw
                   when 'unknown_priority' then priority_raw end as detail,
       raw
from checked_tickets where reason is not null
union all
select file_index, source_row, ticket_id, outcome, null, raw
from ticket_outcome where outcome in ('conflicting_ticket_row', 'created_after_events')
union all
select file_index, source_row, ticket_id, reason,
       case reason when 'bad_timestamp' then ts_raw
                   when 'unknown_status' then status_raw
                   when 'unknown_priority' then priority_raw
                   when 'event_before_creation' then
                       strftime(ts, '%Y-%m-%dT%H:%M:%SZ') || ' < '
                       || strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') end,
       raw
from keyed_events where reason is not null
union all
select file_index, source_row, ticket_id, reason, detail, raw from stg_rejects
