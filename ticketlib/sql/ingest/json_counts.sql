-- One row: how many JSON documents (json_docs) and rejected lines (json_rejects) file $i gave.
select (select count(*) from json_docs where file_index = $i), (select count(*) from json_rejects where file_index = $i)
