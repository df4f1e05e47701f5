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
    con.execute(
        """
        create or replace temp table z_units as
        with parts as (
            select file_index, doc_no, loc,
                   json_type(j) = 'ARRAY' or json_exists(j, '$.audits')
                       or json_exists(j, '$.ticket_events') as container,
                   case when json_type(j) = 'ARRAY' then json_extract(j, '$[*]')
                        when json_exists(j, '$.audits') then json_extract(j, '$.audits[*]')
                        when json_exists(j, '$.ticket_events')
                            then json_extract(j, '$.ticket_events[*]')
                        when json_exists(j, '$.audit') then [j->'audit']
                        else [j] end as l
            from json_docs where list_contains($ix, file_index)
        ), units as (
            select *, unnest(l) as u, generate_subscripts(l, 1) as part_no from parts
        )
        select row_number() over (order by file_index, doc_no, part_no) as unit_seq,
               file_index, loc || case when container then ' [' || part_no || ']' else '' end
                   as loc,
               u, u->>'ticket_id' as ticket_id, u->>'id' as unit_id,
               case when json_type(u->'created_at') = 'VARCHAR' then u->>'created_at'
                    when json_type(u->'timestamp') in ('UBIGINT', 'BIGINT', 'DOUBLE')
                        then strftime(make_timestamp(((u->>'timestamp')::double * 1e6)::bigint),
                                      '%Y-%m-%dT%H:%M:%SZ')
                    else u->>'timestamp' end as ts_raw,
               case when json_type(u) <> 'OBJECT' then null
                    when json_exists(u, '$.events') then json_extract(u, '$.events[*]')
                    when json_exists(u, '$.child_events') then json_extract(u, '$.child_events[*]')
               end as il,
               json_type(u) = 'OBJECT' and json_exists(u, '$.ticket_id') as has_ticket
        from units
        """,
        {"ix": indexes},
    )
    con.execute("delete from json_docs where list_contains($ix, file_index)", {"ix": indexes})
    con.execute(
        """
        insert into chg_units select file_index, count(*) from z_units group by file_index;
        insert into chg_rejects
        select file_index, unit_seq, null,
               case when not has_ticket and il is null then 'malformed_row'
                    else 'missing_ticket_id' end,
               loc || ': ' || case when not has_ticket and il is null
                   then 'objet JSON non reconnu / unrecognised JSON object'
                   else 'sans ticket_id / no ticket_id' end,
               left(u::varchar, 2000)
        from z_units where ticket_id is null;
        insert into chg_skipped
        select file_index, 'other_event', count(*)
        from z_units where ticket_id is not null and coalesce(len(il), 0) = 0 group by all;
        """
    )


def _items(con) -> None:
    """Every event of every audit: field, kind (create/change), previous and new value."""
    con.execute(
        """
        insert into chg_items
        with events as (
            select file_index, unit_seq, loc, ticket_id, unit_id, ts_raw,
                   unnest(il) as e, generate_subscripts(il, 1) as item_no
            from z_units where ticket_id is not null
        ), fields as (
            select *,
                   coalesce(e->>'field_name',
                            case when json_exists(e, '$.status') then 'status'
                                 when json_exists(e, '$.priority') then 'priority' end,
                            case when lower(e->>'event_type') in ('create', 'change')
                                 then list_filter(json_keys(e), lambda k: not list_contains($meta, k))[1]
                            end,
                            e->>'type', e->>'event_type', '?') as field
            from events
        )
        select file_index, unit_seq, ticket_id, ts_raw, unit_id, item_no, field,
               lower(coalesce(e->>'type', e->>'event_type')), null, e->>'previous_value', null,
               case when json_exists(e, '$.field_name') then e->>'value'
                    -- the field's value under its key, whatever characters the key holds (JSON
                    -- Pointer, RFC 6901: ~ and / escaped)
                    else json_extract_string(
                        e, '/' || replace(replace(field, '~', '~0'), '/', '~1')) end,
               json_object('where', loc, 'ticket', ticket_id, 'audit', unit_id,
                           'created', ts_raw, 'event', e)::varchar
        from fields
        """,
        {"meta": list(CHILD_META)},
    )


def _tickets(con, params: dict) -> None:
    """A ticket row where the file holds the ticket's creation: its latest attribute values."""
    con.execute(
        """
        insert into chg_tickets
        with ordered as (
            select *, (try_cast(trim(ts_raw) as timestamptz), unit_seq, item_no) as o
            from chg_items
        ), tickets as (
            select file_index, ticket_id, min(unit_seq) as unit_seq,
                   arg_min(ts_raw, o) filter (where kind = 'create') as created_raw,
                   max(ts_raw) as updated_raw,
                   arg_max_null(to_name, o) filter (where field = 'priority') as priority_raw,
                   arg_max_null(to_name, o) filter (where field = $f_customer) as customer,
                   arg_max_null(to_name, o) filter (where field = $f_assignee) as assignee,
                   arg_max_null(to_name, o) filter (where field = $f_team) as team,
                   arg_max_null(to_name, o) filter (where field = $f_title) as title
            from ordered
            group by file_index, ticket_id
        )
        select file_index, unit_seq, ticket_id, created_raw, updated_raw, null, null,
               priority_raw, customer, assignee, team, title,
               json_object('ticket', ticket_id, 'created', created_raw)::varchar
        from tickets where created_raw is not null
        """,
        params,
    )
