-- One row per ticket: the priority in force at the as-of instant, the first one it was given,
-- whether it was given more than one, and the priority that sets each clock's target: the one
-- in force when the clock stops (while it runs: at the as-of instant), else the first one
-- given afterwards (up to as-of), else none (default, flagged). "In force at t": the last one
-- given at or before t, every row at that very instant included. The priorities are the
-- intervals' (int_ticket_clocks.marks): at their replay instants, in replay order, so an event
-- dated before the creation gives its priority at the creation, after the creation row.
create or replace temp table int_clock_priority as
with refs as (
    select c.ticket_key, c.marks,
           epoch_us(coalesce(c.tto_stop_at, p.as_of)) as tto_ref_us,
           epoch_us(case when c.role = 'stop' then c.last_stop_at else p.as_of end)
               as ttr_ref_us
    from int_ticket_clocks c, replay_params p
)
select ticket_key,
       marks[-1].priority as priority_now,
       marks[1].priority as priority_first,
       coalesce(len(list_distinct(list_transform(marks, lambda m: m.priority))) > 1, false)
           as priority_changed,
       coalesce(list_filter(marks, lambda m: m.t_us <= tto_ref_us)[-1].priority,
                list_filter(marks, lambda m: m.t_us > tto_ref_us)[1].priority) as tto_priority,
       coalesce(list_filter(marks, lambda m: m.t_us <= ttr_ref_us)[-1].priority,
                list_filter(marks, lambda m: m.t_us > ttr_ref_us)[1].priority) as ttr_priority
from refs;
