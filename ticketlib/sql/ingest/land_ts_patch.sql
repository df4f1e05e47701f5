-- Each text of each file with its parsed instant (grain: one row per file and text of ts_texts
-- that ts_parsed read): one small table for step 2 of the landing to join.
create or replace temp table ts_patch as
select x.file_index, x.s, p.utc, p.local
from ts_texts x join ts_parsed p on p.s = x.t;
