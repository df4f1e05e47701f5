-- The Jira units rejected (chg_rejects), skipped (chg_skipped: status definitions) and the
-- changelog totals they announce (chg_totals), from j_named (ingest/jira/reader.py).
insert into chg_rejects
select file_index, unit_seq, null,
       case when kind is null then 'malformed_row' else 'missing_ticket_id' end,
       loc || ': ' || case when kind is null
           then 'objet JSON non reconnu / unrecognised JSON object (clés/keys: '
                || case when json_type(u) = 'OBJECT' then array_to_string(json_keys(u), ', ')
                   else json_type(u) end || ')'
           else 'ni clé ni id de ticket / no issue key or id' end,
       left(u::varchar, 2000)
from j_named
where kind is null or (kind <> 'status_definition' and ticket_id is null);
insert into chg_skipped
select file_index, 'status_definition', count(*)
from j_named where kind = 'status_definition' group by all;
insert into chg_totals
select file_index, ticket_id,
       try_cast(case kind when 'issue' then u->>'$.changelog.total'
                          else u->>'total' end as bigint)
from j_named
where ticket_id is not null and kind in ('issue', 'page')
  and json_exists(u, case kind when 'issue' then '$.changelog.total' else '$.total' end)
