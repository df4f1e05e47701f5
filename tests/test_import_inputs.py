"""Inputs as users really have them (issue 9 items 7, 10, 11): slash dates decided per column,
header-only files, column names that are not SQL, and `load` failing on one line, never with a
traceback, leaving the database byte for byte as it was.

Naive times are Paris local time: March 2025 is CET (+01:00), April CEST (+02:00).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, events_by_ticket, write_csv
from ticketlib.db import store
from ticketlib.db.sqlident import quote_ident
from ticketlib.ingest import FileError, run_import
from ticketlib.ingest.landing import EMPTY_NOTE

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def fetch(db: Path, sql: str) -> list[tuple]:
    con = store.connect_read(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def created(db: Path) -> dict[str, datetime]:
    return dict(fetch(db, "select ticket_id, created_at from tickets order by 1"))


# ---- one identifier helper (item 11) -----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("ticket_id", '"ticket_id"'),
        ('Ticket "ID"', '"Ticket ""ID"""'),
        ('ticket"id', '"ticket""id"'),
        ('"', '""""'),
        ("a; drop table tickets; --", '"a; drop table tickets; --"'),
        ("rowid", '"rowid"'),
        ("Créé le\n(heure)", '"Créé le\n(heure)"'),
    ],
)
def test_quote_ident_names_exactly_that_column(name, quoted):
    assert quote_ident(name) == quoted
    con = duckdb.connect()
    con.execute(f"create table t ({quote_ident(name)} varchar)")
    con.execute(f"insert into t ({quote_ident(name)}) values ('x')")
    assert [d[0] for d in con.execute("select * from t").description] == [name]
    assert con.execute(f"select {quote_ident(name)} from t").fetchall() == [("x",)]


@pytest.mark.parametrize("name", ["", "a\x00b"])
def test_quote_ident_refuses_what_no_identifier_can_be(name):
    with pytest.raises(ValueError, match="invalid column name"):
        quote_ident(name)


# ---- user columns never meet working columns (item 11) -----------------------------------

EXTRA = ["rowid", "__row", "file_row_number", "c1", "source_row", 'a "quoted" name']
HEADERS = {
    "quote inside": ['Ticket "ID"', "created_at"],
    "quote doubled": ['ticket"id', "created_at"],  # written "ticket""id" by the CSV writer
    "working names": ["ticket_id", "created_at", *EXTRA],
}


@pytest.mark.parametrize("header", list(HEADERS), ids=list(HEADERS))
def test_csv_headers_that_are_not_sql_load(tmp_path, header):
    columns = HEADERS[header]
    rows = [
        ["T1", "2025-03-03T09:00:00+01:00", *[f"v{i}" for i in range(len(columns) - 2)]],
        ["T2", "not a date", *[f"w{i}" for i in range(len(columns) - 2)]],
    ]
    path = write_csv(tmp_path / "t.csv", columns, rows)
    report = run_import([path], db=tmp_path / "x.duckdb")
    (f,) = report.files
    assert (f.kind, f.rows_read, f.loaded, f.quarantined) == (
        "tickets",
        2,
        1,
        {"bad_created_at": 1},
    )
    assert created(tmp_path / "x.duckdb") == {"T1": utc("2025-03-03T08:00:00")}
    # the quarantined row keeps the file's own column names and values
    (raw,) = fetch(tmp_path / "x.duckdb", "select raw from quarantine")[0]
    import json

    assert json.loads(raw) == dict(zip(columns, rows[1]))


def test_parquet_and_events_with_working_column_names(tmp_path):
    import pandas as pd

    frame = pd.DataFrame(
        {
            "ticket_id": ["T1", "T1"],
            "timestamp": ["2025-03-03T10:00:00+01:00", "2025-03-03T11:00:00+01:00"],
            "status": ["PRIS EN COMPTE", "EN COURS"],
            "file_row_number": ["a", "b"],
            "rowid": ["c", "d"],
            "__row": ["e", "f"],
        }
    )
    frame.to_parquet(tmp_path / "e.parquet")
    report = run_import([tmp_path / "e.parquet"], db=tmp_path / "x.duckdb")
    (f,) = report.files
    assert (f.rows_read, f.loaded, f.quarantined) == (2, 1, {"unknown_status": 1})
    rows = fetch(tmp_path / "x.duckdb", "select row_number, raw from quarantine")
    assert rows == [
        (
            2,  # the second row of the Parquet file
            '{"ticket_id":"T1","timestamp":"2025-03-03T11:00:00+01:00","status":"EN COURS",'
            '"file_row_number":"b","rowid":"d","__row":"f"}',
        )
    ]


