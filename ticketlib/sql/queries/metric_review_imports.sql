-- One row per import, newest first: when, which format, the accounting and its files.
select i.import_id, i.started_at, i.finished_at, i.format, i.timezone,
       i.rows_read, i.loaded, i.duplicates, i.quarantined,
       count(f.file_index) as files,
       string_agg(f.file_name, ', ' order by f.file_index) as file_names
from imports i
left join import_files f using (import_id)
group by all
order by i.import_id desc
