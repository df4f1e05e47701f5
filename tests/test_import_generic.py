"""The generic import (issue 2 §4): dialects, timestamps, accounting, idempotence, atomicity."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, write_csv
from ticketlib.db.timeparse import parse_instant
from ticketlib.ingest import FileError, run_import

ROOT = Path(__file__).resolve().parents[1]
TICKETS = [
    [
        "T1",
        "2025-03-03T09:00:00+01:00",
        "Haute",
        "Société Générale",
        "Léa B.",
        "Support N1",
        "Œuvre ’x’ €",
    ],
    [
        "T2",
        "2025-03-03T10:00:00+01:00",
        "",
        "Acme",
        "",
        "",
        'Titre "cité", avec; tout\nsur deux lignes',
    ],
]
EVENTS = [
    ["T1", "2025-03-03T09:30:00+01:00", "PRIS EN COMPTE", "Haute"],
    ["T1", "2025-03-03T11:00:00+01:00", "Résolu", ""],
    ["T2", "2025-03-03T10:15:00+01:00", "pris_en_compte", "moyenne"],
]


def tables(db: Path) -> dict[str, list]:
    """Everything an import may change, to compare databases."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"select * from {t} order by all").fetchall()
            for t in ("tickets", "events", "quarantine", "import_flags")
        }
    finally:
        con.close()


def test_generic_files_in_any_order(tmp_path):
    t = write_csv(tmp_path / "a.csv", TICKET_COLUMNS, TICKETS)
    e = write_csv(tmp_path / "b.csv", EVENT_COLUMNS, EVENTS)
    report = run_import([e, t], db=tmp_path / "x.duckdb")
    kinds = {f.name: f.kind for f in report.files}
    assert kinds == {"a.csv": "tickets", "b.csv": "events"}
    assert [(f.rows_read, f.loaded, f.duplicates, f.quarantined_total) for f in report.files] == [
        (3, 3, 0, 0),
        (2, 2, 0, 0),
    ]
    got = tables(tmp_path / "x.duckdb")
    titles = {r[1]: r[9] for r in got["tickets"]}
    assert titles == {"T1": "Œuvre ’x’ €", "T2": 'Titre "cité", avec; tout\nsur deux lignes'}
    raw = sorted(r[5] for r in got["events"])
    assert raw == ["PRIS EN COMPTE", "Résolu", "pris_en_compte"]  # raw text kept beside the état


def write_dialect(
    path: Path, columns, rows, *, encoding="utf-8", delimiter=",", crlf=False, bom=False
):
    import csv
    import io

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n").writerows(
        [columns, *rows]
    )
    data = buf.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


