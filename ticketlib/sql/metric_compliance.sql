-- One row per time bucket (local week or month of the period field) and group: decided clocks
-- and how many were met, for TTO and TTR.
select date_trunc($grain, {day_column}) as bucket,
       {group_expr} as grp,
       count(*) filter (where tto_status = 'met') as tto_met,
       count(*) filter (where tto_status in ('met', 'breached')) as tto_n,
       count(*) filter (where ttr_status = 'met') as ttr_met,
       count(*) filter (where ttr_status in ('met', 'breached')) as ttr_n,
       count(*) as tickets
from {ticket_sla_table}
where {where} and {day_column} is not null
group by all
order by bucket, grp
