"""Files uploaded through the dashboard: the name each is saved under."""

from __future__ import annotations

from ticketlib.ingest.errors import FileError


def upload_name(name: str) -> str:
    """The base name an uploaded file is saved under (its own, so importers and messages name
    it), or a FileError naming it: no NUL, not `.`/`..`/empty, at most 255 bytes (issue 14
    item 7: `..` gave IsADirectoryError, 300 characters `File name too long`)."""
    shown = str(name).replace("\x00", "␀")
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if "\x00" in base:
        raise FileError(shown, "nom de fichier avec un caractère NUL / file name with a NUL")
    if base in ("", ".", ".."):
        raise FileError(shown or "-", "nom de fichier invalide / invalid file name")
    if len(base.encode("utf-8")) > 255:
        raise FileError(
            shown[:60] + "…",
            f"nom de fichier trop long ({len(base)} caractères, 255 octets au plus) / "
            f"file name too long ({len(base)} characters, 255 bytes at most)",
        )
    return base
