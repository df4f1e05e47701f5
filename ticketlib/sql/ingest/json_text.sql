-- One row: the whole text of the file $p (json_text.c), its byte-order mark removed.
create or replace temp table json_text as select ltrim(content, chr(65279)) as c from read_text($p)
