-- One ticket's data-quality flags, oldest first.
select flag, flagged_at, detail
from marts.quality
where ticket_key = $k
order by flagged_at nulls first, flag