@pytest.mark.parametrize(
    "dialect",
    [
        {},
        {"bom": True},
        {"encoding": "cp1252", "delimiter": ";", "crlf": True},
        {"delimiter": ";", "bom": True, "crlf": True},
        {"delimiter": "\t"},
    ],
    ids=["utf8", "utf8-bom", "excel-fr-cp1252", "semicolon-bom-crlf", "tab"],
)
def test_csv_dialects_give_the_same_database(tmp_path, dialect):
    plain = tmp_path / "plain"
    plain.mkdir()
    run_import(
        [
            write_csv(plain / "t.csv", TICKET_COLUMNS, TICKETS),
            write_csv(plain / "e.csv", EVENT_COLUMNS, EVENTS),
        ],
        db=plain / "x.duckdb",
    )
    other = tmp_path / "other"
    other.mkdir()
    report = run_import(
        [
            write_dialect(other / "t.csv", TICKET_COLUMNS, TICKETS, **dialect),
            write_dialect(other / "e.csv", EVENT_COLUMNS, EVENTS, **dialect),
        ],
        db=other / "x.duckdb",
    )
    assert all(f.balanced and f.quarantined_total == 0 for f in report.files)
    want, got = tables(plain / "x.duckdb"), tables(other / "x.duckdb")
    # the same tickets and events; only source rows and file names may differ
    assert sorted(r[1:10] for r in got["tickets"]) == sorted(r[1:10] for r in want["tickets"])
    assert sorted(r[1:8] for r in got["events"]) == sorted(r[1:8] for r in want["events"])


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025-03-03T09:00:00Z", "2025-03-03T09:00:00"),
        ("2025-03-03T09:00:00+02:00", "2025-03-03T07:00:00"),
        ("2025-03-03T09:00:00+0200", "2025-03-03T07:00:00"),
        ("2017-02-28T09:24:59.366-0600", "2017-02-28T15:24:59.366000"),
        ("2025-03-03T09:00:00.5Z", "2025-03-03T09:00:00.500000"),
        ("2025-03-03 09:00", "2025-03-03T08:00:00"),  # naive: Paris winter time
        ("2025-07-03 09:00:00", "2025-07-03T07:00:00"),  # naive: Paris summer time
        ("2025-07-03T09:00", "2025-07-03T07:00:00"),
        ("03/07/2025 09:00", "2025-07-03T07:00:00"),  # French day first
        ("3/7/2025 09:00:30", "2025-07-03T07:00:30"),
        ("2012/10/09 14:50:17.000", "2012-10-09T12:50:17"),
        ("2025-03-03", "2025-03-02T23:00:00"),  # a bare date is local midnight
        # DST: 02:30 does not exist on 2025-03-30 -> read with the offset before the gap
        ("2025-03-30 02:30", "2025-03-30T01:30:00"),
        ("2025-03-30 03:00", "2025-03-30T01:00:00"),
        # 02:30 happens twice on 2025-10-26 -> the first occurrence (summer time)
        ("2025-10-26 02:30", "2025-10-26T00:30:00"),
        ("2025-10-26 03:00", "2025-10-26T02:00:00"),
    ],
)
def test_timestamp_forms(text, utc):
    assert parse_instant(text, "Europe/Paris") == datetime.fromisoformat(utc).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["31/02/2025 25:00", "2025-13-01", "hier", "2025-03-03T24:30", "1850-01-01"]
)
def test_unreadable_timestamps(text):
    with pytest.raises(ValueError, match="unreadable"):
        parse_instant(text, "Europe/Paris")


