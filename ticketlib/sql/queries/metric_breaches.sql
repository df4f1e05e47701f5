-- One row per breached or at-risk ticket (open ones, then those closed in the period): the
-- clock concerned, its due instant, the overrun in business hours and the état that consumed
-- most of the clock.
with flagged as (
    select t.*,
           case when ttr_status in ('breached', 'at_risk') then 'ttr' else 'tto' end as clock
    from {ticket_sla_table} t
    where {base}
      and (tto_status in ('breached', 'at_risk') or ttr_status in ('breached', 'at_risk'))
      and (not ttr_stopped or {period})
)
select f.ticket_id, f.title, f.customer, f.priority::varchar as priority,
       f.etat::varchar as etat, not f.ttr_stopped as is_open, f.clock,
       case when f.clock = 'ttr' then f.ttr_status else f.tto_status end as clock_status,
       case when f.clock = 'ttr' then f.ttr_due_at else f.tto_due_at end as due_at,
       (case when f.clock = 'ttr' then f.ttr_elapsed_us - f.ttr_target_us
             else f.tto_elapsed_us - f.tto_target_us end) / 3.6e9 as overrun_h,
       f.ttr_consumed_by::varchar as consumed_by, f.assignee, f.team, f.created_at, f.ticket_key
from flagged f
order by is_open desc, clock_status = 'breached' desc, due_at
limit $limit
