"""Zendesk exports (`--format zendesk`): ticket audits and incremental ticket events.

Accepted, in a JSON file (one value) or JSON Lines (one value per line):
- ticket audits (GET /api/v2/tickets/{id}/audits, /api/v2/ticket_audits): `{"audits":
  [audit, ...]}`, an array of audits, or one audit per line; an audit is `{"id", "ticket_id",
  "created_at", "events": [{"type": "Create"|"Change"|…, "field_name", "value",
  "previous_value"}]}`;
- incremental ticket events (GET /api/v2/incremental/ticket_events): `{"ticket_events":
  [event, ...]}` or one per line; an event is `{"id", "ticket_id", "created_at" or "timestamp"
  (epoch s), "updater_id", "via", "event_type", "child_events": [{"event_type": "Create"|
  "Change", "status"|"priority"|<field>: value, "previous_value"}]}` (the changed field is the
  key, or `field_name`/`value` as in audits).
Status and priority changes are `Create`/`Change` of the fields `status` and `priority`; the
ticket is created at the audit holding its `Create` events (its status then is the `Create`
value). A ticket whose creation is not in the file is created at its first event, in the
`previous_value` of its first status change. Ticket attributes are the latest values of the
fields named in the mapping's [fields] (ids, except `subject`). Rows (`source_row`): the n-th
row staged from the file, ticket by ticket in file order; the quarantine's raw JSON names the
line, audit and event. All in DuckDB (JSON functions, `unnest`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ticketlib.db.sqlfiles import query, run_script
from ticketlib.ingest import changes
from ticketlib.ingest.jsonfiles import looks_like_json, read_json_file
from ticketlib.ingest.mapping import Mapping
from ticketlib.ingest.staging import StagedFile, add_vocabulary

NAME = "zendesk"
NS = "zendesk:"
ATTRIBUTES = ("customer", "assignee", "team", "title")
# keys of an incremental child event that are not the changed field
CHILD_META = (
    "id",
    "via",
    "via_reference_id",
    "event_type",
    "type",
    "previous_value",
    "audit_id",
    "created_at",
    "author_id",
    "field_name",
    "value",
    "comment_present",
    "comment_public",
)


def sniff(path: Path, head: str) -> bool:
    if not looks_like_json(head):
        return False
    if re.search(r'"(ticket_events|audits)"\s*:\s*\[', head):
        return True
    return '"ticket_id"' in head and ('"child_events"' in head or '"field_name"' in head)


def stage(con, files: list[tuple[int, Path]], mapping: Mapping) -> list[StagedFile]:
    add_vocabulary(con, "vocab_status", {NS + k: v for k, v in mapping.status.items()})
    add_vocabulary(con, "vocab_priority", mapping.priority)
    read = [read_json_file(con, i, Path(p)) for i, p in files]
    indexes = [f.index for f in read]
    changes.create_change_tables(con)
    changes.json_rejects_to_changes(con, indexes)
    _units(con, indexes)
    _items(con)
    _tickets(con, {f"f_{a}": mapping.fields.get(a) or "" for a in ATTRIBUTES})
    return changes.stage_changes(con, read, NS, NAME, "audits / événements / events")


def _units(con, indexes: list[int]) -> None:
    """One row per audit or ticket event; the others are rejected or skipped."""
    query(con, "read_zendesk_units", ix=indexes)
    con.execute("delete from json_docs where list_contains($ix, file_index)", {"ix": indexes})
    run_script(con, "read_zendesk_rejects")


def _items(con) -> None:
    """Every event of every audit: field, kind (create/change), previous and new value."""
    query(con, "read_zendesk_items", meta=list(CHILD_META))


def _tickets(con, params: dict) -> None:
    """A ticket row where the file holds the ticket's creation: its latest attribute values."""
    query(con, "read_zendesk_tickets", **params)
