-- One row per ticket: the priority in force at the as-of instant, and the priority that sets
-- each clock's target: the one in force when the clock stops (while it runs: at the as-of
-- instant), else the first one given afterwards (up to as-of), else none (default, flagged).
create or replace temp table int_clock_priority as
with refs as (
    select c.ticket_key,
           epoch_us(coalesce(c.tto_stop_at, p.as_of)) as tto_ref_us,
           epoch_us(case when c.etat in ('resolu', 'ferme') then c.last_stop_at else p.as_of end)
               as ttr_ref_us
    from int_ticket_clocks c, replay_params p
), given as (
    select ticket_key, t_us, seq, priority from stg_history where priority is not null
)
select r.ticket_key,
       arg_max(g.priority, (g.t_us, g.seq)) as priority_now,
       coalesce(arg_max(g.priority, (g.t_us, g.seq)) filter (where g.t_us <= r.tto_ref_us),
                arg_min(g.priority, (g.t_us, g.seq)) filter (where g.t_us > r.tto_ref_us))
           as tto_priority,
       coalesce(arg_max(g.priority, (g.t_us, g.seq)) filter (where g.t_us <= r.ttr_ref_us),
                arg_min(g.priority, (g.t_us, g.seq)) filter (where g.t_us > r.ttr_ref_us))
           as ttr_priority
from refs r
left join given g using (ticket_key)
group by r.ticket_key;
