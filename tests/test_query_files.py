"""The query files of sql/queries/ run as they are: they name marts.* and raw tables, and the
only placeholders left are clauses our own code builds (see ticketlib/queries/runner.py)."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from ticketlib.db.sqlfiles import SQL_DIR, bound
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import runner

FILES = sorted((SQL_DIR / "queries").glob("*.sql"))
CLAUSES = {
    "where", "base", "period", "order", "keys_filter", "sets", "day_column",
    "tto_group", "ttr_group", "tto_row", "tto_col", "ttr_row", "ttr_col",
    "elapsed", "stopped", "priority_column", "pairs", "to_etat", "from_etat",
    "group", "created_period", "resolved_period",
}  # fmt: skip


def _placeholders(text: str) -> set[str]:
    code = "\n".join(line.split("--")[0] for line in text.splitlines())
    return {f for _, f, _, _ in string.Formatter().parse(code) if f}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_only_clause_placeholders_are_left(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"\{\w+_table\}", text)
    assert _placeholders(text) <= CLAUSES


@pytest.fixture(scope="module")
def demo(demo_db):
    ds = Dataset(demo_db)
    config = load_config()
    stored = ds.marts(config)
    replayed = ds.marts(config, "2025-02-15T12:00:00+01:00")  # an on-demand replay
    yield ds, stored, replayed
    ds.close()


WHOLE = [p for p in FILES if not _placeholders(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", WHOLE, ids=lambda p: p.name)
def test_a_whole_file_runs_on_the_kept_marts_and_on_a_replay(demo, path):
    ds, stored, replayed = demo
    text = path.read_text(encoding="utf-8")
    names = set(re.findall(r"\$([a-z_][a-z0-9_]*)", text))
    params = {n: None for n in names} | {"id": "SUP-000001", "k": 1, "ticket_key": 1}
    params |= {"tz": "Europe/Paris", "etat": "ouvert", "limit": 10, "as_of": stored.as_of}
    params["day"] = date(2025, 3, 3)
    with ds.cursor() as cur:
        for marts in (stored, replayed):
            runner.use_marts(cur, marts)
            cur.execute(text, bound(text, params)).fetchall()


def test_the_catalog_decides_which_marts_a_file_reads(demo):
    ds, stored, replayed = demo
    assert stored.catalog == "store" and replayed.catalog.startswith("replay_")
    with ds.cursor() as cur:
        counts = [
            runner.scalar(cur, marts, "metric_count_tickets", {}, where="true")
            for marts in (stored, replayed)
        ]
        # raw tables stay reachable from a replay's catalog
        runner.use_marts(cur, replayed)
        raw = cur.execute("select count(*) from tickets").fetchall()[0][0]
    assert counts[0] == raw
    assert 0 < counts[1] < counts[0]  # tickets created by mid-February only