def test_xes_attribute_named_like_a_working_column(tmp_path):
    xes = tmp_path / "log.xes"
    xes.write_text(
        '<?xml version="1.0"?>\n<log xes.version="1.0">'
        '<trace><string key="concept:name" value="C1"/>'
        '<event><string key="concept:name" value="Register"/>'
        '<date key="time:timestamp" value="2025-03-03T09:00:00+01:00"/>'
        '<string key="__row" value="x"/><string key="rowid" value="y"/></event>'
        '<event><string key="concept:name" value="Take in charge"/>'
        '<date key="time:timestamp" value="2025-03-03T09:30:00+01:00"/>'
        '<string key="__row" value="x"/><string key="rowid" value="y"/></event>'
        "</trace></log>\n",
        encoding="utf-8",
    )
    report = run_import(
        [xes], db=tmp_path / "x.duckdb", mapping=FIXTURES / "eventlog" / "mapping.toml"
    )
    events = next(f for f in report.files if f.kind == "events")
    assert (events.rows_read, events.loaded) == (2, 2)
    assert events_by_ticket(tmp_path / "x.duckdb")["C1"] == [
        ("03/03 09:00", "ouvert", "Register"),
        ("03/03 09:30", "pris_en_compte", "Take in charge"),
    ]


# ---- `load` fails on one line, never a traceback, database unchanged (item 11) -----------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """name -> (arguments after `load`, text the message must hold)."""
    (tmp_path / "quoted.csv").write_text('Ticket "ID",when\nT1,2025-03-03\n', encoding="utf-8")
    (tmp_path / "garbage.parquet").write_bytes(b"PAR1 this is no parquet")
    write_csv(
        tmp_path / "both.csv",
        ["ticket_id", "created_at"],
        [["A", "13/03/2025 09:00"], ["B", "03/14/2025 09:00"]],
    )
    (tmp_path / "controls.csv").write_bytes(b"\x00\x01\x02garbage\n")
    (tmp_path / "broken.xes").write_text("<log><trace><event>", encoding="utf-8")
    (tmp_path / "notjson.json").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "nothing").mkdir()
    return {
        "quoted header, no required column": (
            [str(tmp_path / "quoted.csv"), "--format", "csv"],
            "missing required columns: tickets (ticket_id, created_at) ou/or events "
            '(ticket_id, timestamp, status); trouvées / found: Ticket "ID", when',
        ),
        "not parquet": ([str(tmp_path / "garbage.parquet")], "unreadable Parquet"),
        "both date orders": (
            [str(tmp_path / "both.csv")],
            "column created_at: both day-first ('13/03/2025 09:00') and month-first "
            "('03/14/2025 09:00') dates",
        ),
        "control characters": (
            [str(tmp_path / "controls.csv"), "--format", "csv"],
            "missing required columns",
        ),
        "broken xes": ([str(tmp_path / "broken.xes")], "unreadable XES"),
        "not json": (
            [str(tmp_path / "notjson.json"), "--format", "jira"],
            "no readable JSON document",
        ),
        "missing file": ([str(tmp_path / "absent.csv"), "--format", "csv"], "file not found"),
        "empty folder": ([str(tmp_path / "nothing")], "no data file"),
    }


BAD = [
    "quoted header, no required column",
    "not parquet",
    "both date orders",
    "control characters",
    "broken xes",
    "not json",
    "missing file",
    "empty folder",
]


