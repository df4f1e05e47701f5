"""Jira exports (`--format jira`): issues with their changelogs, as the REST API gives them.

Accepted, in a JSON file (one value), JSON Lines (one value per line) or a DevLake raw CSV:
- search responses `{"issues": [issue, ...]}` (REST v2/v3 and Agile, `expand=changelog`) and
  issues alone or in an array: `{"key", "id", "fields": {...}, "changelog": {"total",
  "histories": [...]}}`;
- per-issue changelog pages `{"values": [history, ...], "total"}` (GET .../changelog): the issue
  is named by `issueKey`/`key`/`issueId` beside `values`, or by the file name (`EE-12.json`,
  `EE-12_changelog.json`);
- bulk changelogs `{"issueChangeLogs": [{"issueId", "changeHistories": [history, ...]}]}`;
- one history per line or row with its issue beside it: `{"issue": {"issue_id"|"id"|"key"},
  "history": history}` (DevLake's `_raw_jira_api_issue_changelogs`, where `input` is the issue);
- status definitions (`_raw_jira_api_status`) are read and counted as skipped.
A history is `{"id", "created", "items": [{"field"|"fieldId", "from", "fromString", "to",
"toString"}]}`; `created` is ISO 8601 (`2017-02-28T09:24:59.366-0600`) or epoch (ms or s).

Tickets are named by issue key (`[options] ticket_id = "id"` for the numeric id); a history
known only by issue id takes the key of that issue when it is in the same import. Statuses are
looked up by id (`from`/`to`) when the mapping has that id, else by name (`fromString`/
`toString`). Rows (`source_row`): the n-th row staged from the file, ticket by ticket in file
order; the quarantine's raw JSON names the line/row, issue, history and item.

Done in DuckDB (JSON functions, `unnest`): a file is parsed once and issues are never looped
over in Python, so a 300 MB export costs seconds, not minutes.
"""

from __future__ import annotations

import re
from pathlib import Path

from ticketlib.db.sqlfiles import query, render, run_script
from ticketlib.domain.config import ConfigError
from ticketlib.ingest import changes
from ticketlib.ingest.jsonfiles import (
    is_devlake_csv,
    key_from_name,
    looks_like_json,
    read_json_file,
)
from ticketlib.ingest.mapping import Mapping
from ticketlib.ingest.staging import StagedFile, add_vocabulary

NAME = "jira"
NS = "jira:"
ATTRIBUTES = ("customer", "assignee", "team", "title")
_ISSUE_KEY = r'"key"\s*:\s*"[A-Za-z][A-Za-z0-9_]*-\d+"'
_PATH = re.compile(r"^\$?\.?[A-Za-z0-9_]+(\[\d+\])*(\.[A-Za-z0-9_]+(\[\d+\])*)*$")


def sniff(path: Path, head: str) -> bool:
    if looks_like_json(head):
        return (
            any(m in head for m in ('"issueChangeLogs"', '"fromString"', '"toString"'))
            or re.search(r'"changelog"\s*:\s*\{', head) is not None
            # a search response that found nothing: {"startAt": 0, ..., "issues": []}
            or re.search(r'"issues"\s*:\s*\[\s*\]', head) is not None
            or (re.search(r'"fields"\s*:\s*\{', head) and re.search(_ISSUE_KEY, head)) is not None
        )
    return is_devlake_csv(head) and any(
        m in head for m in ("/rest/api/", "/rest/agile/", "fromString", "atlassian")
    )


def json_path(spec: str, what: str) -> list[str]:
    """`fields.assignee.displayName | fields.reporter.displayName` -> JSON paths, in order."""
    paths = []
    for part in (p.strip() for p in spec.split("|")):
        if not part:
            continue
        if not _PATH.match(part):
            raise ConfigError(f"fields.{what}: chemin invalide / invalid path {part!r}")
        paths.append("$." + part.lstrip("$").lstrip("."))
    return paths


def _attribute_sql(mapping: Mapping) -> tuple[str, dict]:
    exprs, params = [], {}
    for name in ATTRIBUTES:
        paths = json_path(mapping.fields.get(name, ""), name)
        for n, p in enumerate(paths):
            params[f"{name}_{n}"] = p
        terms = [f"json_extract_string(u, ${name}_{n})" for n in range(len(paths))]
        exprs.append(f"coalesce({', '.join(terms + ['null'])}) as {name}")
    return ", ".join(exprs), params


def stage(con, files: list[tuple[int, Path]], mapping: Mapping) -> list[StagedFile]:
    add_vocabulary(con, "vocab_status", {NS + k: v for k, v in mapping.status.items()})
    add_vocabulary(con, "vocab_priority", mapping.priority)
    by = str(mapping.options.get("ticket_id", "key"))
    if by not in ("key", "id"):
        raise ConfigError(f"options.ticket_id: 'key' ou/or 'id', pas/not {by!r}")
    attributes, params = _attribute_sql(mapping)
    read = [read_json_file(con, i, Path(p)) for i, p in files]
    indexes = [f.index for f in read]
    con.execute("create or replace temp table j_files (file_index integer, name_key varchar)")
    con.executemany(
        "insert into j_files values (?, ?)", [[f.index, key_from_name(f.path)] for f in read]
    )
    changes.create_change_tables(con)
    changes.json_rejects_to_changes(con, indexes)
    _units(con)
    _tickets(con, by, attributes, params)
    _histories(con)
    query(con, "read_jira_unit_counts")
    staged = changes.stage_changes(con, read, NS, NAME, "objets Jira / Jira objects")
    _flag_missing_changelogs(con, staged)
    return staged


def _units(con) -> None:
    """One row per unit: an issue, a changelog page, a bulk entry, a (wrapped) history."""
    query(con, "read_jira_units")
    con.execute("delete from json_docs where file_index in (select file_index from j_files)")


def _tickets(con, by: str, attributes: str, params: dict) -> None:
    """Name each unit's ticket; issues give the ticket rows; the rest is rejected or skipped."""
    query(con, "read_jira_named", by=by)
    con.execute("drop table j_units")
    con.execute(render("read_jira_tickets", attributes=attributes), params)
    run_script(con, "read_jira_rejects")


def _histories(con) -> None:
    """Every history item of every unit, with its history's time and id."""
    run_script(con, "read_jira_histories")


def _flag_missing_changelogs(con, staged: list[StagedFile]) -> None:
    """Issues exported without `expand=changelog`: only their current status is known."""
    rows = query(con, "read_jira_missing_changelogs").fetchall()
    if not rows:
        return
    con.executemany(
        "insert into stg_flags values (?, 'changelog_missing', ?)",
        [
            [t, "no changelog in the export (expand=changelog)"]
            for t in sorted({t for _, t in rows})
        ],
    )
    for f in staged:
        n = sum(1 for i, _ in rows if i == f.file_index)
        if n:
            f.notes.append(
                f"{n} ticket(s) sans historique / without changelog (expand=changelog): "
                "seul leur statut actuel est connu / only their current status is known"
            )
