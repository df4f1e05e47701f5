"""JSON exports read into rows, for the readers of ticket-tool APIs (Jira, Zendesk).

A file becomes rows of the temp table `json_docs(file_index, doc_no, loc, j, ctx)`, one per JSON
document:
- a file holding one JSON value (pretty-printed or not): one document, `loc` = "document";
- JSON Lines (`.jsonl`, `.ndjson`, or any file that is not one JSON value): one document per
  non-blank line, `doc_no` = the line number, `loc` = "line N"; a line that is not JSON is a
  reject (`malformed_row`) and the other lines are read;
- DevLake raw tables (CSV `id, params, data, url, input, created_at`): one document per CSV row,
  `j` = the `data` column (the API item), `ctx` = the `input` column (e.g. the issue a changelog
  history belongs to), `doc_no` = the row as a spreadsheet shows it, `loc` = "row N".
`.gz` files are decompressed first. All parsing is DuckDB's (`read_text`, `json_valid`,
`string_split`): no Python loop over lines. Rejects go to `json_rejects(file_index, doc_no, loc,
detail, raw)`; the format reader passes them on to the staging with its own row numbers.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ticketlib.db.sqlfiles import query, render, run_script
from ticketlib.db.sqlident import quote_ident
from ticketlib.ingest.errors import memory_why, out_of_memory
from ticketlib.ingest.files import (
    FileError,
    expanded,
    file_digest,
    fold_column,
    read_file,
)

WRAPPER_COLUMNS = {"data", "params"}
RAW_LIMIT = 2000  # characters of a rejected line kept in the quarantine


@dataclass
class JsonFile:
    index: int
    path: Path
    size: int
    sha256: str
    layout: str  # document | lines | devlake_csv
    docs: int
    rejects: int


def looks_like_json(head: str) -> bool:
    return head.lstrip().startswith(("{", "["))


def is_devlake_csv(head: str) -> bool:
    """A DevLake raw table: CSV whose header has `params` and `data` (the API item as JSON)."""
    first = head.splitlines()[0] if head else ""
    names = {fold_column(c.strip().strip('"')) for c in first.split(",")}
    return names >= WRAPPER_COLUMNS


def read_json_file(con: duckdb.DuckDBPyConnection, index: int, path: Path) -> JsonFile:
    """Fill json_docs / json_rejects with the documents of one file."""
    path = Path(path)
    if not path.is_file():
        raise FileError(path, "fichier introuvable / file not found")
    size, digest = file_digest(path)
    if size == 0:
        raise FileError(path, "fichier vide / empty file")
    run_script(con, "json_tables")
    with contextlib.ExitStack() as stack:  # a `.gz` expanded (capped), removed on every exit
        source = stack.enter_context(expanded(path)) if path.suffix.lower() == ".gz" else path
        with open(source, encoding="utf-8-sig", errors="replace") as f:
            head = f.read(65536)
        if not looks_like_json(head) and is_devlake_csv(head):
            layout = _read_devlake_csv(con, index, path)
        else:
            layout = _read_text(con, index, path, source)
    docs, rejects = query(con, "json_counts", i=index).fetchall()[0]
    if docs == 0 and not (layout == "devlake_csv" and rejects == 0):
        # (a DevLake table with a header and no rows is an empty file, not an error)
        raise FileError(path, "aucun document JSON lisible / no readable JSON document")
    return JsonFile(index, path, size, digest, layout, docs, rejects)


def _read_text(con, index: int, path: Path, source: Path) -> str:
    try:
        query(con, "json_text", p=str(source))
    except duckdb.Error as exc:
        if out_of_memory(exc):
            raise FileError(path, memory_why()) from None
        if "utf-8" in str(exc).lower():  # DuckDB's words name the server's path: not shown
            raise FileError(path, "pas du texte UTF-8 / not UTF-8 text") from None
        why = str(exc).strip().splitlines()[0]
        raise FileError(path, f"texte UTF-8 illisible / unreadable UTF-8 text: {why}") from None
    lines_by_name = any(s in (".jsonl", ".ndjson") for s in path.suffixes[-2:])
    whole = (
        not lines_by_name and con.execute("select json_valid(c) from json_text").fetchall()[0][0]
    )
    if whole:
        query(con, "json_docs_document", i=index)
        con.execute("drop table json_text")
        return "document"
    query(con, "json_lines")
    query(con, "json_docs_lines", i=index)
    query(con, "json_rejects_lines", i=index, limit=RAW_LIMIT)
    con.execute("drop table json_text; drop table json_lines")
    return "lines"


def _read_devlake_csv(con, index: int, path: Path) -> str:
    ft = read_file(con, path, f"file_{index}")
    if "data" not in ft.columns:
        raise FileError(path, "colonne data absente / no data column (DevLake raw table)")
    data = quote_ident(ft.columns["data"])
    ctx = quote_ident(ft.columns["input"]) if "input" in ft.columns else None
    ctx_sql = f"case when json_valid({ctx}) then {ctx}::json end" if ctx else "null"
    parts = {"data": data, "ctx": ctx_sql, "source_table": ft.table}
    con.execute(render("json_docs_devlake", **parts), {"i": index})
    con.execute(render("json_rejects_devlake", **parts), {"i": index, "limit": RAW_LIMIT})
    if ft.rejects:
        con.executemany(
            "insert into json_rejects values (?, ?, ?, ?, ?)",
            [[index, r, f"row {r}", error, line[:RAW_LIMIT]] for r, error, line in ft.rejects],
        )
    return "devlake_csv"


_KEY_IN_NAME = re.compile(r"^([A-Z][A-Z0-9_]*-\d+)(?:$|[._\s-])")


def key_from_name(path: Path) -> str | None:
    """`EE-12.json`, `EE-12_changelog.json`, `EE-12.changelog.json.gz` -> `EE-12`."""
    match = _KEY_IN_NAME.match(Path(path).name)
    return match.group(1) if match else None
