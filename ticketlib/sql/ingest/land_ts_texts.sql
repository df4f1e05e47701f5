-- Each text the fast path could not read and the text to parse for it (grain: one row per file
-- and text of ts_slow): ISO order for the files whose column proves month-first ($mf, a list
-- of file indexes); then the distinct texts to parse (ts_input, for `timestamps.parse_texts`).
create or replace temp table ts_texts as
select file_index, s, case when list_contains($mf, file_index) then ts_month_first(s) else s end as t
from ts_slow;

create or replace temp table ts_input as select distinct t as s from ts_texts;
