"""First run (issue 13, item 14): the demo's deliberate bad rows are announced as such, in both
languages, before the import prints them; the PDF finds Playwright's chromium when the system
has none."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from ticketlib.outputs import print_pdf as report

ROOT = Path(__file__).resolve().parents[1]


def test_demo_import_is_announced_as_deliberate_in_both_languages():
    dry = subprocess.run(
        ["make", "-n", "--always-make", "demo-db", "PY=python", "VENV=/nonexistent"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    note = next(i for i, line in enumerate(dry) if line.startswith("echo "))
    assert "ticketlib load data/demo/" in dry[note + 1]  # said just before the import
    assert "sont voulus" in dry[note] and "are deliberate" in dry[note]
    assert "l'installation est correcte" in dry[note] and "the install is fine" in dry[note]
    # the first `make run` builds the database through the same note
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(
        r"\$\(DB\):.*\n\t@echo \$\(DEMO_NOTE\)\n\t\$\(PY\) -m ticketlib load", makefile
    )


def _fake_chrome(folder: Path, revision: str) -> Path:
    chrome = folder / f"chromium-{revision}" / "chrome-linux" / "chrome"
    chrome.parent.mkdir(parents=True)
    chrome.write_text("#!/bin/sh\n")
    chrome.chmod(0o755)
    return chrome


def test_pdf_uses_playwrights_chromium_without_a_system_one(tmp_path, monkeypatch):
    monkeypatch.delenv("TICKETLIB_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no chromium on the PATH
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "pw"))
    assert report.chromium_path() is None
    _fake_chrome(tmp_path / "pw", "999")
    newest = _fake_chrome(tmp_path / "pw", "1140")
    assert report.chromium_path() == str(newest)
    os.chmod(newest, 0o644)  # not executable: not a browser
    assert report.chromium_path() is None
