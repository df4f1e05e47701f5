"""SQL kept in `ticketlib/sql/`, one query per file (STYLE §1), run with bound parameters."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parents[1] / "sql"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")


@functools.cache
def sql_path(name: str) -> Path:
    """The file of a named query: `sql/<layer>/<name>.sql` (names are unique across layers)."""
    found = sorted(SQL_DIR.rglob(f"{name}.sql"))
    if len(found) != 1:
        raise LookupError(f"{name}.sql: {len(found)} files in {SQL_DIR}")
    return found[0]


@functools.cache
def sql(name: str) -> str:
    return sql_path(name).read_text(encoding="utf-8")


def statements(text: str) -> list[str]:
    """The statements of a script, as DuckDB's own parser splits it (`extract_statements`:
    semicolons inside literals, comments or macros never split a statement). Each keeps its
    text, comments and `$name` parameters included; a syntax error raises `duckdb.ParserException`."""
    return [s.query.strip() for s in duckdb.extract_statements(text)]


def run_script(con: duckdb.DuckDBPyConnection, name: str, **params) -> None:
    """Run every statement of a SQL file, each with the parameters it names."""
    for statement in statements(sql(name)):
        used = {k: params[k] for k in _PARAM.findall(statement) if k in params}
        con.execute(statement, used or None)


def query(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Execute a one-statement SQL file with its parameters; fetch from the returned cursor."""
    text = sql(name)
    used = {k: params[k] for k in set(_PARAM.findall(text)) if k in params}
    return con.execute(text, used or None)


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def render(name: str, **parts: str) -> str:
    """A SQL file with `{placeholders}` filled: table names (checked identifiers) or clauses
    built by our own code (`filters.where`), never user values, which stay bound parameters."""
    for key, value in parts.items():
        if key.endswith("_table") and not _IDENTIFIER.match(value):
            raise ValueError(f"not an identifier: {value!r}")
    return sql(name).format(**parts)


def bound(text: str, params: dict) -> dict:
    """The parameters a statement names."""
    return {k: params[k] for k in set(_PARAM.findall(text)) if k in params}
