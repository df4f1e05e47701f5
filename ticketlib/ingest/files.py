"""Reading one export file into a DuckDB temp table, as people really have them.

CSV: UTF-8 with or without BOM, or Windows-1252 (French Excel), `,` `;` or tab separated (taken
from the header line), quoted fields with newlines, CRLF. Parquet as is. Every CSV cell is text;
the importer parses. Each row keeps its row number as a spreadsheet shows it (the header is
row 1) in `__row`; rows the CSV reader cannot split are returned as rejects with their line.

The file's own column names never become SQL identifiers: its columns are stored under internal
names `c1, c2, ...` (in file order), `FileTable.columns` maps each folded original name to its
internal name and `FileTable.names` each internal name to the original. So a header such as
`Ticket "ID"`, `rowid` or `__row` can neither break a statement nor collide with a working
column (`__row`, DuckDB's `rowid`); an original name that must appear in SQL goes through
`sqlident.quote_ident`. A file with a header and no rows is an empty file (0 rows), not an error
(DESIGN §5.1).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ticketlib.db.sqlfiles import render
from ticketlib.domain.bilingual import said
from ticketlib.ingest.errors import FileError, first_line, unexpected  # noqa: F401 (re-exported)
from ticketlib.ingest.rawbytes import (  # noqa: F401 (CappedReader, expanded re-exported)
    MAX_COLUMNS,
    MAX_FIELD_ENV,
    CappedReader,
    byte_scan,
    expanded,
    header_line,
    max_field_mb,
    max_line_bytes,
    normalised_copy,
    too_many_columns,
)


@dataclass
class FileTable:
    path: Path
    table: str  # temp view: the file's columns under internal names c1, c2, ... plus __row
    columns: dict[str, str]  # folded original name -> internal column name
    names: dict[str, str]  # internal column name -> original name, in file order
    rows: int  # rows read, rejects included
    rejects: list[tuple[int, str, str]] = field(default_factory=list)  # (row, error, line)
    size: int = 0
    sha256: str = ""
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)  # what was done to read it (FR / EN)
    delimiter: str = ","  # a CSV's, to read a rejected line's fields

    def field_of(self, line: str, column: str | None) -> str | None:
        """The value of internal `column` in a rejected CSV `line` (its ticket id, so its
        quarantine row names it), or None when the line does not reach it."""
        if not column or not line:
            return None
        try:
            values = next(csv.reader([line], delimiter=self.delimiter))
        except (csv.Error, StopIteration):
            return None
        i = int(column[1:]) - 1
        value = values[i].strip() if i < len(values) else ""
        return value[:200] or None


def fold_column(name: str) -> str:
    """`Ticket ID`, `ticket-id`, `TICKET_ID` are all `ticket_id`."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "_", bare.lower()).strip("_")


def file_digest(path: Path) -> tuple[int, str]:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return path.stat().st_size, h.hexdigest()


PARQUET_SUFFIXES = (".parquet", ".pq")


