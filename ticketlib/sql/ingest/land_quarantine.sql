-- The import's set-aside rows stored in the quarantine (grain: one row per q_rows row not
-- already stored for the same file, row, reason and raw text: an import again adds nothing).
insert into quarantine
select (select import_id from load_params), f.name, q.source_row, q.ticket_id, q.reason,
       q.detail, q.raw, q.kind
from q_rows q join load_files f using (file_index)
where not exists (
    select 1 from quarantine x
    where x.file_name = f.name and x.row_number is not distinct from q.source_row
      and x.reason = q.reason and x.raw is not distinct from q.raw);
