"""Reading one export file into a DuckDB temp table, as people really have them.

CSV: UTF-8 with or without BOM, or Windows-1252 (French Excel), `,` `;` or tab separated (taken
from the header line), quoted fields with newlines, CRLF. Parquet as is. Every cell is text;
the importer parses. Each row keeps its row number as a spreadsheet shows it (the header is
row 1) in `__row`; rows the CSV reader cannot split are returned as rejects with their line.
"""

from __future__ import annotations

import codecs
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
    source, encoding = _utf8_source(path)
    header = _header_line(source)
    if not header.strip():
        raise FileError(path, "pas d'en-tête / no header line")
    delim = max([";", ",", "\t", "|"], key=lambda d: _count_outside_quotes(header, d))
    rejects_table, scan_table = f"{table}_rejects", f"{table}_scan"
    try:
        con.execute(
            f"create or replace temp table {table} as select * from read_csv($p, header = true, "
            "all_varchar = true, delim = $d, quote = '\"', escape = '\"', ignore_errors = true, "
            f"store_rejects = true, rejects_table = '{rejects_table}', "
            f"rejects_scan = '{scan_table}')",
            {"p": str(source), "d": delim},
        )
    except duckdb.Error as exc:
        raise FileError(path, f"CSV illisible / unreadable CSV: {_first_line(exc)}") from None
    rejects = con.execute(
        f"select line, error_type || ': ' || error_message, csv_line from {rejects_table} "
        "order by line"
    ).fetchall()
    con.execute(f"drop table if exists {rejects_table}; drop table if exists {scan_table}")
    names = [r[0] for r in con.execute(f"describe {table}").fetchall()]
    # Row numbers as a spreadsheet shows them: rowid order is file order; rejected lines
    # (known by number) are skipped over.
    con.execute(f"alter table {table} add column __row bigint")
    if rejects:
        con.execute("create or replace temp table __rej (line bigint)")
        con.executemany("insert into __rej values (?)", [[r[0]] for r in rejects])
        con.execute(
            f"update {table} set __row = rowid + 2 + (select count(*) from "
            "(select line - 2 - (row_number() over (order by line) - 1) as before from __rej) "
            f"where before <= {table}.rowid)"
        )
    else:
        con.execute(f"update {table} set __row = rowid + 2")
    rows = con.execute(f"select count(*) from {table}").fetchall()[0][0] + len(rejects)
    if source != path:
        source.unlink()
    return FileTable(path, table, _fold_names(names), rows, list(rejects), encoding=encoding)


def _fold_names(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(fold_column(name), name)
    return out


def _utf8_source(path: Path) -> tuple[Path, str]:
    """The file itself when it is UTF-8, else a UTF-8 copy of its Windows-1252 text."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        try:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return path, "utf-8"
        except UnicodeDecodeError:
            pass
    tmp = Path(tempfile.mkstemp(suffix=".csv", prefix="ticketlib-")[1])
    with open(path, "rb") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            dst.write(chunk.decode("cp1252", errors="_latin1_fallback"))
    return tmp, "windows-1252"


def _latin1_fallback(exc: UnicodeDecodeError):
    # The five bytes Windows-1252 leaves undefined are kept as their Latin-1 characters.
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("_latin1_fallback", _latin1_fallback)


def _header_line(path: Path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.readline()


def _count_outside_quotes(line: str, delim: str) -> int:
    return sum(part.count(delim) for part in line.split('"')[::2])


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
