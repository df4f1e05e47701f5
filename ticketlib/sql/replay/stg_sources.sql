-- The raw events and tickets the replay reads, their instants as the replaying calendar's
-- zone reads them (DESIGN §5.1). A naive timestamp is kept by the import as its local wall
-- time (events.ts_local, tickets.created_local) beside the instant it read in its own zone
-- (imports.timezone); where that zone is not the replay zone, the wall time is read again in
-- the replay zone by the import's rule (fold=0: offset rules of timeparse.offset_rules, ASOF on
-- the wall time). Every other instant is the stored one.
-- Inputs: events, tickets, replay_other_imports (imports read in another zone),
-- replay_tz_rules (the replay zone's rules). replay.prepare_sources reads these views once
-- (the latest instant) or keeps them as tables (a replay reads them several times).
create or replace temp view replay_events_read as
select e.ticket_key,
       case when e.ts_local is not null
                 and e.import_id in (select import_id from replay_other_imports)
            then (e.ts_local - to_seconds(r.offset_s))::timestamptz
            else e.ts end as ts,
       e.seq, e.etat, e.priority
from events e
asof left join replay_tz_rules r on e.ts_local >= r.boundary;

create or replace temp view replay_tickets_read as
select t.ticket_key,
       case when t.created_local is not null
                 and t.import_id in (select import_id from replay_other_imports)
            then (t.created_local - to_seconds(r.offset_s))::timestamptz
            else t.created_at end as created_at,
       t.priority
from tickets t
asof left join replay_tz_rules r on t.created_local >= r.boundary;
