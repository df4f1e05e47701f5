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

from ticketlib.db.sqlident import quote_ident
from ticketlib.ingest import slashdates
from ticketlib.ingest.files import FileError, FileTable, fold_column
from ticketlib.ingest.staging import StagedFile, add_vocabulary

# Event sequence numbers keep 8 bits for the file index (`landing`): real files use 0..127,
# their derived entries 128..255.
DERIVED_OFFSET = 128


def entry(index: int, ft: FileTable, kind: str, fmt: str, rows: int) -> StagedFile:
    """The entry of a file as read."""
    if index >= DERIVED_OFFSET:
        raise FileError(ft.path, f"trop de fichiers / too many files (max {DERIVED_OFFSET})")
    return StagedFile(
        index,
        Path(ft.path),
        kind,
        fmt,
        rows,
        ft.size,
        ft.sha256,
        ft.table,
        names=ft.names,
        dates_decided=True,  # the reader decides each time column (`slash_dates`)
    )


def derived_entry(of: StagedFile, kind: str, rows: int, what_fr: str, what_en: str) -> StagedFile:
    """The entry of the rows derived from file `of` (not read from it: see the module doc)."""
    note = f"{rows} lignes dérivées ({what_fr}) / {rows} derived rows ({what_en})"
    return StagedFile(
        of.file_index + DERIVED_OFFSET,
        of.path,
        kind,
        of.format,
        rows,
        table=of.table,
        notes=[note],
        names=of.names,
        dates_decided=True,
    )


def candidates(spec: str | None) -> list[str]:
    """`"a | b"` -> ["a", "b"]: the column names a field may have, best first."""
    return [c.strip() for c in (spec or "").split("|") if c.strip()]


def present(columns: dict[str, str], spec: str | None) -> list[str]:
    """The columns (internal names, `files.FileTable.columns`) of the candidates the file has
    (names compared folded)."""
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
        expr = f"trim({quote_ident(name)}::varchar)"
        for m in sorted(set(missing) | {""}):
            expr = f"nullif({expr}, {sql_literal(m)})"
        parts.append(expr)
    if not parts:
        return "null::varchar"
    return parts[0] if len(parts) == 1 else f"coalesce({', '.join(parts)})"


def slash_dates(
    con, ft: FileTable, table: str, index: int, fields: dict[str, str | None]
) -> list[str]:
    """Slash dates of one file's time fields, decided per column (`slashdates`, DESIGN §5.1),
    once the reader copied the file's rows (text) into `table`.

    `fields`: {column of `table` (our own name, e.g. `updated`): the mapping's candidates it was
    read from (to name it as the file does)}; rows of file `index`. A month-first column is
    rewritten in place to ISO order (`ts_month_first`); returns the notes for the import
    summary; FileError when a column proves both orders.
    """
    label = {
        f: " | ".join(ft.names[c] for c in present(ft.columns, spec)) for f, spec in fields.items()
    }
    used = {f: name for f, name in label.items() if name}
    if not used:
        return []
    texts = " union all ".join(
        f"select '{f}' as key, {f} as s from {table} where file_index = $i" for f in used
    )
    found = slashdates.proofs(con, texts, {"i": index})
    notes = []
    for f, name in used.items():
        month_first, note = slashdates.judge(ft.path, name, found.get(f))
        if month_first:
            con.execute(
                f"update {table} set {f} = ts_month_first({f}) where file_index = $i", {"i": index}
            )
        if note:
            notes.append(note)
    return notes


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
