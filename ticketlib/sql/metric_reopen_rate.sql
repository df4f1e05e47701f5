-- One row per time bucket of resolution (local): tickets resolved at least once, and how many
-- of them were reopened.
select date_trunc($grain, (timezone($tz, first_resolved_at))::date) as bucket,
       count(*) as resolved,
       count(*) filter (where reopens > 0) as reopened
from {ticket_sla_table}
where {where} and first_resolved_at is not null
group by all
order by bucket
