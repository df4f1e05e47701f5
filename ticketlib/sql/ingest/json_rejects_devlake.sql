-- One json_rejects row per row of a DevLake raw table (file $i) whose data column is not JSON
-- (its first $limit characters); placeholders as json_docs_devlake.sql.
insert into json_rejects
select $i, __row, 'row ' || __row, 'colonne data: JSON invalide / data column: invalid JSON',
       left({data}::varchar, $limit)
from {source_table} where not coalesce(json_valid({data}), false) order by __row
