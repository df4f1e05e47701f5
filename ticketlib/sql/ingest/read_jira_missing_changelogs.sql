-- One row per (file, ticket) of a Jira issue exported without `expand=changelog` and no
-- history elsewhere: only its current status is known (ingest/jira/reader.py).
select distinct file_index, ticket_id from j_named
where kind = 'issue' and ticket_id is not null and not json_exists(u, '$.changelog')
  and ticket_id not in (select ticket_id from chg_histories)
