-- One row per Jira unit of the files in j_files: an issue, a changelog page, a bulk entry,
-- a (wrapped) history, or an unrecognised value (kind null) (ingest/jira/reader.py).
create or replace temp table j_units as
with parts as (
    select d.file_index, d.doc_no, d.loc, d.ctx, f.name_key,
           json_type(d.j) = 'ARRAY' or json_exists(d.j, '$.issues')
               or json_exists(d.j, '$.issueChangeLogs') as container,
           case when json_type(d.j) = 'ARRAY' then json_extract(d.j, '$[*]')
                when json_exists(d.j, '$.issues') then json_extract(d.j, '$.issues[*]')
                when json_exists(d.j, '$.issueChangeLogs')
                    then json_extract(d.j, '$.issueChangeLogs[*]')
                else [d.j] end as l
    from json_docs d join j_files f using (file_index)
), units as (
    select *, unnest(l) as u, generate_subscripts(l, 1) as part_no from parts
)
select row_number() over (order by file_index, doc_no, part_no) as unit_seq,
       file_index, loc || case when container then ' [' || part_no || ']' else '' end
           as loc,
       u, ctx, name_key,
       case when json_type(u) <> 'OBJECT' then null
            when json_exists(u, '$.fields') or json_exists(u, '$.changelog') then 'issue'
            when json_exists(u, '$.changeHistories') then 'bulk'
            when json_exists(u, '$.values') then 'page'
            when json_exists(u, '$.history') then 'wrapper'
            when json_exists(u, '$.items') then 'history'
            when json_exists(u, '$.statusCategory') then 'status_definition'
       end as kind
from units
