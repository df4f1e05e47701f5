-- One row per breached or at-risk ticket (open ones first, then those whose TTR stopped in the
-- period): the clock concerned, its due instant, the overrun in business hours (negative: time
-- left), and the état that consumed most of that clock with its business hours: for TTR the
-- mart's ttr_consumed_by, for TTO ouvert (the only état where it runs, DESIGN §2).
with flagged as (
    select t.*,
           case when ttr_status in ('breached', 'at_risk') then 'ttr' else 'tto' end as clock
    from marts.ticket_sla t
    where {base}
      and (tto_status in ('breached', 'at_risk') or ttr_status in ('breached', 'at_risk'))
      and (not ttr_stopped or {period})
)
select f.ticket_id, f.title, f.customer, f.priority::varchar as priority,
       f.etat::varchar as etat, not f.ttr_stopped as is_open, upper(f.clock) as clock,
       case when f.clock = 'ttr' then f.ttr_status else f.tto_status end as clock_status,
       case when f.clock = 'ttr' then f.ttr_due_at else f.tto_due_at end as due_at,
       (case when f.clock = 'ttr' then f.ttr_elapsed_us - f.ttr_target_us
             else f.tto_elapsed_us - f.tto_target_us end) / 3.6e9 as overrun_h,
       f.assignee, f.team, f.created_at, f.resolved_at, f.ticket_key,
       case when f.clock = 'ttr' then f.ttr_consumed_by::varchar else 'ouvert' end
           as consumed_by,
       (case when f.clock = 'ttr' then f.ttr_consumed_us else f.tto_elapsed_us end) / 3.6e9
           as consumed_h
from flagged f
order by is_open desc, {order}, ticket_id
limit $limit
