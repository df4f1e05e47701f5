-- One row per breached clock (TTO or TTR) of the filtered tickets: target, elapsed and overrun in
-- business hours, due instant, and the état that consumed the clock: ouvert for TTO (it runs only
-- there), for TTR the mart's ttr_consumed_by (the état where the clock ran longest).
with filtered as (
    select * from marts.ticket_sla where {where}
), clocks as (
    select ticket_key, 'tto' as clock, tto_priority::varchar as clock_priority,
           tto_target_us as target_us, tto_elapsed_us as elapsed_us, tto_due_at as due_at,
           tto_stopped as stopped
    from filtered
    where tto_breached
    union all
    select ticket_key, 'ttr', ttr_priority::varchar, ttr_target_us, ttr_elapsed_us, ttr_due_at,
           ttr_stopped
    from filtered
    where ttr_breached
)
select f.ticket_id, f.title, f.priority::varchar as priority, f.etat::varchar as etat,
       c.clock, c.clock_priority, not c.stopped as is_open,
       c.target_us / 3.6e9 as target_h, c.elapsed_us / 3.6e9 as elapsed_h,
       (c.elapsed_us - c.target_us) / 3.6e9 as overrun_h, c.due_at,
       case when c.clock = 'tto' then 'ouvert' else f.ttr_consumed_by::varchar end as consumed_by,
       (case when c.clock = 'tto' then c.elapsed_us else f.ttr_consumed_us end) / 3.6e9
           as consumed_h,
       f.assignee, f.team, f.created_at, f.ticket_key
from clocks c
join filtered f using (ticket_key)
order by c.due_at, f.ticket_id, c.clock desc
limit $limit
