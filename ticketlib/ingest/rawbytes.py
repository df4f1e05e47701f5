"""Bytes before rows: what an input file holds before any CSV, JSON or XML reader sees it.

`.gz` inputs are expanded as a stream and capped (`CappedReader`, `expanded`: issue 14 item 2);
one byte pass finds NUL bytes and quoted fields too long to read (`byte_scan`, item 3); a text
that is not all UTF-8 is copied to UTF-8 byte by byte, so a stray Windows-1252 byte never
turns the valid UTF-8 rows into mojibake (`normalised_copy`, item 8).
"""

from __future__ import annotations

import codecs
import contextlib
import gzip
import io
import itertools
import os
import re
import shutil
import tempfile
import zlib
from pathlib import Path

from ticketlib.ingest.errors import FileError

MAX_EXPANDED_ENV = "TICKETLIB_MAX_EXPANDED_MB"
MAX_EXPANDED_MB = 1024


def max_expanded_bytes() -> int:
    """The most bytes a `.gz` input may expand to (issue 14 item 2): `$TICKETLIB_MAX_EXPANDED_MB`
    MiB, default 1024 (1 GiB); a larger expansion is refused, never written out. ValueError,
    naming the variable, for a value that is not a whole number of MiB (at least 1)."""
    text = os.environ.get(MAX_EXPANDED_ENV, "").strip()
    try:
        mb = int(text) if text else MAX_EXPANDED_MB
    except ValueError:
        mb = 0
    if mb < 1:
        raise ValueError(
            f"{MAX_EXPANDED_ENV}={text!r} invalide : un nombre entier de Mio (1 ou plus) / "
            "invalid: a whole number of MiB (1 or more)"
        )
    return mb << 20


def too_big(path: Path, limit: int) -> FileError:
    return FileError(
        path,
        f"décompressé, dépasse {limit >> 20} Mio / expands beyond {limit >> 20} MiB "
        f"({MAX_EXPANDED_ENV})",
    )


class CappedReader(io.RawIOBase):
    """A `.gz` file read as a stream that refuses (FileError) past `limit` expanded bytes and
    turns a truncated or corrupt archive into a FileError naming the file."""

    def __init__(self, path: Path, limit: int | None = None):
        self.path, self.limit, self.read_so_far = path, limit or max_expanded_bytes(), 0
        self._gz = gzip.open(path, "rb")  # noqa: SIM115 (closed by close())

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            n = self._gz.readinto(buffer)
        except (EOFError, OSError, zlib.error) as exc:
            raise FileError(self.path, f"archive gzip illisible / unreadable gzip: {exc}") from None
        self.read_so_far += n
        if self.read_so_far > self.limit:
            raise too_big(self.path, self.limit)
        return n

    def close(self) -> None:
        self._gz.close()
        super().close()


@contextlib.contextmanager
def expanded(path: Path):
    """A `.gz` file expanded to a temp file (capped: `max_expanded_bytes`), removed on every
    exit path (refusal, error, success)."""
    fd, name = tempfile.mkstemp(suffix=path.name.removesuffix(".gz")[-40:], prefix="ticketlib-")
    tmp = Path(name)
    try:
        with CappedReader(path) as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


MAX_FIELD_ENV = "TICKETLIB_MAX_FIELD_MB"
MAX_FIELD_MB = 2  # DuckDB's own default `max_line_size`
# The practical ceiling: DuckDB's CSV reader holds several copies of a line in its buffers, so
# a 30 MB field took 1.9 GB and ran out of memory; 16 MiB stays within a few hundred MB.
MAX_FIELD_CEILING_MB = 16


def max_field_mb() -> int:
    """`$TICKETLIB_MAX_FIELD_MB`: the longest quoted field a CSV may hold, in MiB (default 2,
    1 to 16). ValueError, naming the variable, for any other value."""
    text = os.environ.get(MAX_FIELD_ENV, "").strip()
    try:
        mb = int(text) if text else MAX_FIELD_MB
    except ValueError:
        mb = 0
    if not 1 <= mb <= MAX_FIELD_CEILING_MB:
        raise ValueError(
            f"{MAX_FIELD_ENV}={text!r} invalide : un nombre entier de Mio de 1 à "
            f"{MAX_FIELD_CEILING_MB} / invalid: a whole number of MiB from 1 to "
            f"{MAX_FIELD_CEILING_MB}"
        )
    return mb


def check_limits() -> None:
    """The input limits set by environment variables, read once before any file: ValueError
    naming the variable for a value that is not valid."""
    max_expanded_bytes()
    max_field_mb()


def max_line_bytes() -> int:
    """DuckDB's `max_line_size` for a CSV read: the field cap plus room for the row's other
    fields, never below DuckDB's own 2,000,000 bytes."""
    return max(2_000_000, (max_field_mb() + 1) << 20)


def byte_scan(path: Path) -> tuple[bool, int | None]:
    """One pass over the bytes (1 MiB chunks, no per-row loop): whether the file holds a NUL,
    and the line where a quoted field longer than `$TICKETLIB_MAX_FIELD_MB` MiB (default 2)
    opens, or None. Such a field (a title of 20 MB, an unclosed quote) would cost DuckDB's
    reject scan minutes and gigabytes (issue 14 item 3): it is refused before."""
    limit = max_field_mb() << 20
    nul, inside, run, lines, opened = False, False, 0, 0, 1
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            nul = nul or b"\x00" in chunk
            quotes = chunk.count(b'"')
            if inside and quotes == 0:
                run += len(chunk)
                if run > limit:
                    return nul, opened
            elif quotes % 2:
                inside = not inside
                if inside:  # the field opens at this chunk's last quote
                    last = chunk.rfind(b'"')
                    opened, run = lines + chunk.count(b"\n", 0, last) + 1, len(chunk) - last
            elif inside:
                run = len(chunk) - chunk.rfind(b'"')
            lines += chunk.count(b"\n")
    return nul, None


