-- One row per ticket: both clocks with their elapsed business time, target and priority used.
create or replace temp table int_clock_targets as
select c.* exclude (marks, role),
       p.priority_now,
       p.priority_first,
       p.priority_changed,
       coalesce(p.tto_priority, r.default_priority) as tto_priority,
       coalesce(p.ttr_priority, r.default_priority) as ttr_priority,
       p.tto_priority is null or p.ttr_priority is null as default_priority_used,
       c.tto_stop_at is not null as tto_stopped,
       c.role = 'stop' as ttr_stopped,
       coalesce(c.tto_stop_b_us, r.as_of_b_us) - c.created_b_us as tto_elapsed_us,
       tto.tto_us as tto_target_us,
       ttr.ttr_us as ttr_target_us
from int_ticket_clocks c
join int_clock_priority p using (ticket_key)
cross join replay_params r
join cfg_targets tto on tto.priority = coalesce(p.tto_priority, r.default_priority)
join cfg_targets ttr on ttr.priority = coalesce(p.ttr_priority, r.default_priority);