def _load(args: list[str], db: Path, script: str | None = None):
    command = [sys.executable, "-m", "ticketlib", "load", *args, "--db", str(db)]
    if script:  # the same command, with something patched first
        command = [sys.executable, "-c", script, "load", *args, "--db", str(db)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def loaded_db(tmp_path) -> Path:
    db = tmp_path / "db" / "x.duckdb"
    db.parent.mkdir()
    run_import(
        [write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["T1", "2025-03-03T09:00:00Z"]])], db=db
    )
    return db


def _assert_refused(proc, db: Path, before: bytes, name: str, why: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("erreur / error: ") and name in lines[0] and why in lines[0]
    assert lines[0].endswith("rien n'a été importé / nothing was imported.")
    assert db.read_bytes() == before  # byte for byte
    assert not list(db.parent.glob("x.duckdb.work-*"))


@pytest.mark.parametrize("case", BAD)
def test_cli_load_refuses_on_one_line_and_changes_nothing(tmp_path, loaded_db, case):
    args, why = _bad_inputs(tmp_path)[case]
    before = loaded_db.read_bytes()
    proc = _load(args, loaded_db)
    _assert_refused(proc, loaded_db, before, Path(args[0]).name, why)


def test_cli_load_names_the_file_of_an_unforeseen_error(tmp_path, loaded_db):
    """Whatever a reader meets (here a DuckDB error raised inside the generic reader), the
    user gets one line naming the file, not a traceback."""
    path = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [["T1", "2025-03-03T10:00:00Z", "OUVERT"]])
    script = (
        "import sys, duckdb, ticketlib.ingest.generic.reader as g\n"
        "def boom(*a, **k): raise duckdb.InvalidInputException('odd bytes\\nsecond line')\n"
        "g.stage_file = boom\n"
        "from ticketlib.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    before = loaded_db.read_bytes()
    proc = _load([str(path)], loaded_db, script)
    _assert_refused(proc, loaded_db, before, "e.csv", "InvalidInputException: odd bytes")


def test_cli_load_of_headers_that_are_not_sql(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ['Ticket "ID"', "created_at", "__row", "rowid"],
        [["T1", "2025-03-03T09:00:00Z", "a", "b"]],
    )
    db = tmp_path / "x.duckdb"
    proc = _load([str(path)], db)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert "t.csv (tickets, csv): 1 lues, 1 chargées, 0 doublons, 0 en quarantaine" in proc.stdout
    assert created(db) == {"T1": utc("2025-03-03T09:00:00")}


# ---- a header and no rows is an empty file (item 10) -------------------------------------


def test_header_only_events_file_is_empty_and_the_tickets_land(tmp_path):
    tickets = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["T1", "2025-03-03T09:00:00Z"]])
    events = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [])
    db = tmp_path / "x.duckdb"
    proc = _load([str(tickets), str(events)], db)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[:3] == [
        "t.csv (tickets, csv): 1 lues, 1 chargées, 0 doublons, 0 en quarantaine",
        "e.csv (events, csv): 0 lues, 0 chargées, 0 doublons, 0 en quarantaine",
        f"    {EMPTY_NOTE}",
    ]
    assert created(db) == {"T1": utc("2025-03-03T09:00:00")}
    assert fetch(db, "select count(*) from events") == [(0,)]


