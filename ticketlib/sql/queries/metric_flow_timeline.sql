-- One row per visit of one ticket to an état up to the as-of instant (rows repeating the
-- current état merged into the visit they continue): the bars of the ticket's Gantt.
with rows as (
    select start_us, end_us, pos, etat, bus_us, wall_us, priority,
           sum(case when new_visit then 1 else 0 end)
               over (order by pos rows unbounded preceding) as visit
    from marts.intervals
    where ticket_key = $ticket_key
)
select visit::bigint as visit, etat::varchar as etat,
       make_timestamp(min(start_us))::timestamptz as start_ts,
       make_timestamp(max(end_us))::timestamptz as end_ts,
       sum(wall_us) / 3.6e9 as wall_h,
       sum(bus_us) / 3.6e9 as business_h,
       count(*) as rows
from rows
group by visit, etat
order by visit
