-- One row per local day and état (all but ferme): tickets in that état at the end of the day,
-- from +1/-1 moves at interval starts and ends, on the local days the interval mart carries.
with daily as (
    select day, etat, sum(d) as d
    from (
        select start_day as day, etat, count(*) as d
        from marts.intervals
        where etat <> 'ferme' and {keys_filter}
        group by all
        union all
        select end_day, etat, -count(*)
        from marts.intervals
        where etat <> 'ferme' and not is_last and {keys_filter}
        group by all
    )
    group by all
), days as (
    select unnest(generate_series(min(day), $last_day, interval 1 day))::date as day from daily
), grid as (
    select days.day, e.etat from days, (select distinct etat from daily) e
)
select g.day, g.etat::varchar as etat,
       sum(coalesce(d.d, 0)) over (partition by g.etat order by g.day)::bigint as tickets
from grid g
left join daily d using (day, etat)
order by g.day, g.etat
