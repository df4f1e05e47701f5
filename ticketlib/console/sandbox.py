"""The SQL console's sandbox: a locked-down DuckDB instance, and the check before a query runs.

Every query runs in a fresh in-memory DuckDB instance that attaches the database file READ_ONLY,
creates views with friendly names over the derived and raw tables, then locks itself down:

- `enable_external_access = false`: no file read or written (read_csv, read_text, glob, COPY,
  EXPORT DATABASE, ATTACH of a file), no network (http URLs), no extension installed or loaded
  from disk, no Python replacement scan;
- `allow_community_extensions`, `autoload_known_extensions`, `autoinstall_known_extensions`
  false and `allow_extension_repositories = 'forbidden'`: no extension can come in;
- `python_enable_replacements = false`: Python variables are never read as tables;
- `memory_limit`, `temp_directory = ''` (no spill file) and a thread count bound its resources;
- `lock_configuration = true` last: no SET, RESET or PRAGMA can undo any of the above.

On top of the engine's own refusals, the statement is parsed first and only one SELECT (which
includes WITH, VALUES, FROM-first, DESCRIBE, SHOW, SUMMARIZE) is executed: INSERT, UPDATE,
DELETE, CREATE, DROP, ATTACH, DETACH, COPY, EXPORT, INSTALL, LOAD, SET, RESET, PRAGMA, CALL,
EXPLAIN (EXPLAIN ANALYZE runs its statement), transactions... are refused before running. The
time limit interrupts the query from a timer thread; rows are fetched in batches up to the cap.
Nothing here knows about Streamlit.
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb

from ticketlib.console.errors import SqlError, _first
from ticketlib.db import store

# friendly name -> schema.table of the database (marts first, then raw tables)
VIEWS: dict[str, str] = {
    "ticket_sla": "marts.ticket_sla",
    "intervals": "marts.intervals",
    "etat_durations": "marts.etat_durations",
    "quality": "marts.quality",
    "tickets": "main.tickets",
    "events": "main.events",
    "quarantine": "main.quarantine",
    "imports": "main.imports",
    "import_files": "main.import_files",
    "import_flags": "main.import_flags",
}


MEMORY_LIMIT = "3GB"


THREADS = 2


LOCKDOWN: tuple[str, ...] = (
    # resources first: temp_directory cannot change once external access is off
    "set temp_directory = ''",
    f"set memory_limit = '{MEMORY_LIMIT}'",
    f"set threads = {THREADS}",
    "set python_enable_replacements = false",
    "set enable_external_access = false",
    "set allow_community_extensions = false",
    "set autoload_known_extensions = false",
    "set autoinstall_known_extensions = false",
    "set allow_extension_repositories = 'forbidden'",
    "set lock_configuration = true",
)


ALLOWED_TYPES = frozenset({duckdb.StatementType.SELECT})


def sandbox(
    db: Path | str | None = None, timezone: str = "UTC", empty_ddl: list[str] | None = None
) -> duckdb.DuckDBPyConnection:
    """A fresh, locked, in-memory instance with the database attached read-only under views
    (`empty_ddl`: the derived tables' DDL for a missing database, if already known)."""
    path = Path(db) if db else store.default_db()
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"set TimeZone = '{_literal(timezone)}'")
        if path.exists():
            con.execute(f"attach '{_literal(str(path))}' as store (read_only)")
        else:  # no database yet: the empty schema, so the views and examples still bind
            con.execute("attach ':memory:' as store")
            cur = con.cursor().execute("use store")
            store.init_schema(cur)
            for ddl in empty_ddl or _empty_derived_ddl():
                cur.execute(ddl)
        existing = {
            r[0]
            for r in con.execute(
                "select table_schema || '.' || table_name from information_schema.tables "
                "where table_catalog = 'store'"
            ).fetchall()
        }
        for name, table in VIEWS.items():
            if table in existing:
                con.execute(f"create view main.{name} as select * from store.{table}")
        con.execute("use memory.main")
        for statement in LOCKDOWN:
            con.execute(statement)
    except BaseException:
        con.close()
        raise
    return con


@functools.cache
def _empty_derived_ddl() -> tuple[str, ...]:
    """The derived tables' CREATE statements, from one replay of an empty database."""
    from ticketlib.domain.config import SlaConfig
    from ticketlib.marts.persisted import rebuild

    con = duckdb.connect(":memory:")
    try:
        con.execute("set TimeZone = 'UTC'")
        con.execute("attach ':memory:' as store")
        cur = con.cursor().execute("set TimeZone = 'UTC'; use store")
        store.init_schema(cur)
        rebuild(cur, SlaConfig())
        rows = con.execute(
            "select sql from duckdb_tables() where database_name = 'store' "
            "and schema_name = 'marts' and table_name <> 'meta'"
        ).fetchall()
        return ("create schema if not exists marts", *(r[0] for r in rows))
    finally:
        con.close()


def available_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select view_name from duckdb_views() where database_name = 'memory' "
        "and not internal order by view_name"
    ).fetchall()
    return [r[0] for r in rows]


def check(con: duckdb.DuckDBPyConnection, text: str) -> None:
    """Refuse anything but one SELECT, before it runs."""
    if not text.strip():
        raise SqlError("empty", "La requête est vide.", "The query is empty.")
    try:
        statements = con.extract_statements(text)
    except duckdb.Error as exc:
        raise SqlError(
            "error", "Erreur de syntaxe SQL.", "SQL syntax error.", _first(exc)
        ) from None
    if not statements:
        raise SqlError("empty", "La requête est vide.", "The query is empty.")
    if len(statements) > 1:
        raise SqlError(
            "several",
            "Une seule requête à la fois : retirez les instructions après le premier « ; ».",
            "One statement at a time: remove the statements after the first ';'.",
        )
    kind = statements[0].type
    if kind not in ALLOWED_TYPES:
        name = kind.name
        raise SqlError(
            "refused",
            f"Refusé : la console est en lecture seule, seules les requêtes SELECT sont "
            f"permises (instruction {name}).",
            f"Refused: the console is read only, only SELECT queries are allowed "
            f"({name} statement).",
        )


def _literal(text: str) -> str:
    return text.replace("'", "''")
