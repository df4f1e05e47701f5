-- Data tests of mart_etat_durations (see mart_ticket_sla.tests.sql). First line: the rule.
-- (ticket_key, etat) unique and not null
select ticket_key, etat, count(*) as n
from mart_etat_durations
group by ticket_key, etat
having count(*) > 1 or ticket_key is null or etat is null;

-- roles accepted; visits, wall and business times not negative, business within wall
select ticket_key, etat
from mart_etat_durations
where role not in ('run', 'pause', 'stop') or role is null
   or visits < 0 or wall_us < 0 or business_us < 0 or business_us > wall_us;

-- durations add up to as-of minus creation, per ticket
select d.ticket_key, sum(d.wall_us) as wall_us
from mart_etat_durations d
join mart_ticket_sla m using (ticket_key)
cross join replay_params p
group by d.ticket_key, m.created_at, p.as_of_us
having sum(d.wall_us) <> p.as_of_us - epoch_us(m.created_at);

-- every ticket of the SLA mart has durations, and no other
select coalesce(m.ticket_key, d.ticket_key) as ticket_key
from mart_ticket_sla m
full join (select distinct ticket_key from mart_etat_durations) d using (ticket_key)
where m.ticket_key is null or d.ticket_key is null;
