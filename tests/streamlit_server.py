"""The one wait for a Streamlit server started by a browser test."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from pathlib import Path

import pytest


def wait_healthy(
    proc: subprocess.Popen, url: str, log: Path | None = None, seconds: float = 60
) -> None:
    """Return once `url`'s health endpoint answers 200; else kill `proc` and fail the test
    (with the tail of `log`, the file of the server's output, when given)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    tail = f": {log.read_text()[-500:]}" if log else ""
    pytest.fail(f"streamlit did not start within {seconds:g} s{tail}")
