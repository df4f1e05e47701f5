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

from ticketlib.domain.bilingual import said
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
    con.execute(
        "insert into chg_units select file_index, count(*) from j_named group by file_index"
    )
    staged = changes.stage_changes(con, read, NS, NAME, "objets Jira / Jira objects")
    _flag_missing_changelogs(con, staged)
    return staged


def _units(con) -> None:
    """One row per unit: an issue, a changelog page, a bulk entry, a (wrapped) history."""
    con.execute(
        """
        create or replace temp table j_units as
        with parts as (
            select d.file_index, d.doc_no, d.loc, d.ctx, f.name_key,
                   json_type(d.j) = 'ARRAY' or json_exists(d.j, '$.issues')
                       or json_exists(d.j, '$.issueChangeLogs') as container,
                   case when json_type(d.j) = 'ARRAY' then json_extract(d.j, '$[*]')
                        when json_exists(d.j, '$.issues') then json_extract(d.j, '$.issues[*]')
                        when json_exists(d.j, '$.issueChangeLogs')
                            then json_extract(d.j, '$.issueChangeLogs[*]')
                        else [d.j] end as l
            from json_docs d join j_files f using (file_index)
        ), units as (
            select *, unnest(l) as u, generate_subscripts(l, 1) as part_no from parts
        )
        select row_number() over (order by file_index, doc_no, part_no) as unit_seq,
               file_index, loc || case when container then ' [' || part_no || ']' else '' end
                   as loc,
               u, ctx, name_key,
               case when json_type(u) <> 'OBJECT' then null
                    when json_exists(u, '$.fields') or json_exists(u, '$.changelog') then 'issue'
                    when json_exists(u, '$.changeHistories') then 'bulk'
                    when json_exists(u, '$.values') then 'page'
                    when json_exists(u, '$.history') then 'wrapper'
                    when json_exists(u, '$.items') then 'history'
                    when json_exists(u, '$.statusCategory') then 'status_definition'
               end as kind
        from units
        """
    )
    con.execute("delete from json_docs where file_index in (select file_index from j_files)")


def _tickets(con, by: str, attributes: str, params: dict) -> None:
    """Name each unit's ticket; issues give the ticket rows; the rest is rejected or skipped."""
    con.execute(
        """
        create or replace temp table j_named as
        with refs as (
            select *,
                   case when kind = 'issue' then u->>'key'
                        else coalesce(u->>'issueKey', u->>'issue_key', u->>'key',
                                      u->>'$.issue.key', u->>'$.issue.issueKey',
                                      ctx->>'issueKey', ctx->>'issue_key', ctx->>'key', name_key)
                   end as issue_key,
                   case when kind = 'issue' then u->>'id'
                        else coalesce(u->>'issueId', u->>'issue_id', u->>'$.issue.id',
                                      u->>'$.issue.issue_id', u->>'$.issue.issueId',
                                      ctx->>'issueId', ctx->>'issue_id', ctx->>'id')
                   end as issue_id
            from j_units
        ), keys as (
            select issue_id, any_value(issue_key) as key_of_id
            from refs where kind = 'issue' and issue_id is not null and issue_key is not null
            group by issue_id
        )
        select r.*,
               case when $by = 'id' then coalesce(r.issue_id, r.issue_key)
                    else coalesce(r.issue_key, k.key_of_id, r.issue_id) end as ticket_id
        from refs r left join keys k using (issue_id)
        """,
        {"by": by},
    )
    con.execute("drop table j_units")
    con.execute(
        f"""
        insert into chg_tickets
        select file_index, unit_seq, ticket_id, u->>'$.fields.created', u->>'$.fields.updated',
               u->>'$.fields.status.id', u->>'$.fields.status.name', u->>'$.fields.priority.name',
               {attributes},
               json_object('where', loc, 'key', issue_key, 'id', issue_id,
                           'created', u->>'$.fields.created',
                           'priority', u->>'$.fields.priority.name')::varchar
        from j_named where kind = 'issue' and ticket_id is not null
        """,
        params,
    )
    con.execute(
        """
        insert into chg_rejects
        select file_index, unit_seq, null,
               case when kind is null then 'malformed_row' else 'missing_ticket_id' end,
               loc || ': ' || case when kind is null
                   then 'objet JSON non reconnu / unrecognised JSON object (clés/keys: '
                        || case when json_type(u) = 'OBJECT' then array_to_string(json_keys(u), ', ')
                           else json_type(u) end || ')'
                   else 'ni clé ni id de ticket / no issue key or id' end,
               left(u::varchar, 2000)
        from j_named
        where kind is null or (kind <> 'status_definition' and ticket_id is null);
        insert into chg_skipped
        select file_index, 'status_definition', count(*)
        from j_named where kind = 'status_definition' group by all;
        insert into chg_totals
        select file_index, ticket_id,
               try_cast(case kind when 'issue' then u->>'$.changelog.total'
                                  else u->>'total' end as bigint)
        from j_named
        where ticket_id is not null and kind in ('issue', 'page')
          and json_exists(u, case kind when 'issue' then '$.changelog.total' else '$.total' end);
        """
    )


