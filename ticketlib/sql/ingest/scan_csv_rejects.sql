-- One row per CSV line rejected by scan_csv.sql: line, first error, the line's text (DuckDB
-- lists a short row once per missing column). Placeholder: rejects_table.
select line, first(error_type || ': ' || error_message order by column_idx), first(csv_line) from {rejects_table} group by line order by line
