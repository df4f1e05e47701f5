-- One json_docs row per valid JSON line of file $i, from json_lines (ingest/jsonfiles.py).
insert into json_docs
select $i, n, 'line ' || n, line::json, null
from json_lines where line <> '' and json_valid(line) order by n