def _header_only(tmp_path: Path) -> dict[str, tuple[Path, dict]]:
    import pandas as pd

    sn = (FIXTURES / "servicenow" / "audit.csv").read_text().splitlines()[0]
    log = (FIXTURES / "eventlog" / "log.csv").read_text().splitlines()[0]
    (tmp_path / "sn.csv").write_text(sn + "\n", encoding="utf-8")
    (tmp_path / "log.csv").write_text(log + "\r\n", encoding="utf-8")
    (tmp_path / "empty.xes").write_text(
        '<?xml version="1.0"?>\n<log xes.version="1.0"><string key="concept:name" value="x"/>'
        "</log>\n",
        encoding="utf-8",
    )
    (tmp_path / "search.json").write_text(
        '{"startAt": 0, "maxResults": 50, "total": 0, "issues": []}', encoding="utf-8"
    )
    (tmp_path / "audits.json").write_text('{"audits": [], "count": 0}', encoding="utf-8")
    (tmp_path / "_raw_jira_api_issues.csv").write_text(
        "id,params,data,url,input,created_at\n", encoding="utf-8"
    )
    empty = pd.Series([], dtype="str")
    pd.DataFrame({"ticket_id": empty, "created_at": empty}).to_parquet(tmp_path / "t.parquet")
    return {
        "tickets csv": (write_csv(tmp_path / "t.csv", TICKET_COLUMNS, []), {}),
        "tickets parquet": (tmp_path / "t.parquet", {}),
        "servicenow": (tmp_path / "sn.csv", {"fmt": "servicenow"}),
        "event log csv": (tmp_path / "log.csv", {"fmt": "eventlog"}),
        "event log xes": (tmp_path / "empty.xes", {}),
        "jira search": (tmp_path / "search.json", {}),
        "zendesk audits": (tmp_path / "audits.json", {}),
        "devlake table": (tmp_path / "_raw_jira_api_issues.csv", {"fmt": "jira"}),
    }


EMPTY_KINDS = [
    "tickets csv",
    "tickets parquet",
    "servicenow",
    "event log csv",
    "event log xes",
    "jira search",
    "zendesk audits",
    "devlake table",
]


@pytest.mark.parametrize("case", EMPTY_KINDS)
def test_a_file_with_no_rows_is_an_empty_file(tmp_path, case):
    path, kw = _header_only(tmp_path)[case]
    events = write_csv(
        tmp_path / "e.csv", EVENT_COLUMNS, [["T9", "2025-03-03T10:00:00Z", "OUVERT"]]
    )
    fmt = kw.get("fmt", "auto")
    paths = [path] if fmt != "auto" else [path, events]
    report = run_import(paths, db=tmp_path / "x.duckdb", fmt=fmt)
    mine = [f for f in report.files if f.name == path.name]
    assert [(f.rows_read, f.loaded, f.duplicates, f.quarantined_total) for f in mine] == [
        (0, 0, 0, 0)
    ]
    assert EMPTY_NOTE in mine[0].notes
    assert report.events_total == (1 if fmt == "auto" else 0)


def test_header_only_file_in_english_summary(tmp_path):
    report = run_import(
        [write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [])], db=tmp_path / "x.duckdb"
    )
    assert "e.csv (events, csv): 0 read, 0 loaded, 0 duplicates, 0 quarantined" in (
        report.summary("en")
    )
    assert "empty file: no data rows" in report.summary("en")


# ---- slash dates decided per column of a file (item 7) -----------------------------------


def test_the_issue_example_reads_month_first(tmp_path):
    """`03/04/2025 09:00` and `03/13/2025 09:00` in one column: the second proves month-first,
    so the first is 4 March, not 3 April, and nothing is quarantined."""
    path = write_csv(
        tmp_path / "t.csv",
        ["ticket_id", "created_at"],
        [["A", "03/04/2025 09:00"], ["B", "03/13/2025 09:00"]],
    )
    report = run_import([path], db=tmp_path / "x.duckdb")
    (f,) = report.files
    assert (f.loaded, f.quarantined) == (2, {})
    assert created(tmp_path / "x.duckdb") == {
        "A": utc("2025-03-04T08:00:00"),
        "B": utc("2025-03-13T08:00:00"),
    }
    assert f.notes == [
        "colonne created_at : dates lues mois d'abord (MM/JJ/AAAA), comme le montre "
        "'03/13/2025 09:00' / column created_at: dates read month-first (MM/DD/YYYY), as "
        "'03/13/2025 09:00' shows"
    ]
    assert f.notes[0] in report.summary("fr") and f.notes[0] in report.summary("en")


