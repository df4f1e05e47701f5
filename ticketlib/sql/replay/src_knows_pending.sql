-- One row: has `events` the column `pending_duplicate` (databases made before it have not)?
select count(*) from duckdb_columns() where table_name = 'events' and column_name = 'pending_duplicate'
