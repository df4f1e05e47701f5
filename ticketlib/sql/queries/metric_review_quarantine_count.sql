-- One row: how many quarantined rows there are (optionally of one reason and one import).
select count(*) as rows
from quarantine
where ($reason is null or reason = $reason)
  and ($import_id is null or import_id = $import_id)
