-- One row per transition (from état -> to état) with its count among the filtered tickets.
select i.prev_etat::varchar as from_etat, i.etat::varchar as to_etat, count(*) as transitions,
       count(distinct i.ticket_key) as tickets
from {intervals_table} i
where i.new_visit and not i.is_creation and i.prev_etat is not null and {keys_filter}
group by all
order by transitions desc
