-- One row per line of json_text (a JSON Lines file), trimmed, numbered from 1
-- (ingest/jsonfiles.py).
create or replace temp table json_lines as
select n, trim(line, chr(13) || chr(9) || ' ') as line
from (select unnest(s) as line, generate_subscripts(s, 1) as n
      from (select string_split(c, chr(10)) as s from json_text))
