-- One row per ticket existing at the as-of instant: its SLA clocks (DESIGN §5.3) and the
-- attributes pages filter on (replay_ticket_attributes: null unless pages will read them),
-- with local-date buckets computed once here.
create or replace temp table mart_ticket_sla as
with due_b as (
    -- Due instant (DESIGN §2): the last instant at which elapsed <= target, the clock
    -- counting only while it runs and running again after its last stop (stopped at as-of) or
    -- after as-of (running or paused). As a business value: the target's, reached in the
    -- running interval where the clock went past it (int_ttr_crossing), else counted on from
    -- the last stop or from as-of; then the latest instant with that value (below).
    -- TTO never pauses: from the creation on.
    select t.ticket_key,
           t.created_b_us + t.tto_target_us as tto_due_b,
           case when t.ttr_elapsed_us > t.ttr_target_us then x.crossing_b_us
                else (case when t.ttr_stopped then t.last_stop_b_us else r.as_of_b_us end)
                     + t.ttr_target_us - t.ttr_elapsed_us
           end as ttr_due_b
    from int_clock_targets t
    cross join replay_params r
    left join int_ttr_crossing x using (ticket_key)
), last_window as (
    select max(cum_us + end_us - start_us) as total_b from cal_windows
), tto_due as (
    -- B inverse, the latest instant with that business value: the window holding it; one
    -- ending exactly there is skipped for the next one (the clock counts nothing in between)
    select d.ticket_key,
           case when d.tto_due_b < (select total_b from last_window)
                then w.start_us + d.tto_due_b - w.cum_us end as due_us
    from due_b d
    asof left join cal_windows w on d.tto_due_b >= w.cum_us
), ttr_due as (
    select d.ticket_key,
           case when d.ttr_due_b < (select total_b from last_window)
                then w.start_us + d.ttr_due_b - w.cum_us end as due_us
    from due_b d
    asof left join cal_windows w on d.ttr_due_b >= w.cum_us
), params as (
    select at_risk, timezone from replay_params
)
select t.ticket_key,
       k.ticket_id,
       t.priority_now as priority,
       t.created_at,
       t.etat as etat,
       t.tto_elapsed_us,
       t.tto_target_us,
       case when t.tto_elapsed_us > t.tto_target_us then 'breached'
            when t.tto_stopped then 'met'
            when t.tto_elapsed_us >= p.at_risk * t.tto_target_us then 'at_risk'
            else 'running' end as tto_status,
       t.ttr_elapsed_us,
       t.ttr_paused_us,
       t.ttr_target_us,
       case when t.ttr_elapsed_us > t.ttr_target_us then 'breached'
            when t.ttr_stopped then 'met'
            when t.ttr_elapsed_us >= p.at_risk * t.ttr_target_us then 'at_risk'
            else 'running' end as ttr_status,
       -- compliance = met / decided per clock, each under its own priority (tto_priority,
       -- ttr_priority): the one definition every page, the review and the CLI sum
       t.tto_elapsed_us > t.tto_target_us as tto_breached,
       t.tto_stopped and t.tto_elapsed_us <= t.tto_target_us as tto_met,
       t.tto_stopped or t.tto_elapsed_us > t.tto_target_us as tto_decided,
       t.ttr_elapsed_us > t.ttr_target_us as ttr_breached,
       t.ttr_stopped and t.ttr_elapsed_us <= t.ttr_target_us as ttr_met,
       t.ttr_stopped or t.ttr_elapsed_us > t.ttr_target_us as ttr_decided,
       make_timestamp(tto_due.due_us::bigint)::timestamptz as tto_due_at,
       make_timestamp(ttr_due.due_us::bigint)::timestamptz as ttr_due_at,
       t.reopens,
       -- every stop judged against its own priority's target (int_ttr_stops); stops
       -- sharing one priority, the last one standing, against the clock's target
       coalesce(s.ever_breached,
                t.ttr_stopped and t.ttr_elapsed_us > t.ttr_target_us) as ttr_ever_breached,
       t.first_resolved_at,
       case when t.ttr_stopped then t.last_stop_at end as resolved_at,
       case when t.etat = 'ferme' then t.last_closed_at end as closed_at,
       t.tto_stop_at,
       t.tto_stopped,
       t.ttr_stopped,
       t.tto_priority,
       t.ttr_priority,
       t.default_priority_used,
       t.ttr_stopped_us,
       t.business_us,
       t.wall_us,
       t.agent_work_us,
       t.agent_work_us + t.internal_wait_us as requester_wait_us,
       t.customer_wait_us,
       t.internal_wait_us,
       case when t.etat = 'ferme' and t.last_stop_b_us is not null
            then t.last_closed_b_us - t.last_stop_b_us end as acceptance_us,
       t.transitions,
       k.customer, k.team, k.assignee, k.title,
       local_day(epoch_us(t.created_at), cd) as created_day,
       case when t.ttr_stopped then local_day(epoch_us(t.last_stop_at), rd) end as resolved_day
from int_clock_targets t
join replay_ticket_attributes k using (ticket_key)
cross join params p
left join tto_due using (ticket_key)
left join ttr_due using (ticket_key)
left join int_ttr_stops s using (ticket_key)
-- local dates without a time zone conversion per row: the UTC day's offsets (calendar.py)
left join cal_days cd on cd.day = (epoch_us(t.created_at) + d_origin_us()) // 86400000000
left join cal_days rd on rd.day = (epoch_us(t.last_stop_at) + d_origin_us()) // 86400000000;
