"""The .xlsx every table downloads: XlsxWriter, texts never formulas, numbers as numbers."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import openpyxl
import pandas as pd

from ticketlib.outputs.exports import to_xlsx


def _sheet(frame: pd.DataFrame, sheet: str = "tickets"):
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, "Europe/Paris", sheet=sheet))).active


FRAME = pd.DataFrame(
    {
        "titre": ["=1+1 formule", "-2 jours", None],
        "n": [1, 2000, 3],
        "h": [1.5, None, 2.25],
        "d": [Decimal("1.50"), Decimal("2"), None],
        "at": pd.to_datetime(["2025-03-03T08:00:00Z", None, "2025-07-01T12:00:00Z"], utc=True),
        "ok": [True, False, True],
    }
)


def test_texts_stay_texts_and_numbers_stay_numbers():
    ws = _sheet(FRAME)
    rows = list(ws.iter_rows(values_only=True))
    assert rows == [
        ("titre", "n", "h", "d", "at", "ok"),
        ("=1+1 formule", 1, 1.5, 1.5, datetime(2025, 3, 3, 9, 0), True),
        ("-2 jours", 2000, None, 2, None, False),
        (None, 3, 2.25, None, datetime(2025, 7, 1, 14, 0), True),
    ]
    # a text, never a formula: no apostrophe needed, nothing for Excel to run
    assert ws["A2"].data_type == "s" and ws["A3"].data_type == "s"
    # DECIMAL values are numbers, not texts
    assert ws["D2"].data_type == "n" and ws["D3"].data_type == "n"


def test_header_frozen_autofilter_and_french_formats():
    ws = _sheet(FRAME, sheet="a" * 40)
    assert ws.title == "a" * 31  # Excel's limit on sheet names
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F4"
    assert ws["E2"].number_format == "dd/mm/yyyy hh:mm:ss"  # local wall time, Paris
    assert ws["B3"].number_format == "#,##0"
    assert ws["C2"].number_format == "#,##0.00"
    assert ws["D2"].number_format == "#,##0.00"


def test_an_empty_table_has_its_header():
    ws = _sheet(FRAME.iloc[0:0])
    assert list(ws.iter_rows(values_only=True)) == [("titre", "n", "h", "d", "at", "ok")]
    assert ws.freeze_panes == "A2"
