"""The DuckDB file: schema, read-only connections for readers, and atomic write sessions.

A write session works on a copy of the database and replaces the file in one `os.replace` when
it succeeds, under a lock file (`filelock`: an OS lock, released by the system when its holder
dies, on Linux, macOS and Windows alike). So an import either lands whole or not at all (even if
the process is killed), readers in other processes or sessions keep a consistent snapshot and
never meet a lock, and two imports never interleave: the second waits, and says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from ticketlib.db import budget
from ticketlib.db.sqlfiles import run_script
from ticketlib.domain.config import PROJECT_ROOT
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES

DEFAULT_DB = PROJECT_ROOT / "data" / "tickets.duckdb"
SCHEMA_VERSION = "1"


def default_db() -> Path:
    return Path(os.environ.get("TICKETLIB_DB", DEFAULT_DB))


def _enum(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _types() -> str:
    """The enum types of the raw tables, their values from the vocabulary (whitelisted codes)."""
    return (
        f"create type if not exists etat as enum ({_enum(ETAT_CODES)});"
        f"create type if not exists priority as enum ({_enum(PRIORITY_CODES)});"
    )


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The raw tables (`sql/db/schema.sql`), upgraded in place from earlier versions."""
    con.execute(_types())
    run_script(con, "schema", schema_version=SCHEMA_VERSION)


def configure(con: duckdb.DuckDBPyConnection, db=None) -> duckdb.DuckDBPyConnection:
    """Every connection computes in UTC (local time only enters through the calendar), within
    the process's memory budget, spilling beside the database file `db` (`db/budget.py`)."""
    con.execute("set TimeZone = 'UTC'")
    budget.apply(con, db)
    return con


def connect_read(db: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection; a missing file gives an empty in-memory database."""
    path = Path(db) if db else default_db()
    if not path.exists():
        con = configure(duckdb.connect(":memory:"))
        init_schema(con)
        return con
    return configure(duckdb.connect(str(path), read_only=True), path)


def _lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


class DatabaseError(ValueError):
    """The database file itself cannot be used (a folder, not a DuckDB file): one line naming
    it, never the input files being imported."""

    def __init__(self, path: Path, why: str):
        super().__init__(f"{Path(path).name}: base inutilisable / unusable database: {why}")


WAITING = (
    "attente du verrou : un autre import est en cours sur cette base / waiting for the lock: "
    "another import is running on this database"
)


@contextlib.contextmanager
def write_session(db: Path | str | None = None, on_wait: Callable[[str], None] | None = None):
    """Yield a read-write connection to a working copy; replace the database only on success.

    When another write session holds the database's lock, `on_wait(WAITING)` is called once,
    then the session waits for the lock (no time limit: the other import ends or dies).
    """
    path = Path(db) if db else default_db()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(path, exc.strerror or str(exc)) from None
    work = path.with_name(f"{path.name}.work-{os.getpid()}")
    lock = FileLock(_lock_path(path), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait(WAITING)
        lock.acquire()
    with contextlib.ExitStack() as held:
        held.callback(lock.release)
        for stale in path.parent.glob(f"{path.name}.work-*"):  # left by a writer that died
            stale.unlink(missing_ok=True)
        try:  # a folder or a file that is no DuckDB database: said naming it, no copy left
            if path.exists():
                shutil.copyfile(path, work)
            con = configure(duckdb.connect(str(work)), path)
        except (duckdb.Error, OSError) as exc:
            _remove(work)
            why = exc.strerror if isinstance(exc, OSError) else None
            raise DatabaseError(
                path, why or "pas une base DuckDB lisible / not a readable DuckDB database"
            ) from None
        try:
            init_schema(con)
            yield con
            con.execute("checkpoint")
            con.close()
            os.replace(work, path)
        except BaseException:
            con.close()
            _remove(work)
            raise


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def database_version(db: Path | str | None = None) -> tuple[int, int] | None:
    """(inode, mtime_ns) of the file: changes whenever a write session lands."""
    path = Path(db) if db else default_db()
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns)
