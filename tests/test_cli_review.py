"""`python -m ticketlib review` (DESIGN §5.3, issue 13): the Revue client file for a scheduler,
run as users run it, in a subprocess, over the review fixture (Alpha: A1, A2 in March 2025,
A3 in April; A2 breached both clocks)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.outputs import print_pdf

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return load_history(tmp_path_factory.mktemp("cli_review"), TICKETS, EVENTS)


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "ticketlib", "review", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_html_for_one_customer_and_period(db, tmp_path):
    out = tmp_path / "revue.html"
    done = run(
        "--db",
        db,
        "--customer",
        "Alpha",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--out",
        out,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{out}: revue / review Alpha"
    html = out.read_text(encoding="utf-8")
    assert 'Revue SLA · <span class="customer">Alpha</span>' in html
    assert "tickets créés du 01/03/2025 au 31/03/2025" in html
    assert re.findall(r'class="id">(\w+)</td>', html) == ["A2", "A2", "A1", "A2"]
    assert html.count("Plotly.newPlot(") == 4


def test_summary_in_english(db, tmp_path):
    out = tmp_path / "review.html"
    done = run(
        "--db", db, "--customer", "Alpha", "--summary", "--out", out, env={"TICKETLIB_LANG": "en"}
    )
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "all the customer&#39;s tickets" in html
    assert "the list of breached clocks (2) and the list of tickets (3)" in html
    assert 'class="id">' not in html


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--customer", "Nobody"], {}, "client inconnu / unknown customer: 'Nobody' (3 clients"),
        (
            ["--customer", "Alpha", "--out-pdf"],
            {"TICKETLIB_CHROMIUM": "/nonexistent"},
            "PDF indisponible : chromium n'est pas installé",
        ),
        (
            ["--customer", "Alpha", "--from", "2025-04-01", "--to", "2025-03-01"],
            {},
            "période vide : 2025-04-01 est après 2025-03-01",
        ),
    ],
)
def test_refusals_are_one_line_and_write_nothing(db, tmp_path, args, env, message):
    out = tmp_path / ("r.pdf" if "--out-pdf" in args else "r.html")
    args = [a for a in args if a != "--out-pdf"]
    done = run("--db", db, *args, "--out", out, env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("erreur / error: ") and message in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.skipif(print_pdf.chromium_path() is None, reason="chromium is not installed")
def test_pdf(db, tmp_path):
    out = tmp_path / "revue.pdf"
    done = run("--db", db, "--customer", "Alpha", "--summary", "--out", out)
    assert done.returncode == 0, done.stderr
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 3
