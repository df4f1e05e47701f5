-- The import's parameters and files (grain: one row; one row per file), for the landing's SQL.
create or replace temp table load_params as select $import_id::integer as import_id;

create or replace temp table load_files (file_index integer, name varchar, kind varchar);
