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
    """A file that cannot be used at all; nothing of it is stored.

    `path`: the file, or several (a sequence) when the failure cannot be pinned on one of
    them; the message names them by file name, then says why, on one line.
    """

    def __init__(self, path: Path | str | list | tuple, why: str):
        paths = [path] if isinstance(path, (str, Path)) else list(path)
        names = ", ".join(Path(p).name for p in paths) or "-"
        super().__init__(" ".join(f"{names}: {why}".split()))
        self.path = str(paths[0]) if len(paths) == 1 else names
        self.why = why


def unexpected(paths, exc: Exception) -> FileError:
    """An error no check foresaw (a DuckDB error on odd data, an OS error...) as a FileError
    naming the files being read, so that no input ends in a traceback."""
    return FileError(paths, f"{type(exc).__name__}: {_first_line(exc)}")


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
    ft = _read_parquet(con, path, table) if is_parquet(path) else _read_csv(con, path, table)
    ft.size, ft.sha256 = size, digest
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
            path, f"Parquet illisible / unreadable Parquet: {_first_line(exc)}"
        ) from None
    # the table keeps the file's order, so rowid + 1 is the row's position in the file
    con.execute(
        f"create or replace temp view {table} as select d.*, rowid + 1 as __row from {table}_data d"
    )
    rows = con.execute(f"select count(*) from {table}_data").fetchall()[0][0]
    return FileTable(path, table, _fold_names(names, internal), dict(zip(internal, names)), rows)


def _read_csv(con, path: Path, table: str) -> FileTable:
    header, encoding = _header_line(path)
    if not header.strip():
        raise FileError(path, "pas d'en-tête / no header line")
    delim = max([";", ",", "\t", "|"], key=lambda d: _count_outside_quotes(header, d))
    names = _unique(next(csv.reader([header], delimiter=delim)))
    internal = internal_names(len(names))
    try:
        rejects = _scan(con, path, table, delim, internal)
        failure = None
    except duckdb.Error as exc:
        rejects, failure = [], exc
    if failure is not None or any(r[1].startswith("INVALID ENCODING") for r in rejects):
        # Not UTF-8 (Windows-1252 from French Excel) or mixed line endings: read a normalised
        # UTF-8 copy instead (the file itself stays as it is).
        source, encoding = _normalised_copy(path)
        try:
            rejects = _scan(con, source, table, delim, internal)
        except duckdb.Error as exc:
            why = _first_line(failure or exc)
            raise FileError(path, f"CSV illisible / unreadable CSV: {why}") from None
        finally:
            source.unlink()
    rows = con.execute(f"select count(*) from {table}").fetchall()[0][0] + len(rejects)
    return FileTable(
        path,
        table,
        _fold_names(names, internal),
        dict(zip(internal, names)),
        rows,
        rejects,
        encoding=encoding,
    )


def _scan(con, source: Path, table: str, delim: str, internal: list[str]) -> list:
    """Read the CSV into `table` (a view adding `__row`) under the internal column names;
    return the rows it could not split."""
    rejects_table, scan_table = f"{table}_rejects", f"{table}_scan"
    # No sniffing: the dialect comes from the header line, every column is text, and rows with
    # a wrong number of fields become rejects instead of failing the whole file.
    con.execute(
        f"create or replace temp table {table}_data as select * from read_csv($p, header = true, "
        "auto_detect = false, columns = $columns, delim = $d, quote = '\"', escape = '\"', "
        f"ignore_errors = true, store_rejects = true, rejects_table = '{rejects_table}', "
        f"rejects_scan = '{scan_table}')",
        {"p": str(source), "d": delim, "columns": dict.fromkeys(internal, "VARCHAR")},
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


def _fold_names(names: list[str], internal: list[str]) -> dict[str, str]:
    """folded original name -> internal name; of two names that fold alike, the first."""
    out: dict[str, str] = {}
    for name, column in zip(names, internal):
        out.setdefault(fold_column(name), column)
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
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
