-- One row per ticket that was in état $etat at the end of local day $day (the backlog chart's
-- drill-down, same rule as metric_backlog): an interval in that état started before the next
-- local midnight and had not ended by then, or is the ticket's last one.
with edge as (
    select epoch_us(timezone($tz, ($day + interval 1 day)::timestamp)) as t_us
)
select distinct i.ticket_key
from marts.intervals i, edge
where i.etat::varchar = $etat
  and i.start_us < edge.t_us
  and (i.is_last or i.end_us >= edge.t_us)