def test_every_row_is_accounted_for(tmp_path):
    tickets = TICKETS + [
        ["T3", "bad date"],
        ["", "2025-03-03T10:00:00+01:00"],
        ["T4", "2025-03-03T10:00:00+01:00", "Urgente"],
        ["T1", TICKETS[0][1], *TICKETS[0][2:]],  # the same row again: duplicate
        ["T2", "2025-03-04T10:00:00+01:00"],  # the same ticket with other values: conflicting
    ]
    events = EVENTS + [
        EVENTS[0],  # duplicate
        ["T1", "2025-03-03T08:00:00+01:00", "OUVERT", ""],  # before creation: kept
        ["T1", "2025-03-03T12:00:00+01:00", "EN COURS", ""],  # unknown status
        ["T1", "31/02/2025 25:00", "FERMÉ", ""],  # unreadable timestamp
        ["T1", "", "FERMÉ", ""],  # missing timestamp
        ["", "2025-03-03T12:00:00+01:00", "FERMÉ", ""],  # missing ticket
        ["T1", "2025-03-03T12:00:00+01:00", "", ""],  # missing status
        ["T1", "2025-03-03T12:00:00+01:00", "FERMÉ", "urgent"],  # unknown priority
        ["T9", "2025-03-03T12:00:00+01:00", "OUVERT", ""],  # a ticket known only by its events
    ]
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, tickets)
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, events)
    with open(e, "a", encoding="utf-8") as f:
        f.write("T1,2025-03-03T13:00:00+01:00,FERMÉ,,surplus\n")  # malformed: one field too many
    report = run_import([t, e], db=tmp_path / "x.duckdb")
    ft, fe = report.files
    assert (ft.rows_read, ft.loaded, ft.duplicates) == (7, 2, 1)
    assert ft.quarantined == {
        "bad_created_at": 1,
        "conflicting_ticket_row": 1,
        "missing_ticket_id": 1,
        "unknown_priority": 1,
    }
    assert (fe.rows_read, fe.loaded, fe.duplicates) == (13, 5, 1)
    assert fe.quarantined == {
        "bad_timestamp": 1,
        "malformed_row": 1,
        "missing_status": 1,
        "missing_ticket_id": 1,
        "missing_timestamp": 1,
        "unknown_priority": 1,
        "unknown_status": 1,
    }
    assert ft.balanced and fe.balanced
    assert report.unknown_statuses == {"EN COURS": 1}
    con = duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True)
    rows = con.execute(
        "select file_name, row_number, reason, detail, raw from quarantine order by file_name, row_number"
    ).fetchall()
    # rows as a spreadsheet numbers them (header = row 1), with the offending value and the row
    by_row = {(r[0], r[1]): r for r in rows}
    assert by_row[("e.csv", 7)][2:4] == ("unknown_status", "EN COURS")
    assert '"status":"EN COURS"' in by_row[("e.csv", 7)][4]
    assert ("e.csv", 6) not in by_row  # an event before creation is kept (DESIGN §5.1)
    assert by_row[("e.csv", 14)][2] == "malformed_row"
    assert "surplus" in by_row[("e.csv", 14)][4]
    assert by_row[("t.csv", 4)][2:4] == ("bad_created_at", "bad date")
    summary = report.summary()
    assert "13 lues, 5 chargées, 1 doublons, 7 en quarantaine" in summary
    assert "statut inconnu" in summary and "'EN COURS' ×1" in summary
    kinds = con.execute(
        "select kind, count(*) from quarantine group by all order by all"
    ).fetchall()
    assert kinds == [("events", 7), ("tickets", 4)]
    # T1 lost 6 of its events to the quarantine, the malformed row among them (its line names
    # T1: issue 14 check); the other row names no ticket
    assert con.execute(
        "select t.ticket_id, f.flag, f.detail from import_flags f join tickets t using (ticket_key)"
    ).fetchall() == [
        (
            "T1",
            "incomplete_history",
            "6 événements en quarantaine / events quarantined: bad_timestamp ×1, "
            "malformed_row ×1, missing_status ×1, missing_timestamp ×1, unknown_priority ×1, "
            "unknown_status ×1",
        )
    ]


def test_importing_twice_changes_nothing_and_newer_export_adds_only_new_events(tmp_path):
    db = tmp_path / "x.duckdb"
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, TICKETS)
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, EVENTS[:2] + [["T1", "bad", "OUVERT", ""]])
    run_import([t, e], db=db)
    before = tables(db)
    again = run_import([t, e], db=db)
    assert tables(db) == before
    assert (again.total("loaded"), again.total("duplicates")) == (0, 4)
    newer = write_csv(
        tmp_path / "e2.csv",
        EVENT_COLUMNS,
        EVENTS + [["T1", "2025-03-04T10:00:00+01:00", "FERMÉ", ""]],
    )
    report = run_import([newer], db=db)
    assert (report.files[0].loaded, report.files[0].duplicates) == (2, 2)
    after = tables(db)
    assert len(after["events"]) == len(before["events"]) + 2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*), sum(loaded) from imports").fetchall() == [(3, 6)]
    files = con.execute(
        "select file_name, kind, size_bytes, length(sha256) from import_files order by import_id, file_index"
    ).fetchall()
    assert files[0] == ("t.csv", "tickets", t.stat().st_size, 64)


