"""Running the query files of `sql/queries/` on one set of marts, values always bound.

A query file names the marts as `marts.ticket_sla`, `marts.intervals`, `marts.etat_durations`
and `marts.quality`, and the raw tables unqualified (`tickets`, `events`, `import_files`, ...),
so it runs as it is in the SQL console or the DuckDB shell on the database file. Here the
cursor is first pointed at the catalog holding the wanted marts (`store` for the kept ones,
`replay_N` for an on-demand replay: `Marts.catalog`), with the database's `store.main` on the
search path for the raw tables.

The only `{placeholders}` left in the files are clauses built by our own code: the filter
builder's WHERE (`{where}`, `{base}`, `{period}`, `{keys_filter}`, `{created_period}`,
`{resolved_period}`), a whitelisted ORDER BY (`{order}`), the compliance grid's and time in
status's group expressions (`{group}`), whitelisted column names and état literals
(`{elapsed}`, `{to_etat}`, `{pairs}`). Every value is a `$parameter`.
"""

from __future__ import annotations

import re

import pandas as pd

from ticketlib.db.sqlfiles import bound, render
from ticketlib.marts.dataset import Marts

_CATALOG = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def use_marts(cur, marts: Marts) -> None:
    """Point `cur` at the catalog of `marts` (`marts.<name>` resolves there, raw tables in
    `store.main`)."""
    catalog = marts.catalog
    if not _CATALOG.match(catalog):
        raise ValueError(f"not a catalog name: {catalog!r}")
    cur.execute(f"use {catalog}; set search_path = '{catalog}.main,store.main'")


def statement(name: str, **clauses: str) -> str:
    """The text of `sql/queries/<name>.sql` with its clause placeholders filled."""
    return render(name, **clauses)


def run(cur, marts: Marts, name: str, params: dict | None = None, **clauses: str) -> pd.DataFrame:
    """Run a query file on `marts` with the parameters it names; a DataFrame."""
    use_marts(cur, marts)
    text = statement(name, **clauses)
    return cur.execute(text, bound(text, params or {})).df()


def scalar(cur, marts: Marts, name: str, params: dict | None = None, **clauses: str):
    """The first column of the first row of a query file's result."""
    use_marts(cur, marts)
    text = statement(name, **clauses)
    return cur.execute(text, bound(text, params or {})).fetchall()[0][0]
