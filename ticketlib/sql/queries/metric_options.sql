-- The sidebar's choices: distinct customers, teams and agents, and the first and last local
-- creation day.
select list(distinct customer order by customer) filter (where customer is not null)
           as customer,
       list(distinct team order by team) filter (where team is not null) as team,
       list(distinct assignee order by assignee) filter (where assignee is not null) as assignee,
       min(created_day) as first_day,
       max(created_day) as last_day
from marts.ticket_sla
