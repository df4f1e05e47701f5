"""Labels and number/date formats in French (first) and English.

Every text is in the catalogue `ticketlib.domain.labels` (key -> (fr, en)); a page calls
`tr(LABELS, key)` with its own dictionary from there, `t(key)` for the shared words. Numbers
and dates follow the reader's language (`ticketlib.domain.formats`, Babel): 1 234,5 and
03/03/2025 in French, 1,234.5 and 2025-03-03 in English.
"""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

from ticketlib.domain import formats, labels
from ticketlib.domain.labels import text as label_text
from ticketlib.domain.vocabulary import ETAT_BY_CODE, PRIORITY_BY_CODE
from ticketlib.ingest.reasons import reason_label

LANGS = ("fr", "en")

COMMON = labels.COMMON


def lang() -> str:
    value = str(st.session_state.get("lang") or "fr").lower()
    return value if value in LANGS else "fr"


def tr(labels: dict[str, tuple[str, str]], key: str, plural=None, **kw) -> str:
    """`key`'s text in the reader's language, filled with `kw`. With `plural=n` (a count), the
    `<key>_one` variant when CLDR puts n in the language's "one" category (French 0 and 1,
    English 1; `formats.plural_form`) and the catalogue has it: "1 ligne", not "1 lignes"."""
    if plural is not None and formats.plural_form(plural, lang()) == "one":
        one = f"{key}_one"
        key = one if one in labels or one in COMMON else key
    return label_text(labels if key in labels else COMMON, key, lang(), **kw)


def t(key: str, **kw) -> str:
    return tr(COMMON, key, **kw)


def etat_label(code: str | None) -> str:
    if code is None or (isinstance(code, float) and math.isnan(code)) or code not in ETAT_BY_CODE:
        return "" if code is None else str(code)
    e = ETAT_BY_CODE[code]
    return e.label_fr if lang() == "fr" else e.label_en


def priority_label(code: str | None) -> str:
    if not isinstance(code, str) or code not in PRIORITY_BY_CODE:
        return t("none")
    p = PRIORITY_BY_CODE[code]
    return p.label_fr if lang() == "fr" else p.label_en


def status_label(code: str | None) -> str:
    return (
        t(code)
        if isinstance(code, str) and code in ("met", "breached", "at_risk", "running")
        else ""
    )


def reason(code: str) -> str:
    return reason_label(code, lang())


def fmt_int(n) -> str:
    return formats.fmt_int(n, lang())


def fmt_num(x, digits: int = 1) -> str:
    return formats.fmt_num(x, lang(), digits)


def fmt_pct(x, digits: int = 1) -> str:
    return formats.fmt_pct(x, lang(), digits)


def fmt_hours(h) -> str:
    return formats.fmt_hours(h, lang())


def fmt_date(d) -> str:
    return formats.fmt_date(d, lang())


def fmt_datetime(ts, tz: str) -> str:
    return formats.fmt_datetime(ts, tz, lang())


def date_format() -> str:
    """Format string for st.column_config date/datetime columns."""
    return "DD/MM/YYYY HH:mm" if lang() == "fr" else "YYYY-MM-DD HH:mm"


def day_format() -> str:
    return "DD/MM/YYYY" if lang() == "fr" else "YYYY-MM-DD"


def today_label(d: date) -> str:
    return fmt_date(d)


STYLED_CELLS = 200_000  # past this many cells a table is shown as it is (Styler is slow)


def localised(frame, digits: int = 1):
    """`frame` for st.dataframe with its numbers in the reader's format (French 1 234,5; English
    1,234.5; `digits` decimals for floats, integers whole), still sorted as numbers: a pandas
    Styler, whose display text Streamlit shows (issue 13, item 10). Missing values are the
    table's `placeholder`. A frame over `STYLED_CELLS` cells is returned as it is."""
    import pandas as pd

    if frame.size > STYLED_CELLS:
        return frame
    fr = lang() == "fr"
    marks = {"decimal": "," if fr else ".", "thousands": "\u202f" if fr else ","}
    numbers = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    numbers = [c for c in numbers if not pd.api.types.is_bool_dtype(frame[c])]
    floats = [c for c in numbers if pd.api.types.is_float_dtype(frame[c])]
    ints = [c for c in numbers if c not in floats]
    return frame.style.format(subset=floats, precision=digits, **marks).format(
        subset=ints, precision=0, **marks
    )
