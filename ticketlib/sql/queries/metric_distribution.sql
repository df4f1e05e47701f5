-- One row per priority and bin of business hours: decided clocks of the filtered tickets,
-- binned in SQL so a million tickets draw as a few hundred bars.
select {priority_column}::varchar as priority,
       floor(least({elapsed} / 3.6e9, $cap_h) / $bin_h) * $bin_h as hours,
       count(*) as tickets
from marts.ticket_sla
where {where} and {stopped}
group by all
order by priority, hours
