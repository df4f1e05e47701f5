-- One row: the first and latest instant of replay_events and replay_tickets, events and
-- creations alike (replay/sources.data_span).
select least(e.first_ts, t.first_ts), greatest(e.last_ts, t.last_ts)
from (select min(ts) as first_ts, max(ts) as last_ts from replay_events) e,
(select min(created_at) as first_ts, max(created_at) as last_ts from replay_tickets) t
