-- One row per ticket: the `sla` command's columns exactly as DESIGN §5.3 names them.
select ticket_id, priority::varchar as priority, created_at, etat::varchar as status,
       tto_elapsed_us // 1000000 as tto_elapsed_s,
       tto_target_us // 1000000 as tto_target_s,
       tto_status,
       ttr_elapsed_us // 1000000 as ttr_elapsed_s,
       ttr_paused_us // 1000000 as ttr_paused_s,
       ttr_target_us // 1000000 as ttr_target_s,
       ttr_status,
       tto_due_at, ttr_due_at, reopens, ttr_ever_breached,
       first_resolved_at, resolved_at, closed_at
from mart_ticket_sla
order by ticket_id
