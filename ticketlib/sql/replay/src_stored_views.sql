-- The replay's sources as stored (every naive time read in the replay zone, no event a copy in
-- some zones only): views of the raw tables, at no cost (replay/sources.py).
create or replace temp view replay_events_src as
select ticket_key, ts, seq, etat, priority from events;
create or replace temp view replay_tickets_src as
select ticket_key, created_at, priority from tickets
