"""The one error of the ingest layer: a file that cannot be used, named in a one-line message."""

from __future__ import annotations

from pathlib import Path

from ticketlib.domain.bilingual import in_language


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
        self.names = names
        self.why = why

    def message(self, lang: str = "fr") -> str:
        """The same line in one language, for a page (the CLI prints both, `str(self)`)."""
        return " ".join(f"{self.names}: {in_language(self.why, lang)}".split())


def unexpected(paths, exc: Exception) -> FileError:
    """An error no check foresaw (a DuckDB error on odd data, an OS error...) as a FileError
    naming the files being read, so that no input ends in a traceback."""
    return FileError(paths, f"{type(exc).__name__}: {first_line(exc)}")


def first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
