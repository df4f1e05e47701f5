-- The staged rows of an event log (eventlog/reader.py): el_src, one row per event (case,
-- timestamp, activity as status, order key, attributes, ignored activity), el_cases, one row
-- per case of a cases file (creation and attributes); every value as text.
create or replace temp table el_src (file_index integer, source_row bigint, case_id varchar, ts varchar, status_raw varchar, status_key varchar, order_key varchar, priority varchar, assignee varchar, team varchar, customer varchar, title varchar, ignored boolean);
create or replace temp table el_cases (file_index integer, source_row bigint, case_id varchar, created varchar, priority varchar, assignee varchar, team varchar, customer varchar, title varchar)
