"""The analysts' SQL console: one SELECT, read-only, run in a child process with a row cap,
a byte cap and a time limit (`run_query`), or in this process (`run_here`, the child's side).

The locked-down instance and the check before running are in `sandbox.py`, the refusals in
`errors.py`, the result frames and exports in `results.py`, the page's examples in
`examples.py`. Nothing here knows about Streamlit.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from ticketlib.console.errors import SqlError, _first, _row_too_large, _timeout, out_of_memory
from ticketlib.console.results import _rows_within, _to_pandas
from ticketlib.console.sandbox import _empty_derived_ddl, check, sandbox
from ticketlib.db import store

DEFAULT_ROW_CAP = 10_000
DEFAULT_TIME_LIMIT = 10.0
DEFAULT_BYTE_CAP = 64 << 20  # a result larger than this is cut (issue 14 item 1)


@dataclass(frozen=True)
class QueryResult:
    frame: pd.DataFrame
    truncated: bool  # more rows than a cap: only the first rows are in `frame`
    seconds: float
    row_cap: int
    byte_cap: int = 0
    truncated_by: str = ""  # "rows" (row_cap) or "bytes" (byte_cap) when truncated


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
