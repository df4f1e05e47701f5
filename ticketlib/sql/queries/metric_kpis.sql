-- One row: the overview's KPIs for the filtered tickets. Compliance = met / decided, from the
-- mart's per-clock columns (decided = met + breached). Backlog figures ignore the period.
select count(*) filter (where {period}) as tickets,
       count(*) filter (where {period} and tto_met) as tto_met,
       count(*) filter (where {period} and tto_breached) as tto_breached,
       count(*) filter (where {period} and ttr_met) as ttr_met,
       count(*) filter (where {period} and ttr_breached) as ttr_breached,
       median(tto_elapsed_us) filter (where {period} and tto_stopped) / 3.6e9 as median_tto_h,
       median(ttr_elapsed_us) filter (where {period} and ttr_stopped) / 3.6e9 as median_ttr_h,
       count(*) filter (where not ttr_stopped) as open_backlog,
       count(*) filter (where not ttr_stopped
                          and (tto_breached or ttr_breached)) as breached_open,
       count(*) filter (where not ttr_stopped and not tto_breached
                          and not ttr_breached
                          and (tto_status = 'at_risk' or ttr_status = 'at_risk')) as at_risk_open
from marts.ticket_sla
where {base}
