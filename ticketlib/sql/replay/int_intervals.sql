-- One row per ticket history row up to the as-of instant (its creation in ouvert, then each
-- event): the interval [start, end) it opens until the next row or the as-of instant, with
-- wall and business microseconds, and the role of its état for the TTR clock. Rows repeating
-- the current état are kept (they may carry a priority) but open no new visit.
-- Inputs: replay_events, replay_tickets (the raw tables, instants as the replay zone reads
-- them: replay.py), cal_days, replay_params, cfg_roles (the clock role of each état: the
-- one table of roles every layer reads, through `role` and `prev_role`). Two views: the history
-- (creation and visible events, at their own instants) and its intervals; the replay keeps
-- the intervals as a table when several marts read them, or leaves the view to stream into
-- the clocks.
create or replace temp view stg_history as
with params as (
    select as_of, as_of_us, as_of_b_us from replay_params
), first_event as (
    -- a ticket without a tickets row is created at its first event (DESIGN §5.1)
    select ticket_key, min(ts) as first_ts
    from replay_events
    where ticket_key in (select ticket_key from replay_tickets where created_at is null)
    group by ticket_key
), created as (
    select t.ticket_key, coalesce(t.created_at, f.first_ts) as created_at, t.priority
    from replay_tickets t
    left join first_event f using (ticket_key)
    where coalesce(t.created_at, f.first_ts) <= (select as_of from params)
), visible_events as (
    select ticket_key, ts, seq, etat, priority
    from replay_events
    where ts <= (select as_of from params)
), with_event_priority as (
    -- the tickets file's priority holds from creation only where no event gives one
    -- (reads events itself: a CTE used twice would be materialized, copying every event)
    select distinct ticket_key
    from replay_events
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
-- The replay order of a ticket's rows: its creation first, then its events by instant and
-- file order. An event dated before the creation takes effect at the creation instant (DESIGN
-- §5.1): sorted by its own instant it comes right after the creation row, before the events
-- at the creation instant, and its start is clamped to the creation. The creation row sorts
-- first through its key k_us = t_us - 2^62 (below any instant), so one sort on (k_us, seq)
-- gives the order and first_value() the creation instant, with no join to the tickets.
-- A ticket with events up to as-of but created after it has no creation row: left out.
create or replace temp view int_intervals_v as
with params as (
    select as_of_us, as_of_b_us from replay_params
), timed as (
    -- B(t): business time before t = the day's cumulative + the clamped windows of its UTC day
    select h.ticket_key, h.seq, h.etat, h.priority, h.is_creation,
           case when h.is_creation then h.t_us - 4611686018427387904 else h.t_us end as k_us,
           d.cum0
           + greatest(0, least(h.t_us, d.e1) - d.s1) + greatest(0, least(h.t_us, d.e2) - d.s2)
           + greatest(0, least(h.t_us, d.e3) - d.s3) + greatest(0, least(h.t_us, d.e4) - d.s4)
           + extra_business(h.t_us, d.more) as b_us
    from stg_history h
    left join cal_days d on d.day = (h.t_us + d_origin_us()) // 86400000000
), ordered as (
    select *,
           -- the first row's instant: the creation's, unless the ticket has no creation row
           first_value(k_us) over w + 4611686018427387904 as created_us,
           first_value(b_us) over w as created_b_us,
           lag(etat) over w as prev_etat,
           lead(k_us) over w as next_k,
           lead(b_us) over w as next_b_us,
           (row_number() over w - 1)::integer as pos
    from timed
    window w as (partition by ticket_key order by k_us, seq)
), clamped as (
    -- instants and business values clamped to the creation's (greatest() skips nulls: the
    -- last row's end is the as-of instant)
    select o.ticket_key, o.seq, o.pos, o.etat, o.prev_etat, o.priority, o.is_creation,
           not o.is_creation and o.k_us < o.created_us as before_creation,
           greatest(o.k_us, o.created_us) as start_us,
           case when o.next_k is null then p.as_of_us
                else greatest(o.next_k, o.created_us) end as end_us,
           greatest(o.b_us, o.created_b_us) as start_b_us,
           case when o.next_k is null then p.as_of_b_us
                else greatest(o.next_b_us, o.created_b_us) end as end_b_us,
           o.next_k is null as is_last
    from ordered o, params p
    where o.created_us < 2305843009213693952  -- the first row is the creation row
)
select ticket_key, make_timestamp(start_us)::timestamptz as start_ts, start_us, end_us,
       seq, pos, etat, prev_etat, priority, is_creation, before_creation,
       start_b_us,
       end_us - start_us as wall_us,
       end_b_us - start_b_us as bus_us,
       r.role,
       prev_etat is distinct from etat as new_visit,
       is_last,
       pr.role as prev_role
from clamped c
join cfg_roles r using (etat)
left join cfg_roles pr on pr.etat = c.prev_etat;
