-- One json_rejects row per invalid JSON line of file $i (its first $limit characters), from
-- json_lines (ingest/jsonfiles.py).
insert into json_rejects
select $i, n, 'line ' || n, 'JSON invalide / invalid JSON', left(line, $limit)
from json_lines where line <> '' and not json_valid(line) order by n
