-- One row per Zendesk unit (an audit or a ticket event) of the files $ix, from json_docs
-- (ingest/zendesk/reader.py).
create or replace temp table z_units as
with parts as (
    select file_index, doc_no, loc,
           json_type(j) = 'ARRAY' or json_exists(j, '$.audits')
               or json_exists(j, '$.ticket_events') as container,
           case when json_type(j) = 'ARRAY' then json_extract(j, '$[*]')
                when json_exists(j, '$.audits') then json_extract(j, '$.audits[*]')
                when json_exists(j, '$.ticket_events')
                    then json_extract(j, '$.ticket_events[*]')
                when json_exists(j, '$.audit') then [j->'audit']
                else [j] end as l
    from json_docs where list_contains($ix, file_index)
), units as (
    select *, unnest(l) as u, generate_subscripts(l, 1) as part_no from parts
)
select row_number() over (order by file_index, doc_no, part_no) as unit_seq,
       file_index, loc || case when container then ' [' || part_no || ']' else '' end
           as loc,
       u, u->>'ticket_id' as ticket_id, u->>'id' as unit_id,
       case when json_type(u->'created_at') = 'VARCHAR' then u->>'created_at'
            when json_type(u->'timestamp') in ('UBIGINT', 'BIGINT', 'DOUBLE')
                then strftime(make_timestamp(((u->>'timestamp')::double * 1e6)::bigint),
                              '%Y-%m-%dT%H:%M:%SZ')
            else u->>'timestamp' end as ts_raw,
       case when json_type(u) <> 'OBJECT' then null
            when json_exists(u, '$.events') then json_extract(u, '$.events[*]')
            when json_exists(u, '$.child_events') then json_extract(u, '$.child_events[*]')
       end as il,
       json_type(u) = 'OBJECT' and json_exists(u, '$.ticket_id') as has_ticket
from units
