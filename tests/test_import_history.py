"""What the importers keep of a history (issue 9 items 6, 8, 9): events at one instant in the
source's from→to chain, events before the creation kept, and tickets whose events went to the
quarantine flagged `incomplete_history`, whatever the order of the imports.

Calendar: data/sla.toml (Mon-Fri 09:00-18:00 Europe/Paris); March 2025 is CET (+01:00), so
Mon 3 March 09:00 Paris is 08:00Z.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from tests import flow_fixture as ff
from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, events_by_ticket, sla_rows, write_csv
from ticketlib.cli import main as cli
from ticketlib.db import store
from ticketlib.ingest import run_import


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


# ---- item 6: one instant, the source's from→to chain ---------------------------------------


def jira_issue(histories: list[tuple], status: str, key: str = "CH-1", created="09:00") -> dict:
    """An issue created Mon 3 March at `created` Paris; histories (id, HH:MM, [(field, from,
    to)]) with statuses named by the seed's labels (ids 101.. per label)."""
    ids = {"OUVERT": "101", "PRIS EN COMPTE": "102", "RÉSOLU": "104", "FERMÉ": "105"}
    ids |= {"RÉOUVERT": "106"}

    def item(field, a, b):
        if field == "status":
            return {"field": "status", "from": ids[a], "fromString": a, "to": ids[b],
                    "toString": b}  # fmt: skip
        return {"field": field, "from": None, "fromString": a, "to": None, "toString": b}

    return {
        "id": "1",
        "key": key,
        "fields": {
            "created": f"2025-03-03T{created}:00.000+0100",
            "updated": "2025-03-03T12:00:00.000+0100",
            "status": {"id": ids[status], "name": status},
            "priority": {"name": "Medium"},
        },
        "changelog": {
            "total": len(histories),
            "histories": [
                {
                    "id": hid,
                    "created": f"2025-03-03T{hhmm}:00.000+0100",
                    "items": [item(*i) for i in items],
                }
                for hid, hhmm, items in histories
            ],
        },
    }


def load_jira(tmp_path: Path, *issues: dict) -> Path:
    path = tmp_path / "issues.json"
    path.write_text(json.dumps({"issues": list(issues)}), encoding="utf-8")
    db = tmp_path / "j.duckdb"
    report = run_import([path], db=db, fmt="jira")
    assert report.total("quarantined") == 0 and all(f.balanced for f in report.files)
    return db


def test_jira_histories_at_one_second_follow_their_chain(tmp_path):
    """The issue's example: created 09:00; history 30005 OUVERT→RÉSOLU and history 30004
    RÉSOLU→FERMÉ, both at 11:00:00, status FERMÉ. The chain, not the ids, orders them."""
    db = load_jira(
        tmp_path,
        jira_issue(
            [
                ("30005", "11:00", [("status", "OUVERT", "RÉSOLU")]),
                ("30004", "11:00", [("status", "RÉSOLU", "FERMÉ")]),
            ],
            "FERMÉ",
        ),
    )
    assert events_by_ticket(db)["CH-1"] == [
        ("03/03 09:00", "ouvert", "OUVERT"),  # the status at creation: the chain's first from
        ("03/03 11:00", "resolu", "RÉSOLU"),
        ("03/03 11:00", "ferme", "FERMÉ"),
    ]
    row = sla_rows(db)["CH-1"]
    assert (row["tto_elapsed_s"], row["ttr_elapsed_s"], row["ttr_status"]) == (7200, 7200, "met")
    assert (row["status"], row["reopens"]) == ("ferme", 0)
    assert row["closed_at"].isoformat() == "2025-03-03T10:00:00+00:00"  # 11:00 Paris


@pytest.mark.parametrize(
    ("histories", "expected"),
    [
        pytest.param(
            # A→B→C→D given in the order 3, 1, 2 of their ids
            [
                ("3", "10:00", [("status", "PRIS EN COMPTE", "RÉSOLU")]),
                ("1", "10:00", [("status", "RÉSOLU", "FERMÉ")]),
                ("2", "10:00", [("status", "OUVERT", "PRIS EN COMPTE")]),
            ],
            ["ouvert", "pris_en_compte", "resolu", "ferme"],
            id="three-link chain",
        ),
        pytest.param(
            # cyclic from the status in force (RÉSOLU at 09:30): RÉSOLU→RÉOUVERT first
            [
                ("7", "09:30", [("status", "OUVERT", "RÉSOLU")]),
                ("8", "10:00", [("status", "RÉOUVERT", "RÉSOLU")]),
                ("9", "10:00", [("status", "RÉSOLU", "RÉOUVERT")]),
            ],
            ["ouvert", "resolu", "reouvert", "resolu"],
            id="cycle started by the status in force",
        ),
        pytest.param(
            # a cycle at the very start: no status in force, no head: id order, and the
            # status at creation is the first one's from
            [
                ("1", "10:00", [("status", "RÉSOLU", "OUVERT")]),
                ("2", "10:00", [("status", "OUVERT", "RÉSOLU")]),
            ],
            ["resolu", "ouvert", "resolu"],
            id="cycle with nothing before it",
        ),
        pytest.param(
            # broken: from PRIS EN COMPTE (in force since 09:30) the chain runs 2, 3 and stops
            # at FERMÉ; the unlinked RÉOUVERT→PRIS EN COMPTE (lowest id) comes after
            [
                ("5", "09:30", [("status", "OUVERT", "PRIS EN COMPTE")]),
                ("1", "10:00", [("status", "RÉOUVERT", "PRIS EN COMPTE")]),
                ("2", "10:00", [("status", "PRIS EN COMPTE", "RÉSOLU")]),
                ("3", "10:00", [("status", "RÉSOLU", "FERMÉ")]),
            ],
            ["ouvert", "pris_en_compte", "resolu", "ferme", "pris_en_compte"],
            id="broken chain",
        ),
        pytest.param(
            # two heads and nothing in force: the lowest id's chain first, then the other
            [
                ("1", "10:00", [("status", "FERMÉ", "RÉOUVERT")]),
                ("2", "10:00", [("status", "OUVERT", "PRIS EN COMPTE")]),
                ("3", "10:00", [("status", "PRIS EN COMPTE", "RÉSOLU")]),
            ],
            ["ferme", "reouvert", "pris_en_compte", "resolu"],
            id="two chains",
        ),
    ],
)
def test_chains_broken_or_cyclic_are_ordered_deterministically(tmp_path, histories, expected):
    db = load_jira(tmp_path, jira_issue(histories, "RÉSOLU"))
    assert [e[1] for e in events_by_ticket(db)["CH-1"]] == expected
    # the same export written in the reverse order reads the same
    issue = jira_issue(list(reversed(histories)), "RÉSOLU")
    other = tmp_path / "other"
    other.mkdir()
    assert events_by_ticket(load_jira(other, issue)) == events_by_ticket(db)


