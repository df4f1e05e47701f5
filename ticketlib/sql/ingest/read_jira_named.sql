-- One row per Jira unit with the ticket it names (ticket_id: the issue key, or its id when
-- $by = 'id'), from j_units (ingest/jira/reader.py).
create or replace temp table j_named as
with refs as (
    select *,
           case when kind = 'issue' then u->>'key'
                else coalesce(u->>'issueKey', u->>'issue_key', u->>'key',
                              u->>'$.issue.key', u->>'$.issue.issueKey',
                              ctx->>'issueKey', ctx->>'issue_key', ctx->>'key', name_key)
           end as issue_key,
           case when kind = 'issue' then u->>'id'
                else coalesce(u->>'issueId', u->>'issue_id', u->>'$.issue.id',
                              u->>'$.issue.issue_id', u->>'$.issue.issueId',
                              ctx->>'issueId', ctx->>'issue_id', ctx->>'id')
           end as issue_id
    from j_units
), keys as (
    select issue_id, any_value(issue_key) as key_of_id
    from refs where kind = 'issue' and issue_id is not null and issue_key is not null
    group by issue_id
)
select r.*,
       case when $by = 'id' then coalesce(r.issue_id, r.issue_key)
            else coalesce(r.issue_key, k.key_of_id, r.issue_id) end as ticket_id
from refs r left join keys k using (issue_id)
