-- The JSON documents read from the files of an import (json_docs: one row per document or line,
-- with its place and DevLake context) and the lines that were not JSON (json_rejects).
create temp table if not exists json_docs (
    file_index integer, doc_no bigint, loc varchar, j json, ctx json);
create temp table if not exists json_rejects (
    file_index integer, doc_no bigint, loc varchar, detail varchar, raw varchar)
