"""Change histories (Jira changelogs, Zendesk audits) -> staging rows, the same way for both.

A reader fills these temp tables (all text) from its JSON, then calls `stage_changes`:
- `chg_tickets`: one row per ticket found with its attributes (several copies of one ticket in a
  file: the latest update is kept, the others are counted as skipped `repeated_issue`);
- `chg_items`: one row per history item: `field` (`status`, `priority` or the other field's
  name), `kind` (`create` or `change`), `from_key`/`from_name`, `to_key`/`to_name` (key: the
  source's id where it has one), the history's time and id;
- `chg_rejects`, `chg_skipped`: units the reader cannot use or that hold no change;
- `chg_totals`, `chg_histories`: histories declared by the export and histories present, for
  the truncation check; `chg_units`: how many units (issues, histories, audits) each file held.
The rules (sql/stage_changes.sql): items sorted by time, then history id, status before
priority, except that the histories of one ticket changing its status at one instant follow
their from→to chain (DESIGN §5.1; broken or cyclic chains go on in id order, see the SQL); the
status at creation is the first status change's `from` (else the current status), at the
ticket's creation (else its earliest history); a priority change is an event
repeating the status in force with the new priority. A ticket's items from all the files of
one import are ordered together (issues exported without changelog combine with their
changelog pages); each row is staged in the file it came from, the status at creation in the
file of the ticket row. `source_row` is a row's rank in its file: ticket by ticket in file
order, then its ticket row, its status at creation, its items in order: the row numbers are
the positions that order events at one instant in the landing (as `stg_event_order` does for
readers whose rows are file rows), so they replay in chain order. Status keys are namespaced (`jira:…`), so the vocabularies of
two sources in one import never collide.
"""

from __future__ import annotations

from ticketlib.db.sqlfiles import run_script
from ticketlib.domain.bilingual import said
from ticketlib.ingest.jsonfiles import JsonFile
from ticketlib.ingest.staging import StagedFile

CHG_SQL = """
create or replace temp table chg_tickets (
    file_index integer, unit_seq bigint, ticket_id varchar, created_raw varchar,
    updated_raw varchar, status_key varchar, status_name varchar, priority_raw varchar,
    customer varchar, assignee varchar, team varchar, title varchar, raw varchar);
create or replace temp table chg_items (
    file_index integer, unit_seq bigint, ticket_id varchar, ts_raw varchar, hist_id varchar,
    item_no integer, field varchar, kind varchar, from_key varchar, from_name varchar,
    to_key varchar, to_name varchar, raw varchar);
create or replace temp table chg_rejects (
    file_index integer, unit_seq bigint, ticket_id varchar, reason varchar, detail varchar,
    raw varchar);
create or replace temp table chg_skipped (file_index integer, reason varchar, n bigint);
create or replace temp table chg_totals (file_index integer, ticket_id varchar, declared bigint);
create or replace temp table chg_histories (ticket_id varchar, hist_id varchar);
create or replace temp table chg_units (file_index integer, n bigint);
"""
NOTE_LIMIT = 10  # tickets or statuses named in one note; the rest are counted
LAYOUTS = {
    "document": "document JSON",
    "lines": "ligne(s) JSON / JSON line(s)",
    "devlake_csv": "ligne(s) CSV DevLake / DevLake CSV row(s)",
}


def create_change_tables(con) -> None:
    con.execute(CHG_SQL)


def json_rejects_to_changes(con, indexes: list[int]) -> None:
    """Lines or rows that are not JSON: rejected before any unit (they sort first)."""
    con.execute(
        """
        insert into chg_rejects
        select file_index, 0, null, 'malformed_row', loc || ': ' || detail, raw
        from json_rejects where list_contains($ix, file_index)
        """,
        {"ix": indexes},
    )


def stage_changes(con, files: list[JsonFile], ns: str, fmt: str, unit: str) -> list[StagedFile]:
    """Stage the change tables; one StagedFile per file, with notes for the import report.

    `unit` names what the reader's units are (issues, audits…): `chg_units(file_index, n)`.
    """
    run_script(con, "stage_changes", ns=ns)
    units = dict(con.execute("select file_index, n from chg_units").fetchall())
    staged = []
    for f in files:
        counts = _counts(con, f.index)
        sf = StagedFile(
            f.index, f.path, "tickets+events", fmt, sum(counts.values()), f.size, f.sha256
        )
        sf.notes.extend(_notes(con, f, f"{units.get(f.index, 0)} {unit}", counts))
        staged.append(sf)
    return staged


