"""Files written for people: French Excel CSV and .xlsx (the CLI's outputs: `cli_export.py`,
re-exported here)."""

from __future__ import annotations

import pandas as pd

from ticketlib.outputs.cli_export import CLI_OUTPUTS, cli_frame, write_cli_export

__all__ = ["CLI_OUTPUTS", "cli_frame", "write_cli_export", "to_excel_csv", "to_xlsx"]

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


def to_excel_csv(frame: pd.DataFrame, tz: str = "Europe/Paris", lang: str = "fr") -> bytes:
    """CSV that French Excel opens as is: UTF-8 with BOM, `;`, decimal comma, dd/mm/yyyy."""
    out = neutralise(_local(frame, tz))
    for column in out.columns:
        if pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(
                {True: "oui", False: "non"} if lang == "fr" else {True: "yes", False: "no"}
            )
    text = out.to_csv(
        index=False,
        sep=";" if lang == "fr" else ",",
        decimal="," if lang == "fr" else ".",
        date_format="%d/%m/%Y %H:%M:%S" if lang == "fr" else "%Y-%m-%d %H:%M:%S",
        lineterminator="\r\n",
    )
    return ("\ufeff" + text).encode("utf-8")


def to_xlsx(frame: pd.DataFrame, tz: str = "Europe/Paris", sheet: str = "tickets") -> bytes:
    import io

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(_local(frame, tz)).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()
