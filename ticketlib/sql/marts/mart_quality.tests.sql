-- Data tests of mart_quality (see mart_ticket_sla.tests.sql). First line: the rule.
-- ticket_key, ticket_id and flag not null, the ticket replayed
select q.ticket_key, q.flag
from mart_quality q
left join mart_ticket_sla m using (ticket_key)
where q.ticket_key is null or q.ticket_id is null or q.flag is null or m.ticket_key is null;
