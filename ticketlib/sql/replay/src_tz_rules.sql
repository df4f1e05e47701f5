-- One row per offset rule of the replay zone (filled from timestamps.offset_rules): the input of stg_sources.sql.
create or replace temp table replay_tz_rules (boundary timestamp, offset_s integer)
