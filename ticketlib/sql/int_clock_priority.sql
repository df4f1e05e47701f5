-- One row per ticket: the priority in force at the as-of instant, the first one it was given,
-- whether it was given more than one, and the priority that sets each clock's target: the one in force when the clock stops (while it runs: at the as-of
-- instant), else the first one given afterwards (up to as-of), else none (default, flagged).
-- Priorities are read from the history at their replay instants and order: an event dated
-- before the creation takes effect at the creation, after the creation row (int_intervals).
create or replace temp table int_clock_priority as
with refs as (
    select c.ticket_key,
           epoch_us(c.created_at) as created_us,
           epoch_us(coalesce(c.tto_stop_at, p.as_of)) as tto_ref_us,
           epoch_us(case when c.etat in ('resolu', 'ferme') then c.last_stop_at else p.as_of end)
               as ttr_ref_us
    from int_ticket_clocks c, replay_params p
), given as (
    select ticket_key, t_us, seq, priority,
           case when is_creation then t_us - 4611686018427387904 else t_us end as k_us
    from stg_history
    where priority is not null
), marks as (
    select r.ticket_key, r.tto_ref_us, r.ttr_ref_us, g.priority,
           case when g.t_us < r.created_us then r.created_us else g.t_us end as t_us,
           case when g.t_us is not null
                then (greatest(g.t_us, r.created_us), g.k_us, g.seq) end as ord
    from refs r
    left join given g using (ticket_key)
)
select ticket_key,
       arg_max(priority, ord) as priority_now,
       arg_min(priority, ord) as priority_first,
       coalesce(min(priority) <> max(priority), false) as priority_changed,
       coalesce(arg_max(priority, ord) filter (where t_us <= tto_ref_us),
                arg_min(priority, ord) filter (where t_us > tto_ref_us)) as tto_priority,
       coalesce(arg_max(priority, ord) filter (where t_us <= ttr_ref_us),
                arg_min(priority, ord) filter (where t_us > ttr_ref_us)) as ttr_priority
from marks
group by ticket_key;
