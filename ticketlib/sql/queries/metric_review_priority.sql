-- One row per priority (no priority last) of the filtered tickets: decided clocks and how many
-- were met, business-time medians of the stopped clocks. Each clock counts under its own
-- priority, the one whose target judged it (DESIGN §2), as on every page; `tickets` and
-- `open_now` follow the TTR clock's priority.
with filtered as (
    select * from marts.ticket_sla where {where}
), tto as (
    select tto_priority as prio,
           count(*) filter (where tto_met) as tto_met,
           count(*) filter (where tto_decided) as tto_n,
           median(tto_elapsed_us) filter (where tto_stopped) / 3.6e9 as median_tto_h
    from filtered
    group by tto_priority
), ttr as (
    select ttr_priority as prio,
           count(*) as tickets,
           count(*) filter (where ttr_met) as ttr_met,
           count(*) filter (where ttr_decided) as ttr_n,
           median(ttr_elapsed_us) filter (where ttr_stopped) / 3.6e9 as median_ttr_h,
           count(*) filter (where not ttr_stopped) as open_now
    from filtered
    group by ttr_priority
)
select coalesce(ttr.prio, tto.prio)::varchar as priority,
       coalesce(ttr.tickets, 0) as tickets,
       coalesce(tto.tto_met, 0) as tto_met,
       coalesce(tto.tto_n, 0) as tto_n,
       coalesce(ttr.ttr_met, 0) as ttr_met,
       coalesce(ttr.ttr_n, 0) as ttr_n,
       tto.median_tto_h,
       ttr.median_ttr_h,
       coalesce(ttr.open_now, 0) as open_now
from ttr
full join tto on tto.prio is not distinct from ttr.prio
order by coalesce(ttr.prio, tto.prio) nulls last
