-- One json_docs row: the whole text of file $i (json_text) as one JSON document.
insert into json_docs select $i, 1, 'document', c::json, null from json_text
