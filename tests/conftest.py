"""Shared fixtures: databases built once per session, a clean Streamlit cache per test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "demo"
REALDATA = Path(os.environ.get("TICKETLIB_REALDATA", ROOT.parent / "shared" / "realdata"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The committed demo export (3,000 tickets) imported with the shipped sla.toml."""
    from ticketlib.ingest import run_import

    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run_import([DEMO / "tickets.csv", DEMO / "events.csv"], db=db)
    return db


@pytest.fixture(scope="session")
def empty_db(tmp_path_factory) -> Path:
    """A path where no database exists yet."""
    return tmp_path_factory.mktemp("empty") / "none.duckdb"


@pytest.fixture
def app_db(monkeypatch, tmp_path):
    """Point the dashboard at a copy of a database (the app must never write to it)."""

    def use(db: Path) -> Path:
        target = tmp_path / "app.duckdb"
        if db.exists():
            shutil.copyfile(db, target)
        monkeypatch.setenv("TICKETLIB_DB", str(target))
        return target

    return use


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    """st.cache_data / st.cache_resource outlive an AppTest: start each test clean."""
    yield
    try:
        import streamlit as st

        st.cache_data.clear()
        st.cache_resource.clear()
    except Exception:
        pass


def realdata(*parts: str) -> Path:
    """A folder of ../shared/realdata, or skip the test saying why."""
    path = REALDATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not available: {path} (set TICKETLIB_REALDATA)")
    return path
