"""ServiceNow incidents (`--format servicenow`): the audit log and the incident table snapshot.

Columns come from `data/mappings/servicenow.toml` ([fields]: ticket id = number, state =
incident_state, time = sys_updated_at, creation = opened_at, customer = caller_id, team =
assignment_group, assignee = assigned_to, title = short_description). Two layouts, told apart
by content (an incident on several rows = audit log) or by `[options] layout`:

**Audit log** (one row per update of an incident, as the UCI "incident_event_log"): a row is an
event when its state differs from the previous update of the incident, ordered by update time,
then `sys_mod_count`, then file order; or when it sets another priority (the état repeats, the
replay opens no new visit, the priority history keeps the change). Other rows are skipped
(`no_state_change`). Rows with a state that is no state (`-100`, `[options] invalid_states`)
are rejected (`invalid_state`) and left out of the comparison. Rows logged before the
incident's `opened_at` are events like the others (DESIGN §5.1: an event before creation is
kept; it sets the état at creation and the replay flags the ticket). The ticket is created at
`opened_at` and is ouvert from then to its first logged row, whatever state that row has (the
log has gaps: 8,521 UCI incidents start in another state than New; the time before their first
row counts as ouvert). One ticket row per
incident is derived, with the latest known value of each attribute. Equal times (minute
precision: New then Resolved in one minute is common) are ordered by `sys_mod_count`, then file
order, for the comparison and for the replay too (`stg_event_order`): a file sorted newest
first reads the same as one sorted oldest first.

**Snapshot** (one row per incident, as a REST export of the `incident` table, states possibly
coded 1..8): there is no history. Each row is the ticket row; its events are derived:
resolu at `resolved_at`, ferme at `closed_at`, and the current state at `sys_updated_on` (the
last update: when the state was entered is not in the export) unless one of those dates
carries it. The current state prevails: a date after it is dropped and the ticket flagged
`snapshot_dates_inconsistent`; a date at the same instant as the current state's is folded
into it. Times without offset are local to the calendar's zone, or UTC with `[options]
naive_times = "utc"` (the REST Table API gives UTC).

Accounting: see `logs`. The file's entry counts its rows (audit: each is an event, a skipped
update or a reject; snapshot: each is a ticket row); a second, derived entry counts the ticket
rows derived from an audit log, or the events derived from a snapshot.
"""

from __future__ import annotations

from pathlib import Path

from ticketlib.db.sqlfiles import query, run_script
from ticketlib.ingest import log_columns as logs
from ticketlib.ingest.files import (
    FileError,
    FileTable,
    header_columns,
    original_names,
    read_file,
)
from ticketlib.ingest.staging import StagedFile, add_vocabulary

NAME = "servicenow"
NS = "sn"  # status vocabulary namespace
FIELDS = (
    "ticket_id",
    "state",
    "hold_reason",
    "updated",
    "mod_count",
    "opened",
    "resolved",
    "closed",
    "priority",
    "customer",
    "team",
    "assignee",
    "title",
)
TIMES = ("updated", "opened", "resolved", "closed")


def sniff(path: Path, head: str) -> bool:
    """A CSV with ServiceNow's incident columns: number, incident_state and a timestamp."""
    columns = header_columns(head)
    return {"number", "incident_state"} <= columns and bool(
        columns & {"sys_updated_at", "sys_updated_on", "opened_at"}
    )


def stage(con, files: list[tuple[int, Path]], mapping) -> list[StagedFile]:
    opts = mapping.options
    logs.add_statuses(con, NS, mapping.status)
    add_vocabulary(con, "vocab_priority", mapping.priority)
    _code_tables(con, opts)
    query(con, "read_servicenow_src")
    entries = []
    for index, path in files:
        ft = read_file(con, Path(path), f"file_{index}")
        layout = _layout(con, ft, mapping)
        missing = opts.get("missing", ())
        exprs = [logs.text_expr(ft.columns, mapping.fields.get(f), missing) for f in FIELDS]
        if opts.get("naive_times", "local") == "utc":
            exprs = [_as_utc(e) if f in TIMES else e for f, e in zip(FIELDS, exprs)]
        con.execute(
            f"insert into sn_src select {index}, __row, '{layout}', {', '.join(exprs)} "
            f"from {ft.table}"
        )
        date_notes = logs.slash_dates(
            con, ft, "sn_src", index, {f: mapping.fields.get(f) for f in TIMES}
        )
        logs.stage_malformed(con, index, ft)
        kind = "events" if layout == "audit" else "tickets"
        e = logs.entry(index, ft, kind, NAME, ft.rows)
        e.notes.extend(date_notes)
        if ft.rows:  # an empty file has no layout to tell
            e.notes.append(
                "journal d'audit (une ligne par mise à jour) / audit log (one row per update)"
                if layout == "audit"
                else "instantané de la table incident, sans historique / incident table "
                "snapshot, no history: événements dérivés des dates / events derived from the "
                "dates"
            )
        entries.append(e)
    run_script(con, "read_servicenow", ns=NS, derived=logs.DERIVED_OFFSET)
    return entries + _derived(con, entries)


def _as_utc(expr: str) -> str:
    """Naive times read as UTC (a REST Table API export): an explicit `Z` is added."""
    return (
        f"case when regexp_matches({expr}, '([zZ]|[+-]\\d\\d(:?\\d\\d)?)$') then {expr} "
        f"else {expr} || 'Z' end"
    )


def _layout(con, ft: FileTable, mapping) -> str:
    for field in ("ticket_id", "state"):
        if not logs.present(ft.columns, mapping.fields.get(field)):
            raise FileError(
                ft.path,
                f"colonne requise manquante / missing required column {field} "
                f"({mapping.fields.get(field)}); trouvées / found: {original_names(ft)}",
            )
    layout = mapping.options.get("layout", "auto")
    if layout in ("audit", "snapshot"):
        return layout
    if layout != "auto":
        raise FileError(ft.path, f"options.layout: audit | snapshot | auto, pas / not {layout!r}")
    ticket = logs.text_expr(ft.columns, mapping.fields.get("ticket_id"))
    several = con.execute(
        f"select count({ticket}) > count(distinct {ticket}) from {ft.table}"
    ).fetchall()[0][0]
    return "audit" if several else "snapshot"


def _code_tables(con, opts: dict) -> None:
    for table, key in (("sn_state_codes", "state_codes"), ("sn_hold_codes", "hold_reason_codes")):
        con.execute(f"create or replace temp table {table} (code varchar, name varchar)")
        pairs = [[str(k), str(v)] for k, v in opts.get(key, {}).items()]
        if pairs:
            con.executemany(f"insert into {table} values (?, ?)", pairs)
    con.execute("create or replace temp table sn_invalid (folded varchar)")
    invalid = [[str(s)] for s in opts.get("invalid_states", [])]
    if invalid:
        con.executemany("insert into sn_invalid select fold(?)", invalid)


def _derived(con, entries: list[StagedFile]) -> list[StagedFile]:
    out = []
    for e in entries:
        index = e.file_index + logs.DERIVED_OFFSET
        if e.kind == "events":
            n = logs.count_rows(con, f"select 1 from stg_tickets where file_index = {index}")
            what = ("une ligne de ticket par incident", "one ticket row per incident")
            kind = "tickets"
        else:
            n = logs.count_rows(con, f"select 1 from stg_events where file_index = {index}")
            what = ("événements tirés des dates et de l'état actuel", "events from dates and state")
            kind = "events"
        if n:
            out.append(logs.derived_entry(e, kind, n, *what))
    return out
