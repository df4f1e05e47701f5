-- One ticket's time per état: visits, wall and business hours.
select etat::varchar as etat, visits, wall_us / 3.6e9 as wall_h, business_us / 3.6e9 as business_h
from marts.etat_durations
where ticket_key = $k
order by etat