def test_a_failed_import_leaves_the_database_as_before(tmp_path, monkeypatch):
    db = tmp_path / "x.duckdb"
    run_import([write_csv(tmp_path / "t.csv", TICKET_COLUMNS, TICKETS)], db=db)
    before = tables(db)
    import ticketlib.ingest.landing as landing

    real = landing.run_script

    def failing(con, name, **kw):
        real(con, name, **kw)
        if name == "load_events":  # events inserted, then the import dies
            raise RuntimeError("disk full")

    monkeypatch.setattr(landing, "run_script", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        run_import([write_csv(tmp_path / "e.csv", EVENT_COLUMNS, EVENTS)], db=db)
    assert tables(db) == before
    assert not list(tmp_path.glob("x.duckdb.work-*"))


def test_an_import_killed_half_way_leaves_the_database_as_before(tmp_path):
    db = tmp_path / "x.duckdb"
    run_import([write_csv(tmp_path / "t.csv", TICKET_COLUMNS, TICKETS)], db=db)
    before = tables(db)
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, EVENTS)
    script = (
        "import os, ticketlib.ingest.landing as l\n"
        "real = l.run_script\n"
        "def die(con, name, **kw):\n"
        "    real(con, name, **kw)\n"
        "    if name == 'load_events': os.kill(os.getpid(), 9)\n"
        "l.run_script = die\n"
        f"from ticketlib.ingest import run_import; run_import([{str(e)!r}], db={str(db)!r})\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert proc.returncode == -9
    assert tables(db) == before
    # the next import cleans the dead one's working copy and lands normally
    report = run_import([e], db=db)
    assert report.files[0].loaded == 3 and not list(tmp_path.glob("x.duckdb.work-*"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("ticket_id,timestamp\nT1,2025-03-03\n", "missing required columns"),
        ("\x00\x01\x02garbage", "format not recognised"),
    ],
)
def test_unusable_file_is_refused_whole(tmp_path, content, message):
    db = tmp_path / "x.duckdb"
    run_import([write_csv(tmp_path / "t.csv", TICKET_COLUMNS, TICKETS)], db=db)
    before = tables(db)
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    good = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, EVENTS)
    with pytest.raises(FileError, match=message) as err:
        run_import([good, bad], db=db, fmt="auto" if "recognised" in message else "csv")
    assert "bad.csv" in str(err.value)
    assert tables(db) == before  # nothing of any file stored


def test_cli_load_prints_the_accounting_and_fails_clearly(tmp_path):
    db = tmp_path / "x.duckdb"
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, TICKETS)
    ok = subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(t), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "2 lues, 2 chargées, 0 doublons, 0 en quarantaine" in ok.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    ko = subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(bad), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ko.returncode == 2
    assert "bad.csv" in ko.stderr and "nothing was imported" in ko.stderr
    assert len(ko.stderr.strip().splitlines()) <= 2


def test_parquet_input(tmp_path):
    import pandas as pd

    pd.DataFrame(TICKETS, columns=TICKET_COLUMNS).to_parquet(tmp_path / "t.parquet")
    pd.DataFrame(EVENTS, columns=EVENT_COLUMNS).to_parquet(tmp_path / "e.parquet")
    report = run_import([tmp_path / "e.parquet", tmp_path / "t.parquet"], db=tmp_path / "x.duckdb")
    assert [(f.kind, f.loaded) for f in report.files] == [("events", 3), ("tickets", 2)]


def test_a_repeat_with_another_event_between_is_history_not_a_copy(tmp_path):
    from tests.helpers import sla_rows

    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["A", "2025-03-03T09:00:00+01:00"]])
    e = write_csv(
        tmp_path / "e.csv",
        EVENT_COLUMNS,
        [
            ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],
            ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],  # a copy of the row before
            ["A", "2025-03-03T10:00:00+01:00", "OUVERT", ""],
            ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],  # back again: history
        ],
    )
    report = run_import([t, e], db=tmp_path / "x.duckdb")
    assert (report.files[1].loaded, report.files[1].duplicates) == (3, 1)
    assert sla_rows(tmp_path / "x.duckdb")["A"]["status"] == "pris_en_compte"
    again = run_import([e], db=tmp_path / "x.duckdb")
    assert (again.files[0].loaded, again.files[0].duplicates) == (0, 4)


def test_a_folder_stands_for_its_data_files(tmp_path):
    write_csv(tmp_path / "tickets.csv", TICKET_COLUMNS, TICKETS)
    write_csv(tmp_path / "events.csv", EVENT_COLUMNS, EVENTS)
    (tmp_path / "SOURCE.md").write_text("# notes", encoding="utf-8")
    report = run_import([tmp_path], db=tmp_path / "x.duckdb")
    assert sorted(f.name for f in report.files) == ["events.csv", "tickets.csv"]
    assert report.aside == ["SOURCE.md"] and "SOURCE.md" in report.summary()
