-- One row per import, file and reason of the quarantine: how many rows were set aside.
select import_id, file_name, reason, count(*) as rows
from quarantine
group by all
order by import_id desc, rows desc, file_name, reason
