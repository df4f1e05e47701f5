-- One chg_tickets row per Jira issue that names its ticket; the attributes placeholder: the mapped
-- attribute columns, built by jira/reader._attribute_sql (JSON paths as bound parameters).
insert into chg_tickets
select file_index, unit_seq, ticket_id, u->>'$.fields.created', u->>'$.fields.updated',
       u->>'$.fields.status.id', u->>'$.fields.status.name', u->>'$.fields.priority.name',
       {attributes},
       json_object('where', loc, 'key', issue_key, 'id', issue_id,
                   'created', u->>'$.fields.created',
                   'priority', u->>'$.fields.priority.name')::varchar
from j_named where kind = 'issue' and ticket_id is not null
