-- One row per ticket: its état at the as-of instant, the instants that stop its clocks, the
-- business time each clock counted, and the priorities it was given. TTO stops on the first
-- exit from ouvert; TTR runs in the 'run' états, stands still in 'pause' ones and stops in
-- the 'stop' ones (cfg_roles through int_intervals.role, prev_role; DESIGN §2).
create or replace temp table int_ticket_clocks as
with marked as (
    select *,
           role = 'stop' and prev_role is distinct from 'stop' as stop_entry
    from int_intervals
)
select ticket_key,
       min(start_ts) as created_at,
       min(start_b_us) as created_b_us,
       any_value(etat) filter (where is_last) as etat,
       any_value(role) filter (where is_last) as role,
       min(start_ts) filter (where etat <> 'ouvert') as tto_stop_at,
       min(start_b_us) filter (where etat <> 'ouvert') as tto_stop_b_us,
       coalesce(sum(bus_us) filter (where role = 'run'), 0)::bigint as ttr_elapsed_us,
       coalesce(sum(bus_us) filter (where role = 'pause'), 0)::bigint as ttr_paused_us,
       coalesce(sum(bus_us) filter (where role = 'stop'), 0)::bigint as ttr_stopped_us,
       sum(bus_us)::bigint as business_us,
       sum(wall_us)::bigint as wall_us,
       count(*) filter (where stop_entry) as stops,
       min(start_ts) filter (where stop_entry) as first_resolved_at,
       max(start_ts) filter (where stop_entry) as last_stop_at,
       max(start_b_us) filter (where stop_entry) as last_stop_b_us,
       max(start_ts) filter (where etat = 'ferme' and prev_etat is distinct from 'ferme')
           as last_closed_at,
       max(start_b_us) filter (where etat = 'ferme' and prev_etat is distinct from 'ferme')
           as last_closed_b_us,
       count(*) filter (where prev_role = 'stop' and etat <> prev_etat
                               and etat <> 'ferme') as reopens,
       coalesce(sum(bus_us) filter (where etat in ('ouvert', 'pris_en_compte', 'reouvert')), 0)::bigint
           as agent_work_us,
       coalesce(sum(bus_us) filter (where etat = 'attente_client'), 0)::bigint as customer_wait_us,
       coalesce(sum(bus_us) filter (where etat = 'attente_interne'), 0)::bigint as internal_wait_us,
       count(*) filter (where new_visit and not is_creation) as transitions,
       -- the priorities given, in replay order (sorted on pos), at their replay instants
       list_sort(list({'pos': pos, 't_us': start_us, 'priority': priority})
                     filter (where priority is not null)) as marks
from marked
group by ticket_key;
