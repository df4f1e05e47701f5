"""Process-mining event logs (`--format eventlog`): CSV or XES, one row per event of a case.

Columns and vocabulary come from `data/mappings/eventlog.toml` (case id, activity, optional sub
status, timestamp, resource, ...), with a dataset mapping read on top when the file's columns
identify one (`eventlog_bpi2013.toml`, `eventlog_helpdesk.toml`, `eventlog_bpic2014.toml`:
their `[options] detect`), then the user's `--mapping` (a shipped dataset mapping given there is
used as the dataset mapping; `[options] autodetect = false` turns detection off). The report
notes which mapping each file got. XES files are flattened first (`xes.py`).

Each row is an event: the case is the ticket, the activity ("activity/sub status" when the
mapping names a sub-status column) is mapped to an état, the event's time is when the ticket
entered it. An activity listed in `[options] ignore` is not a status change: the row is
skipped (`ignored_activity`, counted, the values listed in the report notes). Anything else
the mapping lacks is quarantined by the landing as unknown_status, with its name.

Tickets: a file with a case id and a creation column but no activity (e.g. the BPIC 2014
`incident_case_attributes.csv`) is a case file: one ticket row per row; its empty attributes
are completed from the events of the same import. Every other case gets one derived ticket row,
created at its first event (any activity, ignored ones included) with the latest value of each
attribute over all the event files of the import.

Accounting (see `logs`): an event file's entry counts its rows, each an event staged, skipped
or rejected (malformed); the derived ticket rows are counted in the derived entry of the file
holding each case's latest event.
"""

from __future__ import annotations

from pathlib import Path

from ticketlib.db.sqlfiles import run_script
from ticketlib.domain.vocabulary import ETAT_VOCABULARY
from ticketlib.ingest import log_columns as logs
from ticketlib.ingest.eventlog import xes
from ticketlib.ingest.files import (
    FileError,
    FileTable,
    fold_column,
    header_columns,
    original_names,
    read_file,
)
from ticketlib.ingest.formats import head_text
from ticketlib.ingest.mapping import (
    MAPPINGS_DIR,
    Mapping,
    _merge,
    _read,
    default_mapping_path,
    load_mapping,
)
from ticketlib.ingest.staging import StagedFile, add_vocabulary

NAME = "eventlog"
EVENT_FIELDS = ("case_id", "activity", "timestamp")
ATTRIBUTES = ("priority", "assignee", "team", "customer", "title")


def sniff(path: Path, head: str) -> bool:
    """An XES log, or a CSV whose header names a case, an activity and a timestamp."""
    if xes.is_xes(path, head):
        return True
    columns = header_columns(head)
    base = load_mapping(NAME)
    if all(_has(columns, base.fields.get(f)) for f in EVENT_FIELDS):
        return True
    return any(_detects(columns, _read(p)) for p in _datasets())


def stage(con, files: list[tuple[int, Path]], mapping: Mapping) -> list[StagedFile]:
    run_script(con, "read_eventlog_tables")
    entries = []
    for index, path in files:
        path = Path(path)
        table = f"file_{index}"
        if xes.is_xes(path, head_text(path)):
            ft = xes.read_xes(con, path, table)
        else:
            ft = read_file(con, path, table)
        m, note = _mapping_for(ft, mapping)
        kind, date_notes = _stage_file(con, index, ft, m)
        e = logs.entry(index, ft, kind, NAME, ft.rows)
        e.notes.append(note)
        e.notes.extend(date_notes)
        entries.append(e)
    run_script(con, "read_eventlog", derived=logs.DERIVED_OFFSET)
    for e in entries:
        ignored = logs.value_counts(
            con,
            "select status_raw, count(*) from el_src where ignored and file_index = "
            f"{e.file_index} group by all order by 2 desc, 1",
        )
        if ignored:
            e.notes.append(f"activités ignorées / ignored activities: {ignored}")
    return entries + _derived(con, entries)


