-- One row per ticket whose TTR went past its target: the business value B at which it did, in
-- the first running interval where the time counted before it plus its own exceeds the target
-- (due = the latest instant of business value B(start) + target - before, DESIGN §2).
create or replace temp table int_ttr_crossing as
with crossed as (
    select ticket_key, ttr_target_us
    from int_clock_targets
    where ttr_elapsed_us > ttr_target_us
), runs as (
    -- (by instant and seq: rows at one instant but the last one in replay order last 0 s,
    -- so this order counts the same time before each row as the replay order)
    select i.ticket_key, i.start_us, i.seq, i.start_b_us, i.bus_us, c.ttr_target_us,
           coalesce(sum(i.bus_us) over (partition by i.ticket_key order by i.start_us, i.seq
                                        rows between unbounded preceding and 1 preceding), 0)::bigint
               as before_us
    from int_intervals i
    join crossed c using (ticket_key)
    where i.role = 'run'
)
select ticket_key,
       arg_min(start_b_us + ttr_target_us - before_us, (start_us, seq)) as crossing_b_us
from runs
where before_us <= ttr_target_us and before_us + bus_us > ttr_target_us
group by ticket_key;

-- The rows of the tickets whose earlier TTR stops must be judged one by one, each against the
-- target of the priority in force at that stop (DESIGN §2): reopened and running again, or
-- stopped more than once under several priorities and within target at the last stop. For
-- the others the last stop tells (int_clock_targets): it is their only stop, or their stops
-- share one priority and the time counted only grows, or it is already past its target.
-- Only the rows that count: running ones, stops, priorities given.
create or replace temp table int_ttr_stop_rows as
with judged as (
    select ticket_key,
           coalesce(priority_first, (select default_priority from replay_params)) as first_priority
    from int_clock_targets
    where (stops > 0 and not ttr_stopped)
       or (stops > 1 and priority_changed and ttr_elapsed_us <= ttr_target_us)
), rows as (
    select i.ticket_key, i.pos, i.start_us, i.bus_us, i.priority, i.role = 'run' as running,
           i.role = 'stop' and i.prev_role is distinct from 'stop' as stop_entry,
           j.first_priority
    from int_intervals i
    join judged j using (ticket_key)
)
select *
from rows
where (running and bus_us > 0) or stop_entry or priority is not null;

-- One row per ticket of int_ttr_stop_rows: was TTR past the target of its priority at one of
-- its stops? The priority in force at the stop's instant (every row at that instant counts),
-- else the first one given (none was before the stop: it came after), else the default.
create or replace temp table int_ttr_stops as
with counted as (
    -- TTR business time counted before each row, in replay order
    select *,
           coalesce(sum(bus_us) filter (where running)
                        over (partition by ticket_key order by pos
                              rows between unbounded preceding and 1 preceding), 0)::bigint
               as before_us
    from int_ttr_stop_rows
), stops as (
    select s.ticket_key, s.pos, s.before_us,
           coalesce(arg_max(m.priority, m.pos), s.first_priority) as priority
    from counted s
    left join int_ttr_stop_rows m
           on m.ticket_key = s.ticket_key and m.priority is not null and m.start_us <= s.start_us
    where s.stop_entry
    group by s.ticket_key, s.pos, s.before_us, s.first_priority
)
select s.ticket_key, bool_or(s.before_us > t.ttr_us) as ever_breached
from stops s
join cfg_targets t using (priority)
group by s.ticket_key;
