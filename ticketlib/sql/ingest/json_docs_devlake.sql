-- One json_docs row per row of a DevLake raw table (file $i) whose data column is valid JSON;
-- placeholders: source_table (the file's view), data (its quoted data column), ctx (its
-- input column as JSON, or null) (ingest/jsonfiles.py).
insert into json_docs
select $i, __row, 'row ' || __row, {data}::json, {ctx}
from {source_table} where json_valid({data}) order by __row
