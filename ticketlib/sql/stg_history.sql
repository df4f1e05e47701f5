-- One row per ticket history row up to the as-of instant: the creation (ouvert), then each
-- event, with B(t), the business microseconds of the calendar before its instant.
-- Inputs: tickets, events, cal_windows, replay_params.
create or replace temp table stg_history as
with params as (
    select as_of from replay_params
), first_event as (
    -- a ticket without a tickets row is created at its first event
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
    -- the tickets.csv priority holds from creation only where no event gives one
    select distinct ticket_key from visible_events where priority is not null
), history as (
    select c.ticket_key, c.created_at as ts, 0::bigint as seq, 'ouvert'::etat as etat,
           case when w.ticket_key is null then c.priority end as priority,
           true as is_creation
    from created c
    left join with_event_priority w using (ticket_key)
    union all
    select ticket_key, ts, seq, etat, priority, false
    from visible_events
), timed as (
    select *, epoch_us(ts) as t_us from history
)
select h.ticket_key, h.ts, h.t_us, h.seq, h.etat, h.priority, h.is_creation,
       coalesce(w.cum_us + least(h.t_us, w.end_us) - w.start_us, 0) as b_us
from timed h
asof left join cal_windows w on h.t_us >= w.start_us;
