"""Issue 9's examples, each run through the commands as a user runs them, with exact figures.

Every case writes the files a user would have (generic CSV, a Jira search response, a config),
runs `python -m ticketlib load` then `sla` / `durations` / `quality` in subprocesses, and
reads the CSV outputs back. The arithmetic behind each expected figure is in the comments.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, write_csv
from tests.test_contract_cli import read_csv, run
from tests.test_import_history import one_second_audits, zendesk_audit

LUNCH = (
    "[calendar.hours]\n"
    + "\n".join(
        f'{d} = ["09:00-12:30", "13:30-18:00"]' for d in ("mon", "tue", "wed", "thu", "fri")
    )
    + "\nsat = []\nsun = []\n"
)
ALWAYS = '[calendar]\nholidays = ""\nhours = "24x7"\n'
NEW_YORK = '[calendar]\ntimezone = "America/New_York"\nholidays = ""\nhours = "24x7"\n'


def load(folder: Path, *files: Path, config: Path | None = None, ok: bool = True):
    db = folder / "t.duckdb"
    args = ["load", *map(str, files), "--db", str(db)]
    if config:
        args += ["--config", str(config)]
    done = run(*args)
    if ok:
        assert done.returncode == 0, done.stderr
    return db, done


def output(db: Path, kind: str, config: Path | None = None, as_of: str | None = None) -> list:
    out = db.with_name(f"{kind}-{as_of or 'latest'}.csv".replace(":", ""))
    args = [kind, "--db", str(db), "--out", str(out)]
    if config:
        args += ["--config", str(config)]
    if as_of:
        args += ["--as-of", as_of]
    done = run(*args)
    assert done.returncode == 0, done.stderr
    return read_csv(out)


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {r["ticket_id"]: r for r in rows}


def config_file(folder: Path, text: str, name: str = "sla.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def generic(folder: Path, tickets: list, events: list) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [write_csv(folder / "tickets.csv", TICKET_COLUMNS, tickets)]
    if events is not None:
        paths.append(write_csv(folder / "events.csv", EVENT_COLUMNS, events))
    return paths


def test_item1_durations_to_csv(tmp_path):
    db, _ = load(tmp_path, *generic(tmp_path, [["D1", "2025-06-02T09:00:00+02:00"]], []))
    rows = output(db, "durations", as_of="2025-06-02T10:30:00+02:00")
    assert rows == [
        {"ticket_id": "D1", "etat": "ouvert", "visits": "1", "wall_s": "5400", "business_s": "5400"}
    ]


def test_item2_a_ticket_created_after_the_last_event_is_in_every_output(tmp_path):
    files = generic(
        tmp_path,
        [["A1", "2025-06-02T08:00:00Z", "haute"], ["A2", "2025-06-05T08:00:00Z", "haute"]],
        [["A1", "2025-06-02T09:00:00Z", "pris en compte"]],
    )
    db, _ = load(tmp_path, *files)
    sla = by_id(output(db, "sla"))
    assert set(sla) == {"A1", "A2"}
    # as-of = A2's creation, Thu 5 June 10:00 Paris: A2's TTO has just started
    a2 = sla["A2"]
    assert (a2["status"], a2["tto_elapsed_s"], a2["tto_status"]) == ("ouvert", "0", "running")
    assert a2["tto_due_at"] == "2025-06-05T11:00:00+02:00"
    # A1: TTO Mon 10:00-11:00 = 3600 s (met, haute 1 h); TTR Mon 10-18 + Tue + Wed + Thu 9-10
    # = 8 + 9 + 9 + 1 h = 97200 s, past haute's 8 h
    a1 = sla["A1"]
    assert (a1["tto_elapsed_s"], a1["tto_status"]) == ("3600", "met")
    assert (a1["ttr_elapsed_s"], a1["ttr_status"]) == ("97200", "breached")
    assert {r["ticket_id"] for r in output(db, "durations")} == {"A1", "A2"}


def test_item3_ever_breached_against_the_target_of_each_stop(tmp_path):
    # 24x7: TTR 42 h 17 m at the first stop while moyenne (24 h): breached there; reopened and
    # set faible (45 h), resolved at 43 h 17 m: met, but ever breached
    files = generic(
        tmp_path,
        [["B1", "2025-06-02T00:00:00Z"]],
        [
            ["B1", "2025-06-02T00:00:00Z", "pris en compte", "moyenne"],
            ["B1", "2025-06-03T18:17:00Z", "résolu"],
            ["B1", "2025-06-04T00:00:00Z", "réouvert", "faible"],
            ["B1", "2025-06-04T00:00:00Z", "pris en compte"],
            ["B1", "2025-06-04T01:00:00Z", "résolu"],
        ],
    )
    cfg = config_file(tmp_path, ALWAYS)
    db, _ = load(tmp_path, *files, config=cfg)
    b1 = by_id(output(db, "sla", cfg))["B1"]
    assert (b1["ttr_elapsed_s"], b1["ttr_target_s"], b1["ttr_status"]) == (
        str(43 * 3600 + 17 * 60),
        str(45 * 3600),
        "met",
    )
    assert b1["ttr_ever_breached"] == "true"
    assert b1["reopens"] == "1"


def test_item4_due_at_an_exact_boundary(tmp_path):
    # Mon-Fri 09:00-12:30 + 13:30-18:00 = 8 h a day; moyenne TTR 24 h. Created Sat 10 May 2025,
    # ouvert until Thu 15 May 06:40: Mon + Tue + Wed = 24 h exactly at Wed 14 May 18:00. The
    # clock counts nothing more before it stops (résolu Thu 06:56, before opening) and runs
    # again at the reopen, Thu 16:45:08, in business hours: due then, not Thu 09:00.
    files = generic(
        tmp_path,
        [["C1", "2025-05-10T10:00:00+02:00", "moyenne"]],
        [
            ["C1", "2025-05-15T06:40:00+02:00", "pris en compte"],
            ["C1", "2025-05-15T06:56:00+02:00", "résolu"],
            ["C1", "2025-05-15T16:45:08+02:00", "réouvert"],
        ],
    )
    cfg = config_file(tmp_path, LUNCH)
    db, _ = load(tmp_path, *files, config=cfg)
    at_reopen = by_id(output(db, "sla", cfg))["C1"]
    assert (at_reopen["ttr_elapsed_s"], at_reopen["ttr_status"]) == ("86400", "at_risk")
    assert at_reopen["ttr_due_at"] == "2025-05-15T16:45:08+02:00"
    later = by_id(output(db, "sla", cfg, as_of="2025-05-15T17:00:00"))["C1"]
    assert later["ttr_elapsed_s"] == str(86400 + 14 * 60 + 52)  # 16:45:08 -> 17:00
    assert (later["ttr_status"], later["ttr_due_at"]) == ("breached", "2025-05-15T16:45:08+02:00")
    # TTO: moyenne 4 h from Mon 12 May 09:00: 09:00-12:30 is 3 h 30, lunch, 13:30 + 30 min
    assert later["tto_due_at"] == "2025-05-12T14:00:00+02:00"


def test_item5_naive_times_are_read_in_the_zone_of_the_replaying_command(tmp_path):
    tickets = [["N1", "2025-03-07 10:00", "haute"], ["N2", "2025-03-08 23:30", "faible"]]
    events = [
        ["N1", "2025-03-07 11:00", "pris en compte"],
        ["N1", "2025-03-09 02:30", "résolu"],  # the New York spring-forward gap: 03:30 EDT
        ["N2", "2025-03-10 08:00", "pris en compte"],
    ]
    ny = config_file(tmp_path, NEW_YORK)
    paris_db, _ = load(tmp_path / "paris", *generic(tmp_path / "paris", tickets, events))
    ny_db, _ = load(tmp_path / "ny", *generic(tmp_path / "ny", tickets, events), config=ny)
    for kind in ("sla", "durations", "quality"):
        assert output(paris_db, kind, ny) == output(ny_db, kind, ny), kind
    n1 = by_id(output(paris_db, "sla", ny))["N1"]
    assert n1["created_at"] == "2025-03-07T10:00:00-05:00"
    assert n1["resolved_at"] == "2025-03-09T03:30:00-04:00"
    # 24x7: Fri 10:00 EST (15:00Z) -> Sun 03:30 EDT (07:30Z) = 40 h 30 m of real time
    assert n1["ttr_elapsed_s"] == str(40 * 3600 + 30 * 60)
    assert n1["tto_elapsed_s"] == "3600"


def jira_issue(key: str, created: str, status: str, histories: list) -> dict:
    return {
        "id": key.split("-")[1],
        "key": key,
        "fields": {
            "summary": f"Ticket {key}",
            "created": created,
            "status": {"name": status},
            "priority": {"name": "Medium"},
        },
        "changelog": {
            "startAt": 0,
            "maxResults": len(histories),
            "total": len(histories),
            "histories": [
                {
                    "id": hid,
                    "created": at,
                    "items": [
                        {"field": field, "fieldId": field, "fromString": a, "toString": b}
                        for field, a, b in items
                    ],
                }
                for hid, at, items in histories
            ],
        },
    }


def test_item6_same_second_jira_histories_follow_their_chain(tmp_path):
    # history 30005 OUVERT->RÉSOLU and 30004 RÉSOLU->FERMÉ at one second: the chain, not the
    # ids, orders them. 09:00 -> 11:00 Mon = 7200 s for both clocks (moyenne: met).
    at = "2025-06-02T11:00:00.000+0200"
    issue = jira_issue(
        "SUP-7",
        "2025-06-02T09:00:00.000+0200",
        "FERMÉ",
        [
            ("30005", at, [("status", "OUVERT", "RÉSOLU")]),
            ("30004", at, [("status", "RÉSOLU", "FERMÉ")]),
        ],
    )
    path = tmp_path / "search.json"
    path.write_text(json.dumps({"startAt": 0, "total": 1, "issues": [issue]}), encoding="utf-8")
    db, _ = load(tmp_path, path)
    row = by_id(output(db, "sla"))["SUP-7"]
    assert (row["status"], row["tto_elapsed_s"], row["ttr_elapsed_s"]) == ("ferme", "7200", "7200")
    assert (row["ttr_status"], row["reopens"]) == ("met", "0")
    assert row["closed_at"] == "2025-06-02T11:00:00+02:00"


def test_item6_same_second_zendesk_audits_follow_their_chain(tmp_path):
    # audits 3001 solved->closed and 3002 open->solved at one second: previous_value -> value
    # orders them. Created 09:00 Paris (new), open 10:00, solved and closed 11:00 (Mon 3 March):
    # TTO 3600 s, TTR 7200 s, closed at 11:00, no reopen.
    path = tmp_path / "audits.json"
    path.write_text(json.dumps({"audits": one_second_audits()}), encoding="utf-8")
    db, _ = load(tmp_path, path)
    row = by_id(output(db, "sla"))["501"]
    assert (row["status"], row["tto_elapsed_s"], row["ttr_elapsed_s"]) == ("ferme", "3600", "7200")
    assert (row["reopens"], row["closed_at"]) == ("0", "2025-03-03T11:00:00+01:00")


def test_item7_slash_dates_are_decided_per_column(tmp_path):
    files = generic(
        tmp_path,
        [["M1", "03/04/2025 09:00"], ["M2", "03/13/2025 09:00"]],
        [],
    )
    db, done = load(tmp_path, *files)
    sla = by_id(output(db, "sla"))
    # 03/13 proves the column month-first: 03/04 is 4 March, not 3 April
    assert sla["M1"]["created_at"] == "2025-03-04T09:00:00+01:00"
    assert sla["M2"]["created_at"] == "2025-03-13T09:00:00+01:00"


def test_item7_a_column_proving_both_orders_is_refused_whole(tmp_path):
    files = generic(tmp_path, [["M1", "13/03/2025 09:00"], ["M2", "03/14/2025 09:00"]], [])
    db, done = load(tmp_path, *files, ok=False)
    assert done.returncode == 2 and done.stderr.count("\n") <= 2
    assert "tickets.csv" in done.stderr and "created_at" in done.stderr
    assert not db.exists()


def test_item7_an_undecidable_column_is_day_first_and_said(tmp_path):
    db, done = load(tmp_path, *generic(tmp_path, [["M1", "03/04/2025 09:00"]], []))
    assert by_id(output(db, "sla"))["M1"]["created_at"] == "2025-04-03T09:00:00+02:00"
    assert "03/04/2025" in done.stdout or "jour" in done.stdout.lower()


def test_item8_an_event_before_creation_sets_the_etat_at_creation(tmp_path):
    files = generic(
        tmp_path,
        [["E1", "2025-06-02T10:00:00+02:00", "haute"]],
        [["E1", "2025-06-02T09:00:00+02:00", "résolu"]],
    )
    db, done = load(tmp_path, *files)
    assert "quarantaine" in done.stdout and ", 0 en quarantaine" in done.stdout
    row = by_id(output(db, "sla", as_of="2025-06-02T12:00:00+02:00"))["E1"]
    assert (row["status"], row["tto_elapsed_s"], row["tto_status"]) == ("resolu", "0", "met")
    assert (row["ttr_elapsed_s"], row["ttr_status"]) == ("0", "met")
    assert row["resolved_at"] == "2025-06-02T10:00:00+02:00"
    flags = {(r["ticket_id"], r["flag"]) for r in output(db, "quality")}
    assert ("E1", "event_before_creation") in flags


def test_item9_a_ticket_with_quarantined_events_is_flagged(tmp_path):
    files = generic(
        tmp_path,
        [["Q1", "2025-06-02T09:00:00+02:00"], ["Q2", "2025-06-02T09:00:00+02:00"]],
        [
            ["Q1", "2025-06-02T10:00:00+02:00", "pris en compte"],
            ["Q1", "2025-06-02T11:00:00+02:00", "EN COURS"],  # unknown status: quarantined
            ["Q2", "2025-06-02T10:00:00+02:00", "pris en compte"],
        ],
    )
    db, _ = load(tmp_path, *files)
    flags = {(r["ticket_id"], r["flag"]) for r in output(db, "quality")}
    assert ("Q1", "incomplete_history") in flags
    assert ("Q2", "incomplete_history") not in flags


def test_item10_a_header_only_file_is_an_empty_file(tmp_path):
    files = generic(tmp_path, [["H1", "2025-06-02T09:00:00+02:00"]], [])
    assert files[1].read_text(encoding="utf-8").strip() == ",".join(EVENT_COLUMNS)
    db, done = load(tmp_path, *files)
    assert "events.csv" in done.stdout
    assert set(by_id(output(db, "sla"))) == {"H1"}


@pytest.mark.parametrize(
    "header",
    ['Ticket "ID",created_at', '"ticket""id",created_at', "ticket_id,created_at,__row"],
)
def test_item11_odd_headers_never_give_a_traceback(tmp_path, header):
    path = tmp_path / "tickets.csv"
    path.write_text(header + "\nX1,2025-06-02T09:00:00+02:00,z\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    first, _ = load(tmp_path, *generic(tmp_path / "base", [["B0", "2025-06-01T09:00:00Z"]], []))
    before = hashlib.sha256(first.read_bytes()).hexdigest()
    done = run("load", str(path), "--db", str(db))
    assert done.returncode in ((0,) if "__row" in header else (0, 2)), done.stderr
    if done.returncode == 2:
        assert done.stderr.count("\n") == 1 and "tickets.csv" in done.stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_item12_same_instant_is_several_changes_of_etat(tmp_path):
    files = generic(
        tmp_path,
        [["S1", "2025-06-02T09:00:00+02:00"], ["S2", "2025-06-02T09:00:00+02:00"]],
        [
            # a status and a priority set together, then a repeat of the état: no flag
            ["S1", "2025-06-02T10:00:00+02:00", "pris en compte", "haute"],
            ["S1", "2025-06-02T10:00:00+02:00", "pris en compte", "faible"],
            # two changes of état at one instant: flagged
            ["S2", "2025-06-02T10:00:00+02:00", "pris en compte"],
            ["S2", "2025-06-02T10:00:00+02:00", "résolu"],
        ],
    )
    db, _ = load(tmp_path, *files)
    flags = {(r["ticket_id"], r["flag"]) for r in output(db, "quality")}
    assert ("S2", "same_instant") in flags
    assert ("S1", "same_instant") not in flags


def test_item12_creation_audits_and_joint_histories_are_not_same_instant(tmp_path):
    # the kinds the issue names: a Zendesk creation audit (status and priority set at creation)
    # and a Jira history setting status and priority together are one change of état each
    audits = [
        zendesk_audit(
            1,
            "2025-03-03T08:00:00Z",
            ("Create", "status", None, "new"),
            ("Create", "priority", None, "high"),
        ),
        zendesk_audit(
            2,
            "2025-03-03T09:00:00Z",
            ("Change", "status", "new", "open"),
            ("Change", "priority", "high", "urgent"),
        ),
    ]
    zendesk = tmp_path / "audits.json"
    zendesk.write_text(json.dumps({"audits": audits}), encoding="utf-8")
    at = "2025-06-02T10:00:00.000+0200"
    issue = jira_issue(
        "SUP-8",
        "2025-06-02T09:00:00.000+0200",
        "PRIS EN COMPTE",
        [("40001", at, [("status", "OUVERT", "PRIS EN COMPTE"), ("priority", "Medium", "High")])],
    )
    jira = tmp_path / "search.json"
    jira.write_text(json.dumps({"startAt": 0, "total": 1, "issues": [issue]}), encoding="utf-8")
    db, _ = load(tmp_path / "z", zendesk)
    jdb, _ = load(tmp_path / "j", jira)
    assert [r for r in output(db, "quality") if r["flag"] == "same_instant"] == []
    assert [r for r in output(jdb, "quality") if r["flag"] == "same_instant"] == []
    assert by_id(output(db, "sla"))["501"]["status"] == "pris_en_compte"
    assert by_id(output(jdb, "sla"))["SUP-8"]["status"] == "pris_en_compte"


def test_csv_reader_sanity():
    """read_csv keeps empty cells as empty strings (the contract's 'empty when none')."""
    rows = list(csv.DictReader(["a,b", "1,"]))
    assert rows == [{"a": "1", "b": ""}]
