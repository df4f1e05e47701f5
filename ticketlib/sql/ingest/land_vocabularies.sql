-- Each distinct raw status and priority of the import (grain: one row per raw text), folded and
-- looked up once, not once per row. Inputs: stg_events_all, stg_tickets_all, vocab_*.
create or replace temp table map_status as
select k.raw, any_value(v.etat) as etat, fold(k.raw) = '' as blank
from (select distinct status_key as raw from stg_events_all where status_key is not null) k
left join vocab_status v on v.folded = fold(k.raw)
group by k.raw;

create or replace temp table map_priority as
with raw as (
    select distinct priority_raw as raw from stg_tickets_all where priority_raw is not null
    union
    select distinct priority_raw from stg_events_all where priority_raw is not null
)
select raw.raw, any_value(v.priority) as priority, fold(raw.raw) = '' as blank
from raw left join vocab_priority v on v.folded = fold(raw.raw)
group by raw.raw;