def _histories(con) -> None:
    """Every history item of every unit, with its history's time and id."""
    con.execute(
        """
        create or replace temp table j_hist as
        select file_index, unit_seq, loc, ticket_id, unnest(hl) as h
        from (select *, case kind when 'issue' then json_extract(u, '$.changelog.histories[*]')
                                  when 'page' then json_extract(u, '$.values[*]')
                                  when 'bulk' then json_extract(u, '$.changeHistories[*]')
                                  when 'wrapper' then [u->'history']
                                  when 'history' then [u] end as hl
              from j_named where ticket_id is not null);
        insert into chg_histories select distinct ticket_id, h->>'id' from j_hist;
        insert into chg_items
        with items as (
            select file_index, unit_seq, loc, ticket_id, h->>'id' as hist_id,
                   case when json_type(h->'created') in ('UBIGINT', 'BIGINT', 'DOUBLE')
                        then strftime(make_timestamp((case when (h->>'created')::double > 1e11
                                                           then (h->>'created')::double * 1e3
                                                           else (h->>'created')::double * 1e6
                                                      end)::bigint), '%Y-%m-%dT%H:%M:%S.%gZ')
                        else h->>'created' end as ts_raw,
                   unnest(il) as it, generate_subscripts(il, 1) as item_no
            from (select *, json_extract(h, '$.items[*]') as il from j_hist)
        )
        select file_index, unit_seq, ticket_id, ts_raw, hist_id, item_no,
               case coalesce(it->>'fieldId', it->>'field')
                    when 'status' then 'status' when 'priority' then 'priority'
                    else coalesce(it->>'field', it->>'fieldId', '?') end,
               'change', it->>'from', it->>'fromString', it->>'to', it->>'toString',
               json_object('where', loc, 'ticket', ticket_id, 'history', hist_id,
                           'created', ts_raw, 'item', it)::varchar
        from items;
        """
    )


def _flag_missing_changelogs(con, staged: list[StagedFile]) -> None:
    """Issues exported without `expand=changelog`: only their current status is known."""
    rows = con.execute(
        """
        select distinct file_index, ticket_id from j_named
        where kind = 'issue' and ticket_id is not null and not json_exists(u, '$.changelog')
          and ticket_id not in (select ticket_id from chg_histories)
        """
    ).fetchall()
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
                said(
                    f"{n} ticket(s) sans historique (expand=changelog) : seul leur statut "
                    "actuel est connu",
                    f"{n} ticket(s) without changelog (expand=changelog): only their current "
                    "status is known",
                    f"{n} ticket(s) sans historique / without changelog (expand=changelog): "
                    "seul leur statut actuel est connu / only their current status is known",
                )
            )
