-- One chg_units row per Jira file: how many units (issues, pages, histories...) it held.
insert into chg_units select file_index, count(*) from j_named group by file_index
