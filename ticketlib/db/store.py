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
from ticketlib.domain.config import PROJECT_ROOT
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES

DEFAULT_DB = PROJECT_ROOT / "data" / "tickets.duckdb"
SCHEMA_VERSION = "1"


def default_db() -> Path:
    return Path(os.environ.get("TICKETLIB_DB", DEFAULT_DB))


def _enum(values) -> str:
    return ", ".join(f"'{v}'" for v in values)


SCHEMA = f"""
create type if not exists etat as enum ({_enum(ETAT_CODES)});
create type if not exists priority as enum ({_enum(PRIORITY_CODES)});
create table if not exists meta (key varchar primary key, value varchar);
create table if not exists imports (
    import_id integer primary key,
    started_at timestamptz not null,
    finished_at timestamptz,
    format varchar not null,
    timezone varchar not null,      -- zone used to read naive local timestamps
    rows_read bigint, loaded bigint, duplicates bigint, quarantined bigint
);
create table if not exists import_files (
    import_id integer not null,
    file_index integer not null,
    file_name varchar not null,
    path varchar,
    kind varchar not null,          -- tickets | events
    format varchar not null,
    size_bytes bigint,
    sha256 varchar,
    rows_read bigint, loaded bigint, updated bigint, duplicates bigint, quarantined bigint
);
create table if not exists tickets (
    -- internal key: integer joins are much faster than text. Unique like ticket_id, by the
    -- import's construction (no index: building one costs seconds per million tickets)
    ticket_key integer not null,
    ticket_id varchar not null,
    created_at timestamptz,         -- null: created at its first event (DESIGN §5.1)
    created_local timestamp,        -- the local wall time when the export gave no offset
    priority priority,
    priority_raw varchar,
    customer varchar, assignee varchar, team varchar, title varchar,
    import_id integer, source_file varchar, source_row bigint
);
create table if not exists events (
    ticket_key integer not null,
    ts timestamptz not null,
    ts_local timestamp,             -- the local wall time when the export gave no offset
    seq bigint not null,            -- import order: breaks ties between events at one instant
    etat etat not null,
    status_raw varchar,
    priority priority,
    priority_raw varchar,
    import_id integer not null,
    source_row bigint,
    -- a copy of another event in some zones only (a naive and an offset time): the replay
    -- drops it or not in its zone (sql/replay/stg_sources.sql)
    pending_duplicate boolean
);
create table if not exists import_flags (
    ticket_key integer not null,
    flag varchar not null,          -- e.g. changelog_truncated (Jira)
    detail varchar,
    import_id integer not null
);
create table if not exists quarantine (
    import_id integer not null,
    file_name varchar not null,
    row_number bigint,
    ticket_id varchar,
    reason varchar not null,
    detail varchar,
    raw varchar,                    -- the rejected row as JSON
    kind varchar                    -- tickets | events: what the rejected row was
);
alter table events add column if not exists pending_duplicate boolean;
-- databases made before `kind` existed gain it; their rows get it from their reason (else from
-- their file's kind; null when neither tells)
alter table quarantine add column if not exists kind varchar;
update quarantine q
set kind = coalesce(
    case when q.reason in ('missing_created_at', 'bad_created_at', 'conflicting_ticket_row',
                           'created_after_events') then 'tickets'
         when q.reason in ('missing_timestamp', 'bad_timestamp', 'missing_status',
                           'unknown_status', 'event_before_creation', 'invalid_state')
              then 'events' end,
    (select case when min(f.kind) = max(f.kind) and min(f.kind) in ('tickets', 'events')
                 then min(f.kind) end
     from import_files f where f.import_id = q.import_id and f.file_name = q.file_name))
where q.kind is null;
"""


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA)
    con.execute("insert or ignore into meta values ('schema_version', $v)", {"v": SCHEMA_VERSION})


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
    path.parent.mkdir(parents=True, exist_ok=True)
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
        if path.exists():
            shutil.copyfile(path, work)
        con = configure(duckdb.connect(str(work)), path)
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
