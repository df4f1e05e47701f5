"""Reading one export file into a DuckDB temp table, as people really have them.

CSV: UTF-8 with or without BOM, or Windows-1252 (French Excel), `,` `;` or tab separated (taken
from the header line), quoted fields with newlines, CRLF. Parquet as is. Every cell is text;
the importer parses. Each row keeps its row number as a spreadsheet shows it (the header is
row 1) in `__row`; rows the CSV reader cannot split are returned as rejects with their line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb


class FileError(ValueError):
    """A file that cannot be used at all; nothing of it is stored."""

    def __init__(self, path: Path | str, why: str):
        super().__init__(f"{Path(path).name}: {why}")
        self.path = str(path)
        self.why = why


@dataclass
class FileTable:
    path: Path
    table: str  # temp table: the original columns as text plus __row
    columns: dict[str, str]  # folded name -> original column name
    rows: int  # rows read, rejects included
    rejects: list[tuple[int, str, str]] = field(default_factory=list)  # (row, error, line)
    size: int = 0
    sha256: str = ""
    encoding: str = "utf-8"


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


def read_file(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> FileTable:
    path = Path(path)
    if not path.exists():
        raise FileError(path, "fichier introuvable / file not found")
    if not path.is_file():
        raise FileError(path, "n'est pas un fichier / not a file")
    size, digest = file_digest(path)
    if size == 0:
        raise FileError(path, "fichier vide / empty file")
    if path.suffix.lower() in (".parquet", ".pq"):
        ft = _read_parquet(con, path, table)
    else:
        ft = _read_csv(con, path, table)
    ft.size, ft.sha256 = size, digest
    if ft.rows == 0:
        raise FileError(path, "aucune ligne de données / no data rows")
    return ft


def _read_parquet(con, path: Path, table: str) -> FileTable:
    try:
        con.execute(
            f"create or replace temp table {table} as "
            "select * replace (file_row_number + 1 as file_row_number) "
            "from read_parquet($p, file_row_number = true)",
            {"p": str(path)},
        )
    except duckdb.Error as exc:
        raise FileError(
            path, f"Parquet illisible / unreadable Parquet: {_first_line(exc)}"
        ) from None
    con.execute(f"alter table {table} rename column file_row_number to __row")
    names = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] != "__row"]
    rows = con.execute(f"select count(*) from {table}").fetchall()[0][0]
    return FileTable(path, table, _fold_names(names), rows)


def _read_csv(con, path: Path, table: str) -> FileTable:
    header, encoding = _header_line(path)
    if not header.strip():
        raise FileError(path, "pas d'en-tête / no header line")
    delim = max([";", ",", "\t", "|"], key=lambda d: _count_outside_quotes(header, d))
    names = _unique(next(csv.reader([header], delimiter=delim)))
    try:
        rejects = _scan(con, path, table, delim, names)
        failure = None
    except duckdb.Error as exc:
        rejects, failure = [], exc
    if failure is not None or any(r[1].startswith("INVALID ENCODING") for r in rejects):
        # Not UTF-8 (Windows-1252 from French Excel) or mixed line endings: read a normalised
        # UTF-8 copy instead (the file itself stays as it is).
        source, encoding = _normalised_copy(path)
        try:
            rejects = _scan(con, source, table, delim, names)
        except duckdb.Error as exc:
            why = _first_line(failure or exc)
            raise FileError(path, f"CSV illisible / unreadable CSV: {why}") from None
        finally:
            source.unlink()
    rows = con.execute(f"select count(*) from {table}").fetchall()[0][0] + len(rejects)
    return FileTable(path, table, _fold_names(names), rows, rejects, encoding=encoding)


def _scan(con, source: Path, table: str, delim: str, names: list[str]) -> list:
    """Read the CSV into `table` (a view adding `__row`); return the rows it could not split."""
    rejects_table, scan_table = f"{table}_rejects", f"{table}_scan"
    # No sniffing: the dialect comes from the header line, every column is text, and rows with
    # a wrong number of fields become rejects instead of failing the whole file.
    con.execute(
        f"create or replace temp table {table}_data as select * from read_csv($p, header = true, "
        "auto_detect = false, columns = $columns, delim = $d, quote = '\"', escape = '\"', "
        f"ignore_errors = true, store_rejects = true, rejects_table = '{rejects_table}', "
        f"rejects_scan = '{scan_table}')",
        {"p": str(source), "d": delim, "columns": dict.fromkeys(names, "VARCHAR")},
    )
    rejects = con.execute(
        f"select line, error_type || ': ' || error_message, csv_line from {rejects_table} "
        "order by line"
    ).fetchall()
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


def _fold_names(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(fold_column(name), name)
    return out


def _normalised_copy(path: Path) -> tuple[Path, str]:
    """A UTF-8 copy with LF line ends of a UTF-8 or Windows-1252 text file."""
    encoding = "utf-8" if _is_utf8(path) else "cp1252"
    tmp = Path(tempfile.mkstemp(suffix=".csv", prefix="ticketlib-")[1])
    # universal newlines turn CRLF and lone CR into LF, across chunk boundaries too
    with (
        open(path, encoding=encoding, errors="_latin1_fallback", newline=None) as src,
        open(tmp, "w", encoding="utf-8", newline="\n") as dst,
    ):
        for chunk in iter(lambda: src.read(1 << 20), ""):
            dst.write(chunk.lstrip("\ufeff") if dst.tell() == 0 else chunk)
    return tmp, "utf-8" if encoding == "utf-8" else "windows-1252"


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        try:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _latin1_fallback(exc: UnicodeDecodeError):
    # The five bytes Windows-1252 leaves undefined are kept as their Latin-1 characters.
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("_latin1_fallback", _latin1_fallback)


def _header_line(path: Path) -> tuple[str, str]:
    with open(path, "rb") as f:
        line = f.readline()
    try:
        return line.decode("utf-8-sig").rstrip("\r\n"), "utf-8"
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="_latin1_fallback").rstrip("\r\n"), "windows-1252"


def _count_outside_quotes(line: str, delim: str) -> int:
    return sum(part.count(delim) for part in line.split('"')[::2])


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
