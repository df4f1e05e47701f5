-- One row per état reached by at least one of the filtered tickets: how many tickets reached
-- it, their visits (a ticket has one row per état visited, so count(*) counts tickets), and how
-- many of them also reached the step the funnel puts before it ($steps -> $parents), so a
-- conversion never counts the tickets that skipped that step.
with reached as (
    select d.ticket_key, d.etat::varchar as etat, d.visits
    from marts.etat_durations d
    where d.visits > 0 and {keys_filter}
), funnel_parent as (
    select unnest($steps::varchar[]) as etat, unnest($parents::varchar[]) as parent
)
select r.etat, count(*) as tickets, sum(r.visits)::bigint as visits,
       count(p.ticket_key) as via_parent
from reached r
left join funnel_parent f on f.etat = r.etat
left join reached p on p.ticket_key = r.ticket_key and p.etat = f.parent
group by r.etat
order by r.etat
