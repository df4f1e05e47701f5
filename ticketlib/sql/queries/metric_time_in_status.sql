-- Time in status: per group value and état (ferme left out: a closed ticket's wait is not
-- work), the tickets that spent time in that état up to the as-of instant, and the average
-- and median of each ticket's BUSINESS time there (seconds; all its visits summed), with the
-- total over all groups per état (is_total). {group}: a whitelisted expression over the
-- état-duration mart (time_in_status.GROUPS); {where}: the filter builder's clause.
select case when grouping({group}) = 1 then null else {group} end as group_value,
       etat::varchar as etat,
       grouping({group}) = 1 as is_total,
       count(*)::bigint as tickets,
       avg(business_us) / 1e6 as avg_s,
       quantile_cont(business_us, 0.5) / 1e6 as median_s,
       sum(visits)::bigint as visits
from marts.etat_durations
where etat <> 'ferme' and visits > 0 and {where}
group by grouping sets (({group}, etat), (etat))
