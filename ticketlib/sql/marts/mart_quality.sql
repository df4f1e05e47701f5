-- One row per data-quality flag: what in a ticket's history breaks the seed's rules. Nothing
-- here changes a figure: flagged rows are replayed like any other (DESIGN §2).
create or replace temp table mart_quality as
with unexpected as (
    select i.ticket_key, 'unexpected_transition' as flag, i.start_ts as flagged_at,
           i.prev_etat::varchar || ' → ' || i.etat::varchar as detail
    from int_intervals i
    left join cfg_expected x on x.from_etat = i.prev_etat and x.to_etat = i.etat
    where i.new_visit and not i.is_creation and x.from_etat is null
), no_priority as (
    select ticket_key, 'no_priority', created_at,
           'priorité par défaut / default priority: ' || (select default_priority from replay_params)
    from int_clock_targets
    where default_priority_used
), same_instant as (
    -- several changes of état at one instant (a row repeating the état in force, such as a
    -- creation audit or a priority set with the status, is no change)
    select ticket_key, 'same_instant', start_ts, count(*)::varchar || ' événements / events'
    from int_intervals
    where new_visit and not is_creation
    group by ticket_key, start_ts
    having count(*) > 1
), before_creation as (
    -- events dated before the creation: they set the état at creation (DESIGN §5.1); read
    -- at replay, since a naive time depends on the replaying calendar's zone
    select ticket_key, 'event_before_creation', min(start_ts),
           count(*)::varchar || ' événement(s) avant la création / event(s) before creation'
    from int_intervals
    where before_creation
    group by ticket_key
), starts_elsewhere as (
    -- the history begins in another état: its first event, in replay order, is at the
    -- creation instant
    select i.ticket_key, 'starts_not_ouvert', i.start_ts,
           'premier état / first état: ' || i.etat::varchar
    from int_intervals i
    join int_ticket_clocks c using (ticket_key)
    where i.pos = 1 and i.etat <> 'ouvert' and i.start_ts = c.created_at
), imported as (
    select f.ticket_key, f.flag, null::timestamptz, f.detail
    from import_flags f
    where f.ticket_key in (select ticket_key from int_ticket_clocks)
), flags as (
    select * from unexpected
    union all select * from no_priority
    union all select * from same_instant
    union all select * from before_creation
    union all select * from starts_elsewhere
    union all select * from imported
)
select k.ticket_id, f.flag, f.flagged_at, f.detail, f.ticket_key
from flags f
join tickets k using (ticket_key)
order by k.ticket_id, f.flagged_at nulls first, f.flag, f.detail;
