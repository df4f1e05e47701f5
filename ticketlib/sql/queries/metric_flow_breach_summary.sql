-- One row: how many tickets the breaches list holds, by kind (open breached, open at risk,
-- closed in the period after a breach), with the same selection as metric_flow_breaches.
select count(*) as total,
       count(*) filter (where not ttr_stopped
                          and (tto_breached or ttr_breached)) as open_breached,
       count(*) filter (where not ttr_stopped and not tto_breached
                          and not ttr_breached) as open_at_risk,
       count(*) filter (where ttr_stopped) as closed_breached,
       coalesce(sum(greatest(ttr_elapsed_us - ttr_target_us, 0))
                filter (where ttr_breached), 0) / 3.6e9 as ttr_overrun_h
from marts.ticket_sla
where {base}
  and (tto_status in ('breached', 'at_risk') or ttr_status in ('breached', 'at_risk'))
  and (not ttr_stopped or {period})
