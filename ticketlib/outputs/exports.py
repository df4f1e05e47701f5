"""Files written for people: French Excel CSV and .xlsx (the CLI's outputs are
`cli_export.py`'s)."""

from __future__ import annotations

import pandas as pd

# --- tables for people: French Excel CSV and .xlsx -------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
            )
    return out


def _local(frame: pd.DataFrame, tz: str) -> pd.DataFrame:
    """Aware timestamps as the calendar's local wall time (spreadsheets know no time zones)."""
    out = frame.copy()
    for column in out.columns:
        if isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_convert(tz).dt.tz_localize(None)
    return out


CSV_DIGITS = 6  # decimals kept in a CSV cell: 0.1 + 0.2 is written 0,3, not 0,30000000000000004


def to_excel_csv(frame: pd.DataFrame, tz: str = "Europe/Paris", lang: str = "fr") -> bytes:
    """CSV that French Excel opens as is, whatever the page's language (issue 13, item 11): UTF-8
    with BOM, `;`, decimal comma, floats rounded to `CSV_DIGITS` decimals, DECIMAL values as
    numbers. The language sets the dates (dd/mm/yyyy or ISO, both read as dates by French
    Excel) and oui/non or yes/no. Why one format: the desk's Excel is French whichever language
    a reader picks in the page; Excel in another locale opens the .xlsx, whose numbers and dates
    are typed cells in every locale."""
    out = neutralise(_local(frame, tz))
    for column in out.columns:
        if pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(
                {True: "oui", False: "non"} if lang == "fr" else {True: "yes", False: "no"}
            )
        elif out[column].dtype == object and out[column].map(_is_decimal).any():
            out[column] = out[column].map(lambda v: float(v) if _is_decimal(v) else v)
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].round(CSV_DIGITS)
    text = out.to_csv(
        index=False,
        sep=";",
        decimal=",",
        date_format="%d/%m/%Y %H:%M:%S" if lang == "fr" else "%Y-%m-%d %H:%M:%S",
        lineterminator="\r\n",
    )
    return ("\ufeff" + text).encode("utf-8")


XLSX_FORMATS = {  # Excel format codes; French Excel shows them with its own separators
    "datetime": "dd/mm/yyyy hh:mm:ss",
    "date": "dd/mm/yyyy",
    "int": "#,##0",
    "float": "#,##0.00",
}


def to_xlsx(frame: pd.DataFrame, tz: str = "Europe/Paris", sheet: str = "tickets") -> bytes:
    """An .xlsx of `frame` written by XlsxWriter: texts stay texts (no formula is ever made
    of `=…`, so nothing needs an apostrophe and "-2 jours" stays as it is), numbers stay
    numbers (DECIMAL included), instants in the calendar's local time as dates; header row
    frozen, an autofilter over the table, dd/mm/yyyy dates and grouped thousands."""
    import io

    out = _local(frame, tz)
    for column in out.columns:
        if out[column].dtype == object and out[column].map(_is_decimal).any():
            out[column] = out[column].map(lambda v: float(v) if _is_decimal(v) else v)
    buffer = io.BytesIO()
    options = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    with pd.ExcelWriter(
        buffer,
        engine="xlsxwriter",
        datetime_format=XLSX_FORMATS["datetime"],
        date_format=XLSX_FORMATS["date"],
        engine_kwargs={"options": options},
    ) as writer:
        out.to_excel(writer, index=False, sheet_name=sheet[:31])
        book, ws = writer.book, writer.sheets[sheet[:31]]
        for i, column in enumerate(out.columns):
            kind = _xlsx_kind(out[column])
            wanted = XLSX_FORMATS.get(kind) if kind in ("int", "float") else None
            number = book.add_format({"num_format": wanted}) if wanted else None
            width = 20 if kind == "datetime" else 12
            ws.set_column(i, i, max(width, min(len(str(column)) + 2, 40)), number)
        ws.freeze_panes(1, 0)
        if len(out.columns):
            ws.autofilter(0, 0, len(out), len(out.columns) - 1)
    return buffer.getvalue()


def _is_decimal(value) -> bool:
    from decimal import Decimal

    return isinstance(value, Decimal)


def _xlsx_kind(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "text"
