-- One row per ticket history row: the interval [start, end) it opens, until the next row or
-- the as-of instant, with wall and business microseconds and the clock role of its état.
-- Rows repeating the current état are kept (they may carry a priority) but open no new visit.
create or replace temp table int_intervals as
with ordered as (
    select h.*,
           lag(h.etat) over w as prev_etat,
           lead(h.etat) over w as next_etat,
           coalesce(lead(h.t_us) over w, (select as_of_us from replay_params)) as end_us,
           coalesce(lead(h.b_us) over w, (select as_of_b_us from replay_params)) as end_b_us
    from stg_history h
    window w as (partition by h.ticket_key order by h.t_us, h.seq)
)
select o.ticket_key, o.ts as start_ts, o.t_us as start_us, o.end_us, o.seq, o.etat,
       o.prev_etat, o.next_etat, o.priority, o.is_creation,
       o.b_us as start_b_us,
       o.end_us - o.t_us as wall_us,
       o.end_b_us - o.b_us as bus_us,
       r.role,
       o.prev_etat is distinct from o.etat as new_visit,
       o.next_etat is null as is_last
from ordered o
join cfg_roles r using (etat);
