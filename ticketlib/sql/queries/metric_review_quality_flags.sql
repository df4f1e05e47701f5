-- One row per data-quality flag (optionally of one kind): the ticket, the flag, when and what.
select ticket_id, flag, flagged_at, detail
from marts.quality
where ($flag is null or flag = $flag)
order by ticket_id, flagged_at nulls first, flag
limit $limit
