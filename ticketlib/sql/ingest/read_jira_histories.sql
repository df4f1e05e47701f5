-- One chg_items row per item of every Jira history (chg_histories: one row per history),
-- with its history's time and id, from j_named (ingest/jira/reader.py).
create or replace temp table j_hist as
select file_index, unit_seq, loc, ticket_id, unnest(hl) as h
from (select *, case kind when 'issue' then json_extract(u, '$.changelog.histories[*]')
                          when 'page' then json_extract(u, '$.values[*]')
                          when 'bulk' then json_extract(u, '$.changeHistories[*]')
                          when 'wrapper' then [u->'history']
                          when 'history' then [u] end as hl
      from j_named where ticket_id is not null);
insert into chg_histories select distinct ticket_id, h->>'id' from j_hist;
insert into chg_items
with items as (
    select file_index, unit_seq, loc, ticket_id, h->>'id' as hist_id,
           case when json_type(h->'created') in ('UBIGINT', 'BIGINT', 'DOUBLE')
                then strftime(make_timestamp((case when (h->>'created')::double > 1e11
                                                   then (h->>'created')::double * 1e3
                                                   else (h->>'created')::double * 1e6
                                              end)::bigint), '%Y-%m-%dT%H:%M:%S.%gZ')
                else h->>'created' end as ts_raw,
           unnest(il) as it, generate_subscripts(il, 1) as item_no
    from (select *, json_extract(h, '$.items[*]') as il from j_hist)
)
select file_index, unit_seq, ticket_id, ts_raw, hist_id, item_no,
       case coalesce(it->>'fieldId', it->>'field')
            when 'status' then 'status' when 'priority' then 'priority'
            else coalesce(it->>'field', it->>'fieldId', '?') end,
       'change', it->>'from', it->>'fromString', it->>'to', it->>'toString',
       json_object('where', loc, 'ticket', ticket_id, 'history', hist_id,
                   'created', ts_raw, 'item', it)::varchar
from items
