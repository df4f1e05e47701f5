"""Numbers and dates for people, French first then English, formatted by Babel (CLDR).

French: 1 234,5 (narrow no-break space U+202F between thousands, decimal comma), 95,1 % (a
narrow no-break space before %), 03/03/2025, 03/03/2025 14:05, "mars 2025", "lun.".
English: 1,234.5, 95.1%, 2025-03-03, 2025-03-03 14:05, "Mar 2025", "Mon". A missing number
is "–", a missing date "". The pages (`app.i18n`), the review and the charts all call these.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
from babel.dates import get_day_names, get_month_names
from babel.numbers import format_decimal

LOCALES = {"fr": "fr_FR", "en": "en_US"}
MISSING = "–"
PERCENT = {"fr": "\u202f%", "en": "%"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


def missing(x) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if x is None or x is pd.NaT:
        return True
    if isinstance(x, float):
        return math.isnan(x)
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def plural_form(n, lang: str = "fr") -> str:
    """CLDR's plural category of the count `n` in `lang`, by Babel: "one" for 0 and 1 in French
    ("0 ligne", "1 ligne"), for 1 only in English ("1 row", "0 rows"); "other" (or "many")
    otherwise. A label's `<key>_one` variant is used for "one" (`app.i18n.tr`)."""
    from babel import Locale

    return Locale.parse(_locale(lang)).plural_form(abs(n))


def fmt_num(x, lang: str = "fr", digits: int = 1) -> str:
    """A number with `digits` decimals (rounded as Python rounds the float)."""
    if missing(x):
        return MISSING
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    value = round(float(x), digits)
    return format_decimal(value, format=pattern, locale=_locale(lang))


def fmt_int(x, lang: str = "fr") -> str:
    return MISSING if missing(x) else fmt_num(int(x), lang, 0)


def fmt_pct(x, lang: str = "fr", digits: int = 1) -> str:
    """A share (0.951) as a percentage: 95,1 % / 95.1%."""
    return MISSING if missing(x) else fmt_num(100 * x, lang, digits) + PERCENT.get(lang, "%")


def fmt_hours(h, lang: str = "fr") -> str:
    return MISSING if missing(h) else f"{fmt_num(h, lang)} h"


def fmt_date(d, lang: str = "fr") -> str:
    if missing(d):
        return ""
    day = d.date() if isinstance(d, datetime | pd.Timestamp) else d
    if not isinstance(day, date):
        day = pd.Timestamp(day).date()
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def fmt_datetime(ts, tz: str, lang: str = "fr") -> str:
    """An instant in the calendar's zone `tz` (a naive one is shown as it is)."""
    if missing(ts):
        return ""
    ts = pd.Timestamp(ts)
    local = ts.tz_convert(tz) if ts.tzinfo else ts
    return local.strftime("%d/%m/%Y %H:%M" if lang == "fr" else "%Y-%m-%d %H:%M")


def month_names(lang: str = "fr") -> list[str]:
    """Abbreviated month names, January first: janv., févr., mars… / Jan, Feb, Mar…"""
    names = get_month_names("abbreviated", locale=_locale(lang))
    return [names[m] for m in range(1, 13)]


def weekday_names(lang: str = "fr") -> list[str]:
    """Abbreviated weekday names, Monday first: lun., mar.… / Mon, Tue…"""
    names = get_day_names("abbreviated", locale=_locale(lang))
    return [names[d] for d in range(7)]


def month_label(day, lang: str = "fr") -> str:
    """The month of a date: "mars 2025" / "Mar 2025"."""
    day = pd.Timestamp(day)
    return f"{month_names(lang)[day.month - 1]} {day.year}"
