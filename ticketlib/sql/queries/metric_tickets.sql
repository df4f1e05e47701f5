-- One row per filtered ticket: the ticket table every drill-down ends in.
select ticket_id, title, customer, priority::varchar as priority, etat::varchar as etat,
       created_at, team, assignee,
       tto_elapsed_us / 3.6e9 as tto_h, tto_target_us / 3.6e9 as tto_target_h, tto_status,
       ttr_elapsed_us / 3.6e9 as ttr_h, ttr_target_us / 3.6e9 as ttr_target_h, ttr_status,
       ttr_paused_us / 3.6e9 as paused_h, tto_due_at, ttr_due_at, reopens, resolved_at,
       closed_at, ticket_key
from marts.ticket_sla
where {where}
order by {order}
limit $limit
