"""Which reader handles which file: `--format auto` recognises each file by its content.

Every reader module has `NAME`, `sniff(path, head) -> bool` (head: the first 64 KiB as text)
and `stage(con, files, mapping) -> list[StagedFile]` (files: (index, path) pairs) filling the
staging tables (`staging.py`).
"""

from __future__ import annotations

import gzip
import importlib
import zlib
from pathlib import Path

from ticketlib.domain.bilingual import said
from ticketlib.domain.config import ConfigError
from ticketlib.ingest.files import FileError, unexpected
from ticketlib.ingest.mapping import load_mapping
from ticketlib.ingest.rawbytes import refuse_utf16
from ticketlib.ingest.staging import StagedFile

# Tried in this order by auto-detection: the most specific content first.
READERS = {
    "jira": "ticketlib.ingest.jira.reader",
    "zendesk": "ticketlib.ingest.zendesk.reader",
    "servicenow": "ticketlib.ingest.servicenow.reader",
    "csv": "ticketlib.ingest.generic.reader",
    "eventlog": "ticketlib.ingest.eventlog.reader",
}
ALIASES = {"generic": "csv"}


def reader(fmt: str):
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in READERS:
        raise ValueError(f"format inconnu / unknown format {fmt!r} ({', '.join(READERS)})")
    return importlib.import_module(READERS[fmt])


def head_text(path: Path, size: int = 65536) -> str:
    """The first `size` bytes as text (expanded for `.gz`; a truncated archive whose head
    still expands is read as far as it goes, the reader then refuses it)."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rb") as f:
            raw = f.read(size)
        refuse_utf16(path, raw)
        return raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    except (EOFError, zlib.error) as exc:
        raise FileError(path, f"archive gzip illisible / unreadable gzip: {exc}") from None
    except OSError as exc:
        raise FileError(path, f"illisible / unreadable: {exc.strerror or exc}") from None


def detect(path: Path) -> str:
    """The format of one file, or a FileError saying none fits."""
    if not path.exists():
        raise FileError(path, "fichier introuvable / file not found")
    if not path.is_file():
        raise FileError(path, "n'est pas un fichier / not a file")
    if path.suffix.lower() in (".parquet", ".pq"):
        return "csv"
    head = head_text(path)
    if not head.strip():
        raise FileError(path, "fichier vide / empty file")
    for fmt in READERS:
        try:
            module = reader(fmt)
        except ModuleNotFoundError:
            continue
        if module.sniff(path, head):
            return fmt
    kinds = "csv générique / generic csv, jira, zendesk, servicenow, eventlog"
    raise FileError(
        path,
        said(
            f"format non reconnu ({kinds.replace(' / generic csv', '')}) : choisissez le "
            "format (menu Format, ou --format en ligne de commande)",
            f"format not recognised ({kinds.replace('csv générique / ', '')}): choose the "
            "format (Format menu, or --format on the command line)",
            cli="format non reconnu / format not recognised (csv générique, jira, zendesk, "
            "servicenow, eventlog); précisez --format / give --format",
        ),
    )


def stage_files(con, paths: list[Path], fmt: str, mapping_path) -> tuple[list[StagedFile], str]:
    """Stage every file with its reader; returns the staged files and the format(s) used."""
    if fmt == "auto":
        chosen = {i: detect(p) for i, p in enumerate(paths)}
    else:
        fmt = ALIASES.get(fmt, fmt)
        reader(fmt)
        chosen = dict.fromkeys(range(len(paths)), fmt)
    staged: list[StagedFile] = []
    for name in dict.fromkeys(chosen.values()):
        files = [(i, paths[i]) for i in chosen if chosen[i] == name]
        mapping = load_mapping(name, mapping_path if name != "csv" else None)
        try:
            staged.extend(reader(name).stage(con, files, mapping))
        except (FileError, ConfigError):
            raise
        except Exception as exc:  # odd data no check foresaw: named, never a traceback
            raise unexpected([p for _, p in files], exc) from exc
    staged.sort(key=lambda f: f.file_index)
    return staged, "+".join(dict.fromkeys(chosen.values()))
