-- One row per raw ticket: its id and the attributes pages filter on (customer, team, assignee,
-- title), read by mart_ticket_sla.sql (replay/run.py: the "all" scope, when pages will read them).
create or replace temp view replay_ticket_attributes as
select ticket_key, ticket_id, customer, team, assignee, title from tickets
