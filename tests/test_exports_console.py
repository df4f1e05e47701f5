"""SQL console downloads keep numbers as numbers (issue 13, item 11): a DECIMAL result column
is a number in the CSV (decimal comma, rounded, never a quoted text) and in the .xlsx (a typed
cell with a number format, French dates, frozen header, autofilter); the CSV is French Excel's
(`;`, BOM) in both languages. Files are read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import openpyxl
import pytest

from ticketlib.console.results import exportable
from ticketlib.console.sqlconsole import run_query
from ticketlib.outputs.exports import to_excel_csv, to_xlsx

QUERY = (
    "select 'T' || x as ticket, 12.5::decimal(9, 2) as montant, x::decimal(5, 0) as n, "
    "avg(x) over () / 3 as tiers, round(avg(x) over (), 1)::decimal(9, 1) as moyenne, "
    "(0.1 + 0.2)::double as somme, null::decimal(9, 2) as rien, "
    "timestamptz '2025-03-03 08:00:00+00' as at from range(3) t(x) order by x"
)


@pytest.fixture(scope="module")
def result(demo_db):
    return exportable(run_query(QUERY, demo_db).frame)


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_csv_numbers_are_plain_numbers_with_a_decimal_comma(result, lang):
    rows = _rows(to_excel_csv(result, "Europe/Paris", lang))
    assert rows[0] == ["ticket", "montant", "n", "tiers", "moyenne", "somme", "rien", "at"]
    at = "03/03/2025 09:00:00" if lang == "fr" else "2025-03-03 09:00:00"
    assert rows[1] == ["T0", "12,5", "0", "0,333333", "1,0", "0,3", "", at]
    assert rows[3] == ["T2", "12,5", "2", "0,333333", "1,0", "0,3", "", at]
    raw = to_excel_csv(result, "Europe/Paris", lang).decode("utf-8-sig")
    assert '"' not in raw  # no number written as quoted text


def test_xlsx_numbers_are_typed_cells_with_formats(result):
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(result, "Europe/Paris", "requete"))).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1] == ("T0", 12.5, 0, pytest.approx(1 / 3), 1.0, pytest.approx(0.3), None,
                       datetime(2025, 3, 3, 9, 0))  # fmt: skip
    for cell in ("B2", "C2", "D2", "E2", "F2"):
        assert ws[cell].data_type == "n", cell
    assert ws["B2"].number_format == "#,##0.00"
    assert ws["C2"].number_format == "#,##0"
    assert ws["H2"].number_format == "dd/mm/yyyy hh:mm:ss"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:H4"


def test_console_decimals_reach_the_page_as_numbers(result):
    assert [str(result[c].dtype) for c in ("montant", "n", "moyenne", "rien")] == [
        "float64",
        "int64",
        "float64",
        "float64",
    ]
