-- Created vs resolved: per local week or month ($grain), the filtered tickets created in it
-- and those resolved in it (TTR clock stopped at the as-of instant, by its last stop's local
-- day: resolved_day), each series limited to the period on its own day. {base}: the filters
-- without the period; {created_period} / {resolved_period}: the period on each day column.
with t as (
    select created_day, resolved_day from marts.ticket_sla where {base}
)
select bucket, sum(created)::bigint as created, sum(resolved)::bigint as resolved
from (
    select date_trunc($grain, created_day)::date as bucket, 1 as created, 0 as resolved
    from t
    where created_day is not null and {created_period}
    union all
    select date_trunc($grain, resolved_day)::date, 0, 1
    from t
    where resolved_day is not null and {resolved_period}
)
group by bucket
order by bucket
