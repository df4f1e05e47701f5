-- One ticket's stored events: raw status beside the état, raw priority, and the file and row
-- each came from.
select ts, status_raw, etat::varchar as etat, priority_raw, priority::varchar as priority,
       e.import_id, f.file_name, e.source_row
from events e
left join import_files f on f.import_id = e.import_id and f.file_index = ((e.seq >> 32) & 65535)
where ticket_key = $k
order by ts, seq
