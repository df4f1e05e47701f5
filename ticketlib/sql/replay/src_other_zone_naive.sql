-- One row: did any import read in another zone than $tz keep a naive wall time
-- (events.ts_local, tickets.created_local)? (replay/sources.py)
with other as (select import_id from imports where timezone <> $tz)
select exists (select 1 from events where ts_local is not null
               and import_id in (select import_id from other))
or exists (select 1 from tickets where created_local is not null
           and import_id in (select import_id from other))
