-- One row per ticket and état visited: the `durations` command's columns (DESIGN §5.3).
select ticket_id, etat::varchar as etat, visits,
       wall_us // 1000000 as wall_s,
       business_us // 1000000 as business_s
from mart_etat_durations
order by ticket_id, etat
