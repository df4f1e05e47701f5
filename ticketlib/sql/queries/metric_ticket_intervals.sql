-- One ticket's état intervals in order: start and end instants, wall and business hours.
select start_ts, make_timestamp(end_us)::timestamptz as end_ts, etat::varchar as etat,
       wall_us / 3.6e9 as wall_h, bus_us / 3.6e9 as business_h, priority::varchar as priority,
       new_visit, is_creation
from marts.intervals
where ticket_key = $k
order by pos
