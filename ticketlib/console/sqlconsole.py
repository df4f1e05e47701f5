"""The analysts' SQL console: read-only queries in a locked-down DuckDB instance.

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
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

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
DEFAULT_ROW_CAP = 10_000
DEFAULT_TIME_LIMIT = 10.0
DEFAULT_BYTE_CAP = 64 << 20  # a result larger than this is cut (issue 14 item 1)

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


@dataclass(frozen=True)
class SqlError(Exception):
    """A query that was refused or failed; `kind` says which, the message says why."""

    kind: str  # empty | several | refused | access | locked | timeout | memory | bytes | error
    fr: str
    en: str
    detail: str = ""

    def message(self, lang: str = "fr") -> str:
        text = self.fr if lang == "fr" else self.en
        return f"{text}\n\n{self.detail}" if self.detail else text

    def __str__(self) -> str:
        return f"{self.fr} / {self.en}" + (f": {self.detail}" if self.detail else "")

    @property
    def refused(self) -> bool:
        return self.kind in ("several", "refused", "access", "locked")


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    truncated: bool  # more rows than a cap: only the first rows are in `frame`
    seconds: float
    row_cap: int
    byte_cap: int = 0
    truncated_by: str = ""  # "rows" (row_cap) or "bytes" (byte_cap) when truncated


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


def run_query(
    text: str,
    db: Path | str | None = None,
    row_cap: int = DEFAULT_ROW_CAP,
    time_limit: float = DEFAULT_TIME_LIMIT,
    timezone: str = "UTC",
    batch_rows: int = 2048,
    byte_cap: int = DEFAULT_BYTE_CAP,
) -> QueryResult:
    """Run one SELECT read-only in a child process (`isolated`: hard memory limit, killed past
    the time limit) with a row cap and a byte cap; raise SqlError otherwise (FR/EN message)."""
    from ticketlib.console.isolated import run_isolated

    with duckdb.connect(":memory:") as con:  # refusals said at once, no child started
        check(con, text)
    path = Path(db) if db else store.default_db()
    query = {
        "text": text,
        "db": str(path),
        "row_cap": row_cap,
        "time_limit": time_limit,
        "timezone": timezone,
        "batch_rows": batch_rows,
        "byte_cap": byte_cap,
        # a missing database: the empty schema's DDL, built once here, not in every child
        "empty_ddl": None if path.exists() else list(_empty_derived_ddl()),
    }
    header, body = run_isolated({"query": query})
    if not header.get("ok"):
        kind = header.get("kind", "error")
        if kind == "timeout" and "fr" not in header:
            raise _timeout(time_limit)
        if kind == "memory" and "fr" not in header:
            raise out_of_memory(header.get("detail", ""))
        raise SqlError(kind, header["fr"], header["en"], header.get("detail", ""))
    table = pa.ipc.open_stream(body).read_all()
    return QueryResult(
        _to_pandas(table),
        bool(header["truncated"]),
        float(header["seconds"]),
        row_cap,
        byte_cap,
        header["truncated"],
    )


def _timeout(time_limit: float) -> SqlError:
    return SqlError(
        "timeout",
        f"Limite de temps dépassée ({time_limit:g} s) : la requête a été interrompue.",
        f"Time limit exceeded ({time_limit:g} s): the query was interrupted.",
    )


def run_here(
    text: str,
    db: Path | str | None = None,
    row_cap: int = DEFAULT_ROW_CAP,
    time_limit: float = DEFAULT_TIME_LIMIT,
    timezone: str = "UTC",
    batch_rows: int = 2048,
    byte_cap: int = DEFAULT_BYTE_CAP,
    empty_ddl: list[str] | None = None,
) -> tuple[pa.Table, str, float]:
    """The query run in this process (the child's side of `run_query`): (Arrow table of at
    most `row_cap` rows and about `byte_cap` bytes, "" | "rows" | "bytes" for what cut it,
    seconds); SqlError otherwise. Rows too large for Arrow batches of `batch_rows` (over 2 GB
    of text) are read again in batches of a few rows, within what is left of the time limit."""
    started = time.perf_counter()
    while True:
        left = time_limit - (time.perf_counter() - started)
        if left <= 0:
            raise _timeout(time_limit)
        try:
            table, cut, _ = _run_once(
                text, db, row_cap, left, timezone, batch_rows, byte_cap, empty_ddl
            )
            return table, cut, time.perf_counter() - started
        except _BatchTooLarge:
            batch_rows = max(1, batch_rows // 64)
        except SqlError as err:  # the time limit as the user set it, not what was left
            if err.kind == "timeout":
                raise _timeout(time_limit) from None
            raise


def _run_once(
    text: str,
    db: Path | str | None,
    row_cap: int,
    time_limit: float,
    timezone: str,
    batch_rows: int,
    byte_cap: int,
    empty_ddl: list[str] | None,
) -> tuple[pa.Table, str, float]:
    con = sandbox(db, timezone, empty_ddl)
    timer = threading.Timer(time_limit, con.interrupt)
    started = time.perf_counter()
    try:
        check(con, text)
        timer.start()
        relation = con.sql(text)
        if relation is None:  # not a query after all
            raise SqlError("refused", "Refusé : pas une requête SELECT.", "Refused: not a SELECT.")
        batches, rows, size, cut = [], 0, 0, ""
        reader = relation.to_arrow_reader(batch_rows)
        for batch in reader:
            if size + batch.nbytes > byte_cap:  # keep the rows that fit, then stop
                batch = _rows_within(batch, byte_cap - size)
                if rows + batch.num_rows == 0:  # one row alone is over the cap: say so
                    raise _row_too_large(byte_cap)
                batches.append(batch)
                rows += batch.num_rows
                cut = "bytes"
                break
            batches.append(batch)
            rows += batch.num_rows
            size += batch.nbytes
            if rows > row_cap:
                cut = "rows"
                break
        timer.cancel()
        table = (
            pa.Table.from_batches(batches, schema=reader.schema)
            if batches
            else reader.schema.empty_table()
        )
        return table.slice(0, row_cap), cut, time.perf_counter() - started
    except SqlError:
        raise
    except duckdb.InterruptException:
        raise _timeout(time_limit) from None
    except duckdb.PermissionException as exc:
        raise SqlError(
            "access",
            "Refusé : l'accès aux fichiers du serveur, au réseau et aux extensions est désactivé.",
            "Refused: access to the server's files, the network and extensions is disabled.",
            _first(exc),
        ) from None
    except duckdb.OutOfMemoryException as exc:
        raise out_of_memory(_first(exc)) from None
    except OSError as exc:  # DuckDB's error while Arrow builds the next batch
        if "INTERRUPT Error" in str(exc):  # the time limit's interrupt, between two batches
            raise _timeout(time_limit) from None
        large = "Arrow Appender" in str(exc) or "Out of Memory" in str(exc)
        if large and batch_rows > 1:
            raise _BatchTooLarge from None  # rows of megabytes: read again in smaller batches
        if large:
            raise out_of_memory(_first(exc)) from None
        raise SqlError("error", "Erreur SQL.", "SQL error.", _first(exc)) from None
    except duckdb.Error as exc:
        if "configuration has been locked" in str(exc):
            raise SqlError(
                "locked",
                "Refusé : la configuration de la console est verrouillée.",
                "Refused: the console's configuration is locked.",
                _first(exc),
            ) from None
        raise SqlError("error", "Erreur SQL.", "SQL error.", _first(exc)) from None
    finally:
        timer.cancel()
        con.close()


class _BatchTooLarge(Exception):
    """A batch of rows holds more than Arrow's 2 GB of text (rows of megabytes each)."""


