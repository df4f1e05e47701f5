"""The landing common to every format: staged text rows -> tickets, events, quarantine.

Everything is set-based SQL (`sql/load_*.sql`); Python only sequences the steps and checks
that the accounting adds up before the write session may commit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ticketlib import timeparse
from ticketlib.importers.staging import StagedFile, combine_staging
from ticketlib.sqlfiles import run_script


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


class AccountingError(RuntimeError):
    """The rows out do not add up to the rows in: the import is refused (a bug, not bad data)."""


def land(con, staged: list[StagedFile], import_id: int) -> list[FileReport]:
    con.execute(
        "create or replace temp table load_params as select $i::integer as import_id",
        {"i": import_id},
    )
    con.execute("create or replace temp table load_files (file_index integer, name varchar)")
    con.executemany(
        "insert into load_files values (?, ?)", [[f.file_index, f.path.name] for f in staged]
    )
    combine_staging(con, staged)
    _map_vocabularies(con)
    for step in ("load_tickets", "load_events"):
        run_script(con, step)  # fast path; leaves the texts it cannot read in ts_input
        timeparse.parse_texts(con)
        run_script(con, step + "_land")
    run_script(con, "load_quarantine")
    _attach_raw_rows(con, staged)
    con.execute(
        """
        insert into quarantine
        select (select import_id from load_params), f.name, q.source_row, q.ticket_id, q.reason,
               q.detail, q.raw
        from q_rows q join load_files f using (file_index)
        where not exists (
            select 1 from quarantine x
            where x.file_name = f.name and x.row_number is not distinct from q.source_row
              and x.reason = q.reason and x.raw is not distinct from q.raw)
        """
    )
    return _account(con, staged)


def _map_vocabularies(con) -> None:
    """Each distinct raw status and priority, folded and looked up once (not once per row)."""
    con.execute(
        """
        create or replace temp table map_status as
        select k.raw, any_value(v.etat) as etat, fold(k.raw) = '' as blank
        from (select distinct status_key as raw from stg_events_all where status_key is not null) k
        left join vocab_status v on v.folded = fold(k.raw)
        group by k.raw
        """
    )
    con.execute(
        """
        create or replace temp table map_priority as
        with raw as (
            select distinct priority_raw as raw from stg_tickets_all where priority_raw is not null
            union
            select distinct priority_raw from stg_events_all where priority_raw is not null
        )
        select raw.raw, any_value(v.priority) as priority, fold(raw.raw) = '' as blank
        from raw left join vocab_priority v on v.folded = fold(raw.raw)
        group by raw.raw
        """
    )


def _attach_raw_rows(con, staged: list[StagedFile]) -> None:
    """The original row, as JSON, beside each quarantined row (only those rows are read)."""
    for f in staged:
        if f.table is None:
            continue
        con.execute(
            f"""
            update q_rows set raw = r.raw
            from (select f.__row, to_json(x) as raw
                  from {f.table} f, (select f.* exclude (__row)) x
                  where f.__row in (select source_row from q_rows where file_index = {f.file_index})
                 ) r
            where q_rows.file_index = {f.file_index} and q_rows.source_row = r.__row
              and q_rows.raw is null
            """
        )


def _account(con, staged: list[StagedFile]) -> list[FileReport]:
    reports = {
        f.file_index: FileReport(
            f.path.name, f.kind, f.format, f.rows_read, f.size, f.sha256, notes=list(f.notes)
        )
        for f in staged
    }
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
            "select ((seq >> 32) & 255)::integer, count(*) from events "
            "where import_id = (select import_id from load_params) group by all"
        ).fetchall()
    )
    for index, n in usable.items():
        reports[index].loaded += loaded.get(index, 0)
        reports[index].duplicates += n - loaded.get(index, 0)
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
