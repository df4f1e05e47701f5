"""Real Jira Cloud data (issue 4 §7): Apache DevLake's e2e fixtures, read where they lie.

`../shared/realdata/devlake_jira` (or $TICKETLIB_REALDATA/devlake_jira) holds Merico's Jira
issues with their changelogs, as JSON Lines and as DevLake's raw CSV tables, and DevLake's own
replay of the same status changelogs (`issue_trace` plugin). Every Jira file there is imported;
the accounting must add up with nothing quarantined, and our status intervals must be DevLake's.

DevLake's rule (issue_trace/tasks/issue_status_history_convertor.go): the first interval is the
first status change's `from`, from the issue's creation; then one interval per status change,
from its time to the next one's; the last is open. Ours is the same (the status at creation is
an event at `fields.created`); the creation row of our replay (`ouvert` from creation to the
first event) is empty here and left out of the comparison.
"""

from __future__ import annotations

import csv
import json
import os
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from ticketlib import cli
from ticketlib.ingest import run_import

pytestmark = pytest.mark.realdata

REALDATA = Path(
    os.environ.get("TICKETLIB_REALDATA")
    or Path(__file__).resolve().parents[1].parent / "shared" / "realdata"
)
DEVLAKE = REALDATA / "devlake_jira"
FILES = [
    "jira_issues_with_changelog.jsonl",  # 33 issues, changelogs embedded (expand=changelog)
    "jira_changelogs_by_issue.jsonl",  # 279 histories of 3 other issues, with their issue id
    "raw/_raw_jira_api_issues.csv",  # the same 33 issues, DevLake's raw CSV
    "raw/_raw_jira_api_issue_changelogs.csv",  # the same 279 histories, raw CSV
    "raw/_raw_jira_api_status.csv",  # 53 status definitions: read, skipped
]
SITE_MAPPING = Path(__file__).resolve().parents[1] / "data/mappings/jira_devlake_merico.toml"

if not DEVLAKE.is_dir():
    pytest.skip(
        f"données réelles absentes / real data not found: {DEVLAKE} "
        "(set TICKETLIB_REALDATA to the realdata folder)",
        allow_module_level=True,
    )


def _import(db: Path, mapping=None):
    started = time.perf_counter()
    report = run_import([DEVLAKE / f for f in FILES], db=db, fmt="auto", mapping=mapping)
    return report, time.perf_counter() - started


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    db = tmp_path_factory.mktemp("devlake") / "jira.duckdb"
    report, seconds = _import(db)
    print(f"\nDevLake Jira: {len(FILES)} fichiers importés en / files imported in {seconds:.2f} s")
    print(report.summary("en"))
    return db, report


