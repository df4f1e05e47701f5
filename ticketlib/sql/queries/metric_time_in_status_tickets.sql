-- Time in status drill-down: the filtered tickets that spent time in état $etat, with their
-- business and wall hours there (all visits summed) and their visits, longest first.
select m.ticket_id, m.title, m.customer, m.priority::varchar as priority,
       m.etat::varchar as etat, m.created_at, m.team, m.assignee,
       d.visits as state_visits, d.business_us / 3.6e9 as state_business_h,
       d.wall_us / 3.6e9 as state_wall_h, m.ttr_status, m.resolved_at, m.ticket_key
from marts.etat_durations d
join marts.ticket_sla m using (ticket_key)
where d.etat = $etat and d.visits > 0 and {where}
order by d.business_us desc, m.ticket_id
limit $limit
