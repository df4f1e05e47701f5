"""Streamlit side of the customer review, the data page and the SQL console.

The cached review report (keyed like `app.cache` on the database version, configuration and
as-of instant; the review's and the data page's queries are in `app.data`); the import of
uploaded files (saved to a temporary folder under their own names, then `run_import`, then
every cached query cleared); the console's schema. Pages call these and draw.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from app import state
from app.cache import context, context_key
from ticketlib.console import sqlconsole
from ticketlib.db import store
from ticketlib.domain.config import ConfigError, SlaConfig
from ticketlib.ingest import FileError, ImportReport, run_import
from ticketlib.ingest.reasons import reason_label
from ticketlib.ingest.uploads import upload_name
from ticketlib.marts.persisted import config_fingerprint, stored_state
from ticketlib.outputs import print_pdf, report

# --- the review ---------------------------------------------------------------------------------


def review(customer: str, date_from: date | None, date_to: date | None) -> report.Review:
    return _review(context_key(), customer, date_from, date_to)


@st.cache_data(max_entries=32, show_spinner=False)
def _review(key: tuple, customer: str, date_from, date_to) -> report.Review:
    ds, config, marts = context()
    with ds.cursor() as cur:
        return report.build_review(cur, marts, config, customer, date_from, date_to)


def review_html_builder(rv: report.Review, lang: str, summary: bool = False) -> Callable[[], bytes]:
    """The HTML file, built only when the download button is clicked (a few MB each);
    `summary`: without the long tables (`report.review_html`)."""
    return lambda: report.review_html(rv, lang, summary=summary).encode("utf-8")


def review_pdf_builder(rv: report.Review, lang: str, summary: bool = False) -> Callable[[], bytes]:
    return lambda: print_pdf.review_pdf(report.review_html(rv, lang, summary=summary))


# --- imports ------------------------------------------------------------------------------------


def save_uploads(files: Sequence[tuple[str, bytes]], folder: Path) -> list[Path]:
    """Write uploaded files under their own base names (the importers read names and content)."""
    paths, seen = [], set()
    for name, content in files:
        base = upload_name(name)  # FileError naming it: `..`, NUL, over 255 bytes
        stem, suffix = Path(base).stem, Path(base).suffix
        n = 1
        while base in seen:  # two uploads with one name: keep both
            n += 1
            base = f"{stem}-{n}{suffix}"
        seen.add(base)
        path = folder / base
        path.write_bytes(content)
        paths.append(path)
    return paths


def import_uploads(
    files: Sequence[tuple[str, bytes]],
    fmt: str = "auto",
    mapping: tuple[str, bytes] | None = None,
    progress: Callable[[str, float], None] | None = None,
    db: Path | str | None = None,
    config: SlaConfig | None = None,
) -> ImportReport:
    """Import uploaded files as the CLI would; raise FileError / ConfigError / ValueError with
    nothing stored. On success every cached query is cleared, so pages show the new data."""
    with tempfile.TemporaryDirectory(prefix="ticketlib-upload-") as tmp:
        folder = Path(tmp) / "files"
        folder.mkdir()
        paths = save_uploads(files, folder)
        mapping_path = None
        if mapping is not None:
            mapping_path = Path(tmp) / upload_name(mapping[0])
            mapping_path.write_bytes(mapping[1])
        try:
            result = run_import(
                paths,
                db=db or store.default_db(),
                fmt=fmt,
                mapping=mapping_path,
                config=config,
                progress=progress,
            )
        except (ConfigError, ValueError) as exc:
            if isinstance(exc, FileError) or tmp not in str(exc):
                raise
            # the uploaded file by its own name, never the server's temporary folder
            raise type(exc)(str(exc).replace(f"{folder}/", "").replace(f"{tmp}/", "")) from None
    st.cache_data.clear()
    return result


def report_frames(result: ImportReport, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """An import's accounting: one row per file, and one row per file and reason."""
    files = pd.DataFrame(
        [
            {
                "file": f.name,
                "kind": f.kind,
                "format": f.format,
                "rows_read": f.rows_read,
                "loaded": f.loaded,
                "updated": f.updated,
                "duplicates": f.duplicates,
                "quarantined": f.quarantined_total,
                "skipped": f.skipped_total,
            }
            for f in result.files
        ]
    )
    reasons = pd.DataFrame(
        [
            {
                "file": f.name,
                "fate": fate,
                "reason": reason_label(code, lang),
                "code": code,
                "rows": n,
            }
            for f in result.files
            for fate, counts in (("quarantined", f.quarantined), ("skipped", f.skipped))
            for code, n in counts.items()
        ],
        columns=["file", "fate", "reason", "code", "rows"],
    )
    return files, reasons


# --- configuration and console ------------------------------------------------------------------


def config_text() -> str:
    try:
        return Path(state.config_path()).read_text(encoding="utf-8-sig")
    except OSError as exc:
        return f"# {exc}"


def derived_config_matches() -> bool | None:
    """Were the stored derived tables (read by the SQL console) built with this sla.toml?"""
    ds = state.dataset()
    with ds.cursor() as cur:
        stored = stored_state(cur).get("config")
    return None if stored is None else stored == config_fingerprint(state.config())


def console_schema() -> pd.DataFrame:
    return _schema(context_key())


@st.cache_data(max_entries=8, show_spinner=False)
def _schema(key: tuple) -> pd.DataFrame:
    con = sqlconsole.sandbox(key[0])
    try:
        return con.execute(
            "select table_name as view, column_name as column, data_type as type "
            "from information_schema.columns where table_catalog = 'memory' "
            "order by table_name, ordinal_position"
        ).df()
    finally:
        con.close()
