"""Libraries where they fit (issue 10 item 5) and the lock said aloud (issue 14 item 11): the
write session's lock is `filelock`, released by the system when its holder dies; the second of
two imports says it waits; SQL scripts are split by DuckDB's own parser; XES through defusedxml."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import TICKET_COLUMNS, write_csv
from ticketlib.db import store
from ticketlib.db.sqlfiles import statements

ROOT = Path(__file__).resolve().parents[1]
HOLD = """
import sys, time
from pathlib import Path
from ticketlib.db import store
with store.write_session(sys.argv[1]):
    Path(sys.argv[2]).write_text("held")
    time.sleep(float(sys.argv[3]))
"""


def _holder(db: Path, flag: Path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(flag), str(seconds)], cwd=ROOT
    )
    deadline = time.monotonic() + 30
    while not flag.exists():
        assert time.monotonic() < deadline and proc.poll() is None, "holder did not start"
        time.sleep(0.05)
    return proc


def _load(path: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(path), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_second_import_says_it_waits_then_lands(tmp_path):
    db = tmp_path / "x.duckdb"
    holder = _holder(db, tmp_path / "flag", 3)
    path = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["T1", "2025-03-03T09:00:00Z"]])
    proc = _load(path, db)
    holder.wait(timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert store.WAITING in proc.stderr.splitlines()
    assert "waiting for the lock" in store.WAITING and "attente du verrou" in store.WAITING
    assert "1 lues, 1 chargées" in proc.stdout


def test_a_holder_killed_frees_the_lock(tmp_path):
    db = tmp_path / "x.duckdb"
    holder = _holder(db, tmp_path / "flag", 600)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    path = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["T1", "2025-03-03T09:00:00Z"]])
    proc = _load(path, db)
    assert proc.returncode == 0, proc.stderr
    assert store.WAITING not in proc.stderr
    assert not list(tmp_path.glob("x.duckdb.work-*"))  # the dead writer's copy is gone


def test_import_without_contention_says_nothing_of_a_lock(tmp_path):
    calls = []
    with store.write_session(tmp_path / "x.duckdb", on_wait=calls.append) as con:
        con.execute("select 1")
    assert calls == []


def test_store_does_not_import_fcntl():
    source = (ROOT / "ticketlib" / "db" / "store.py").read_text(encoding="utf-8")
    assert "fcntl" not in source  # the app imports on Windows


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("select 1; select 2", ["select 1;", "select 2"]),
        ("select 'a;\nb';\nselect $x;", ["select 'a;\nb';", "select $x;"]),
        ("-- only a comment\n", []),
        (
            "create or replace temp macro m(x) as x; -- trailing\nselect m(1)",
            ["create or replace temp macro m(x) as x;", "-- trailing\nselect m(1)"],
        ),
    ],
)
def test_statements_are_split_by_duckdb(script, expected):
    assert statements(script) == expected


def test_xes_entity_expansion_is_refused(tmp_path):
    xes = tmp_path / "bomb.xes"
    xes.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        '<log><trace><string key="concept:name" value="&b;"/><event>'
        '<string key="concept:name" value="A"/>'
        '<date key="time:timestamp" value="2025-03-03T09:00:00Z"/></event></trace></log>\n',
        encoding="utf-8",
    )
    proc = _load(xes, tmp_path / "x.duckdb")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "erreur / error: bomb.xes: XES illisible / unreadable XES: EntitiesForbidden(name='a', "
        "system_id=None, public_id=None) ; rien n'a été importé / nothing was imported."
    ]
