-- Units per file (chg_units), the Zendesk units rejected (chg_rejects) and those skipped
-- (chg_skipped: no event), from z_units (ingest/zendesk/reader.py).
insert into chg_units select file_index, count(*) from z_units group by file_index;
insert into chg_rejects
select file_index, unit_seq, null,
       case when not has_ticket and il is null then 'malformed_row'
            else 'missing_ticket_id' end,
       loc || ': ' || case when not has_ticket and il is null
           then 'objet JSON non reconnu / unrecognised JSON object'
           else 'sans ticket_id / no ticket_id' end,
       left(u::varchar, 2000)
from z_units where ticket_id is null;
insert into chg_skipped
select file_index, 'other_event', count(*)
from z_units where ticket_id is not null and coalesce(len(il), 0) = 0 group by all
