-- One row per customer: its tickets and the local dates of its first and last ticket.
select customer, count(*) as tickets, min(created_day) as first_day, max(created_day) as last_day
from marts.ticket_sla
where customer is not null
group by customer
order by tickets desc, customer
