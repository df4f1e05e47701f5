-- The replay's plan, one set of small temp tables computed once for all tickets (run.plan):
-- the calendar's windows and UTC days, the as-of instant and rules, the clock roles, targets
-- and expected transitions. Every value is bound ($lists from run._prepare); each statement
-- runs as it is.
-- Working windows in UTC microseconds with the business time before each (business_calendar).
create or replace temp table cal_windows as
select unnest($start_us)::bigint as start_us, unnest($end_us)::bigint as end_us,
       unnest($cum_us)::bigint as cum_us
order by start_us;

-- One row per UTC day: business time before it, its first four windows, any more as a list,
-- and the zone's offsets over the day (Windows.day_columns).
create or replace temp table cal_days as
with cols as (
    select unnest($day)::bigint as day, unnest($cum0)::bigint as cum0,
           unnest($s1)::bigint as s1, unnest($e1)::bigint as e1,
           unnest($s2)::bigint as s2, unnest($e2)::bigint as e2,
           unnest($s3)::bigint as s3, unnest($e3)::bigint as e3,
           unnest($s4)::bigint as s4, unnest($e4)::bigint as e4,
           unnest($tz_before)::bigint as tz_before, unnest($tz_switch)::bigint as tz_switch,
           unnest($tz_after)::bigint as tz_after
), extra as (
    select unnest($more_day)::bigint as day, unnest($more_s)::bigint as s,
           unnest($more_e)::bigint as e
), more as (
    select day, list({'s': s, 'e': e} order by s) as more from extra group by day
)
select c.day, c.cum0, c.s1, c.e1, c.s2, c.e2, c.s3, c.e3, c.s4, c.e4, m.more,
       c.tz_before, c.tz_switch, c.tz_after
from cols c
left join more m using (day)
order by c.day;

-- The local date of instant t (UTC microseconds), d its UTC day's row of cal_days.
create or replace temp macro local_day(t, d) as
    make_timestamp(t + case when t < d.tz_switch then d.tz_before else d.tz_after end)::date;

-- One row: the as-of instant (and in wall and business microseconds), the rules, the zone.
create or replace temp table replay_params as
select $as_of::timestamptz as as_of, $as_of_us::bigint as as_of_us,
       $as_of_b_us::bigint as as_of_b_us, $at_risk::double as at_risk,
       $default_priority::priority as default_priority, $timezone::varchar as timezone;

-- The TTR clock's role in each état (run.clock_roles): the one table of roles.
create or replace temp table cfg_roles as
select unnest($role_etat)::etat as etat, unnest($role)::varchar as role;

-- Each priority's targets in microseconds.
create or replace temp table cfg_targets as
select unnest($target_priority)::priority as priority, unnest($tto_us)::bigint as tto_us,
       unnest($ttr_us)::bigint as ttr_us;

-- The expected transitions between états (vocabulary.EXPECTED_TRANSITIONS).
create or replace temp table cfg_expected as
select unnest($from_etat)::etat as from_etat, unnest($to_etat)::etat as to_etat;
