-- One row per état reached by at least one of the filtered tickets: how many tickets reached
-- it and their visits (a ticket has one row per état visited, so count(*) counts tickets).
select etat::varchar as etat, tickets, visits
from (
    select d.etat, count(*) as tickets, sum(d.visits)::bigint as visits
    from marts.etat_durations d
    where d.visits > 0 and {keys_filter}
    group by d.etat
)
order by etat
