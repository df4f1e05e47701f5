"""What the ServiceNow and event-log readers share: derived entries, columns, ordering keys.

Both read *logs*: one row per update (ServiceNow audit) or per activity (event logs), from
which they derive one ticket row per ticket; the ServiceNow snapshot layout goes the other
way (one row per incident, events derived from its dates).

Accounting (DESIGN §4, checked by `landing`): every StagedFile contributes exactly its
`rows_read`. A file's own entry counts the rows of the file, each of which is exactly one of:
an event (or ticket row) staged, a row skipped with a reason (`stg_skipped`), or a reject
(`stg_rejects`). The rows a reader *derives* are counted in a second entry for the same file,
with index `file_index + DERIVED_OFFSET`, its own kind (tickets or events) and a note saying
they were derived, not read: so "read" is what the file held, and the derived rows are
accounted (new, duplicate, quarantined) like any others.
"""

from __future__ import annotations

from pathlib import Path

from ticketlib.importers.files import FileError, FileTable, fold_column
from ticketlib.importers.staging import StagedFile, add_vocabulary

# Event sequence numbers keep 8 bits for the file index (`landing`): real files use 0..127,
# their derived entries 128..255.
DERIVED_OFFSET = 128


def entry(index: int, ft: FileTable, kind: str, fmt: str, rows: int) -> StagedFile:
    """The entry of a file as read."""
    if index >= DERIVED_OFFSET:
        raise FileError(ft.path, f"trop de fichiers / too many files (max {DERIVED_OFFSET})")
    return StagedFile(index, Path(ft.path), kind, fmt, rows, ft.size, ft.sha256, ft.table)


def derived_entry(of: StagedFile, kind: str, rows: int, what_fr: str, what_en: str) -> StagedFile:
    """The entry of the rows derived from file `of` (not read from it: see the module doc)."""
    note = f"{rows} lignes dérivées ({what_fr}) / {rows} derived rows ({what_en})"
    return StagedFile(
        of.file_index + DERIVED_OFFSET, of.path, kind, of.format, rows, table=of.table, notes=[note]
    )


def candidates(spec: str | None) -> list[str]:
    """`"a | b"` -> ["a", "b"]: the column names a field may have, best first."""
    return [c.strip() for c in (spec or "").split("|") if c.strip()]


def present(columns: dict[str, str], spec: str | None) -> list[str]:
    """The original names of the candidate columns the file has (names compared folded)."""
    out = []
    for name in candidates(spec):
        original = columns.get(fold_column(name))
        if original and original not in out:
            out.append(original)
    return out


def text_expr(columns: dict[str, str], spec: str | None, missing=("",)) -> str:
    """SQL for a field: the first candidate column with a value, trimmed; `missing` -> null."""
    parts = []
    for name in present(columns, spec):
        quoted = '"' + name.replace('"', '""') + '"'
        expr = f"trim({quoted}::varchar)"
        for m in sorted(set(missing) | {""}):
            expr = f"nullif({expr}, {sql_literal(m)})"
        parts.append(expr)
    if not parts:
        return "null::varchar"
    return parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"


def sql_literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def add_statuses(con, namespace: str, statuses: dict[str, str]) -> None:
    """Status vocabulary under a namespace, so one source's spellings never map another's."""
    add_vocabulary(con, "vocab_status", {f"{namespace}:{k}": v for k, v in statuses.items()})


def stage_malformed(con, index: int, ft: FileTable) -> None:
    """Rows the CSV reader could not split: rejects of the file's own entry."""
    if ft.rejects:
        con.executemany(
            "insert into stg_rejects values (?, ?, null, 'malformed_row', ?, ?)",
            [[index, row, error, line] for row, error, line in ft.rejects],
        )


def count_rows(con, sql: str, params=None) -> int:
    return con.execute(f"select count(*) from ({sql})", params).fetchall()[0][0]


def value_counts(con, sql: str) -> str:
    """`'a' ×3, 'b' ×1` for a query returning (value, count)."""
    return ", ".join(f"{v!r} ×{n}" for v, n in con.execute(sql).fetchall())
