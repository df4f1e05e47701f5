"""Jira exports (issue 4 §2): every layout, hand-computed durations, flags, quarantine, accounting.

Fixtures (tests/fixtures/jira/, synthetic, one site `support-exemple.atlassian.net`):
- SUP-1, created Mon 2025-03-03 09:00 Paris, the seed's French statuses (custom ids 10100+,
  mapped by name): OUVERT → 09:45 PRIS EN COMPTE (priority Medium → High in the same history)
  → 11:00 EN ATTENTE DE VOTRE RETOUR → Tue 10:00 PRIS EN COMPTE → 11:30 EN ATTENTE RETOUR
  INTERNE → 15:30 PRIS EN COMPTE → Wed 09:30 RÉSOLU → 14:00 RÉOUVERT → 14:30 PRIS EN COMPTE
  → Thu 10:00 RÉSOLU → Fri 10:00 FERMÉ. Two items of other fields (assignee, resolution).
- SUP-2, timestamps at -0600, created Tue 02:00-06:00 (09:00 Paris), JSM names with built-in
  ids: Open → 10:00 In Progress → 12:00 Waiting for customer → Wed 11:00 In Progress → 15:00
  Resolved. Priority Low throughout.
- SUP-3, created Thu 14:00 Paris, no history: Open, priority Highest.
As-of: the latest event, Fri 2025-03-07 10:00 Paris. Calendar: data/sla.toml (Mon-Fri
09:00-18:00 Europe/Paris, no holiday that week).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.helpers import durations
from ticketlib import cli
from ticketlib.domain.config import ConfigError
from ticketlib.ingest import run_import
from ticketlib.ingest.formats import detect
from ticketlib.outputs.cli_export import cli_frame

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "jira"
H = 3600

# (ticket, état) -> (visits, wall seconds, business seconds), all in Paris time
EXPECTED = {
    ("SUP-1", "ouvert"): (1, 2700, 2700),  # Mon 09:00-09:45
    # Mon 09:45-11:00 (1h15) + Tue 10:00-11:30 (1h30) + Tue 15:30-Wed 09:30 (18h; business
    # Tue 15:30-18:00 + Wed 09:00-09:30 = 3h) + Wed 14:30-Thu 10:00 (19h30; business
    # Wed 14:30-18:00 + Thu 09:00-10:00 = 4h30)
    ("SUP-1", "pris_en_compte"): (4, 144900, 36900),
    ("SUP-1", "attente_client"): (1, 23 * H, 8 * H),  # Mon 11:00-Tue 10:00: 7h + 1h business
    ("SUP-1", "attente_interne"): (1, 4 * H, 4 * H),  # Tue 11:30-15:30
    # Wed 09:30-14:00 (4h30) + Thu 10:00-Fri 10:00 (24h; business Thu 8h + Fri 1h)
    ("SUP-1", "resolu"): (2, 102600, 48600),
    ("SUP-1", "reouvert"): (1, 1800, 1800),  # Wed 14:00-14:30
    ("SUP-1", "ferme"): (1, 0, 0),  # Fri 10:00, the as-of instant
    ("SUP-2", "ouvert"): (1, H, H),  # Tue 09:00-10:00
    ("SUP-2", "pris_en_compte"): (2, 6 * H, 6 * H),  # Tue 10:00-12:00 + Wed 11:00-15:00
    ("SUP-2", "attente_client"): (1, 23 * H, 8 * H),  # Tue 12:00-Wed 11:00: 6h + 2h business
    ("SUP-2", "resolu"): (1, 43 * H, 13 * H),  # Wed 15:00-Fri 10:00: 3h + 9h + 1h business
    ("SUP-3", "ouvert"): (1, 20 * H, 5 * H),  # Thu 14:00-Fri 10:00: 4h + 1h business
}

LAYOUTS = {
    "search response, newest first": ["search_newest_first.json"],
    "JSON Lines of issues, oldest first": ["issues_oldest_first.jsonl"],
    "issues + per-issue changelog + bulk changelog": [
        "issues_without_changelog.jsonl",
        "SUP-1_changelog.json",
        "bulk_changelog.json",
    ],
}


def load(tmp_path, names, fmt="jira", mapping=None, db_name="t.duckdb"):
    db = tmp_path / db_name
    report = run_import([FIXTURES / n for n in names], db=db, fmt=fmt, mapping=mapping)
    return db, report


def fetch(db, query: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def observed(db) -> dict:
    return {k: (r["visits"], r["wall_s"], r["business_s"]) for k, r in durations(db).items()}


EVENTS_SQL = """
select t.ticket_id, e.ts, e.etat::varchar, e.status_raw, e.priority::varchar
from events e join tickets t using (ticket_key) order by t.ticket_id, e.ts, e.seq
"""


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_each_layout_gives_the_hand_computed_durations(tmp_path, layout):
    db, report = load(tmp_path, LAYOUTS[layout])
    assert all(f.balanced for f in report.files)
    assert report.total("quarantined") == 0 and report.unknown_statuses == {}
    assert observed(db) == EXPECTED


def test_newest_first_and_oldest_first_give_the_same_events(tmp_path):
    newest, _ = load(tmp_path, ["search_newest_first.json"], db_name="a.duckdb")
    oldest, _ = load(tmp_path, ["issues_oldest_first.jsonl"], db_name="b.duckdb")
    split, _ = load(
        tmp_path,
        LAYOUTS["issues + per-issue changelog + bulk changelog"],
        "auto",
        db_name="c.duckdb",
    )
    assert fetch(newest, EVENTS_SQL) == fetch(oldest, EVENTS_SQL) == fetch(split, EVENTS_SQL)
    assert len(fetch(newest, EVENTS_SQL)) == 18


def test_creation_status_priorities_and_attributes(tmp_path):
    db, _ = load(tmp_path, ["search_newest_first.json"])
    events = [e for e in fetch(db, EVENTS_SQL) if e[0] == "SUP-1"]
    # the status at creation: the first change's `from`, with the first priority change's `from`
    assert events[0][2:] == ("ouvert", "OUVERT", "moyenne")
    # one history changes status and priority: the status first, then the priority with it
    assert [e[2:] for e in events[1:3]] == [
        ("pris_en_compte", "PRIS EN COMPTE", None),
        ("pris_en_compte", "PRIS EN COMPTE", "haute"),
    ]
    sup2 = [e for e in fetch(db, EVENTS_SQL) if e[0] == "SUP-2"]
    assert sup2[0][2:] == ("ouvert", "Open", "faible")  # no priority change: the current one
    tickets = fetch(
        db,
        "select ticket_id, created_at, priority::varchar, customer, assignee, team, title "
        "from tickets order by ticket_id",
    )
    assert tickets[0][2:] == (
        "haute",
        "Boulangerie Dupont",
        "Camille Martin",
        "Support N1",
        "Impossible d'exporter les factures",
    )
    assert tickets[1][1].isoformat() == "2025-03-04T08:00:00+00:00"  # 02:00-06:00
    assert tickets[2][4] is None  # SUP-3 is not assigned


def test_accounting_adds_up_to_every_item(tmp_path):
    _, report = load(tmp_path, ["search_newest_first.json"])
    (f,) = report.files
    # 3 tickets + 18 events (3 statuses at creation, 14 status and 1 priority changes)
    # + 2 items of other fields
    assert (f.rows_read, f.loaded, f.duplicates, f.quarantined_total) == (23, 21, 0, 0)
    assert f.skipped == {"other_field": 2}
    db, report = load(
        tmp_path, LAYOUTS["issues + per-issue changelog + bulk changelog"], db_name="split.duckdb"
    )
    reads = [(f.name, f.rows_read, f.loaded, f.skipped_total) for f in report.files]
    # the statuses at creation go with the issues; the changes with their changelog files
    assert reads == [
        ("issues_without_changelog.jsonl", 6, 6, 0),
        ("SUP-1_changelog.json", 13, 11, 2),
        ("bulk_changelog.json", 4, 4, 0),
    ]
    # SUP-1 and SUP-2 got their changelogs from the other files; SUP-3 has none anywhere
    assert fetch(
        db, "select t.ticket_id, f.flag from import_flags f join tickets t using (ticket_key)"
    ) == [("SUP-3", "changelog_missing")]


def test_importing_again_changes_nothing(tmp_path):
    db, first = load(tmp_path, ["search_newest_first.json"])
    before = fetch(db, EVENTS_SQL), fetch(db, "select * exclude (import_id) from tickets")
    for names in (["search_newest_first.json"], ["issues_oldest_first.jsonl"]):
        _, again = load(tmp_path, names)
        (f,) = again.files
        assert f.loaded == 0 and f.duplicates == 21 and f.quarantined_total == 0
    after = fetch(db, EVENTS_SQL), fetch(db, "select * exclude (import_id) from tickets")
    assert after == before and first.events_total == again.events_total == 18


def test_truncated_changelog_is_loaded_and_flagged(tmp_path):
    db, report = load(tmp_path, ["truncated_changelog.json"])
    (f,) = report.files
    assert f.loaded == 4 and f.quarantined_total == 0  # ticket, creation, two changes
    assert any("truncated changelog: 1 ticket" in n and "SUP-4: 2 of 150" in n for n in f.notes)
    assert fetch(db, "select flag, detail from import_flags") == [
        ("changelog_truncated", "2 of 150 histories")
    ]
    quality = cli_frame("quality", db)
    flagged = quality[quality["flag"] == "changelog_truncated"]
    assert flagged[["ticket_id", "detail"]].values.tolist() == [["SUP-4", "2 of 150 histories"]]
    load(tmp_path, ["truncated_changelog.json"])  # again: the flag is not repeated
    assert len(fetch(db, "select * from import_flags")) == 1


def test_unmapped_status_is_quarantined_with_its_name_and_a_hint(tmp_path):
    db, report = load(tmp_path, ["unmapped_status.jsonl"])
    (f,) = report.files
    assert f.quarantined == {"unknown_status": 1} and f.balanced
    assert report.unknown_statuses == {"Awaiting Vendor": 1}
    hint = [n for n in f.notes if "Awaiting Vendor" in n]
    assert hint and '"10999" = "<état>"' in hint[0] and "--mapping" in hint[0]
    assert "Awaiting Vendor" in report.summary("en") and "add it to the mapping" in (
        report.summary("en")
    )
    ((reason, detail, raw),) = fetch(db, "select reason, detail, raw from quarantine")
    assert (reason, detail) == ("unknown_status", "Awaiting Vendor")
    assert json.loads(raw)["history"] == "50002" and json.loads(raw)["where"] == "line 1"
    # mapped by id in the user's file, the same export now lands whole
    mapping = tmp_path / "site.toml"
    mapping.write_text('[status]\n"10999" = "attente_interne"\n', encoding="utf-8")
    db2, report = load(tmp_path, ["unmapped_status.jsonl"], mapping=mapping, db_name="m.duckdb")
    assert report.total("quarantined") == 0
    assert fetch(db2, "select etat::varchar from events order by ts desc limit 1") == [
        ("attente_interne",)
    ]


def test_status_id_wins_over_name_when_the_mapping_knows_it(tmp_path):
    mapping = tmp_path / "site.toml"
    mapping.write_text('[status]\n"10102" = "attente_interne"\n', encoding="utf-8")
    db, _ = load(tmp_path, ["search_newest_first.json"], mapping=mapping)
    rows = fetch(
        db,
        "select distinct etat::varchar from events where status_raw = 'EN ATTENTE DE VOTRE RETOUR'",
    )
    assert rows == [("attente_interne",)]


def test_tickets_named_by_id_on_request(tmp_path):
    mapping = tmp_path / "by_id.toml"
    mapping.write_text('[options]\nticket_id = "id"\n', encoding="utf-8")
    db, _ = load(
        tmp_path,
        LAYOUTS["issues + per-issue changelog + bulk changelog"][:1] + ["bulk_changelog.json"],
        mapping=mapping,
    )
    assert [r[0] for r in fetch(db, "select ticket_id from tickets order by 1")] == [
        "10001",
        "10002",
        "10003",
    ]


def test_bad_lines_and_objects_are_rejected_and_the_rest_lands(tmp_path):
    good = (FIXTURES / "issues_oldest_first.jsonl").read_text(encoding="utf-8").splitlines()
    lines = [
        good[0],
        '{"key": "SUP-9", "fields": ',
        '{"hello": "world"}',
        good[2],
        "",
        '{"history": {"id": "1", "created": "2025-03-03T10:00:00+0100", "items": []}}',
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = run_import([path], db=tmp_path / "t.duckdb", fmt="jira")
    (f,) = report.files
    assert f.quarantined == {"malformed_row": 2, "missing_ticket_id": 1} and f.balanced
    assert report.tickets_total == 2  # SUP-1 and SUP-3


def test_invalid_field_path_is_a_configuration_error(tmp_path):
    mapping = tmp_path / "bad.toml"
    mapping.write_text('[fields]\ncustomer = "fields.a b"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="fields.customer"):
        load(tmp_path, ["search_newest_first.json"], mapping=mapping)


def test_devlake_raw_csv_wrapper(tmp_path):
    """DevLake's raw tables: the API item in `data`, the issue of a history in `input`."""
    import csv

    page = json.loads((FIXTURES / "SUP-1_changelog.json").read_text(encoding="utf-8"))
    path = tmp_path / "_raw_jira_api_issue_changelogs.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL)
        w.writerow(["id", "params", "data", "url", "input", "created_at"])
        for n, h in enumerate(page["values"], 1):
            url = "https://support-exemple.atlassian.net/rest/api/3/issue/10001/changelog"
            w.writerow([n, '{"ConnectionId":1}', json.dumps(h), url, '{"issue_id": 10001}', ""])
    assert detect(path) == "jira"
    db, report = load(tmp_path, ["issues_without_changelog.jsonl", str(path)], fmt="auto")
    assert report.format == "jira" and report.total("quarantined") == 0
    assert {k: v for k, v in observed(db).items() if k[0] == "SUP-1"} == {
        k: v for k, v in EXPECTED.items() if k[0] == "SUP-1"
    }


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir()))
def test_auto_detection_recognises_jira(name):
    assert detect(FIXTURES / name) == "jira"


def test_cli_load(tmp_path, capsys):
    code = cli.main(
        [
            "load",
            str(FIXTURES / "search_newest_first.json"),
            "--format",
            "auto",
            "--db",
            str(tmp_path / "cli.duckdb"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "search_newest_first.json" in out and "jira" in out
