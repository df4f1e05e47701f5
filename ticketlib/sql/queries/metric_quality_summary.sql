-- Per data-quality flag: how many flags and how many distinct tickets, most frequent first.
select flag, count(*) as flags, count(distinct ticket_id) as tickets
from marts.quality
group by all
order by flags desc, flag