def test_a_history_moves_whole_and_others_keep_their_place(tmp_path):
    """History 41 (OUVERT→RÉSOLU, priority Medium→High) comes before 40 (RÉSOLU→FERMÉ) with its
    priority change; the priority-only history 39 at that instant keeps its place (first)."""
    db = load_jira(
        tmp_path,
        jira_issue(
            [
                ("41", "11:00", [("status", "OUVERT", "RÉSOLU"), ("priority", "Medium", "High")]),
                ("40", "11:00", [("status", "RÉSOLU", "FERMÉ")]),
                ("39", "11:00", [("priority", "Low", "Medium")]),
            ],
            "FERMÉ",
        ),
    )
    assert events_by_ticket(db, priority=True)["CH-1"] == [
        ("03/03 09:00", "ouvert", "OUVERT", "faible"),  # the first priority change's from
        ("03/03 11:00", "ouvert", "OUVERT", "moyenne"),  # 39
        ("03/03 11:00", "resolu", "RÉSOLU", None),  # 41
        ("03/03 11:00", "resolu", "RÉSOLU", "haute"),
        ("03/03 11:00", "ferme", "FERMÉ", None),  # 40
    ]


def zendesk_audit(aid: int, when: str, *changes: tuple) -> dict:
    """An audit of ticket 501 at `when` (UTC); changes (type, field, previous, value)."""
    events = [
        {"id": aid * 10 + i, "type": t, "field_name": f, "value": v}
        | ({"previous_value": p} if t == "Change" else {})
        for i, (t, f, p, v) in enumerate(changes)
    ]
    return {"id": aid, "ticket_id": 501, "created_at": when, "events": events}


def one_second_audits() -> list[dict]:
    """Ticket 501: new 08:00Z, open 09:00Z, then at one second, ids against the chain:
    open→solved (3002) before solved→closed (3001)."""
    return [
        zendesk_audit(1, "2025-03-03T08:00:00Z", ("Create", "status", None, "new")),
        zendesk_audit(2, "2025-03-03T09:00:00Z", ("Change", "status", "new", "open")),
        zendesk_audit(3001, "2025-03-03T10:00:00Z", ("Change", "status", "solved", "closed")),
        zendesk_audit(3002, "2025-03-03T10:00:00Z", ("Change", "status", "open", "solved")),
    ]


def test_zendesk_audits_at_one_second_follow_previous_value(tmp_path):
    path = tmp_path / "audits.json"
    path.write_text(json.dumps({"audits": one_second_audits()}), encoding="utf-8")
    run_import([path], db=tmp_path / "z.duckdb", fmt="zendesk")
    assert events_by_ticket(tmp_path / "z.duckdb")["501"] == [
        ("03/03 09:00", "ouvert", "new"),
        ("03/03 10:00", "pris_en_compte", "open"),
        ("03/03 11:00", "resolu", "solved"),
        ("03/03 11:00", "ferme", "closed"),
    ]


def test_zendesk_status_at_creation_from_the_chain(tmp_path):
    """A ticket whose creation is not in the export starts in its chain's first previous
    value (pending), not in the lowest id's (solved)."""
    audits = [
        zendesk_audit(51, "2025-03-03T10:00:00Z", ("Change", "status", "solved", "closed")),
        zendesk_audit(52, "2025-03-03T10:00:00Z", ("Change", "status", "pending", "solved")),
    ]
    path = tmp_path / "audits.json"
    path.write_text(json.dumps({"audits": audits}), encoding="utf-8")
    run_import([path], db=tmp_path / "z.duckdb", fmt="zendesk")
    assert events_by_ticket(tmp_path / "z.duckdb")["501"] == [
        ("03/03 11:00", "attente_client", "pending"),
        ("03/03 11:00", "resolu", "solved"),
        ("03/03 11:00", "ferme", "closed"),
    ]


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
    at = ff.open_page("app_pages/donnees.py")
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
    at = ff.open_page("app_pages/historique.py")
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