def test_each_column_of_each_file_decides_for_itself(tmp_path):
    """The tickets file proves day-first, the events file month-first: each is read its way."""
    tickets = write_csv(
        tmp_path / "t.csv",
        ["ticket_id", "created_at"],
        [["A", "02/03/2025 09:00"], ["B", "13/03/2025 09:00"]],
    )
    events = write_csv(
        tmp_path / "e.csv",
        ["ticket_id", "timestamp", "status"],
        [
            ["A", "03/02/2025 10:00", "PRIS EN COMPTE"],
            ["B", "03/13/2025 10:00", "PRIS EN COMPTE"],
            ["B", "03/14/2025 10:00", "RÉSOLU"],
        ],
    )
    report = run_import([tickets, events], db=tmp_path / "x.duckdb")
    ft, fe = report.files
    assert (ft.loaded, fe.loaded, ft.quarantined, fe.quarantined) == (2, 3, {}, {})
    assert ft.notes == []  # proven day-first by 13/03/2025: nothing to say
    assert fe.notes[0].startswith("colonne timestamp : dates lues mois d'abord")
    assert created(tmp_path / "x.duckdb") == {
        "A": utc("2025-03-02T08:00:00"),
        "B": utc("2025-03-13T08:00:00"),
    }
    assert events_by_ticket(tmp_path / "x.duckdb") == {
        "A": [("02/03 10:00", "pris_en_compte", "PRIS EN COMPTE")],
        "B": [
            ("13/03 10:00", "pris_en_compte", "PRIS EN COMPTE"),
            ("14/03 10:00", "resolu", "RÉSOLU"),
        ],
    }


def test_a_column_proving_both_orders_refuses_the_file_whole(tmp_path):
    db = tmp_path / "x.duckdb"
    run_import(
        [write_csv(tmp_path / "t0.csv", TICKET_COLUMNS, [["T0", "2025-03-03T09:00:00Z"]])], db=db
    )
    before = fetch(db, "select * from tickets")
    tickets = write_csv(tmp_path / "ok.csv", TICKET_COLUMNS, [["T1", "2025-03-03T09:00:00Z"]])
    events = write_csv(
        tmp_path / "e.csv",
        ["ticket_id", "Timestamp", "status"],
        [
            ["T1", "13/03/2025 10:00", "RÉSOLU"],
            ["T1", "03/04/2025 10:00", "RÉSOLU"],
            ["T1", "03/14/2025 10:00", "FERMÉ"],
        ],
    )
    with pytest.raises(FileError) as err:
        run_import([tickets, events], db=db)
    assert str(err.value) == (
        "e.csv: colonne Timestamp : dates jour d'abord ('13/03/2025 10:00') et mois d'abord "
        "('03/14/2025 10:00') dans la même colonne, ordre indécidable / column Timestamp: both "
        "day-first ('13/03/2025 10:00') and month-first ('03/14/2025 10:00') dates, no single "
        "order reads them"
    )
    assert fetch(db, "select * from tickets") == before  # ok.csv did not land either


def test_an_undecidable_column_is_read_day_first_and_said(tmp_path):
    path = write_csv(
        tmp_path / "t.csv",
        ["ticket_id", "created_at"],
        [["A", "03/04/2025 09:00"], ["B", "05/05/2025 09:00"], ["C", "2025-03-20 09:00"]],
    )
    report = run_import([path], db=tmp_path / "x.duckdb")
    (f,) = report.files
    assert created(tmp_path / "x.duckdb") == {
        "A": utc("2025-04-03T07:00:00"),  # 3 April, summer time
        "B": utc("2025-05-05T07:00:00"),
        "C": utc("2025-03-20T08:00:00"),
    }
    assert f.notes == [
        "colonne created_at : dates JJ/MM ou MM/JJ indécidables (ex. '03/04/2025 09:00'), lues "
        "jour d'abord / column created_at: dates could be DD/MM or MM/DD (e.g. "
        "'03/04/2025 09:00'), read day-first"
    ]


