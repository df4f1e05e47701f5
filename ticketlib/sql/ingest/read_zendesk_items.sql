-- One chg_items row per event of every Zendesk audit: field, kind (create/change), previous
-- and new value; $meta: the keys of a child event that are not a field (CHILD_META).
insert into chg_items
with events as (
    select file_index, unit_seq, loc, ticket_id, unit_id, ts_raw,
           unnest(il) as e, generate_subscripts(il, 1) as item_no
    from z_units where ticket_id is not null
), fields as (
    select *,
           coalesce(e->>'field_name',
                    case when json_exists(e, '$.status') then 'status'
                         when json_exists(e, '$.priority') then 'priority' end,
                    case when lower(e->>'event_type') in ('create', 'change')
                         then list_filter(json_keys(e), lambda k: not list_contains($meta, k))[1]
                    end,
                    e->>'type', e->>'event_type', '?') as field
    from events
)
select file_index, unit_seq, ticket_id, ts_raw, unit_id, item_no, field,
       lower(coalesce(e->>'type', e->>'event_type')), null, e->>'previous_value', null,
       case when json_exists(e, '$.field_name') then e->>'value'
            -- the field's value under its key, whatever characters the key holds (JSON
            -- Pointer, RFC 6901: ~ and / escaped)
            else json_extract_string(
                e, '/' || replace(replace(field, '~', '~0'), '/', '~1')) end,
       json_object('where', loc, 'ticket', ticket_id, 'audit', unit_id,
                   'created', ts_raw, 'event', e)::varchar
from fields
