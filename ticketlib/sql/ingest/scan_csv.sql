-- One row per line of CSV file $p split into the columns $columns (all text, delimiter $d, no
-- sniffing); lines with a wrong number of fields go to rejects_table / scan_table instead of
-- failing the file. Placeholders (ingest/files._scan): the tables' names and the line-size caps.
create or replace temp table {data_table} as select * from read_csv($p, header = true, auto_detect = false, columns = $columns, delim = $d, quote = '"', escape = '"', max_line_size = {max_line}, buffer_size = {buffer}, ignore_errors = true, store_rejects = true, rejects_table = '{rejects_table}', rejects_scan = '{scan_table}')