def out_of_memory(detail: str = "") -> SqlError:
    """The one way the console's memory limit is said: the child's address space (DuckDB's
    own `memory_limit` is set below it, for the interpreter and the result)."""
    from ticketlib.console.isolated import ADDRESS_SPACE_MB

    gib = ADDRESS_SPACE_MB // 1024
    return SqlError(
        "memory",
        f"Mémoire insuffisante (limite {gib} Gio pour la requête) : filtrez ou agrégez davantage.",
        f"Out of memory (limit {gib} GiB for the query): filter or aggregate more.",
        detail,
    )


def _row_too_large(byte_cap: int) -> SqlError:
    mb = byte_cap >> 20
    return SqlError(
        "bytes",
        f"Rien à afficher : la première ligne dépasse à elle seule la limite de {mb} Mo du "
        "résultat (par exemple une liste agrégée par `list(...)`) : sélectionnez des valeurs "
        "plus petites (`len(...)`, `list_slice(...)`, une agrégation).",
        f"Nothing to show: the first row alone is over the result's {mb} MB limit (for "
        "instance a list aggregated by `list(...)`): select smaller values (`len(...)`, "
        "`list_slice(...)`, an aggregate).",
    )


def _rows_within(batch: pa.RecordBatch, budget: int) -> pa.RecordBatch:
    """The first rows of `batch` whose size stays within `budget` bytes (at least none)."""
    lo, hi = 0, batch.num_rows
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if batch.slice(0, mid).nbytes <= budget else (lo, mid - 1)
    return batch.slice(0, lo)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with plain types: enums as text, whole-number decimals as integers,
    other decimals (`avg`, `round(x, 1)`…) as floats: numbers on the page and in every export,
    never Python `Decimal` objects written as quoted text (issue 13, item 11)."""
    columns = []
    for field, column in zip(table.schema, table.columns):
        if pa.types.is_dictionary(field.type):
            column = column.cast(field.type.value_type)
        elif pa.types.is_decimal(field.type):
            column = _decimal_as_number(column, field.type.scale)
        columns.append(column)
    names = _unique(table.schema.names)
    return pa.table(columns, names=names).to_pandas()


def _decimal_as_number(column, scale: int):
    if scale == 0:
        try:
            return column.cast(pa.int64())
        except pa.ArrowInvalid:
            pass  # beyond 64 bits: a float
    return column.cast(pa.float64(), safe=False)


def exportable(frame: pd.DataFrame) -> pd.DataFrame:
    """A result ready for CSV / Excel / Parquet: nested values (lists, structs, maps, blobs)
    written as text, since spreadsheets have no cell for them."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            values = out[column].dropna()
            if len(values) and not values.map(lambda v: isinstance(v, str | int | float)).all():
                out[column] = out[column].map(
                    lambda v: (
                        None
                        if v is None or (isinstance(v, float) and pd.isna(v))
                        else v
                        if isinstance(v, str | int | float)
                        else _text(v)
                    )
                )
    return out


