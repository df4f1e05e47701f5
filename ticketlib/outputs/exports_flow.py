"""Full exports of the workflow pages' tables (every filtered row, up to millions) as the CSV
that French Excel opens as is, written by DuckDB: the same file `exports.to_excel_csv` makes
from a DataFrame (UTF-8 with BOM, `;`, decimal comma, local dd/mm/yyyy times, oui/non, formulas
neutralised), without holding the rows in pandas (a million rows took minutes and gigabytes
that way). Each cell's treatment follows its SQL type.
"""

from __future__ import annotations

import csv
import io

from ticketlib.db.sqlfiles import bound, render
from ticketlib.domain.config import SlaConfig
from ticketlib.marts.dataset import Marts
from ticketlib.outputs.exports import FORMULA_START
from ticketlib.queries import runner
from ticketlib.queries import tickets as ticket_queries
from ticketlib.queries import workflow as metrics_flow
from ticketlib.queries.filters import Filters, where

CHUNK = 50_000
NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "DOUBLE", "FLOAT", "DECIMAL")


def _text(expr: str) -> str:
    """A text cell: neutralised when a spreadsheet would run it as a formula."""
    starts = ", ".join("'" + c.replace("'", "''") + "'" for c in FORMULA_START)
    return f"case when left({expr}, 1) in ({starts}) then '''' || {expr} else {expr} end"


def _quoted(expr: str, sep: str) -> str:
    """CSV quoting as Python's csv module does it (QUOTE_MINIMAL)."""
    return (
        f"case when {expr} is null then '' "
        f"when contains({expr}, '{sep}') or contains({expr}, '\"') "
        f"or contains({expr}, chr(10)) or contains({expr}, chr(13)) "
        f"then '\"' || replace({expr}, '\"', '\"\"') || '\"' else {expr} end"
    )


def query_csv(
    cur,
    query: str,
    params: dict,
    columns: list[str],
    headers: dict[str, str],
    labels: dict[str, dict[str, str]],
    tz: str,
    lang: str = "fr",
) -> bytes:
    """The rows of `query` (its own order), the given columns with their headers. A column in
    `labels` shows `labels[column][code]` (`labels[column][""]` for none)."""
    fr = lang == "fr"
    sep = ";" if fr else ","
    when = "%d/%m/%Y %H:%M:%S" if fr else "%Y-%m-%d %H:%M:%S"
    query = query.strip().rstrip(";")
    probe = f"select * from ({query}) limit 0"
    types = {d[0]: str(d[1]).upper() for d in cur.execute(probe, bound(probe, params)).description}
    params = dict(params) | {"csv_tz": tz, "csv_yes": "oui" if fr else "yes"}
    params["csv_no"] = "non" if fr else "no"
    cells = []
    for n, column in enumerate(columns):
        kind = types[column]
        if column in labels:
            cases = []
            for i, (code, label) in enumerate(sorted(labels[column].items())):
                if code:
                    params[f"csv_{n}_{i}"] = label
                    cases.append(f"when '{code}' then $csv_{n}_{i}")
            params[f"csv_{n}_none"] = labels[column].get("", "")
            coded = f"{column}::varchar"
            if cases:
                coded = f"case {coded} {' '.join(cases)} else $csv_{n}_none end"
            cell = _text(f"coalesce({coded}, $csv_{n}_none)")
        elif "TIMESTAMP" in kind:
            cell = f"strftime(timezone($csv_tz, {column}), '{when}')"
        elif kind == "BOOLEAN":
            cell = f"case when {column} then $csv_yes when not {column} then $csv_no end"
        elif kind.startswith(NUMERIC):
            cell = f"replace({column}::varchar, '.', ',')" if fr else f"{column}::varchar"
        else:
            cell = _text(f"{column}::varchar")
        cells.append(_quoted(cell, sep))
    joiner = f" || '{sep}' || "
    text = f"select {joiner.join(f'({c})' for c in cells)} as line from ({query})"
    head = io.StringIO()
    csv.writer(head, delimiter=sep, lineterminator="\r\n").writerow(
        [headers.get(c, c) for c in columns]
    )
    out = io.BytesIO()
    out.write(("\ufeff" + head.getvalue()).encode("utf-8"))
    cur.execute(text, bound(text, params))
    while rows := cur.fetchmany(CHUNK):  # a chunk at a time: only the file is held whole
        out.write("".join(r[0] + "\r\n" for r in rows).encode("utf-8"))
    return out.getvalue()


def tickets_csv(
    cur,
    marts: Marts,
    filters: Filters,
    order: str,
    columns: list[str],
    headers: dict[str, str],
    labels: dict[str, dict[str, str]],
    tz: str,
    lang: str = "fr",
) -> bytes:
    """Every filtered ticket of `tickets.tickets`, sorted by `order`."""
    clause, params = where(filters)
    runner.use_marts(cur, marts)
    query = render(
        "metric_tickets",
        where=clause,
        order=ticket_queries.SORTABLE[order],
    )
    params = params | {"limit": 2**62}
    return query_csv(cur, query, params, columns, headers, labels, tz, lang)


def breaches_csv(
    cur,
    marts: Marts,
    filters: Filters,
    config: SlaConfig,
    order: str,
    columns: list[str],
    headers: dict[str, str],
    labels: dict[str, dict[str, str]],
    lang: str = "fr",
) -> bytes:
    """Every row of `metrics_flow.breach_list` (no limit), sorted by `order`."""
    query, params = metrics_flow.breach_list_sql(marts, filters, config, order, 2**62)
    runner.use_marts(cur, marts)
    tz = config.calendar.timezone
    return query_csv(cur, query, params, columns, headers, labels, tz, lang)
