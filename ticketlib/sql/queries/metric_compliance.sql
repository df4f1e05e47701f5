-- One row per time bucket (local week or month of the period field) and group: decided clocks
-- and how many were met, for TTO and TTR. Grouped by priority, each clock counts under its own
-- priority, the one whose target judged it (DESIGN §2), like every compliance figure; the
-- `tickets` count follows the TTR clock's group.
with filtered as (
    select * from marts.ticket_sla where {where} and {day_column} is not null
), tto as (
    select date_trunc($grain, {day_column}) as bucket,
           {tto_group} as grp,
           count(*) filter (where tto_met) as tto_met,
           count(*) filter (where tto_decided) as tto_n
    from filtered
    group by all
), ttr as (
    select date_trunc($grain, {day_column}) as bucket,
           {ttr_group} as grp,
           count(*) filter (where ttr_met) as ttr_met,
           count(*) filter (where ttr_decided) as ttr_n,
           count(*) as tickets
    from filtered
    group by all
)
select coalesce(ttr.bucket, tto.bucket) as bucket,
       coalesce(ttr.grp, tto.grp) as grp,
       coalesce(tto.tto_met, 0) as tto_met,
       coalesce(tto.tto_n, 0) as tto_n,
       coalesce(ttr.ttr_met, 0) as ttr_met,
       coalesce(ttr.ttr_n, 0) as ttr_n,
       coalesce(ttr.tickets, 0) as tickets
from ttr
full join tto on tto.bucket = ttr.bucket and tto.grp is not distinct from ttr.grp
order by bucket, grp
