-- One row per data-quality flag: the `quality` command's columns.
select ticket_id, flag, flagged_at, detail
from mart_quality
order by ticket_id, flagged_at nulls first, flag, detail
