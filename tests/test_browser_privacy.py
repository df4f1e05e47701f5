"""Nothing leaves the machine (issue 13): the dashboard started as `make run` starts it (only
the repository's `.streamlit/config.toml`, no privacy flags on the command line) makes no
request to another host from a real browser, listens on localhost only, and shows no Deploy
button."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tomllib
import urllib.parse
import urllib.request

import pytest

from tests.streamlit_server import wait_healthy
from tests.test_browser import CHROMIUM, ROOT, free_port, wait_until_idle

CONFIG = ROOT / ".streamlit" / "config.toml"


def test_config_keeps_everything_local():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["maxUploadSize"] == 1024


def _other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET: no packet is sent for a UDP connect
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


@pytest.fixture(scope="module")
def plain_app(demo_db, tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    db = tmp_path_factory.mktemp("privacy") / "app.duckdb"
    shutil.copyfile(demo_db, db)
    port = free_port()
    env = {**os.environ, "TICKETLIB_DB": str(db), "PYTHONPATH": str(ROOT)}
    for name in list(env):  # only the config file speaks
        if name.startswith("STREAMLIT_"):
            del env[name]
    log = tmp_path_factory.mktemp("privacy_log") / "streamlit.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    url = f"http://localhost:{port}"
    wait_healthy(proc, url, log)
    yield url, port
    proc.terminate()
    proc.wait(timeout=10)


def test_listens_on_localhost_only(plain_app):
    _, port = plain_app
    other = _other_address()
    if other is None:
        pytest.skip("this machine has no non-loopback address")
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://{other}:{port}/_stcore/health", timeout=2)


def test_no_request_leaves_the_machine(plain_app):
    from playwright.sync_api import sync_playwright

    url, _ = plain_app
    outside = []

    def route(r):
        host = urllib.parse.urlsplit(r.request.url).hostname or ""
        if r.request.url.startswith(("data:", "blob:")) or host in ("localhost", "127.0.0.1"):
            return r.continue_()
        outside.append(r.request.url)
        return r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", route)
        for name in ("", "conformite", "revue-client"):
            page.goto(f"{url}/{name}")
            wait_until_idle(page)
        page.wait_for_timeout(1500)  # late beacons
        # the toolbar's menu: no Deploy button for a reader
        deploy = page.locator('[data-testid="stAppDeployButton"]').count()
        browser.close()
    assert outside == []
    assert deploy == 0