def _text(value) -> str:
    import json

    if isinstance(value, bytes):
        return value.hex()
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except TypeError:
        return str(value)


def to_parquet(frame: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append(name if n == 0 else f"{name}_{n}")
    return out


def _first(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _literal(text: str) -> str:
    return text.replace("'", "''")


# --- examples shown on the page: (French description, English description, SQL) ----------

EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Conformité TTR par priorité",
        "TTR compliance per priority",
        "select ttr_priority as priority,\n"
        "       count_if(ttr_met) as respectes,\n"
        "       count_if(ttr_decided) as decides,\n"
        "       round(100.0 * respectes / nullif(decides, 0), 1) as pct\n"
        "from ticket_sla\n"
        "group by ttr_priority\n"
        "order by ttr_priority",
    ),
    (
        "Tickets par client et par mois de création",
        "Tickets per customer and month of creation",
        "select customer, date_trunc('month', created_day) as mois, count(*) as tickets\n"
        "from ticket_sla\n"
        "group by all\n"
        "order by mois, tickets desc",
    ),
    (
        "Temps ouvré moyen passé dans chaque état (heures)",
        "Average business time spent in each état (hours)",
        "select etat, count(distinct ticket_key) as tickets,\n"
        "       round(avg(business_us) / 3.6e9, 2) as heures_ouvrees_moy\n"
        "from etat_durations\n"
        "group by etat\n"
        "order by heures_ouvrees_moy desc",
    ),
    (
        "Les 20 plus gros dépassements TTR encore ouverts",
        "The 20 largest TTR overruns still open",
        "select ticket_id, customer, priority, etat,\n"
        "       round((ttr_elapsed_us - ttr_target_us) / 3.6e9, 1) as depassement_h\n"
        "from ticket_sla\n"
        "where ttr_status = 'breached' and not ttr_stopped\n"
        "order by depassement_h desc\n"
        "limit 20",
    ),
    (
        "Attente du client contre attente du support, par client (heures ouvrées)",
        "Waiting for the customer versus the customer waiting, per customer (business hours)",
        "select customer,\n"
        "       round(sum(customer_wait_us) / 3.6e9, 1) as support_attend_client_h,\n"
        "       round(sum(requester_wait_us) / 3.6e9, 1) as client_attend_support_h\n"
        "from ticket_sla\n"
        "group by customer\n"
        "order by client_attend_support_h desc",
    ),
    (
        "Transitions les plus fréquentes",
        "Most frequent transitions",
        "select prev_etat, etat, count(*) as n\n"
        "from intervals\n"
        "where new_visit and not is_creation\n"
        "group by all\n"
        "order by n desc",
    ),
    (
        "Lignes en quarantaine par motif",
        "Quarantined rows per reason",
        "select reason, file_name, count(*) as lignes\nfrom quarantine\ngroup by all\norder by lignes desc",
    ),
    (
        "Historique des imports",
        "Import history",
        "select import_id, started_at, format, rows_read, loaded, duplicates, quarantined\n"
        "from imports\n"
        "order by import_id desc",
    ),
)
