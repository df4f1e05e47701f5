-- One row per état: tickets that reached it (at least one visit) among the filtered tickets.
select d.etat::varchar as etat, count(distinct d.ticket_key) as tickets, sum(d.visits) as visits
from {etat_durations_table} d
where d.visits > 0 and d.ticket_key in (select ticket_key from {ticket_sla_table} where {where})
group by d.etat
order by d.etat