def fetch(db, query, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def test_every_file_is_read_as_jira_and_accounted_for(imported):
    db, report = imported
    assert report.format == "jira"
    assert all(f.balanced for f in report.files)
    by = {f.name: f for f in report.files}
    issues = by["jira_issues_with_changelog.jsonl"]
    # 33 tickets + 33 statuses at creation + 165 status changes; 549 items of other fields
    assert (issues.rows_read, issues.loaded, issues.skipped) == (780, 231, {"other_field": 549})
    # the CSV holds the same issues: its ticket rows and changes are duplicates
    raw = by["_raw_jira_api_issues.csv"]
    assert (raw.loaded, raw.duplicates) == (0, 198) and raw.skipped == {"other_field": 549}
    # 3 issues known by id only: created at their earliest history, in the first change's
    # `from`; 10 status changes and 1 priority change; 273 items of other fields
    changelogs = by["jira_changelogs_by_issue.jsonl"]
    assert (changelogs.rows_read, changelogs.loaded) == (287, 14)
    assert by["_raw_jira_api_issue_changelogs.csv"].loaded == 0
    assert by["_raw_jira_api_status.csv"].skipped == {"status_definition": 53}
    assert report.tickets_total == 36 and report.events_total == 198 + 14


def test_nothing_is_quarantined_and_no_status_is_unknown(imported):
    db, report = imported
    assert report.total("quarantined") == 0
    assert report.unknown_statuses == {} and report.unknown_priorities == {}
    assert fetch(db, "select count(*) from quarantine") == [(0,)]
    # `changelog.total` equals the histories present for every issue: none is truncated
    assert fetch(db, "select count(*) from import_flags") == [(0,)]


def test_created_dates_are_devlakes(imported):
    db, _ = imported
    theirs = {}
    with open(DEVLAKE / "devlake_outputs/jira_e2e_issues.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            theirs[row["issue_key"]] = datetime.fromisoformat(row["created_date"])
    ours = dict(fetch(db, "select ticket_id, created_at from tickets where created_at is not null"))
    # DevLake's issues snapshot predates the K5 project's three issues
    assert sorted(set(ours) - set(theirs)) == ["K5-2", "K5-3", "K5-4"] and len(theirs) == 30
    assert {k: ours[k] for k in theirs} == theirs


def _devlake_intervals() -> dict[str, list]:
    keys = {}
    with open(DEVLAKE / "jira_issues_with_changelog.jsonl", encoding="utf-8") as f:
        for line in f:
            issue = json.loads(line)
            keys[issue["id"]] = issue["key"]
    out = defaultdict(list)
    with open(DEVLAKE / "devlake_outputs/issue_trace_expected_issue_status_history.csv") as f:
        for row in csv.DictReader(f):
            source, _, number = row["issue_id"].rpartition(":")
            key = keys.get(number) if source.startswith("jira:") else None
            start = datetime.fromisoformat(row["start_date"])
            out[key or row["issue_id"]].append(
                (start, row["original_status"], row["is_current_status"] == "1")
            )
    return {k: sorted(v) for k, v in out.items()}


def _our_intervals(db) -> dict[str, list]:
    rows = fetch(
        db,
        """
        select t.ticket_id, i.start_ts, e.status_raw, i.is_last
        from marts.intervals i
        join tickets t using (ticket_key)
        join events e on e.ticket_key = i.ticket_key and e.seq = i.seq
        where not i.is_creation
        order by t.ticket_id, i.start_us, i.seq
        """,
    )
    out = defaultdict(list)
    for ticket, start, status, last in rows:
        out[ticket].append((start, status, last))
    return out


def test_status_intervals_match_devlakes_for_every_issue(imported):
    db, _ = imported
    theirs, ours = _devlake_intervals(), _our_intervals(db)
    compared = sorted(set(theirs) & set(ours))
    # In DevLake's expected output but not in this Jira export: EE-38 (id 10100) is in
    # issue_trace's own input tables only; the TAPD story comes from another tool.
    assert sorted(set(theirs) - set(ours)) == [
        "jira:JiraIssue:2:10100",
        "tapd:TapdStory:2:1149308060001017333",
    ]
    # Ours but not in DevLake's expected output: K5-2..4 (no status change, created after
    # issue_trace's input was frozen) and the 3 issues of the separate changelog endpoint.
    assert sorted(set(ours) - set(theirs)) == ["13383", "13491", "13954", "K5-2", "K5-3", "K5-4"]
    assert len(compared) == 30
    mismatched = {k: (theirs[k], ours[k]) for k in compared if theirs[k] != ours[k]}
    assert mismatched == {}
    assert sum(len(theirs[k]) for k in compared) == 195  # every interval, start and end
    # each ends at the next start and the last one is open: same start lists say it all;
    # DevLake's "current" flag is our last interval
    assert all(ours[k][-1][2] and sum(i[2] for i in ours[k]) == 1 for k in compared)


def test_issues_without_changes_start_and_stay_in_their_status(imported):
    db, _ = imported
    ours = _our_intervals(db)
    for key in ("K5-2", "K5-3", "K5-4"):
        (interval,) = ours[key]
        assert interval[1] == "To Do" and interval[2]


def test_site_mapping_by_id_gives_the_same_etats(imported, tmp_path):
    db, _ = imported
    by_id = tmp_path / "by_id.duckdb"
    report, _ = _import(by_id, SITE_MAPPING)
    assert report.total("quarantined") == 0
    query = (
        "select t.ticket_id, e.ts, e.etat::varchar, e.status_raw from events e "
        "join tickets t using (ticket_key) order by all"
    )
    assert fetch(by_id, query) == fetch(db, query)


def test_cli_imports_the_folder_files(tmp_path, capsys):
    code = cli.main(
        ["load", *(str(DEVLAKE / f) for f in FILES), "--db", str(tmp_path / "cli.duckdb")]
    )
    assert code == 0 and "jira" in capsys.readouterr().out
