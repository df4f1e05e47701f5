"""One real-browser smoke test: every page in headless Debian chromium, no exception shown.

The app runs with `streamlit run` on a free port over a copy of the demo database; Playwright
drives /usr/bin/chromium (it downloads nothing). A screenshot of each page is saved under
test-output/screenshots/. Skips, saying why, only where chromium or Playwright is absent.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.streamlit_server import wait_healthy

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAGES = [
    "",  # the default page, Vue d'ensemble
    "conformite",
    "depassements",
    "parcours",
    "historique",
    "temps-par-etat",
    "revue-client",
    "donnees",
    "requetes-sql",
]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(demo_db, tmp_path_factory):
    yield from _served(demo_db, tmp_path_factory)


@pytest.fixture
def fresh_app_url(demo_db, tmp_path_factory):
    """A server no browser has opened yet: its first session is the one a pasted link gets."""
    yield from _served(demo_db, tmp_path_factory)


def _served(demo_db, tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    db = tmp_path_factory.mktemp("browser") / "app.duckdb"
    shutil.copyfile(demo_db, db)
    port = free_port()
    env = {**os.environ, "TICKETLIB_DB": str(db), "PYTHONPATH": str(ROOT)}
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(proc, url)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


def wait_until_idle(page, timeout_s: float = 60) -> None:
    """Streamlit shows a running indicator while the script runs; wait for it to go away."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_s * 1000)
    deadline = time.time() + timeout_s
    quiet_since = None
    while time.time() < deadline:
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        if running:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.time()
        elif time.time() - quiet_since > 1.5:
            return
        time.sleep(0.2)
    raise AssertionError("the page kept running")


def test_every_page_renders_without_exception(app_url):
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        for lang in ("fr", "en"):
            for name in PAGES if lang == "fr" else PAGES[:3]:
                page.goto(f"{app_url}/{name}?lang={lang}")
                wait_until_idle(page)
                exceptions = page.locator('[data-testid="stException"]')
                text = page.inner_text("body")
                if exceptions.count() or "Traceback" in text or "Page not found" in text:
                    problems.append(f"{name} ({lang}): {text[:500]}")
                shot = SHOTS / f"{name or 'vue-ensemble'}-{lang}.png"
                page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert not problems, "\n".join(problems)


# each page's URL and the title its heading shows in French
PAGE_TITLES = {
    "vue-ensemble": "Vue d'ensemble",
    "conformite": "Conformité SLA",
    "depassements": "Dépassements",
    "parcours": "Parcours",
    "historique": "Historique",
    "revue-client": "Revue client",
    "donnees": "Données",
    "requetes-sql": "Requêtes SQL",
}


def test_every_page_url_opens_directly(fresh_app_url):
    """Issue 13, item 12: a page's own URL typed or pasted opens that page, never Streamlit's
    "Page not found" dialog, from the server's first session on (a `pages/` folder made that
    session a v1 multipage app; the default page answered at / only); the sidebar's date
    fields are wide enough to show a whole date."""
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        for url, title in PAGE_TITLES.items():
            page.goto(f"{fresh_app_url}/{url}?lang=fr")
            wait_until_idle(page)
            if page.locator('[role="dialog"]').count() or "Page not found" in page.inner_text(
                "body"
            ):
                problems.append(f"/{url}: dialog {page.inner_text('body')[:200]!r}")
            heading = page.locator('[data-testid="stMain"] h1').first.inner_text()
            if heading.strip() != title:
                problems.append(f"/{url}: heading {heading!r}, expected {title!r}")
        widths = [
            page.locator('[data-testid="stSidebar"] [data-testid="stDateInput"]')
            .nth(i)
            .bounding_box()["width"]
            for i in range(3)
        ]
        browser.close()
    assert not problems, "\n".join(problems)
    # one field per row takes the sidebar's width; side by side they were about 105 px each
    # and cut the date to "01/0"
    assert min(widths) > 200, widths
