-- One row per raw ticket: its id, and null attributes (the CLI's scopes never read them, so the
-- mart does not carry them): the same columns as stg_ticket_attributes.sql.
create or replace temp view replay_ticket_attributes as
select ticket_key, ticket_id, null::varchar as customer, null::varchar as team,
       null::varchar as assignee, null::varchar as title
from tickets
