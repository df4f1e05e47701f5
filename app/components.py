"""Pieces every page shares: the ticket table (where every drill-down ends), exports, KPIs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import state
from app.i18n import (
    date_format,
    etat_label,
    fmt_int,
    lang,
    localised,
    priority_label,
    status_label,
    t,
)
from ticketlib.domain.formats import MISSING
from ticketlib.outputs.exports import to_excel_csv, to_xlsx

TABLE_COLUMNS = (
    "ticket_id",
    "title",
    "customer",
    "priority",
    "etat",
    "created_at",
    "team",
    "assignee",
    "tto_h",
    "tto_target_h",
    "tto_status",
    "ttr_h",
    "ttr_target_h",
    "ttr_status",
    "paused_h",
    "tto_due_at",
    "ttr_due_at",
    "reopens",
    "resolved_at",
    "closed_at",
)


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Codes shown as the desk's labels, timestamps in the calendar's local time."""
    out = frame.copy()
    tz = state.config().calendar.timezone
    for column in out.columns:
        if column in ("priority", "tto_priority", "ttr_priority"):
            out[column] = out[column].map(priority_label)
        elif column in ("etat", "from_etat", "to_etat", "consumed_by"):
            out[column] = out[column].map(etat_label)
        elif column in ("tto_status", "ttr_status", "clock_status"):
            out[column] = out[column].map(status_label)
        elif isinstance(out[column].dtype, pd.DatetimeTZDtype):
            out[column] = out[column].dt.tz_convert(tz).dt.tz_localize(None)
    return out


def _column_config(frame: pd.DataFrame) -> dict:
    config = {}
    for column in frame.columns:
        label = t(column)
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            config[column] = st.column_config.DatetimeColumn(label, format=date_format())
        elif pd.api.types.is_float_dtype(frame[column]):
            # the page's language (1,6 / 1.6) comes from `localised`'s Styler, not the browser's
            config[column] = st.column_config.NumberColumn(label)
        else:
            config[column] = st.column_config.Column(label)
    return config


def downloads(frame: pd.DataFrame, name: str, key: str) -> None:
    """Export buttons: CSV that French Excel opens as is, and .xlsx. The files are built only
    when a button is clicked (on a thread of their own), never on every rerun."""
    tz, language = state.config().calendar.timezone, lang()
    shown = labelled(frame).rename(columns=lambda c: t(c))
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(
        t("download_csv"),
        lambda: to_excel_csv(shown, tz, language),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        width="stretch",
    )
    c2.download_button(
        t("download_xlsx"),
        lambda: to_xlsx(shown, tz, sheet=name),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}_xlsx",
        width="stretch",
    )


def ticket_table(
    frame: pd.DataFrame,
    key: str,
    total: int | None = None,
    name: str = "tickets",
    columns: tuple[str, ...] | None = None,
    export: tuple[str, ...] | None = None,
) -> str | None:
    """The ticket table: sortable, exportable; returns the ticket id of the selected row.
    `columns` (optional) names the columns to show, in order; default TABLE_COLUMNS.
    `export` (optional) names the exported columns; default the columns shown."""
    if frame.empty:
        st.info(t("no_rows"))
        return None
    columns = [c for c in (columns or TABLE_COLUMNS) if c in frame.columns]
    shown = labelled(frame[columns])
    floats = shown.select_dtypes("float").columns
    shown[floats] = shown[floats].round(1)
    event = st.dataframe(
        localised(shown, digits=1),
        key=key,
        hide_index=True,
        column_config=_column_config(shown),
        on_select="rerun",
        selection_mode="single-row",
        width="stretch",
        placeholder=MISSING,
    )
    if total is not None and total > len(frame):
        st.caption(
            t(
                "rows_shown",
                shown=fmt_int(len(frame)),
                total=fmt_int(total),
            )
        )
    exported = [c for c in export if c in frame.columns] if export else columns
    downloads(frame[exported], name, key)
    rows = event.selection.rows if event is not None and hasattr(event, "selection") else []
    return str(frame.iloc[rows[0]]["ticket_id"]) if rows else None


def drill_key(base: str, drill: dict) -> str:
    """The key of a drill-down's ticket table: `base@<digest of the drill>`. Streamlit keeps a
    keyed table's selection across reruns whatever its rows, so with one fixed key a new
    drill opened with the previous drill's row ticked, naming a ticket nobody picked (issue
    13); each drill is its own table."""
    import hashlib
    import json

    text = json.dumps(drill, sort_keys=True, default=str)
    return f"{base}@{hashlib.sha1(text.encode()).hexdigest()[:10]}"


def period_note(filters=None) -> None:
    """The period the page covers, said the same way on every page that has a period (issue
    13): the one default rule (`ticketlib.queries.period`) in a blue note, the whole history in
    a blue note with the data's first and last creation days, else one line naming the period.
    `filters` is accepted for the callers' convenience; the session's scope decides."""
    from app import data
    from app.i18n import fmt_date

    scope = state.scope()
    filters = scope.filters
    what = t("scope_resolved" if filters.period_field == "resolved" else "scope_created")
    if scope.whole_history:
        first, last = data.options().get("days") or (None, None)
        st.info(t("scope_whole", a=fmt_date(first), b=fmt_date(last)), icon="🗓️")
        return
    a, b = fmt_date(filters.date_from), fmt_date(filters.date_to)
    if scope.defaulted:
        st.info(t("scope_default", what=what, a=a, b=b), icon="🗓️")
        return
    span = (
        t("scope_between", a=a, b=b)
        if filters.date_from and filters.date_to
        else t("scope_from", a=a)
        if filters.date_from
        else t("scope_to", b=b)
    )
    st.caption(t("scope_period", what=what, span=span))


def empty_banner() -> bool:
    """The banner shown when the database holds no ticket; True if it was shown."""
    from app import data

    if data.is_empty():
        st.warning(f"**{t('empty_db_title')}** — {t('empty_db_body')}", icon="📭")
        return True
    return False


def as_of_caption() -> None:
    from app import data
    from app.i18n import fmt_datetime

    as_of = data.as_of_used()
    tz = state.config().calendar.timezone
    st.caption(t("computed_as_of", as_of=fmt_datetime(as_of, tz) if as_of else "–", tz=tz))
