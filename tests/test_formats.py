"""Numbers and dates for people (Babel): the exact French and English texts."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from ticketlib.domain import formats as F

NNBSP = "\u202f"


@pytest.mark.parametrize(
    "value, lang, digits, text",
    [
        (1234.5, "fr", 1, f"1{NNBSP}234,5"),
        (1234.5, "en", 1, "1,234.5"),
        (-1234567.891, "fr", 2, f"-1{NNBSP}234{NNBSP}567,89"),
        (2.675, "fr", 2, "2,67"),  # the float's own rounding, as Python's format
        (0.25, "en", 1, "0.2"),  # half to even
        (1e7, "fr", 0, f"10{NNBSP}000{NNBSP}000"),
        (None, "fr", 1, "–"),
        (math.nan, "en", 1, "–"),
        (pd.NA, "fr", 1, "–"),
    ],
)
def test_numbers(value, lang, digits, text):
    assert F.fmt_num(value, lang, digits) == text


def test_integers_percentages_hours():
    assert F.fmt_int(1234567, "fr") == f"1{NNBSP}234{NNBSP}567"
    assert F.fmt_int(1234567, "en") == "1,234,567"
    assert F.fmt_pct(0.9512, "fr") == f"95,1{NNBSP}%"
    assert F.fmt_pct(0.9512, "en", 0) == "95%"
    assert F.fmt_pct(None, "fr") == "–"
    assert F.fmt_hours(12.25, "fr") == "12,2 h"
    assert F.fmt_hours(None, "en") == "–"


def test_dates_and_instants():
    assert F.fmt_date(date(2025, 3, 3), "fr") == "03/03/2025"
    assert F.fmt_date(pd.Timestamp("2025-03-03 23:00"), "en") == "2025-03-03"
    assert F.fmt_date(pd.NaT, "fr") == ""
    at = pd.Timestamp("2025-03-30T00:30:00Z")  # 01:30 in Paris, before the DST change
    assert F.fmt_datetime(at, "Europe/Paris", "fr") == "30/03/2025 01:30"
    assert F.fmt_datetime(at + pd.Timedelta(hours=1), "Europe/Paris", "en") == "2025-03-30 03:30"
    assert F.fmt_datetime(None, "Europe/Paris", "fr") == ""


def test_month_and_weekday_names():
    assert F.month_names("fr") == [
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ]  # fmt: skip
    assert F.month_names("en")[:3] == ["Jan", "Feb", "Mar"]
    assert F.weekday_names("fr") == ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    assert F.weekday_names("en") == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert F.month_label(date(2025, 2, 14), "fr") == "févr. 2025"
    assert F.month_label("2025-12-01", "en") == "Dec 2025"
