-- One row per priority: compliance with the configured targets beside the same figures with
-- the what-if targets and at-risk share (statuses recomputed from the elapsed times). Each
-- clock counts under its own priority (tto_priority, ttr_priority), like every compliance
-- figure; the open counts follow the TTR clock's priority and metric_kpis: an open ticket is
-- at risk only when neither clock is breached.
with t as (
    select tto_priority, ttr_priority, tto_stopped, ttr_stopped, tto_elapsed_us,
           ttr_elapsed_us, tto_status, ttr_status, tto_met, tto_decided, ttr_met, ttr_decided,
           tto_breached, ttr_breached,
           case tto_priority when 'haute' then $tto_haute when 'moyenne' then $tto_moyenne
                             else $tto_faible end as new_tto,
           case ttr_priority when 'haute' then $ttr_haute when 'moyenne' then $ttr_moyenne
                             else $ttr_faible end as new_ttr
    from marts.ticket_sla
    where {where}
), s as (
    select *,
           case when tto_elapsed_us > new_tto then 'breached' when tto_stopped then 'met'
                when tto_elapsed_us >= $at_risk * new_tto then 'at_risk' else 'running' end
               as new_tto_status,
           case when ttr_elapsed_us > new_ttr then 'breached' when ttr_stopped then 'met'
                when ttr_elapsed_us >= $at_risk * new_ttr then 'at_risk' else 'running' end
               as new_ttr_status
    from t
), tto as (
    select tto_priority as priority,
           count(*) filter (where tto_met) as tto_met,
           count(*) filter (where tto_decided) as tto_n,
           count(*) filter (where new_tto_status = 'met') as new_tto_met,
           count(*) filter (where new_tto_status in ('met', 'breached')) as new_tto_n
    from s
    group by all
), ttr as (
    select ttr_priority as priority,
           count(*) filter (where ttr_met) as ttr_met,
           count(*) filter (where ttr_decided) as ttr_n,
           count(*) filter (where new_ttr_status = 'met') as new_ttr_met,
           count(*) filter (where new_ttr_status in ('met', 'breached')) as new_ttr_n,
           count(*) filter (where not ttr_stopped and not tto_breached
                              and not ttr_breached
                              and (tto_status = 'at_risk' or ttr_status = 'at_risk'))
               as at_risk_open,
           count(*) filter (where not ttr_stopped and new_tto_status <> 'breached'
                              and new_ttr_status <> 'breached'
                              and (new_tto_status = 'at_risk' or new_ttr_status = 'at_risk'))
               as new_at_risk_open,
           count(*) filter (where not ttr_stopped
                              and (tto_breached or ttr_breached))
               as breached_open,
           count(*) filter (where not ttr_stopped
                              and (new_tto_status = 'breached' or new_ttr_status = 'breached'))
               as new_breached_open
    from s
    group by all
)
select coalesce(ttr.priority, tto.priority)::varchar as priority,
       coalesce(tto.tto_met, 0) as tto_met,
       coalesce(tto.tto_n, 0) as tto_n,
       coalesce(tto.new_tto_met, 0) as new_tto_met,
       coalesce(tto.new_tto_n, 0) as new_tto_n,
       coalesce(ttr.ttr_met, 0) as ttr_met,
       coalesce(ttr.ttr_n, 0) as ttr_n,
       coalesce(ttr.new_ttr_met, 0) as new_ttr_met,
       coalesce(ttr.new_ttr_n, 0) as new_ttr_n,
       coalesce(ttr.at_risk_open, 0) as at_risk_open,
       coalesce(ttr.new_at_risk_open, 0) as new_at_risk_open,
       coalesce(ttr.breached_open, 0) as breached_open,
       coalesce(ttr.new_breached_open, 0) as new_breached_open
from ttr
full join tto on tto.priority is not distinct from ttr.priority
order by priority
