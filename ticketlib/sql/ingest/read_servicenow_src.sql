-- One row per staged ServiceNow row (sn_src): file, row, layout (audit | snapshot) and the
-- mapped fields as text, in the order of servicenow/reader.FIELDS.
create or replace temp table sn_src (
    file_index integer, source_row bigint, layout varchar,
    ticket_id varchar, state varchar, hold_reason varchar, updated varchar, mod_count varchar,
    opened varchar, resolved varchar, closed varchar, priority varchar, customer varchar,
    team varchar, assignee varchar, title varchar)
