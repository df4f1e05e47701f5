-- One row per ticket history row up to the as-of instant (its creation in ouvert, then each
-- event): the interval [start, end) it opens until the next row or the as-of instant, with
-- wall and business microseconds, and the role of its état for the TTR clock. Rows repeating
-- the current état are kept (they may carry a priority) but open no new visit.
-- Inputs: tickets, events, cal_days, replay_params, macro clock_role. Two views: the history
-- (creation and visible events) and its intervals; the replay keeps the intervals as a table
-- when several marts read them, or leaves the view to stream into the clocks.
create or replace temp view stg_history as
with params as (
    select as_of, as_of_us, as_of_b_us from replay_params
), first_event as (
    -- a ticket without a tickets row is created at its first event (DESIGN §5.1)
    select ticket_key, min(ts) as first_ts
    from events
    where ticket_key in (select ticket_key from tickets where created_at is null)
    group by ticket_key
), created as (
    select t.ticket_key, coalesce(t.created_at, f.first_ts) as created_at, t.priority
    from tickets t
    left join first_event f using (ticket_key)
    where coalesce(t.created_at, f.first_ts) <= (select as_of from params)
), visible_events as (
    select ticket_key, ts, seq, etat, priority
    from events
    where ts <= (select as_of from params)
), with_event_priority as (
    -- the tickets file's priority holds from creation only where no event gives one
    -- (reads events itself: a CTE used twice would be materialized, copying every event)
    select distinct ticket_key
    from events
    where priority is not null and ts <= (select as_of from params)
), history as (
    select c.ticket_key, epoch_us(c.created_at) as t_us, 0::bigint as seq,
           'ouvert'::etat as etat,
           case when w.ticket_key is null then c.priority end as priority,
           true as is_creation
    from created c
    left join with_event_priority w using (ticket_key)
    union all
    select ticket_key, epoch_us(ts), seq, etat, priority, false
    from visible_events
)
select * from history;

-- (the interval rows proper, computed from the history above)
create or replace temp view int_intervals_v as
with params as (
    select as_of_us, as_of_b_us from replay_params
), timed as (
    -- B(t): business time before t = the day's cumulative + the clamped windows of its UTC day
    select h.*,
           d.cum0
           + greatest(0, least(h.t_us, d.e1) - d.s1) + greatest(0, least(h.t_us, d.e2) - d.s2)
           + greatest(0, least(h.t_us, d.e3) - d.s3) + greatest(0, least(h.t_us, d.e4) - d.s4)
           + extra_business(h.t_us, d.more) as b_us
    from stg_history h
    left join cal_days d on d.day = (h.t_us + d_origin_us()) // 86400000000
), ordered as (
    select *,
           lag(etat) over w as prev_etat,
           lead(t_us) over w as next_us,
           lead(b_us) over w as next_b_us
    from timed
    window w as (partition by ticket_key order by t_us, seq)
)
select o.ticket_key, make_timestamp(o.t_us)::timestamptz as start_ts, o.t_us as start_us,
       coalesce(o.next_us, p.as_of_us) as end_us,
       o.seq, o.etat, o.prev_etat, o.priority, o.is_creation,
       o.b_us as start_b_us,
       coalesce(o.next_us, p.as_of_us) - o.t_us as wall_us,
       coalesce(o.next_b_us, p.as_of_b_us) - o.b_us as bus_us,
       clock_role(o.etat) as role,
       o.prev_etat is distinct from o.etat as new_visit,
       o.next_us is null as is_last
from ordered o, params p;