_ODD_BYTE = re.compile("[\udc80-\udcff]")


def normalised_copy(path: Path) -> tuple[Path, str, list[str]]:
    """A UTF-8 copy with LF line ends and no NUL of a UTF-8 or Windows-1252 text file, its
    encoding and what was done (notes). Decided byte by byte, not for the whole file: valid
    UTF-8 stays UTF-8 (`Société`), and only bytes that are not UTF-8 are read as Windows-1252
    (French Excel); a stray byte in a UTF-8 file is said with its line."""
    fd, name = tempfile.mkstemp(suffix=".csv", prefix="ticketlib-")
    tmp = Path(name)
    decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
    odd, nul, lines, seen, carry = 0, 0, [], 0, ""
    with open(path, "rb") as src, os.fdopen(fd, "w", encoding="utf-8", newline="\n") as dst:
        for raw in itertools.chain(iter(lambda: src.read(1 << 20), b""), [None]):
            text = carry + (decoder.decode(raw) if raw is not None else decoder.decode(b"", True))
            carry = ""
            if raw is not None and text.endswith("\r"):  # a CRLF split across two chunks
                text, carry = text[:-1], "\r"
            if seen == 0 and dst.tell() == 0:
                text = text.lstrip("\ufeff")
            for m in _ODD_BYTE.finditer(text):
                odd += 1
                if len(lines) <= 5:
                    line = seen + text.count("\n", 0, m.start()) + 1
                    lines += [] if line in lines else [line]
            if odd:
                text = _ODD_BYTE.sub(_as_cp1252, text)
            nul += text.count("\x00")
            text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
            seen += text.count("\n")
            dst.write(text)
    notes = []
    if odd:
        where = ", ".join(map(str, lines[:5])) + (" ..." if len(lines) > 5 else "")
        notes.append(
            f"{odd} octet(s) non UTF-8 lu(s) en Windows-1252 (ligne(s) {where}) / "
            f"{odd} non-UTF-8 byte(s) read as Windows-1252 (line(s) {where})"
        )
    if nul:
        notes.append(f"{nul} caractère(s) NUL retiré(s) / {nul} NUL character(s) removed")
    return tmp, "windows-1252" if odd else "utf-8", notes


def _as_cp1252(m: re.Match) -> str:
    # The five bytes Windows-1252 leaves undefined are kept as their Latin-1 characters.
    byte = bytes([ord(m.group()) - 0xDC00])
    return byte.decode("cp1252", errors="_latin1_fallback")


def _latin1_fallback(exc: UnicodeDecodeError):
    # The five bytes Windows-1252 leaves undefined are kept as their Latin-1 characters.
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("_latin1_fallback", _latin1_fallback)


def refuse_utf16(path: Path, head: bytes) -> None:
    """A FileError for a text in UTF-16 (Excel's "Unicode text"), with or without its BOM: its
    every other byte is NUL, so it would read as a garbled header."""
    bom = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    pairs = head[:200]
    little = len(pairs) >= 4 and pairs[1::2].count(0) == len(pairs[1::2]) and pairs[0] != 0
    big = len(pairs) >= 4 and pairs[0::2].count(0) == len(pairs[0::2]) and pairs[1] != 0
    if bom or little or big:
        raise FileError(
            path,
            "encodé en UTF-16, non pris en charge : enregistrez-le en UTF-8 (ou CSV UTF-8 dans "
            "Excel) / UTF-16 encoded, not supported: save it as UTF-8 (CSV UTF-8 in Excel)",
        )


HEADER_MAX = 1 << 20  # the longest header line read (a 1 MB column name is no header)
MAX_COLUMNS = 4096  # the most columns (CSV) or attribute keys (XES) of one file


def too_many_columns(path: Path, count: int) -> FileError:
    """The one refusal of a file with more than MAX_COLUMNS columns (20,000 took 48 s then ran
    DuckDB out of memory under the 1 GB budget, 8,000 too)."""
    return FileError(
        path,
        f"{count} colonnes, {MAX_COLUMNS} au plus / {count} columns, {MAX_COLUMNS} at most",
    )


def header_line(path: Path, shown: Path | None = None) -> tuple[str, str]:
    """The first line of a text file (ended by LF, CRLF or a lone CR: old Mac files) and its
    encoding; a FileError naming `shown` (default `path`) for UTF-16 or a first line over
    HEADER_MAX bytes, never read whole into memory."""
    shown = shown or path
    with open(path, "rb") as f:
        head = f.read(HEADER_MAX + 1)
    refuse_utf16(shown, head[:200])
    ends = [i for i in (head.find(b"\n"), head.find(b"\r")) if i >= 0]
    if not ends and len(head) > HEADER_MAX:
        raise FileError(
            shown,
            f"ligne d'en-tête de plus de {HEADER_MAX >> 20} Mio (ou sans fin de ligne) / "
            f"header line over {HEADER_MAX >> 20} MiB (or no line end)",
        )
    line = head[: min(ends)] if ends else head
    try:
        return line.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="_latin1_fallback"), "windows-1252"
