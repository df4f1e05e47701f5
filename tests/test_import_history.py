"""What the importers keep of a history (issue 9 items 8, 9): events before the creation kept,
and tickets whose events went to the quarantine flagged `incomplete_history`, whatever the
order of the imports.

Calendar: data/sla.toml (Mon-Fri 09:00-18:00 Europe/Paris); March 2025 is CET (+01:00), so
Mon 3 March 09:00 Paris is 08:00Z.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from tests import flow_fixture as ff
from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, events_by_ticket, write_csv
from ticketlib import store
from ticketlib.cli import main as cli
from ticketlib.importers import run_import


def fetch(db: Path, sql: str) -> list[tuple]:
    con = store.connect_read(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def flags(db: Path) -> list[tuple]:
    return fetch(
        db,
        "select t.ticket_id, f.flag, f.detail from import_flags f join tickets t "
        "using (ticket_key) order by all",
    )


# ---- item 8: an event before the creation is kept ----------------------------------------


def test_an_event_before_creation_is_loaded(tmp_path):
    """Created 10:00, its only event résolu at 09:00: the event is stored, not quarantined
    (the replay decides what it means: DESIGN §5.1)."""
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["A", "2025-03-03T10:00:00+01:00"]])
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [["A", "2025-03-03T09:00:00+01:00", "RÉSOLU"]])
    report = run_import([t, e], db=tmp_path / "x.duckdb")
    assert [(f.loaded, f.quarantined) for f in report.files] == [(1, {}), (1, {})]
    assert events_by_ticket(tmp_path / "x.duckdb") == {"A": [("03/03 09:00", "resolu", "RÉSOLU")]}
    assert fetch(tmp_path / "x.duckdb", "select count(*) from quarantine") == [(0,)]


def test_a_creation_after_stored_events_updates_the_ticket(tmp_path):
    """Events first (the ticket created at its first event, 09:00), then its tickets row
    saying 10:00: the row updates the ticket instead of being refused."""
    db = tmp_path / "x.duckdb"
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [["A", "2025-03-03T09:00:00+01:00", "OUVERT"]])
    run_import([e], db=db)
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["A", "2025-03-03T10:00:00+01:00", "haute"]])
    report = run_import([t], db=db)
    (f,) = report.files
    assert (f.rows_read, f.loaded, f.updated, f.quarantined) == (1, 1, 1, {})
    assert fetch(db, "select created_at, priority::varchar from tickets")[0][1] == "haute"
    assert fetch(db, "select strftime(created_at, '%H:%M') from tickets") == [("09:00",)]


# ---- item 9: incomplete_history, whatever the order of the imports -----------------------

DETAIL_2 = "2 événements en quarantaine / events quarantined: unknown_status ×2"


def test_a_ticket_with_quarantined_events_is_flagged(tmp_path):
    t = write_csv(
        tmp_path / "t.csv",
        TICKET_COLUMNS,
        [["A", "2025-03-03T09:00:00+01:00"], ["B", "2025-03-03T09:00:00+01:00"]],
    )
    e = write_csv(
        tmp_path / "e.csv",
        EVENT_COLUMNS,
        [
            ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE"],
            ["A", "2025-03-03T11:00:00+01:00", "EN COURS"],
            ["A", "2025-03-03T12:00:00+01:00", "EN COURS"],
            ["B", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE"],
        ],
    )
    db = tmp_path / "x.duckdb"
    run_import([t, e], db=db)
    assert flags(db) == [("A", "incomplete_history", DETAIL_2)]
    assert fetch(db, "select kind, count(*) from quarantine group by all") == [("events", 2)]


def test_the_flag_does_not_depend_on_the_import_order(tmp_path):
    """Events first: B's only event is quarantined and B does not exist yet; its tickets row,
    imported later, makes it exist, and the recomputation flags it then."""
    rows = [
        ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE"],
        ["A", "2025-03-03T11:00:00+01:00", "EN COURS"],
        ["B", "2025-03-03T10:00:00+01:00", "EN COURS"],
    ]
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, rows)
    t = write_csv(
        tmp_path / "t.csv",
        TICKET_COLUMNS,
        [["A", "2025-03-03T09:00:00+01:00"], ["B", "2025-03-03T09:00:00+01:00"]],
    )
    one = "1 événement en quarantaine / event quarantined: unknown_status ×1"
    db = tmp_path / "events_first.duckdb"
    run_import([e], db=db)
    assert flags(db) == [("A", "incomplete_history", one)]  # B does not exist yet
    run_import([t], db=db)
    assert flags(db) == [("A", "incomplete_history", one), ("B", "incomplete_history", one)]
    other = tmp_path / "tickets_first.duckdb"
    run_import([t], db=other)
    run_import([e], db=other)
    assert flags(other) == flags(db)
    together = tmp_path / "together.duckdb"
    run_import([e, t], db=together)
    assert flags(together) == flags(db)


def test_the_flag_follows_the_quarantine_and_reimports_change_nothing(tmp_path):
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["A", "2025-03-03T09:00:00+01:00"]])
    e1 = write_csv(tmp_path / "e1.csv", EVENT_COLUMNS, [["A", "2025-03-03T10:00:00+01:00", "X"]])
    db = tmp_path / "x.duckdb"
    run_import([t, e1], db=db)
    before = fetch(db, "select * from import_flags")
    run_import([t, e1], db=db)
    assert fetch(db, "select * from import_flags") == before  # same rows, same import id
    e2 = write_csv(
        tmp_path / "e2.csv",
        EVENT_COLUMNS,
        [["A", "2025-03-03T11:00:00+01:00", "X"], ["A", "bad date", "RÉSOLU"]],
    )
    run_import([e2], db=db)
    assert fetch(db, "select flag, detail, import_id from import_flags") == [
        (
            "incomplete_history",
            "3 événements en quarantaine / events quarantined: unknown_status ×2, bad_timestamp ×1",
            3,
        )
    ]


def test_quarantined_ticket_rows_do_not_flag(tmp_path):
    t = write_csv(
        tmp_path / "t.csv",
        TICKET_COLUMNS,
        [["A", "2025-03-03T09:00:00+01:00"], ["A", "2025-03-04T09:00:00+01:00"]],
    )
    run_import([t], db=tmp_path / "x.duckdb")
    assert fetch(tmp_path / "x.duckdb", "select kind, reason from quarantine") == [
        ("tickets", "conflicting_ticket_row")
    ]
    assert flags(tmp_path / "x.duckdb") == []


def test_an_older_database_gains_the_kind_column(tmp_path):
    """A database made before `quarantine.kind`: the next import adds the column, gives its
    old rows a kind and flags their tickets."""
    t = write_csv(tmp_path / "t.csv", TICKET_COLUMNS, [["A", "2025-03-03T09:00:00+01:00"]])
    e = write_csv(tmp_path / "e.csv", EVENT_COLUMNS, [["A", "2025-03-03T10:00:00+01:00", "X"]])
    db = tmp_path / "x.duckdb"
    run_import([t, e], db=db)
    con = duckdb.connect(str(db))
    con.execute("alter table quarantine drop column kind")
    con.execute("delete from import_flags")
    con.close()
    other = write_csv(tmp_path / "o.csv", TICKET_COLUMNS, [["B", "2025-03-03T09:00:00+01:00"]])
    run_import([other], db=db)
    assert fetch(db, "select reason, kind from quarantine") == [("unknown_status", "events")]
    assert flags(db) == [
        ("A", "incomplete_history", "1 événement en quarantaine / event quarantined: "
         "unknown_status ×1")
    ]  # fmt: skip


def _flagged_db(tmp_path: Path) -> Path:
    t = write_csv(
        tmp_path / "t.csv",
        TICKET_COLUMNS,
        [
            ["A", "2025-03-03T09:00:00+01:00", "haute", "Alpha", "", "", "Imprimante"],
            ["B", "2025-03-03T09:00:00+01:00", "haute", "Alpha", "", "", "Écran"],
        ],
    )
    e = write_csv(
        tmp_path / "e.csv",
        EVENT_COLUMNS,
        [
            ["A", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE"],
            ["A", "2025-03-03T11:00:00+01:00", "EN COURS"],
            ["A", "2025-03-03T12:00:00+01:00", "EN COURS"],
            ["B", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE"],
        ],
    )
    db = tmp_path / "x.duckdb"
    run_import([t, e], db=db)
    return db


def test_quality_command_lists_the_flag(tmp_path):
    db = _flagged_db(tmp_path)
    out = tmp_path / "quality.csv"
    assert cli(["quality", "--db", str(db), "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["flag"] == "incomplete_history"]
    assert [(r["ticket_id"], r["flagged_at"], r["detail"]) for r in rows] == [("A", "", DETAIL_2)]


def test_data_quality_page_lists_the_flag(app_db, tmp_path):
    app_db(_flagged_db(tmp_path))
    at = ff.open_page("pages/page_donnees.py")
    assert not at.exception
    summary = ff.frame_with(at, "Signalements")
    assert summary.set_index("Code").loc["incomplete_history"].tolist()[:1] == [
        "Historique incomplet (événements en quarantaine)"
    ]
    at.selectbox(key="dt_quality_flag").set_value("incomplete_history").run()
    listed = next(
        d.value for d in at.dataframe if {"Code", "Instant", "Détail"} <= set(d.value.columns)
    )
    assert listed[["Ticket", "Détail"]].values.tolist() == [["A", DETAIL_2]]


def test_ticket_view_shows_the_flag(app_db, tmp_path):
    app_db(_flagged_db(tmp_path))
    at = ff.open_page("pages/page_historique.py")
    at.query_params["ticket"] = "A"
    at.run()
    assert not ff.exceptions(at)
    assert any(
        "Signalements qualité" in c.value and "`incomplete_history`" in c.value
        and "unknown\\_status ×2" in c.value
        for c in at.caption
    )  # fmt: skip
    at.query_params["ticket"] = "B"
    at.run()
    assert not any("Signalements qualité" in c.value for c in at.caption)
