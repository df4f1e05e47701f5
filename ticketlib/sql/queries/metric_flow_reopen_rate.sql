-- One row per time bucket (local week or month) of first resolution: tickets resolved at least
-- once, and how many of them were reopened. A ticket never reopened was first resolved on its
-- resolved_day (local, computed once in the mart); only the others need a time zone conversion.
select date_trunc($grain, first_day) as bucket,
       count(*) as resolved,
       count(*) filter (where reopens > 0) as reopened
from (
    select reopens,
           case when reopens = 0 and ttr_stopped and resolved_at = first_resolved_at
                then resolved_day
                else (timezone($tz, first_resolved_at))::date end as first_day
    from marts.ticket_sla
    where {where} and first_resolved_at is not null
)
group by all
order by bucket
