-- The interval and état-duration rows again, each carrying its ticket's filter attributes
-- (f_*), so a filtered page query scans one table instead of joining a million tickets, and
-- intervals their local start and end days (for the backlog per day).
create or replace temp table int_intervals_f as
select i.*, m.priority as f_priority, m.customer as f_customer, m.team as f_team,
       m.assignee as f_assignee, m.status as f_status, m.created_day as f_created_day,
       m.resolved_day as f_resolved_day,
       local_day(i.start_us, cs) as start_day, local_day(i.end_us, ce) as end_day
from int_intervals i
join mart_ticket_sla m using (ticket_key)
left join cal_days cs on cs.day = (i.start_us + d_origin_us()) // 86400000000
left join cal_days ce on ce.day = (i.end_us + d_origin_us()) // 86400000000;

drop table int_intervals;

alter table int_intervals_f rename to int_intervals;

create or replace temp table mart_etat_durations_f as
select d.*, m.priority as f_priority, m.customer as f_customer, m.team as f_team,
       m.assignee as f_assignee, m.status as f_status, m.created_day as f_created_day,
       m.resolved_day as f_resolved_day
from mart_etat_durations d
join mart_ticket_sla m using (ticket_key);

drop table mart_etat_durations;

alter table mart_etat_durations_f rename to mart_etat_durations;
