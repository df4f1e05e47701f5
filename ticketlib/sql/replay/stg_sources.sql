-- The raw events and tickets the replay reads, their instants as the replaying calendar's
-- zone reads them (DESIGN §5.1). A naive timestamp is kept by the import as its local wall
-- time (events.ts_local, tickets.created_local) beside the instant it read in its own zone
-- (imports.timezone); where that zone is not the replay zone, the wall time is read again in
-- the replay zone by the import's rule (fold=0: offset rules of timeparse.offset_rules, ASOF on
-- the wall time). Every other instant is the stored one. An event stored as a copy of another
-- in some zones only (events.pending_duplicate) is dropped when it is one in this zone.
-- Inputs: replay_raw_events (events with pending_duplicate), tickets, replay_other_imports (imports read in another zone),
-- replay_tz_rules (the replay zone's rules). replay.prepare_sources reads these views once
-- (the latest instant) or keeps them as tables (a replay reads them several times).
create or replace temp view replay_events_read as
with read as (
    select e.ticket_key,
           case when e.ts_local is not null
                     and e.import_id in (select import_id from replay_other_imports)
                then (e.ts_local - to_seconds(r.offset_s))::timestamptz
                else e.ts end as ts,
           e.seq, e.etat, e.priority, e.import_id,
           coalesce(e.pending_duplicate, false) as pending_duplicate
    from replay_raw_events e
    asof left join replay_tz_rules r on e.ts_local >= r.boundary
), pending_tickets as (
    select distinct ticket_key from replay_raw_events where pending_duplicate
), judged as (
    -- the import's rule in this zone (sql/ingest/load_events_land.sql): a copy of an event of
    -- an earlier import, or of the row just before it in its import
    select *,
           coalesce(lag(ts) over w = ts and lag(etat) over w = etat
                    and lag(priority) over w is not distinct from priority, false)
               as repeats_previous
    from read
    where ticket_key in (select ticket_key from pending_tickets)
    window w as (partition by ticket_key, import_id order by ts, seq)
)
select ticket_key, ts, seq, etat, priority
from read
where ticket_key not in (select ticket_key from pending_tickets)
union all
select j.ticket_key, j.ts, j.seq, j.etat, j.priority
from judged j
where not (j.pending_duplicate
           and (j.repeats_previous
                or exists (select 1 from judged s
                           where s.ticket_key = j.ticket_key and s.import_id < j.import_id
                             and s.ts = j.ts and s.etat = j.etat
                             and s.priority is not distinct from j.priority)));

create or replace temp view replay_tickets_read as
select t.ticket_key,
       case when t.created_local is not null
                 and t.import_id in (select import_id from replay_other_imports)
            then (t.created_local - to_seconds(r.offset_s))::timestamptz
            else t.created_at end as created_at,
       t.priority
from tickets t
asof left join replay_tz_rules r on t.created_local >= r.boundary;
