-- One row per ticket whose TTR reached its target: the business instant B at which it did,
-- found in the running interval where the clock's cumulative time crossed the target; and,
-- for tickets reopened and running again, the TTR time counted at their last stop.
create or replace temp table int_ttr_crossing as
with reached as (
    select ticket_key, ttr_target_us
    from int_clock_targets
    where ttr_elapsed_us >= ttr_target_us
), runs as (
    select i.ticket_key, i.start_us, i.seq, i.start_b_us, i.bus_us, r.ttr_target_us,
           coalesce(sum(i.bus_us) over (partition by i.ticket_key order by i.start_us, i.seq
                                        rows between unbounded preceding and 1 preceding), 0)::bigint
               as before_us
    from int_intervals i
    join reached r using (ticket_key)
    where i.role = 'run'
)
select ticket_key,
       arg_min(start_b_us + ttr_target_us - before_us, (start_us, seq)) as crossing_b_us
from runs
where before_us < ttr_target_us and before_us + bus_us >= ttr_target_us
group by ticket_key;

-- One row per ticket reopened and running at the as-of instant: TTR time at its last stop.
create or replace temp table int_ttr_at_last_stop as
select i.ticket_key, coalesce(sum(i.bus_us) filter (where i.role = 'run'), 0)::bigint as elapsed_us
from int_intervals i
join int_ticket_clocks c using (ticket_key)
where c.last_stop_at is not null and c.etat not in ('resolu', 'ferme')
  and i.start_ts < c.last_stop_at
group by i.ticket_key;
