-- One row per local month of creation of the filtered tickets, then one total row (month null):
-- business hours the desk waited for the customer (EN ATTENTE DE VOTRE RETOUR) against the
-- hours the customer waited for the desk (agent work: ouvert, pris en compte, réouvert; plus
-- the desk's internal waits).
with filtered as (
    select * from marts.ticket_sla where {where}
), grouped as (
    select date_trunc('month', created_day)::date as month,
           grouping(date_trunc('month', created_day)::date) = 1 as is_total,
           count(*) as tickets,
           sum(customer_wait_us) as customer_wait_us,
           sum(requester_wait_us) as requester_wait_us,
           sum(agent_work_us) as agent_work_us,
           sum(internal_wait_us) as internal_wait_us
    from filtered
    group by grouping sets ((date_trunc('month', created_day)::date), ())
)
select month, is_total, tickets,
       customer_wait_us / 3.6e9 as customer_wait_h,
       requester_wait_us / 3.6e9 as requester_wait_h,
       agent_work_us / 3.6e9 as agent_work_h,
       internal_wait_us / 3.6e9 as internal_wait_h,
       customer_wait_us / 3.6e9 / nullif(tickets, 0) as customer_wait_avg_h,
       requester_wait_us / 3.6e9 / nullif(tickets, 0) as requester_wait_avg_h
from grouped
order by is_total, month
