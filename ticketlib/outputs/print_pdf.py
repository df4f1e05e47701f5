"""The review printed to PDF by headless chromium (Debian's, or a Chrome; TICKETLIB_CHROMIUM
overrides); `PdfUnavailable` says in French and English why not."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(RuntimeError):
    """No chromium to print with, or it failed: the message says which, in French and English."""


def chromium_path() -> str | None:
    """Debian's chromium (or a Chrome) on this machine; TICKETLIB_CHROMIUM overrides."""
    configured = os.environ.get("TICKETLIB_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def review_pdf(html: str, timeout: float = 90.0) -> bytes:
    """Print the review's HTML to an A4 PDF with headless chromium (charts drawn first)."""
    browser = chromium_path()
    if browser is None:
        raise PdfUnavailable(
            "PDF indisponible : chromium n'est pas installé sur le serveur "
            "(apt-get install chromium). Le fichier HTML contient la même revue. / "
            "PDF unavailable: chromium is not installed on the server "
            "(apt-get install chromium). The HTML file holds the same review."
        )
    with tempfile.TemporaryDirectory(prefix="ticketlib-pdf-") as tmp:
        page = Path(tmp) / "review.html"
        out = Path(tmp) / "review.pdf"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            "--virtual-time-budget=15000",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                f"PDF : chromium n'a pas répondu en {timeout:g} s. / "
                f"PDF: chromium did not answer within {timeout:g} s."
            ) from None
        if not out.exists() or out.stat().st_size == 0:
            err = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
            raise PdfUnavailable(
                "PDF : l'impression par chromium a échoué. / PDF: printing with chromium failed. "
                + " | ".join(err)
            )
        return out.read_bytes()
