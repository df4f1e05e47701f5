"""Incremental refresh of the kept marts (issue 11 item 2): after each import of a sequence,
the marts equal, row for row, those of a full rebuild of the same database.

The sequence cuts the committed demo export at dates: each import brings the tickets created
and the events dated before the next cut (re-sending the earlier rows, which are duplicates),
so it adds new tickets, new events for open tickets and reopens closed ones; then the
configuration changes (a full rebuild), and one more import refreshes incrementally again.
"""

from __future__ import annotations

import csv
import shutil

import pytest

from tests.conftest import DEMO
from tests.helpers import config_from
from ticketlib.db import store
from ticketlib.domain.config import load_config
from ticketlib.ingest import run_import
from ticketlib.marts import incremental
from ticketlib.marts.persisted import rebuild

TABLES = ("ticket_sla", "intervals", "etat_durations", "quality", "meta")


def subset(folder, cut: str):
    """The demo's tickets created and events dated before `cut` (YYYY-MM-DD), as CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, column in (("tickets.csv", "created_at"), ("events.csv", "timestamp")):
        with open(DEMO / name, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        with open(folder / name, "w", newline="", encoding="utf-8") as f:
            out = csv.DictWriter(f, fieldnames=list(rows[0]))
            out.writeheader()
            out.writerows(r for r in rows if r[column][:10] < cut)
    return [folder / "tickets.csv", folder / "events.csv"]


def marts(db) -> dict[str, list]:
    con = store.connect_read(db)
    try:
        return {t: con.execute(f"select * from marts.{t} order by all").fetchall() for t in TABLES}
    finally:
        con.close()


def full_rebuild(db, tmp_path, config) -> dict[str, list]:
    copy = tmp_path / "full.duckdb"
    shutil.copyfile(db, copy)
    with store.write_session(copy) as con:
        assert rebuild(con, config) == "full"
    return marts(copy)


@pytest.fixture
def spy(monkeypatch):
    calls: list[bool] = []
    real = incremental.refresh

    def refresh(*args, **kwargs):
        calls.append(real(*args, **kwargs))
        return calls[-1]

    monkeypatch.setattr(incremental, "refresh", refresh)
    return calls


def test_imports_refresh_like_a_full_rebuild(tmp_path, spy):
    db = tmp_path / "inc.duckdb"
    config = load_config()
    reopened = 0
    for step, cut in enumerate(["2025-04-01", "2025-04-08", "2025-04-09", "2025-06-01"]):
        run_import(subset(tmp_path / cut, cut), db=db, config=config)
        got = marts(db)
        assert got == full_rebuild(db, tmp_path, config), cut
        if step:
            con = store.connect_read(db)
            reopened += con.execute(
                "select count(*) from marts.ticket_sla where reopens > 0 and ticket_key in "
                "(select ticket_key from events where import_id = $i)",
                {"i": step + 1},
            ).fetchall()[0][0]
            con.close()
    # the first import builds everything; the next ones replay only what they must
    assert spy == [False, True, True, True]
    assert reopened > 0

    # a configuration change is seen (fingerprint): full rebuild, then incremental again
    other = config_from('[rules]\npause = ["attente_client", "attente_interne"]\n')
    run_import(subset(tmp_path / "again", "2025-06-01"), db=db, config=other)
    assert spy[-1] is False
    assert marts(db) == full_rebuild(db, tmp_path, other)
    run_import(subset(tmp_path / "last", "2025-06-15"), db=db, config=other)
    assert spy[-1] is True
    assert marts(db) == full_rebuild(db, tmp_path, other)


@pytest.mark.parametrize("kind", ["sla", "durations", "quality"])
def test_cli_reads_the_kept_marts_like_a_replay(demo_db, tmp_path, kind):
    """With the default as-of and the configuration the marts were kept with, the CLI copies
    them out; asked for that same instant explicitly, it replays: the same file."""
    from ticketlib.outputs.cli_export import use_kept_marts, write_cli_export

    config = load_config()
    con = store.connect_read(demo_db)
    try:
        assert use_kept_marts(con, config, None)
        as_of = con.execute("select value from marts.meta where key = 'as_of'").fetchall()[0][0]
        assert not use_kept_marts(con, config, as_of)
        other = config_from('[rules]\npause = ["attente_client", "attente_interne"]\n')
        assert not use_kept_marts(con, other, None)
    finally:
        con.close()
    kept, replayed = tmp_path / "kept.csv", tmp_path / "replayed.csv"
    write_cli_export(kind, kept, db=demo_db, config=config)
    write_cli_export(kind, replayed, db=demo_db, config=config, as_of=as_of)
    assert kept.read_bytes() == replayed.read_bytes()
    assert len(kept.read_bytes().splitlines()) > 40


def with_extra(files, rows: dict[str, list[list[str]]]):
    """`files` (tickets.csv, events.csv) with more rows appended, per file name."""
    for path in files:
        with open(path, "a", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows.get(path.name, []))
    return files


# Closed without passing through a stop état before ferme: straight from pris_en_compte
# (FER-1), straight from ouvert (FER-2), and one closed that way by a later import (FER-3).
CLOSED_TICKETS = [
    ["FER-1", "2025-03-20T09:00:00+01:00", "Haute", "Client Fermé", "A.", "Support N1", "t1"],
    ["FER-2", "2025-03-20T10:00:00+01:00", "Faible", "Client Fermé", "A.", "Support N1", "t2"],
    ["FER-3", "2025-03-21T10:00:00+01:00", "Moyenne", "Client Fermé", "A.", "Support N1", "t3"],
]
CLOSED_EVENTS = [
    ["FER-1", "2025-03-20T09:00:00+01:00", "OUVERT", ""],
    ["FER-1", "2025-03-20T11:00:00+01:00", "PRIS EN COMPTE", ""],
    ["FER-1", "2025-03-24T15:00:00+01:00", "FERMÉ", ""],
    ["FER-2", "2025-03-20T10:00:00+01:00", "OUVERT", ""],
    ["FER-2", "2025-03-25T10:30:00+01:00", "FERMÉ", ""],
    ["FER-3", "2025-03-21T10:00:00+01:00", "OUVERT", ""],
    ["FER-3", "2025-03-21T12:00:00+01:00", "PRIS EN COMPTE", ""],
]
LATER_CLOSE = [["FER-3", "2025-04-03T16:00:00+02:00", "FERMÉ", ""]]


def test_closed_without_a_stop_etat_refreshes_like_a_full_rebuild(tmp_path, spy):
    """A ticket that goes to ferme without passing through resolu is closed (ttr_stopped: ferme
    is a stop état), so an import that does not touch it keeps its rows and moves only its
    final interval with the as-of: the marts still equal a full rebuild after every import."""
    db = tmp_path / "inc.duckdb"
    config = load_config()
    steps = [
        ("2025-04-01", CLOSED_EVENTS),
        ("2025-04-08", CLOSED_EVENTS + LATER_CLOSE),  # FER-3 closed, FER-1/2 untouched
        ("2025-04-15", CLOSED_EVENTS + LATER_CLOSE),  # none touched; the as-of moves
    ]
    for cut, events in steps:
        files = subset(tmp_path / cut, cut)
        run_import(
            with_extra(files, {"tickets.csv": CLOSED_TICKETS, "events.csv": events}),
            db=db,
            config=config,
        )
        assert marts(db) == full_rebuild(db, tmp_path, config), cut
    assert spy == [False, True, True]
    con = store.connect_read(db)
    try:
        rows = con.execute(
            "select t.ticket_id, m.etat::varchar, m.ttr_stopped, m.reopens, "
            "strftime(m.resolved_at, '%Y-%m-%d %H:%M') "
            "from marts.ticket_sla m join tickets t using (ticket_key) "
            "where t.ticket_id like 'FER-%' order by 1"
        ).fetchall()
    finally:
        con.close()
    assert rows == [
        ("FER-1", "ferme", True, 0, "2025-03-24 14:00"),
        ("FER-2", "ferme", True, 0, "2025-03-25 09:30"),
        ("FER-3", "ferme", True, 0, "2025-04-03 14:00"),
    ]
