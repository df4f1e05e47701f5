-- One row per event of one ticket, in replay order: the raw status beside the état it mapped
-- to, the priority, the source file and row, and whether it falls after the as-of instant.
select e.ts, e.status_raw, e.etat::varchar as etat, e.priority_raw,
       e.priority::varchar as priority, f.file_name, e.source_row, e.import_id,
       e.ts > $as_of as after_as_of
from events e
left join import_files f on f.import_id = e.import_id
     and f.file_index = ((e.seq >> 32) & 65535)
where e.ticket_key = $ticket_key
order by e.ts, e.seq
