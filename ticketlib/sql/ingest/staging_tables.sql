-- The staging contract every format reader fills (DESIGN §4; `ingest/staging.py`): all text,
-- each row with its file and row (grain: one row per source row, per table as named).
create or replace temp table stg_tickets (
    file_index integer, source_row bigint, ticket_id varchar, created_raw varchar,
    priority_raw varchar, customer varchar, assignee varchar, team varchar, title varchar,
    raw varchar);

create or replace temp table stg_events (
    file_index integer, source_row bigint, ticket_id varchar, ts_raw varchar,
    status_raw varchar, status_key varchar, priority_raw varchar, raw varchar);

create or replace temp table stg_rejects (
    file_index integer, source_row bigint, ticket_id varchar, reason varchar, detail varchar,
    raw varchar);

create or replace temp table stg_skipped (file_index integer, reason varchar, n bigint);

create or replace temp table stg_flags (ticket_id varchar, flag varchar, detail varchar);

create or replace temp table stg_event_order (file_index integer, source_row bigint,
    position bigint);

create or replace temp table vocab_status (folded varchar, etat etat);

create or replace temp table vocab_priority (folded varchar, priority priority);
