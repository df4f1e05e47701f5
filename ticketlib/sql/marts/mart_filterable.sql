-- The état where a TTR clock past its at-risk share (breached or at risk) ran longest: the
-- business time of the 'run' intervals per état (the clock roles of the replay), so the
-- breach lists name what consumed the clock without restating the pause rule.
alter table mart_ticket_sla add column ttr_consumed_by etat;

alter table mart_ticket_sla add column ttr_consumed_us bigint;

update mart_ticket_sla m
set ttr_consumed_by = c.etat, ttr_consumed_us = c.business_us
from (
    select ticket_key, arg_max(etat, business_us) as etat, max(business_us) as business_us
    from (
        select ticket_key, etat, sum(bus_us)::bigint as business_us
        from int_intervals
        where role = 'run'
          and ticket_key in (select ticket_key from mart_ticket_sla
                             where ttr_status in ('breached', 'at_risk'))
        group by ticket_key, etat
    )
    group by ticket_key
) c
where m.ticket_key = c.ticket_key;

-- The interval and état-duration rows again, each carrying its ticket's filter attributes
-- (f_*), so a filtered page query scans one table instead of joining a million tickets, and
-- intervals their local start and end days (for the backlog per day).
create or replace temp table int_intervals_f as
select i.*, m.priority as f_priority, m.customer as f_customer, m.team as f_team,
       m.assignee as f_assignee, m.etat as f_etat, m.created_day as f_created_day,
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
       m.assignee as f_assignee, m.etat as f_etat, m.created_day as f_created_day,
       m.resolved_day as f_resolved_day
from mart_etat_durations d
join mart_ticket_sla m using (ticket_key);

drop table mart_etat_durations;

alter table mart_etat_durations_f rename to mart_etat_durations;
