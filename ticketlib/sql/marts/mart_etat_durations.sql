-- One row per ticket and état visited up to the as-of instant: visits, wall and business time,
-- and the état's clock role (run / pause / stop: cfg_roles, through int_intervals).
create or replace temp table mart_etat_durations as
select i.ticket_key, k.ticket_id, i.etat,
       count(*) filter (where i.new_visit) as visits,
       sum(i.wall_us)::bigint as wall_us,
       sum(i.bus_us)::bigint as business_us,
       any_value(i.role) as role
from int_intervals i
join tickets k using (ticket_key)
group by i.ticket_key, k.ticket_id, i.etat;
