-- One row per quarantined row (optionally of one reason and one import): where it came from,
-- why it was set aside, and the raw row as the export had it.
select import_id, file_name, row_number, ticket_id, reason, detail, raw
from quarantine
where ($reason is null or reason = $reason)
  and ($import_id is null or import_id = $import_id)
order by import_id desc, file_name, row_number
limit $limit
