"""The one error of the ingest layer: a file that cannot be used, named in a one-line message."""

from __future__ import annotations

import re
from pathlib import Path

from ticketlib.domain.bilingual import in_language

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(name: str) -> str:
    """A file name as it may be printed on a terminal or a page: control characters (an ANSI
    escape `\\x1b[31m`, a line break) and bidirectional overrides written as escapes (`\\x1b`,
    `\\n`, `\\u202e`), so a name can neither drive the terminal nor read backwards."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode(), name)


class FileError(ValueError):
    """A file that cannot be used at all; nothing of it is stored.

    `path`: the file, or several (a sequence) when the failure cannot be pinned on one of
    them; the message names them by file name, then says why, on one line.
    """

    def __init__(self, path: Path | str | list | tuple, why: str):
        paths = [path] if isinstance(path, (str, Path)) else list(path)
        names = ", ".join(printable(Path(p).name) for p in paths) or "-"
        super().__init__(" ".join(f"{names}: {why}".split()))
        self.path = str(paths[0]) if len(paths) == 1 else names
        self.names = names
        self.why = why

    def message(self, lang: str = "fr") -> str:
        """The same line in one language, for a page (the CLI prints both, `str(self)`)."""
        return " ".join(f"{self.names}: {in_language(self.why, lang)}".split())


def unexpected(paths, exc: Exception) -> FileError:
    """An error no check foresaw (a DuckDB error on odd data, an OS error...) as a FileError
    naming the files being read, so that no input ends in a traceback; running out of memory
    is said as such (`out_of_memory`), never as DuckDB's or numpy's own words."""
    if out_of_memory(exc):
        return FileError(paths, memory_why())
    return FileError(paths, f"{type(exc).__name__}: {first_line(exc)}")


def first_line(exc: Exception) -> str:
    """The first line of an exception's message (the memory sentence when it ran out)."""
    if out_of_memory(exc):
        return memory_why()
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


_MEMORY_WORDS = ("out of memory", "bad allocation", "cannot allocate memory")


def out_of_memory(exc: BaseException) -> bool:
    """Whether `exc` means the process ran out of memory: a MemoryError, DuckDB's out of
    memory or failed allocation (under its `memory_limit` or the address-space limit), or an
    extension module that could not load for want of memory (numpy's long ImportError)."""
    if isinstance(exc, MemoryError):
        return True
    text = str(exc).lower()
    if isinstance(exc, ImportError):
        return "numpy" in text or "memory" in text
    return any(w in text for w in _MEMORY_WORDS)


def memory_why() -> str:
    from ticketlib.db.budget import budget

    size = f"{budget() / 1e9:.1f}".rstrip("0").rstrip(".")
    taille = size.replace(".", ",")  # French writes a decimal comma
    return (
        f"mémoire insuffisante pour lire ce fichier (budget {taille} Go, --memory ou "
        "TICKETLIB_MEMORY) : découpez-le ou augmentez le budget / out of memory reading this "
        f"file (budget {size} GB, --memory or TICKETLIB_MEMORY): split it or raise the budget"
    )
