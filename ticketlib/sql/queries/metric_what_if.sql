-- One row per priority: compliance with the configured targets beside the same figures with
-- the what-if targets and at-risk share (statuses recomputed from the elapsed times). Open
-- counts follow metric_kpis: an open ticket is at risk only when neither clock is breached.
with t as (
    select priority, tto_priority, ttr_priority, tto_stopped, ttr_stopped, tto_elapsed_us,
           ttr_elapsed_us, tto_status, ttr_status,
           case tto_priority when 'haute' then $tto_haute when 'moyenne' then $tto_moyenne
                             else $tto_faible end as new_tto,
           case ttr_priority when 'haute' then $ttr_haute when 'moyenne' then $ttr_moyenne
                             else $ttr_faible end as new_ttr
    from {ticket_sla_table}
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
)
select ttr_priority::varchar as priority,
       count(*) filter (where tto_status = 'met') as tto_met,
       count(*) filter (where tto_status in ('met', 'breached')) as tto_n,
       count(*) filter (where new_tto_status = 'met') as new_tto_met,
       count(*) filter (where new_tto_status in ('met', 'breached')) as new_tto_n,
       count(*) filter (where ttr_status = 'met') as ttr_met,
       count(*) filter (where ttr_status in ('met', 'breached')) as ttr_n,
       count(*) filter (where new_ttr_status = 'met') as new_ttr_met,
       count(*) filter (where new_ttr_status in ('met', 'breached')) as new_ttr_n,
       count(*) filter (where not ttr_stopped and tto_status <> 'breached' and ttr_status <> 'breached'
                          and (tto_status = 'at_risk' or ttr_status = 'at_risk')) as at_risk_open,
       count(*) filter (where not ttr_stopped and new_tto_status <> 'breached'
                          and new_ttr_status <> 'breached'
                          and (new_tto_status = 'at_risk' or new_ttr_status = 'at_risk'))
           as new_at_risk_open,
       count(*) filter (where not ttr_stopped and (tto_status = 'breached' or ttr_status = 'breached')) as breached_open,
       count(*) filter (where not ttr_stopped and (new_tto_status = 'breached' or new_ttr_status = 'breached')) as new_breached_open
from s
group by all
order by priority
