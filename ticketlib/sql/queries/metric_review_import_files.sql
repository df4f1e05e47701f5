-- One row per imported file, newest import first: its kind, format, size and accounting.
select import_id, file_index, file_name, kind, format, size_bytes, sha256,
       rows_read, loaded, updated, duplicates, quarantined
from import_files
order by import_id desc, file_index