def _stage_file(con, index: int, ft: FileTable, m: Mapping) -> tuple[str, list[str]]:
    """Stage one file's rows; its kind (events or tickets) and the notes on its dates."""
    ns = f"el{index}"
    logs.add_statuses(con, ns, ETAT_VOCABULARY | m.status)
    add_vocabulary(con, "vocab_priority", m.priority)

    def col(field: str) -> str:
        return logs.text_expr(ft.columns, m.fields.get(field))

    has = {f: bool(logs.present(ft.columns, m.fields.get(f))) for f in m.fields}
    if ft.rows == 0 and not ft.names:
        return "events", []  # an XES log with no event: an empty file, nothing to stage
    if all(has.get(f) for f in EVENT_FIELDS):
        status = col("activity")
        if has.get("substatus"):
            sep = logs.sql_literal(m.options.get("separator", "/"))
            status = f"{status} || coalesce({sep} || {col('substatus')}, '')"
        ignore = ", ".join(f"fold({logs.sql_literal(a)})" for a in m.options.get("ignore", []))
        attributes = ", ".join(f"{col(f)} as {f}" for f in ATTRIBUTES)
        con.execute(
            f"""
            insert into el_src
            select {index}, __row, case_id, ts, status_raw, '{ns}:' || status_raw, order_key,
                   {", ".join(ATTRIBUTES)},
                   coalesce(fold(status_raw) in ({ignore or "null"}), false)
            from (select __row, {col("case_id")} as case_id, {col("timestamp")} as ts,
                         {status} as status_raw, {col("order")} as order_key, {attributes}
                  from {ft.table})
            """
        )
        kind = "events"
        notes = logs.slash_dates(con, ft, "el_src", index, {"ts": m.fields.get("timestamp")})
    elif has.get("case_id") and has.get("created"):
        con.execute(
            f"insert into el_cases select {index}, __row, {col('case_id')}, {col('created')}, "
            f"{col('priority')}, {col('assignee')}, {col('team')}, {col('customer')}, "
            f"{col('title')} from {ft.table}"
        )
        kind = "tickets"
        notes = logs.slash_dates(con, ft, "el_cases", index, {"created": m.fields.get("created")})
    else:
        raise FileError(
            ft.path,
            "ni événements (cas, activité, horodatage) ni cas (cas, création) / neither events "
            f"(case, activity, timestamp) nor cases (case, created); colonnes / columns: "
            f"{original_names(ft)}",
        )
    logs.stage_malformed(con, index, ft)
    return kind, notes


def _mapping_for(ft: FileTable, mapping: Mapping) -> tuple[Mapping, str]:
    """The mapping of one file: defaults, a dataset mapping its columns identify, the user's."""
    default = default_mapping_path(NAME).resolve()
    user = [Path(f) for f in mapping.files if Path(f).resolve() != default]
    shipped = {p.resolve() for p in _datasets()}
    given = [p for p in user if p.resolve() in shipped]
    if given or not mapping.options.get("autodetect", True):
        names = ", ".join(p.name for p in user) or default.name
        return mapping, f"mapping : {names} (donné / given)"
    for path in _datasets():
        if _detects(set(ft.columns), _read(path)):
            m = load_mapping(NAME, path)
            for extra in user:
                m = _merge(m, _read(extra))
            return m, f"mapping : {path.name} (reconnu aux colonnes / recognised by its columns)"
    return mapping, f"mapping : {default.name} (générique / generic)"


def _datasets() -> list[Path]:
    return sorted(MAPPINGS_DIR.glob(f"{NAME}_*.toml"))


def _detects(columns: set[str], m: Mapping) -> bool:
    return any(
        all(fold_column(c) in columns for c in alternative)
        for alternative in m.options.get("detect", [])
    )


def _has(columns: set[str], spec: str | None) -> bool:
    return any(fold_column(c) in columns for c in logs.candidates(spec))


def _derived(con, entries: list[StagedFile]) -> list[StagedFile]:
    out = []
    for e in entries:
        index = e.file_index + logs.DERIVED_OFFSET
        n = logs.count_rows(con, f"select 1 from stg_tickets where file_index = {index}")
        if n:
            out.append(
                logs.derived_entry(
                    e, "tickets", n, "une ligne de ticket par cas", "one ticket row per case"
                )
            )
    return out
