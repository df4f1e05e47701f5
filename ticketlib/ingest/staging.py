"""The staging contract every format reader fills before the common landing (DESIGN §4).

A reader turns its files into rows of two temp tables, all text, with the file and row each
came from; the landing parses, maps, checks, deduplicates and accounts for every row the same
way whatever the source. Rows a reader already knows it cannot use go to `stg_rejects` with
a reason; rows that are not events at all (e.g. a ServiceNow update that did not change the
state) are counted in `stg_skipped`, so that every row read is accounted for. `raw` (optional)
is the source row as JSON, kept in the quarantine when the row is rejected; for tabular files
the landing fills it from the file itself. `stg_flags` carries per-ticket data-quality flags a
reader notices (e.g. a truncated Jira changelog). `stg_event_order` (optional) gives event
rows a position within their file (1, 2, ... unique per file) where the file's row order is
not the order of events at one instant (e.g. a ServiceNow audit log, ordered by update number):
events at one instant are then replayed in that order instead of file order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ticketlib.db.sqlfiles import run_script
from ticketlib.domain.vocabulary import FOLD_SQL


@dataclass
class StagedFile:
    """One input file as staged: what it was, and how many rows it held."""

    file_index: int
    path: Path
    kind: str  # tickets | events | tickets+events
    format: str
    rows_read: int
    size: int = 0
    sha256: str = ""
    table: str | None = None  # temp table holding the original rows (for quarantine's raw)
    notes: list[str] = field(default_factory=list)
    # the columns of `table` (internal name -> the file's own name), for quarantine's raw
    names: dict[str, str] = field(default_factory=dict)
    # slash dates (`slashdates`): the reader decided day- or month-first per column itself
    # (else the landing decides per file and kind), and the time column's name per kind
    dates_decided: bool = False
    time_columns: dict[str, str] = field(default_factory=dict)
    # Instead of copying rows into stg_tickets / stg_events, a reader may give views with the
    # same columns ({"tickets": name} or {"events": name}): millions of rows are not copied.
    views: dict[str, str] = field(default_factory=dict)


def create_staging(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create or replace temp macro fold(x) as {FOLD_SQL.format(x='x')}")
    run_script(con, "staging_tables")


def combine_staging(con: duckdb.DuckDBPyConnection, staged: list[StagedFile]) -> None:
    """`stg_tickets_all` and `stg_events_all`: the staging tables plus the readers' views."""
    for kind in ("tickets", "events"):
        parts = [f"select * from stg_{kind}"]
        parts += [f"select * from {f.views[kind]}" for f in staged if kind in f.views]
        con.execute(f"create or replace temp view stg_{kind}_all as " + " union all ".join(parts))


def add_vocabulary(con, table: str, pairs: dict[str, str]) -> None:
    """Add (spelling -> code) pairs; spellings are folded like the data when looked up."""
    column = "etat" if table == "vocab_status" else "priority"
    con.executemany(
        f"insert into {table} (folded, {column}) values (fold(?), ?)",
        [[k, v] for k, v in pairs.items()],
    )
