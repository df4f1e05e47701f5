"""The generic format (DESIGN §5.1): a tickets file and an events file, CSV or Parquet.

Each file is recognised by its columns, so they can be given in any order. Statuses and
priorities are the seed's labels or codes, in any spelling.
"""

from __future__ import annotations

from pathlib import Path

from ticketlib.db.sqlident import quote_ident
from ticketlib.domain.vocabulary import ETAT_VOCABULARY, PRIORITY_VOCABULARY
from ticketlib.ingest.files import (
    FileError,
    FileTable,
    header_columns,
    is_parquet,
    original_names,
    read_file,
)
from ticketlib.ingest.staging import StagedFile, add_vocabulary

NAME = "csv"
EVENTS_REQUIRED = ("ticket_id", "timestamp", "status")
TICKETS_REQUIRED = ("ticket_id", "created_at")
TICKETS_OPTIONAL = ("priority", "customer", "assignee", "team", "title")


def kind_of(columns) -> str | None:
    if all(c in columns for c in EVENTS_REQUIRED):
        return "events"
    if all(c in columns for c in TICKETS_REQUIRED):
        return "tickets"
    return None


def sniff(path: Path, head: str) -> bool:
    """A CSV whose header names the generic columns."""
    return kind_of(header_columns(head)) is not None


def stage(con, files: list[tuple[int, Path]], mapping=None) -> list[StagedFile]:
    """Read each file (CSV or Parquet) and stage its rows; a file of neither kind is refused."""
    add_vocabulary(con, "vocab_status", ETAT_VOCABULARY)
    add_vocabulary(con, "vocab_priority", PRIORITY_VOCABULARY)
    tables = [(i, read_file(con, Path(p), f"file_{i}")) for i, p in files]
    return [stage_file(con, index, ft) for index, ft in tables]


def stage_file(con, index: int, ft: FileTable) -> StagedFile:
    kind = kind_of(ft.columns)
    if kind is None:
        found = original_names(ft)
        raise FileError(
            ft.path,
            "colonnes requises manquantes / missing required columns: "
            f"tickets ({', '.join(TICKETS_REQUIRED)}) ou/or events "
            f"({', '.join(EVENTS_REQUIRED)}); trouvées / found: {found}",
        )

    def col(name: str) -> str:
        column = ft.columns.get(name)
        return f"{quote_ident(column)}::varchar" if column else "null"

    view = f"stg_{kind}_file_{index}"
    if kind == "events":
        columns = f"{col('timestamp')}, {col('status')}, {col('status')}, {col('priority')}"
    else:
        columns = f"{col('created_at')}, " + ", ".join(col(c) for c in TICKETS_OPTIONAL)
    con.execute(
        f"create or replace temp view {view} as select {index}::integer as file_index, "
        f"__row::bigint as source_row, {col('ticket_id')}, {columns}, null::varchar as raw "
        f"from {ft.table}"
    )
    _stage_rejects(con, index, ft)
    return StagedFile(
        index,
        Path(ft.path),
        kind,
        "parquet" if is_parquet(ft.path) else NAME,  # the file's real format, in the summary
        ft.rows,
        ft.size,
        ft.sha256,
        ft.table,
        views={kind: view},
        names=ft.names,
        notes=list(ft.notes),
        time_columns={
            kind: ft.names[ft.columns["timestamp" if kind == "events" else "created_at"]]
        },
    )


def _stage_rejects(con, index: int, ft: FileTable) -> None:
    if not ft.rejects:
        return
    con.executemany(
        "insert into stg_rejects values (?, ?, ?, 'malformed_row', ?, ?)",
        [
            [index, row, ft.field_of(line, ft.columns.get("ticket_id")), error, line]
            for row, error, line in ft.rejects
        ],
    )