def is_parquet(path: Path) -> bool:
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def read_file(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> FileTable:
    path = Path(path)
    if not path.exists():
        raise FileError(path, "fichier introuvable / file not found")
    if not path.is_file():
        raise FileError(path, "n'est pas un fichier / not a file")
    size, digest = file_digest(path)
    if size == 0:
        raise FileError(path, "fichier vide / empty file")
    if is_parquet(path):
        ft = _read_parquet(con, path, table)
    elif path.suffix.lower() == ".gz":  # `.csv.gz`: expanded (capped) to a temp copy first
        with expanded(path) as plain:
            ft = _read_csv(con, plain, table, shown=path)
    else:
        ft = _read_csv(con, path, table)
    ft.path, ft.size, ft.sha256 = path, size, digest
    return ft


def internal_names(n: int) -> list[str]:
    """The internal names of a file's n columns, in file order: c1, c2, ..."""
    return [f"c{i + 1}" for i in range(n)]


def original_names(ft: FileTable) -> str:
    """The file's own column names, for messages."""
    return ", ".join(ft.names.values())


def _read_parquet(con, path: Path, table: str) -> FileTable:
    try:
        names = [
            d[0]
            for d in con.execute(
                "select * from read_parquet($p) limit 0", {"p": str(path)}
            ).description
        ]
        internal = internal_names(len(names))
        # columns taken by position (#1, #2...): their names never enter the statement
        picked = ", ".join(f"#{i + 1} as {c}" for i, c in enumerate(internal))
        con.execute(
            f"create or replace temp table {table}_data as select {picked} from read_parquet($p)",
            {"p": str(path)},
        )
    except duckdb.Error as exc:
        raise FileError(
            path,
            "Parquet illisible / unreadable Parquet: "
            + first_line(exc).replace(str(path), path.name),  # never the server's path
        ) from None
    # the table keeps the file's order, so rowid + 1 is the row's position in the file
    con.execute(
        f"create or replace temp view {table} as select d.*, rowid + 1 as __row from {table}_data d"
    )
    rows = con.execute(f"select count(*) from {table}_data").fetchall()[0][0]
    return FileTable(path, table, _fold_names(names, internal), dict(zip(internal, names)), rows)


def _read_csv(con, path: Path, table: str, shown: Path | None = None) -> FileTable:
    """`path` read as CSV; messages name `shown` (the `.gz` given for its expanded copy)."""
    shown = shown or path
    header, encoding = header_line(path, shown)
    if not header.strip():
        raise FileError(shown, "pas d'en-tête / no header line")
    try:
        delim, given = header_of(header)
    except csv.Error as exc:  # a column name over the csv module's 128 KiB field limit
        raise FileError(shown, f"en-tête illisible / unreadable header: {exc}") from None
    if len(given) > MAX_COLUMNS:
        raise too_many_columns(shown, len(given))
    names = _unique(given)
    notes = _renamed_note(given, names) + _folded_note(names)
    internal = internal_names(len(names))
    nul, huge = byte_scan(path)
    if huge is not None:
        mb = max_field_mb()
        fr = (
            f"champ entre guillemets de plus de {mb} Mio ouvert ligne {huge} (ou guillemet non "
            "fermé)"
        )
        en = f"quoted field over {mb} MiB opened at line {huge} (or an unclosed quote)"
        raise FileError(
            shown,
            said(
                f"{fr} ; {MAX_FIELD_ENV}", f"{en}; {MAX_FIELD_ENV}", f"{fr} / {en}; {MAX_FIELD_ENV}"
            ),
        )
    try:
        rejects = [] if nul else _scan(con, path, table, delim, internal)
        failure = None
    except duckdb.Error as exc:
        rejects, failure = [], exc
    if nul or failure is not None or any(r[1].startswith("INVALID ENCODING") for r in rejects):
        # Not UTF-8 (Windows-1252 from French Excel, or one stray byte), NUL bytes or mixed line
        # endings: read a normalised UTF-8 copy instead (the file itself stays as it is).
        source, encoding, byte_notes = normalised_copy(path)
        notes += byte_notes
        try:
            rejects = _scan(con, source, table, delim, internal)
        except duckdb.Error as exc:
            why = first_line(failure or exc)
            raise FileError(shown, f"CSV illisible / unreadable CSV: {why}") from None
        finally:
            source.unlink()
    _refuse_unclosed_quote(shown, rejects)
    rows = con.execute(f"select count(*) from {table}").fetchall()[0][0] + len(rejects)
    return FileTable(
        shown,
        table,
        _fold_names(names, internal),
        dict(zip(internal, names)),
        rows,
        rejects,
        encoding=encoding,
        notes=notes,
        delimiter=delim,
    )


DELIMITERS = (";", ",", "\t", "|")


def header_of(line: str) -> tuple[str, list[str]]:
    """The delimiter and column names of a CSV header line: the one header sniffer of the
    ingest layer (readers and format detection alike). The delimiter is the one of `; , tab |`
    seen most often outside quotes; names are split as CSV (`"ticket""id"` is `ticket"id`)."""
    delim = max(DELIMITERS, key=lambda d: _count_outside_quotes(line, d))
    return delim, (next(csv.reader([line], delimiter=delim)) if line else [])


def header_columns(head: str) -> set[str]:
    """The folded column names of the first line of `head` (a file's first 64 KiB as text)."""
    first = head.splitlines()[0] if head else ""
    return {fold_column(name.strip()) for name in header_of(first)[1]}


def _renamed_note(given: list[str], names: list[str]) -> list[str]:
    """A word for header names repeated in the file (never "first wins silently")."""
    renamed = [
        f"{g.strip()!r} → {n!r}"
        for g, n in zip(given, names)
        if g.strip().lstrip("\ufeff") and g.strip().lstrip("\ufeff") != n
    ]
    if not renamed:
        return []
    listed = ", ".join(renamed)
    return [
        f"colonnes en double renommées (la première est lue) : {listed} / "
        f"duplicate columns renamed (the first is read): {listed}"
    ]


def _folded_note(names: list[str]) -> list[str]:
    """A word for names that differ but fold alike (`Customer` and `customer`, `ticket_id`
    and `Ticket ID`): the first is read (`_fold_names`), never silently."""
    first: dict[str, str] = {}
    alike = []
    for name in names:
        folded = fold_column(name)
        if folded in first:
            alike.append(f"{name!r} (= {first[folded]!r})")
        else:
            first[folded] = name
    if not alike:
        return []
    listed = ", ".join(alike)
    return [
        f"colonnes de même nom à la casse, aux accents ou à l'espacement près, la première est "
        f"lue : {listed} ignorée(s) / columns named alike but for case, accents or spacing, the "
        f"first is read: {listed} ignored"
    ]


def _refuse_unclosed_quote(path: Path, rejects: list) -> None:
    """A quote never closed swallows the rest of the file into one field: refused, said."""
    for line, error, _ in rejects:
        if "UNQUOTED" in error.upper() or "unterminated quote" in error.lower():
            raise FileError(
                path,
                f"guillemet non fermé ligne {line} : la suite du fichier serait avalée / "
                f"unclosed quote at line {line}: it would swallow the rest of the file",
            )


def _scan(con, source: Path, table: str, delim: str, internal: list[str]) -> list:
    """Read the CSV into `table` (a view adding `__row`) under the internal column names;
    return the rows it could not split."""
    rejects_table, scan_table = f"{table}_rejects", f"{table}_scan"
    # No sniffing: the dialect comes from the header line, every column is text, and rows with
    # a wrong number of fields become rejects instead of failing the whole file.
    tables = {"rejects_table": rejects_table, "scan_table": scan_table}
    scan = render(
        "scan_csv",
        data_table=f"{table}_data",
        max_line=str(max_line_bytes()),
        buffer=str(4 * max_line_bytes()),
        **tables,
    )
    con.execute(scan, {"p": str(source), "d": delim, "columns": dict.fromkeys(internal, "VARCHAR")})
    rejects = con.execute(render("scan_csv_rejects", **tables)).fetchall()
    con.execute(f"drop table if exists {rejects_table}; drop table if exists {scan_table}")
    # The reader keeps file order, so rowid is the position among the rows it accepted; row
    # numbers are shown as a spreadsheet shows them (header = 1), skipping rejected lines.
    row = "rowid + 2"
    if rejects:
        con.execute(f"create or replace temp table {table}_rej (before bigint)")
        con.executemany(
            f"insert into {table}_rej values (?)",
            [[line - 2 - i] for i, (line, _, _) in enumerate(rejects)],
        )
        row = f"rowid + 2 + (select count(*) from {table}_rej r where r.before <= d.rowid)"
    con.execute(
        f"create or replace temp view {table} as select d.*, {row} as __row from {table}_data d"
    )
    return list(rejects)


def _unique(names: list[str]) -> list[str]:
    """Header names made unique (a repeated name gets _2, _3...) and never empty."""
    out: list[str] = []
    for i, name in enumerate(names):
        name = name.strip().lstrip("\ufeff") or f"column{i + 1}"
        base, n = name, 1
        while name in out:
            n += 1
            name = f"{base}_{n}"
        out.append(name)
    return out


def _fold_names(names: list[str], internal: list[str]) -> dict[str, str]:
    """folded original name -> internal name; of two names that fold alike, the first."""
    out: dict[str, str] = {}
    for name, column in zip(names, internal):
        out.setdefault(fold_column(name), column)
    return out


def _count_outside_quotes(line: str, delim: str) -> int:
    return sum(part.count(delim) for part in line.split('"')[::2])