def test_a_date_no_order_can_read_proves_nothing(tmp_path):
    """13/13/2025 and 02/30/2025 are unreadable either way: they prove nothing and are
    quarantined (as the file wrote them); 03/13/2025 makes the column month-first."""
    path = write_csv(
        tmp_path / "t.csv",
        ["ticket_id", "created_at"],
        [["A", "03/13/2025 09:00"], ["B", "13/13/2025 09:00"], ["C", "02/30/2025"]],
    )
    report = run_import([path], db=tmp_path / "x.duckdb")
    (f,) = report.files
    assert (f.loaded, f.quarantined) == (1, {"bad_created_at": 2})
    assert created(tmp_path / "x.duckdb") == {"A": utc("2025-03-13T08:00:00")}
    # the quarantine shows the value as the file wrote it
    assert fetch(tmp_path / "x.duckdb", "select detail from quarantine order by 1") == [
        ("02/30/2025",),
        ("13/13/2025 09:00",),
    ]


def test_servicenow_audit_columns_decided_one_by_one(tmp_path):
    """sys_updated_at proves month-first; opened_at, undecidable, is read day-first (its own
    column) and the summary says so."""
    path = tmp_path / "audit.csv"
    path.write_text(
        "number,incident_state,sys_mod_count,opened_at,sys_updated_at,priority\n"
        "INC1,New,0,01/03/2025 09:00,03/04/2025 09:00,3 - Moderate\n"
        "INC1,Active,1,01/03/2025 09:00,03/14/2025 10:00,3 - Moderate\n"
        "INC1,Resolved,2,01/03/2025 09:00,03/14/2025 11:00,3 - Moderate\n",
        encoding="utf-8",
    )
    report = run_import([path], db=tmp_path / "x.duckdb", fmt="servicenow")
    events = next(f for f in report.files if f.kind == "events")
    assert events.notes[:2] == [
        "colonne sys_updated_at : dates lues mois d'abord (MM/JJ/AAAA), comme le montre "
        "'03/14/2025 10:00' / column sys_updated_at: dates read month-first (MM/DD/YYYY), as "
        "'03/14/2025 10:00' shows",
        "colonne opened_at : dates JJ/MM ou MM/JJ indécidables (ex. '01/03/2025 09:00'), lues "
        "jour d'abord / column opened_at: dates could be DD/MM or MM/DD (e.g. "
        "'01/03/2025 09:00'), read day-first",
    ]
    assert events_by_ticket(tmp_path / "x.duckdb")["INC1"] == [
        ("04/03 09:00", "ouvert", "New"),
        ("14/03 10:00", "pris_en_compte", "Active"),
        ("14/03 11:00", "resolu", "Resolved"),
    ]
    assert created(tmp_path / "x.duckdb") == {"INC1": utc("2025-03-01T08:00:00")}  # 1 March


def test_event_log_timestamp_column_read_month_first(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        "Case ID,Activity,Complete Timestamp\n"
        "C1,Register,03/04/2025 09:00\n"
        "C1,Take in charge,03/04/2025 09:30\n"
        "C2,Register,03/13/2025 09:00\n",
        encoding="utf-8",
    )
    report = run_import(
        [path], db=tmp_path / "x.duckdb", mapping=FIXTURES / "eventlog" / "mapping.toml"
    )
    events = next(f for f in report.files if f.kind == "events")
    assert events.quarantined == {}
    assert any("colonne Complete Timestamp : dates lues mois d'abord" in n for n in events.notes)
    assert events_by_ticket(tmp_path / "x.duckdb") == {
        "C1": [("04/03 09:00", "ouvert", "Register"), ("04/03 09:30", "pris_en_compte",
                                                        "Take in charge")],
        "C2": [("13/03 09:00", "ouvert", "Register")],
    }  # fmt: skip


def test_iso_columns_are_left_alone(tmp_path):
    """No slash date, no note and no cost beyond one scan of the texts the fast path left."""
    path = write_csv(
        tmp_path / "t.csv",
        ["ticket_id", "created_at"],
        [["A", "2025-03-04 09:00"], ["B", "2025/03/13 09:00"], ["C", "2025-03-13T09:00:00Z"]],
    )
    report = run_import([path], db=tmp_path / "x.duckdb")
    assert report.files[0].notes == []
    assert created(tmp_path / "x.duckdb") == {
        "A": utc("2025-03-04T08:00:00"),
        "B": utc("2025-03-13T08:00:00"),
        "C": utc("2025-03-13T09:00:00"),
    }
