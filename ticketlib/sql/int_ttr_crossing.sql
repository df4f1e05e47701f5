-- One row per ticket whose TTR intervals must be looked at one by one: those past their
-- target (where did the clock go past it?) and those stopped more than once or reopened (each
-- stop is judged against the target of the priority in force at that stop, DESIGN §2). The
-- others need no more than their clocks: a single stop, the last one, has the clock's target.
-- crossing_b_us: the business value B at which TTR went past its target, in the first running
-- interval where the time counted before it plus its own exceeds the target (due = the latest
-- instant of business value B(start) + target - before, DESIGN §2). ever_breached: the clock
-- was past the target of its priority at one of its stops.
create or replace temp table int_ttr_crossing as
with wanted as (
    select ticket_key, ttr_target_us, ttr_elapsed_us > ttr_target_us as crossed
    from int_clock_targets
    where ttr_elapsed_us > ttr_target_us or stops > 1 or (stops = 1 and not ttr_stopped)
), counted as (
    -- by instant: TTR time counted before each row (rows at one instant before the last one
    -- last 0 s), the priority in force at its instant, the first one given after it
    select i.ticket_key, i.pos, i.start_b_us, i.bus_us, i.role, w.ttr_target_us, w.crossed,
           i.role = 'stop' and (i.prev_etat is null or i.prev_etat not in ('resolu', 'ferme'))
               as stop_entry,
           coalesce(sum(i.bus_us) filter (where i.role = 'run') over (
               t range between unbounded preceding and 1 preceding), 0)::bigint as before_us,
           coalesce(arg_max(i.priority, i.pos) filter (where i.priority is not null) over (
                        t range between unbounded preceding and current row),
                    arg_min(i.priority, i.pos) filter (where i.priority is not null) over (
                        t range between 1 following and unbounded following),
                    (select default_priority from replay_params)) as stop_priority
    from int_intervals i
    join wanted w using (ticket_key)
    window t as (partition by i.ticket_key order by i.start_us)
)
select c.ticket_key,
       arg_min(c.start_b_us + c.ttr_target_us - c.before_us, c.pos) filter (
           where c.crossed and c.role = 'run' and c.before_us <= c.ttr_target_us
             and c.before_us + c.bus_us > c.ttr_target_us) as crossing_b_us,
       bool_or(c.before_us > p.ttr_us) filter (where c.stop_entry) as ever_breached
from counted c
join cfg_targets p on p.priority = c.stop_priority
group by c.ticket_key;
