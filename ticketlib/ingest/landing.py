"""The landing common to every format: staged text rows -> tickets, events, quarantine.

Everything is set-based SQL (`sql/load_*.sql`); Python only sequences the steps and checks
that the accounting adds up before the write session may commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ticketlib.db import timeparse
from ticketlib.db.sqlfiles import run_script
from ticketlib.db.sqlident import quote_ident
from ticketlib.ingest import slashdates
from ticketlib.ingest.staging import StagedFile, combine_staging


@dataclass
class FileReport:
    name: str
    kind: str
    format: str
    rows_read: int
    size: int = 0
    sha256: str = ""
    loaded: int = 0
    updated: int = 0  # of `loaded`: tickets whose attributes changed
    duplicates: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)  # rows that are not events
    notes: list[str] = field(default_factory=list)

    @property
    def quarantined_total(self) -> int:
        return sum(self.quarantined.values())

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        return self.rows_read == (
            self.loaded + self.duplicates + self.quarantined_total + self.skipped_total
        )


EMPTY_NOTE = "fichier vide : aucune ligne de données / empty file: no data rows"


class AccountingError(RuntimeError):
    """The rows out do not add up to the rows in: the import is refused (a bug, not bad data)."""


ZONE_NOTE = (
    "{n} ligne(s) copie d'une autre dans certains fuseaux seulement (heure sans décalage) : "
    "gardée(s), le calcul tranche dans son fuseau / {n} row(s) a copy of another in some "
    "zones only (a time without offset): kept, the replay decides in its zone"
)


def land(
    con, staged: list[StagedFile], import_id: int, timezone: str | None = None
) -> list[FileReport]:
    """Land the staged files as import `import_id`, naive times read in `timezone` (the
    `tz_rules` installed on `con`): that zone also counts, in the summary, the rows that are a
    copy of another in some zones only (stored for the replay to decide)."""
    run_script(con, "land_params", import_id=import_id)
    con.executemany(
        "insert into load_files values (?, ?, ?)",
        [[f.file_index, f.path.name, f.kind] for f in staged],
    )
    combine_staging(con, staged)
    run_script(con, "land_vocabularies")
    for kind in ("tickets", "events"):
        run_script(con, f"load_{kind}")  # fast path; leaves the texts it cannot read in ts_slow
        _slash_dates(con, staged, kind)
        timeparse.parse_texts(con)
        run_script(con, "land_ts_patch")
        run_script(con, f"load_{kind}_land")
    run_script(con, "load_quarantine")
    _attach_raw_rows(con, staged)
    run_script(con, "land_quarantine")
    run_script(con, "load_incomplete_history")
    con.execute("create or replace temp table zone_copies (file_index integer, n bigint)")
    if timezone is not None:
        run_script(con, "load_events_zone_copies", tz=timezone)
    return _account(con, staged)


def _slash_dates(con, staged: list[StagedFile], kind: str) -> None:
    """`ts_texts(file_index, s, t)`: each text the fast path could not read and the text to
    parse for it (ISO order for a column that proves month-first: `slashdates`), and
    `ts_input(s)` for `timeparse.parse_texts`. Decided here for the files whose reader did not
    decide (`StagedFile.dates_decided`); FileError for a column that proves both orders."""
    undecided = {f.file_index: f for f in staged if not f.dates_decided}
    month_first = []
    if undecided:
        found = slashdates.proofs(
            con,
            "select file_index as key, s from ts_slow where list_contains($ix, file_index)",
            {"ix": list(undecided)},
        )
        for index in sorted(found):
            f = undecided[index]
            column = f.time_columns.get(kind) or (
                "created_at" if kind == "tickets" else "timestamp"
            )
            mf, note = slashdates.judge(f.path, column, found[index])
            if mf:
                month_first.append(index)
            if note:
                f.notes.append(note)
    run_script(con, "land_ts_texts", mf=month_first)


def _attach_raw_rows(con, staged: list[StagedFile]) -> None:
    """The original row, as JSON, beside each quarantined row (only those rows are read)."""
    for f in staged:
        if f.table is None or not f.names:
            continue
        # {"the file's own column name": value, ...}: names bound as values, never pasted
        keys = {f"k{i}": name for i, name in enumerate(f.names.values())}
        pairs = ", ".join(f"$k{i}, f.{quote_ident(column)}" for i, column in enumerate(f.names))
        con.execute(
            f"""
            update q_rows set raw = r.raw
            from (select f.__row, json_object({pairs})::varchar as raw
                  from {f.table} f
                  where f.__row in (select source_row from q_rows where file_index = $i)
                 ) r
            where q_rows.file_index = $i and q_rows.source_row = r.__row
              and q_rows.raw is null
            """,
            {"i": f.file_index, **keys},
        )


def _account(con, staged: list[StagedFile]) -> list[FileReport]:
    reports = {
        f.file_index: FileReport(
            f.path.name, f.kind, f.format, f.rows_read, f.size, f.sha256, notes=list(f.notes)
        )
        for f in staged
    }
    for r in reports.values():
        if r.rows_read == 0:  # a header and no rows: an empty file, not an error (DESIGN §5.1)
            r.notes.append(EMPTY_NOTE)
    for index, outcome, n in con.execute(
        "select file_index, outcome, count(*) from ticket_outcome "
        "where outcome in ('new', 'updated', 'duplicate') group by all"
    ).fetchall():
        r = reports[index]
        if outcome == "duplicate":
            r.duplicates += n
        else:
            r.loaded += n
            r.updated += n if outcome == "updated" else 0
    usable = dict(
        con.execute(
            "select file_index, count(*) from keyed_events where reason is null group by all"
        ).fetchall()
    )
    loaded = dict(
        con.execute(
            "select ((seq >> 32) & 65535)::integer, count(*) from events "
            "where import_id = (select import_id from load_params) group by all"
        ).fetchall()
    )
    # the rows kept for the replay to decide count as the import's own zone judges them
    zone_copies = dict(con.execute("select file_index, n from zone_copies").fetchall())
    pending = dict(
        con.execute(
            "select ((seq >> 32) & 255)::integer, count(*) from events "
            "where import_id = (select import_id from load_params) and pending_duplicate "
            "group by all"
        ).fetchall()
    )
    for index, n in usable.items():
        kept = loaded.get(index, 0) - zone_copies.get(index, 0)
        reports[index].loaded += kept
        reports[index].duplicates += n - kept
        if pending.get(index):
            reports[index].notes.append(ZONE_NOTE.format(n=pending[index]))
    for index, reason, n in con.execute(
        "select file_index, reason, count(*) from q_rows group by all order by all"
    ).fetchall():
        reports[index].quarantined[reason] = n
    for index, reason, n in con.execute(
        "select file_index, reason, sum(n)::bigint from stg_skipped group by all order by all"
    ).fetchall():
        reports[index].skipped[reason] = n
    out = [reports[f.file_index] for f in staged]
    for r in out:
        if not r.balanced:
            raise AccountingError(
                f"{r.name}: {r.rows_read} lues / read != {r.loaded} + {r.duplicates} + "
                f"{r.quarantined_total} + {r.skipped_total}"
            )
    return out