def _counts(con, index: int) -> dict[str, int]:
    row = con.execute(
        """
        select (select count(*) from stg_tickets where file_index = $i),
               (select count(*) from stg_events where file_index = $i),
               (select count(*) from stg_rejects where file_index = $i),
               (select coalesce(sum(n), 0) from stg_skipped where file_index = $i)
        """,
        {"i": index},
    ).fetchall()[0]
    return dict(zip(("tickets", "events", "rejects", "skipped"), map(int, row)))


def _notes(con, f: JsonFile, unit: str, counts: dict[str, int]) -> list[str]:
    sides = LAYOUTS[f.layout].split(" / ")
    layout_fr, layout_en = sides[0], sides[-1]
    notes = [
        said(
            f"{f.docs} {layout_fr}, {unit} : {counts['tickets']} tickets, {counts['events']} "
            "événements (statut à la création, changements de statut, de priorité)",
            f"{f.docs} {layout_en}, {unit}: {counts['tickets']} tickets, {counts['events']} "
            "events (status at creation, status and priority changes)",
            f"{f.docs} {LAYOUTS[f.layout]}, {unit} : {counts['tickets']} "
            f"tickets, {counts['events']} événements / events (statut à la création, changements "
            "de statut, de priorité / status at creation, status and priority changes)",
        )
    ]
    truncated = con.execute(
        """
        select t.ticket_id, t.present, t.declared from chg_truncated t
        where t.ticket_id in (select ticket_id from chg_totals where file_index = $i)
        order by t.ticket_id
        """,
        {"i": f.index},
    ).fetchall()
    if truncated:
        shown = "; ".join(f"{t}: {p} of {d} histories" for t, p, d in truncated[:NOTE_LIMIT])
        more = f"; … +{len(truncated) - NOTE_LIMIT}" if len(truncated) > NOTE_LIMIT else ""
        n = len(truncated)
        notes.append(
            said(
                f"historique tronqué : {n} ticket(s) chargé(s) et signalé(s) "
                f"changelog_truncated ({shown}{more})",
                f"truncated changelog: {n} ticket(s) loaded and flagged changelog_truncated "
                f"({shown}{more})",
                f"historique tronqué / truncated changelog: {n} ticket(s) chargé(s) et "
                f"signalé(s) / loaded and flagged changelog_truncated ({shown}{more})",
            )
        )
    unmapped = con.execute(
        """
        select status_raw, coalesce(any_value(status_k), status_raw) as key, count(*) as n
        from chg_rows r
        where file_index = $i and what = 'event' and status_key is not null
          and not exists (select 1 from vocab_status v where v.folded = fold(r.status_key))
        group by status_raw order by n desc, status_raw
        """,
        {"i": f.index},
    ).fetchall()
    for raw, key, n in unmapped[:NOTE_LIMIT]:
        alias = f'"{key}" = "<état>"' + (f' ou/or "{raw}" = "<état>"' if key != raw else "")
        one = f'"{key}" = "<état>"'
        notes.append(
            said(
                f"statut sans correspondance {raw!r} ×{n} : ajoutez {one}"
                + (f' ou "{raw}" = "<état>"' if key != raw else "")
                + " sous [status] d'un fichier de correspondance (.toml)",
                f"unmapped status {raw!r} ×{n}: add {one}"
                + (f' or "{raw}" = "<état>"' if key != raw else "")
                + " under [status] in a mapping file (.toml)",
                f"statut sans correspondance / unmapped status {raw!r} ×{n}: ajoutez / add "
                f"{alias} sous / under [status] d'un fichier --mapping / in a --mapping file",
            )
        )
    if len(unmapped) > NOTE_LIMIT:
        notes.append(f"… +{len(unmapped) - NOTE_LIMIT} statuts sans correspondance / unmapped")
    return notes
