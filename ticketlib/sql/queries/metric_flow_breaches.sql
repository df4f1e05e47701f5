-- One row per breached or at-risk ticket (open ones first, then those whose TTR stopped in the
-- period): the clock concerned, its due instant, the overrun in business hours (negative: time
-- left), and the état that consumed most of that clock with its business hours (worked out for
-- the listed rows only, after the sort and the limit).
with flagged as (
    select t.*,
           case when ttr_status in ('breached', 'at_risk') then 'ttr' else 'tto' end as clock
    from {ticket_sla_table} t
    where {base}
      and (tto_status in ('breached', 'at_risk') or ttr_status in ('breached', 'at_risk'))
      and (not ttr_stopped or {period})
), listed as materialized (
    select f.ticket_id, f.title, f.customer, f.priority::varchar as priority,
           f.status::varchar as status, not f.ttr_stopped as is_open, upper(f.clock) as clock,
           case when f.clock = 'ttr' then f.ttr_status else f.tto_status end as clock_status,
           case when f.clock = 'ttr' then f.ttr_due_at else f.tto_due_at end as due_at,
           (case when f.clock = 'ttr' then f.ttr_elapsed_us - f.ttr_target_us
                 else f.tto_elapsed_us - f.tto_target_us end) / 3.6e9 as overrun_h,
           f.assignee, f.team, f.created_at, f.resolved_at, f.ticket_key,
           f.priority as priority_order, f.clock as clock_code
    from flagged f
    order by is_open desc, {order}, ticket_id
    limit $limit
), ttr_consumer as (
    -- TTR counts in every état but the pause ones, resolu and ferme; TTO only in ouvert
    select d.ticket_key, arg_max(d.etat, d.business_us)::varchar as etat,
           max(d.business_us) as business_us
    from {etat_durations_table} d
    where d.ticket_key in (select ticket_key from listed where clock_code = 'ttr')
      and d.etat not in ('resolu', 'ferme') and d.etat::varchar not in (select unnest($pause))
    group by d.ticket_key
), tto_consumer as (
    select d.ticket_key, 'ouvert' as etat, d.business_us
    from {etat_durations_table} d
    where d.ticket_key in (select ticket_key from listed where clock_code = 'tto')
      and d.etat = 'ouvert'
), consumers as (
    select * from ttr_consumer
    union all
    select * from tto_consumer
)
select l.* exclude (priority_order, clock_code),
       c.etat as consumed_by, c.business_us / 3.6e9 as consumed_h
from listed l
left join consumers c using (ticket_key)
order by is_open desc, {order}, ticket_id
