-- One row per import that read its naive timestamps in another zone than $tz: the input of stg_sources.sql.
create or replace temp table replay_other_imports as select import_id from imports where timezone <> $tz
