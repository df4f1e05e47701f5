-- Data tests of int_intervals (marts.intervals; see mart_ticket_sla.tests.sql). First line:
-- the rule.
-- (ticket_key, pos) unique and not null, positions 0..n-1
select ticket_key, count(*) as n, count(distinct pos) as positions, max(pos) as last
from int_intervals
group by ticket_key
having count(*) <> count(distinct pos) or max(pos) <> count(*) - 1 or ticket_key is null;

-- intervals ordered and within the as-of instant, business time within wall time
select i.ticket_key, i.pos
from int_intervals i, replay_params p
where i.start_us > i.end_us or i.end_us > p.as_of_us
   or i.bus_us < 0 or i.bus_us > i.wall_us or i.wall_us <> i.end_us - i.start_us;

-- roles accepted, the previous row's role with it
select ticket_key, pos, role, prev_role
from int_intervals
where role not in ('run', 'pause', 'stop') or role is null
   or (prev_etat is not null and prev_role is null) or (prev_etat is null and prev_role is not null);

-- one last interval per ticket, ending at the as-of instant
select i.ticket_key
from int_intervals i, replay_params p
group by i.ticket_key, p.as_of_us
having count(*) filter (where i.is_last) <> 1
    or max(i.end_us) filter (where i.is_last) <> p.as_of_us;
