-- One row per priority in force (no priority last) of the filtered tickets: decided clocks and
-- how many were met, business-time medians of the stopped clocks and the targets that applied.
with filtered as (
    select * from {ticket_sla_table} where {where}
), per_priority as (
    select priority as prio,
           count(*) as tickets,
           count(*) filter (where tto_status = 'met') as tto_met,
           count(*) filter (where tto_status in ('met', 'breached')) as tto_n,
           count(*) filter (where ttr_status = 'met') as ttr_met,
           count(*) filter (where ttr_status in ('met', 'breached')) as ttr_n,
           median(tto_elapsed_us) filter (where tto_stopped) / 3.6e9 as median_tto_h,
           median(ttr_elapsed_us) filter (where ttr_stopped) / 3.6e9 as median_ttr_h,
           count(*) filter (where not ttr_stopped) as open_now
    from filtered
    group by priority
)
select prio::varchar as priority, tickets, tto_met, tto_n, ttr_met, ttr_n,
       median_tto_h, median_ttr_h, open_now
from per_priority
order by prio nulls last
