"""Zendesk exports (issue 4 §3): audits and incremental ticket events, hand-computed durations.

Fixtures (tests/fixtures/zendesk/, synthetic): the same three tickets in both layouts.
Times are UTC in the files; Paris is UTC+1 in March 2025.
- 101, created Mon 2025-03-03 08:00Z (09:00 Paris) new, priority normal → 09:30Z open
  (priority high, assigned) → 11:00Z pending → Tue 08:00Z open → 10:00Z solved → Fri 10:00Z
  closed (by a rule).
- 102, created Wed 13:00Z new, priority low → 14:00Z open → 15:00Z hold → Thu 09:00Z open →
  10:00Z solved → Fri 09:00Z open (reopened by the customer) → 12:00Z solved.
- 103, created before the export: a comment Wed 16:00Z, then Thu 08:00Z pending → open. It is
  created at its first event, in `pending` (the previous value of its first status change).
The incremental layout also holds a metric event (`type: measure`), which is not an update.
As-of: the latest event, Fri 12:00Z. Calendar: data/sla.toml (Mon-Fri 09:00-18:00 Paris).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.helpers import durations
from ticketlib.ingest import run_import
from ticketlib.ingest.formats import detect

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "zendesk"
JIRA = FIXTURES.parent / "jira"
H = 3600

EXPECTED = {
    ("101", "ouvert"): (1, 5400, 5400),  # 09:00-10:30 Paris
    ("101", "pris_en_compte"): (2, 12600, 12600),  # Mon 10:30-12:00 + Tue 09:00-11:00
    ("101", "attente_client"): (1, 21 * H, 6 * H),  # Mon 12:00-Tue 09:00: Mon 12:00-18:00
    ("101", "resolu"): (1, 72 * H, 27 * H),  # Tue 11:00-Fri 11:00: 7h + 9h + 9h + 2h
    ("101", "ferme"): (1, 2 * H, 2 * H),  # Fri 11:00-13:00 (as-of)
    ("102", "ouvert"): (1, H, H),  # Wed 14:00-15:00
    ("102", "pris_en_compte"): (3, 5 * H, 5 * H),  # Wed 15-16, Thu 10-11, Fri 10-13
    ("102", "attente_interne"): (1, 18 * H, 3 * H),  # Wed 16:00-Thu 10:00: 2h + 1h
    ("102", "resolu"): (2, 23 * H, 8 * H),  # Thu 11:00-Fri 10:00 (7h + 1h), Fri 13:00 (0)
    ("103", "ouvert"): (1, 0, 0),  # created at its first event
    ("103", "attente_client"): (1, 16 * H, H),  # Wed 17:00-Thu 09:00: Wed 17:00-18:00
    ("103", "pris_en_compte"): (1, 28 * H, 13 * H),  # Thu 09:00-Fri 13:00: 9h + 4h
}
LAYOUTS = ["audits.json", "ticket_events.json"]


def load(tmp_path, names, fmt="zendesk", mapping=None, db_name="t.duckdb"):
    db = tmp_path / db_name
    paths = [n if isinstance(n, Path) else FIXTURES / n for n in names]
    return db, run_import(paths, db=db, fmt=fmt, mapping=mapping)


def fetch(db, query: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def observed(db) -> dict:
    return {k: (r["visits"], r["wall_s"], r["business_s"]) for k, r in durations(db).items()}


EVENTS_SQL = """
select t.ticket_id, e.ts, e.etat::varchar, e.status_raw, e.priority::varchar
from events e join tickets t using (ticket_key) order by t.ticket_id, e.ts, e.seq
"""


@pytest.mark.parametrize("layout", LAYOUTS)
def test_each_layout_gives_the_hand_computed_durations(tmp_path, layout):
    db, report = load(tmp_path, [layout])
    assert report.total("quarantined") == 0 and report.unknown_statuses == {}
    assert observed(db) == EXPECTED


def test_both_layouts_give_the_same_history_and_tickets(tmp_path):
    a, _ = load(tmp_path, ["audits.json"], db_name="a.duckdb")
    b, _ = load(tmp_path, ["ticket_events.json"], db_name="b.duckdb")
    assert fetch(a, EVENTS_SQL) == fetch(b, EVENTS_SQL)
    tickets = (
        "select * exclude (ticket_key, import_id, source_file, source_row) from tickets "
        "order by ticket_id"
    )
    assert fetch(a, tickets) == fetch(b, tickets)
    rows = fetch(
        a,
        "select ticket_id, created_at, priority::varchar, customer, assignee, team, title "
        "from tickets order by ticket_id",
    )
    assert [r[2:] for r in rows] == [
        ("haute", "501", "360011", "601", "Imprimante du guichet en panne"),
        ("faible", "502", "360012", "602", "Factures de février en double"),
        (None, None, None, None, None),  # 103: its creation is not in the export
    ]
    assert rows[0][1].isoformat() == "2025-03-03T08:00:00+00:00" and rows[2][1] is None
    first = [e for e in fetch(a, EVENTS_SQL) if e[0] == "101"][:4]
    assert [e[2:] for e in first] == [
        ("ouvert", "new", None),  # the Create of the status
        ("ouvert", "new", "moyenne"),  # the Create of the priority, in the same audit
        ("pris_en_compte", "open", None),
        ("pris_en_compte", "open", "haute"),  # status before priority in one audit
    ]


@pytest.mark.parametrize(
    ("layout", "read", "skipped"),
    [
        # 2 tickets + 18 events (16 status, 2 priority) + 19 other events (comments, fields)
        ("audits.json", 39, {"other_field": 19}),
        ("ticket_events.json", 40, {"other_field": 19, "other_event": 1}),
    ],
)
def test_accounting_adds_up(tmp_path, layout, read, skipped):
    _, report = load(tmp_path, [layout])
    (f,) = report.files
    assert (f.rows_read, f.loaded, f.duplicates, f.quarantined_total) == (read, 20, 0, 0)
    assert f.skipped == skipped and f.balanced


def test_importing_again_or_the_other_layout_changes_nothing(tmp_path):
    db, _ = load(tmp_path, ["audits.json"])
    before = fetch(db, EVENTS_SQL)
    for name in LAYOUTS:
        _, report = load(tmp_path, [name])
        (f,) = report.files
        assert (f.loaded, f.duplicates, f.quarantined_total) == (0, 20, 0)
    assert fetch(db, EVENTS_SQL) == before


def test_unmapped_status_is_quarantined_with_a_hint(tmp_path):
    audits = json.loads((FIXTURES / "audits.json").read_text(encoding="utf-8"))["audits"]
    deleted = {
        "id": 1007,
        "ticket_id": 101,
        "created_at": "2025-03-07T11:00:00Z",
        "author_id": -1,
        "events": [
            {
                "id": 100700,
                "type": "Change",
                "field_name": "status",
                "value": "deleted",
                "previous_value": "closed",
            }
        ],
    }
    path = tmp_path / "audits.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in [*audits, deleted]) + "\n", "utf-8")
    db, report = load(tmp_path, [path], fmt="auto")
    (f,) = report.files
    assert report.format == "zendesk" and f.quarantined == {"unknown_status": 1}
    assert report.unknown_statuses == {"deleted": 1}
    assert any('"deleted" = "<état>"' in n for n in f.notes)
    ((detail, raw),) = fetch(db, "select detail, raw from quarantine")
    assert detail == "deleted" and json.loads(raw)["audit"] == "1007"
    assert json.loads(raw)["where"] == f"line {len(audits) + 1}"


def test_vocabularies_of_two_sources_do_not_collide(tmp_path):
    """Jira's "Open" is ouvert, Zendesk's "open" is pris_en_compte, in one import."""
    issue = {
        "id": "1",
        "key": "OPS-1",
        "fields": {
            "created": "2025-03-03T09:00:00.000+0100",
            "status": {"id": "77", "name": "open"},
        },
        "changelog": {"total": 0, "histories": []},
    }
    jira = tmp_path / "issues.jsonl"
    jira.write_text(json.dumps(issue) + "\n", encoding="utf-8")
    db, report = load(tmp_path, [jira, "audits.json"], fmt="auto")
    assert report.format == "jira+zendesk" and report.total("quarantined") == 0
    rows = fetch(db, EVENTS_SQL)
    assert {e[2] for e in rows if e[0] == "OPS-1"} == {"ouvert"}
    assert {e[2] for e in rows if e[0] == "101" and e[3] == "open"} == {"pris_en_compte"}


@pytest.mark.parametrize("name", LAYOUTS)
def test_auto_detection_recognises_zendesk(name):
    assert detect(FIXTURES / name) == "zendesk"


@pytest.mark.parametrize("name", sorted(p.name for p in JIRA.iterdir()))
def test_jira_files_are_not_taken_for_zendesk(name):
    from ticketlib.ingest.zendesk import reader as zendesk

    head = (JIRA / name).read_text(encoding="utf-8")[:65536]
    assert not zendesk.sniff(JIRA / name, head)
