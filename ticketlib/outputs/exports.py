"""Files written for people and programs: the CLI's CSV/Parquet outputs (DESIGN §5.3)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ticketlib.db import store
from ticketlib.db.sqlfiles import bound, sql
from ticketlib.domain.config import SlaConfig
from ticketlib.replay.run import replay

CLI_OUTPUTS = {"sla": "out_sla", "durations": "out_durations", "quality": "out_quality"}

# ISO 8601 in the calendar's local time with its offset, e.g. 2025-03-03T09:00:00+01:00;
# microseconds only when there are some.
ISO_LOCAL_MACRO = """
create or replace temp macro iso_local(ts, tz) as
    case when ts is not null then
        strftime(timezone(tz, ts), '%Y-%m-%dT%H:%M:%S')
        || case when microsecond(ts) % 1000000 <> 0
                then '.' || lpad((microsecond(ts) % 1000000)::varchar, 6, '0') else '' end
        || (select case when off < 0 then '-' else '+' end
                   || lpad((abs(off) // 3600)::varchar, 2, '0') || ':'
                   || lpad((abs(off) % 3600 // 60)::varchar, 2, '0')
            from (select (epoch(timezone(tz, ts)) - epoch(ts))::bigint as off))
    end
"""


def cli_frame(kind: str, db=None, config: SlaConfig | None = None, as_of=None):
    """The rows a CLI export would write, as a DataFrame (timestamps stay UTC-aware)."""
    con = store.connect_read(db)
    try:
        replay(con, config, as_of, scope=kind)
        return con.execute(sql(CLI_OUTPUTS[kind])).df()
    finally:
        con.close()


def write_cli_export(
    kind: str, out: Path, db=None, config: SlaConfig | None = None, as_of=None
) -> int:
    """Replay as of `as_of` and write the `kind` table to `out` (.csv or .parquet)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"{out.name}: extension .csv ou .parquet attendue / expected")
    con = store.connect_read(db)
    try:
        replay(con, config, as_of, scope=kind)
        query = sql(CLI_OUTPUTS[kind]).strip().rstrip(";")
        out.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".csv":
            con.execute(ISO_LOCAL_MACRO)
            columns = [d[0] for d in con.execute(f"select * from ({query}) limit 0").description]
            types = {
                d[0]: str(d[1]) for d in con.execute(f"select * from ({query}) limit 0").description
            }
            select = ", ".join(
                f"iso_local({c}, $tz) as {c}" if "TIMESTAMP" in types[c].upper() else c
                for c in columns
            )
            # bound only where an instant column uses it (a table without instants has none)
            con.execute(
                f"copy (select {select} from ({query})) to '{_quote(out)}' (format csv, header)",
                bound(select, {"tz": config.calendar.timezone}) or None,
            )
        else:
            con.execute(f"copy ({query}) to '{_quote(out)}' (format parquet)")
        return con.execute(f"select count(*) from ({query})").fetchall()[0][0]
    finally:
        con.close()


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


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
