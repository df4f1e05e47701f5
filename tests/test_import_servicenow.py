"""ServiceNow incidents (issue 4 §4): the audit log and the incident table snapshot.

Fixtures in tests/fixtures/servicenow/, every figure worked out by hand. Naive times are Paris
local time, March 2025 is CET (+01:00); Mon 3, Tue 4, Wed 5, Sat 8, Sun 9, Mon 10.

audit.csv (UCI layout, 20 rows):
- INC0000001: New 09:00, Active 09:30, Active 10:00 (no change: skipped), Awaiting User Info
  11:00, Active 13:00, Resolved 15:00, Closed 8/3 15:00; assigned_to "?" on its last row.
- INC0000002, rows out of order: update 3 (Resolved 12:00) is written before update 2
  (Awaiting User Info 12:00), update 1 (Active 11:00) twice, -100 at 12:30 (rejected), Resolved
  again at 12:45 (no change once -100 is set aside: skipped), Closed 9/3 12:00.
- INC0000003, opened 09:00: an update at 08:50 (Active, before the opening: kept, DESIGN §5.1),
  Active 09:20 (no change: skipped), the priority becomes 1 - Critical at 09:40 (an event
  repeating the état), Resolved 11:00, Closed 10/3 11:00.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import durations, events_by_ticket, import_into, reports_by_file, sla_rows
from ticketlib.cli import main
from ticketlib.db import store
from ticketlib.ingest.formats import detect

FIXTURES = Path(__file__).parent / "fixtures" / "servicenow"
AUDIT = FIXTURES / "audit.csv"
SNAPSHOT = FIXTURES / "snapshot.csv"
H = 3600
DAY = 24 * H


def _import(folder: Path, *paths, **kw):
    return import_into(folder, *paths, name="sn.duckdb", **kw)


_reports = reports_by_file


def _events(db) -> dict[str, list[tuple]]:
    return events_by_ticket(db, priority=True)


def test_audit_accounting_adds_up(tmp_path):
    report, _ = _import(tmp_path, AUDIT, fmt="servicenow")
    files = _reports(report)
    events = files[("audit.csv", "events")]
    assert (events.rows_read, events.loaded, events.duplicates) == (20, 15, 0)
    assert events.skipped == {"no_state_change": 4}
    assert events.quarantined == {"invalid_state": 1}
    assert events.balanced
    tickets = files[("audit.csv", "tickets")]
    assert (tickets.rows_read, tickets.loaded, tickets.quarantined_total) == (3, 3, 0)
    assert any("dérivées" in n for n in tickets.notes)
    assert (report.tickets_total, report.events_total) == (3, 15)
    assert report.unknown_statuses == {} and report.unknown_priorities == {}


def test_audit_state_changes(tmp_path):
    _, db = _import(tmp_path, AUDIT, fmt="servicenow")
    ev = _events(db)
    assert ev["INC0000001"] == [
        ("03/03 09:00", "ouvert", "New", "moyenne"),
        ("03/03 09:30", "pris_en_compte", "Active", "moyenne"),
        ("03/03 11:00", "attente_client", "Awaiting User Info", "moyenne"),
        ("03/03 13:00", "pris_en_compte", "Active", "moyenne"),
        ("03/03 15:00", "resolu", "Resolved", "moyenne"),
        ("08/03 15:00", "ferme", "Closed", "moyenne"),
    ]
    # ties at 12:00 replayed in update order (2 then 3), not file order; -100 set aside
    assert ev["INC0000002"] == [
        ("04/03 10:00", "ouvert", "New", "faible"),
        ("04/03 11:00", "pris_en_compte", "Active", "faible"),
        ("04/03 12:00", "attente_client", "Awaiting User Info", "faible"),
        ("04/03 12:00", "resolu", "Resolved", "faible"),
        ("09/03 12:00", "ferme", "Closed", "faible"),
    ]
    # the 08:50 update precedes the opening: kept (the 09:20 one then repeats it); the priority
    # change is an event of its own
    assert ev["INC0000003"] == [
        ("05/03 08:50", "pris_en_compte", "Active", "moyenne"),
        ("05/03 09:40", "pris_en_compte", "Active", "haute"),
        ("05/03 11:00", "resolu", "Resolved", "haute"),
        ("10/03 11:00", "ferme", "Closed", "haute"),
    ]


def test_audit_durations_and_sla(tmp_path):
    _, db = _import(tmp_path, AUDIT, fmt="servicenow")
    d = durations(db)
    # INC0000003's first event precedes its creation: how the replay counts it is the replay's
    # rule (DESIGN §5.1: it sets the état at creation), pinned with the replay's tests
    wall = {
        k: (r["visits"], r["wall_s"])
        for k, r in d.items()
        if k[1] != "ferme" and k[0] != "INC0000003"
    }
    assert wall == {
        ("INC0000001", "ouvert"): (1, 30 * 60),
        ("INC0000001", "pris_en_compte"): (2, 90 * 60 + 2 * H),
        ("INC0000001", "attente_client"): (1, 2 * H),
        ("INC0000001", "resolu"): (1, 5 * DAY),
        ("INC0000002", "ouvert"): (1, H),
        ("INC0000002", "pris_en_compte"): (1, H),
        ("INC0000002", "attente_client"): (1, 0),
        ("INC0000002", "resolu"): (1, 5 * DAY),
    }
    assert (d[("INC0000003", "resolu")]["visits"], d[("INC0000003", "resolu")]["wall_s"]) == (
        1,
        5 * DAY,
    )
    sla = sla_rows(db)
    assert sla["INC0000001"]["ttr_elapsed_s"] == 4 * H  # 09:00-11:00 and 13:00-15:00
    assert sla["INC0000001"]["ttr_paused_s"] == 2 * H
    assert sla["INC0000003"]["priority"] == "haute"


def test_audit_ticket_attributes_are_the_latest_known(tmp_path):
    _, db = _import(tmp_path, AUDIT, fmt="servicenow")
    con = store.connect_read(db)
    rows = con.execute(
        "select ticket_id, strftime(timezone('Europe/Paris', created_at), '%d/%m %H:%M'), "
        "priority::varchar, customer, team, assignee from tickets order by 1"
    ).fetchall()
    con.close()
    assert rows == [
        ("INC0000001", "03/03 09:00", "moyenne", "Caller 9", "Group 1", "Agent 1"),
        ("INC0000002", "04/03 10:00", "faible", "Caller 7", "Group 2", "Agent 2"),
        ("INC0000003", "05/03 09:00", "haute", "Caller 5", "Group 1", "Agent 3"),
    ]


def test_audit_rejects_name_row_and_reason(tmp_path):
    _, db = _import(tmp_path, AUDIT, fmt="servicenow")
    con = store.connect_read(db)
    rows = con.execute(
        "select file_name, row_number, ticket_id, reason, detail from quarantine order by 2"
    ).fetchall()
    raw = con.execute("select raw from quarantine where reason = 'invalid_state'").fetchall()
    con.close()
    # the 08:50 update of INC0000003, before its opening, is an event now (DESIGN §5.1)
    assert rows == [("audit.csv", 14, "INC0000002", "invalid_state", "incident_state -100")]
    assert '"incident_state":"-100"' in raw[0][0]


def test_newest_first_file_reads_the_same(tmp_path):
    lines = AUDIT.read_text().splitlines()
    reversed_file = tmp_path / "reversed.csv"
    reversed_file.write_text("\n".join([lines[0], *reversed(lines[1:])]) + "\n")
    _, db1 = _import(tmp_path / "a", AUDIT)
    _, db2 = _import(tmp_path / "b", reversed_file)
    assert _events(db1) == _events(db2)
    assert durations(db1) == durations(db2)


def test_import_twice_changes_nothing(tmp_path):
    first, db = _import(tmp_path, AUDIT)
    second, _ = _import(tmp_path, AUDIT)
    files = _reports(second)
    assert files[("audit.csv", "events")].loaded == 0
    assert files[("audit.csv", "events")].duplicates == 15
    assert files[("audit.csv", "tickets")].loaded == 0
    assert files[("audit.csv", "tickets")].duplicates == 3
    assert (second.tickets_total, second.events_total) == (first.tickets_total, first.events_total)
    con = store.connect_read(db)
    assert con.execute("select count(*) from quarantine").fetchall()[0][0] == 1
    con.close()


def test_snapshot_events_derived_from_dates(tmp_path):
    report, db = _import(tmp_path, SNAPSHOT)
    assert report.format == "servicenow"
    files = _reports(report)
    tickets, events = files[("snapshot.csv", "tickets")], files[("snapshot.csv", "events")]
    assert (tickets.rows_read, tickets.loaded) == (7, 7)
    assert (events.rows_read, events.loaded, events.quarantined) == (8, 7, {"unknown_status": 1})
    assert report.unknown_statuses == {"9": 1}
    assert _events(db) == {
        "SN1": [
            ("03/03 12:00", "resolu", "Resolved", None),
            ("08/03 12:00", "ferme", "Closed", None),
        ],
        "SN2": [("04/03 10:00", "attente_client", "On Hold/Awaiting Caller", None)],
        # closed_at before resolved_at (re-dated data): the current state Closed prevails
        "SN4": [("06/03 09:00", "ferme", "Closed", None)],
        # resolved, closed_at at the same instant: folded into the current state
        "SN5": [("06/03 10:00", "resolu", "Resolved", None)],
        # In Progress again after a closure: a reopened incident
        "SN6": [
            ("04/03 09:00", "ferme", "Closed", None),
            ("05/03 09:00", "pris_en_compte", "In Progress", None),
        ],
    }
    con = store.connect_read(db)
    flags = con.execute(
        "select t.ticket_id, f.flag, f.detail from import_flags f join tickets t using (ticket_key) "
        "order by all"
    ).fetchall()
    prio = dict(con.execute("select ticket_id, priority::varchar from tickets").fetchall())
    con.close()
    assert [f[:2] for f in flags] == [
        ("SN4", "snapshot_dates_inconsistent"),
        ("SN7", "incomplete_history"),  # its state 9 is unknown: its one event quarantined
    ]
    assert flags[1][2] == "1 événement en quarantaine / event quarantined: unknown_status ×1"
    assert prio == {
        "SN1": "moyenne", "SN2": "haute", "SN3": "faible", "SN4": "moyenne",
        "SN5": "faible", "SN6": "haute", "SN7": "moyenne",
    }  # fmt: skip


def test_snapshot_naive_times_as_utc(tmp_path):
    utc = tmp_path / "utc.toml"
    utc.write_text('[options]\nnaive_times = "utc"\n')
    _, db = _import(tmp_path, SNAPSHOT, mapping=utc)
    assert _events(db)["SN2"] == [
        ("04/03 11:00", "attente_client", "On Hold/Awaiting Caller", None)
    ]


def test_layout_can_be_forced(tmp_path):
    forced = tmp_path / "audit.toml"
    forced.write_text('[options]\nlayout = "audit"\n')
    report, db = _import(tmp_path, SNAPSHOT, mapping=forced)
    assert {f.kind for f in report.files} == {"events", "tickets"}
    assert ("SN1", "03/03 12:00") not in {(t, e[0]) for t, ev in _events(db).items() for e in ev}


@pytest.mark.parametrize("path", [AUDIT, SNAPSHOT])
def test_auto_detection(tmp_path, path):
    assert detect(path) == "servicenow"
    report, _ = _import(tmp_path, path, fmt="auto")
    assert report.format == "servicenow"


def test_cli_load(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    assert main(["load", str(AUDIT), "--format", "servicenow", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "20 lues, 15 chargées" in out
    assert "[no_state_change]: 4" in out and "[invalid_state]: 1" in out


def test_copy_under_other_name_is_the_same_tickets(tmp_path):
    # a file split in two exports: the second's rows repeat the same states (no new events)
    copy = tmp_path / "again.csv"
    shutil.copy(AUDIT, copy)
    report, _ = _import(tmp_path, AUDIT, copy)
    files = _reports(report)
    assert files[("again.csv", "events")].loaded == 0
    assert report.events_total == 15 and report.tickets_total == 3
    assert all(f.balanced for f in report.files)
