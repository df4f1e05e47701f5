"""Requêtes SQL: the analysts' own read-only queries over the derived and raw tables.

Each query runs in a separate, locked DuckDB instance (`ticketlib.console.sqlconsole`): one SELECT,
read only, no file, network or extension, a row cap and a time limit. Results download as CSV
for French Excel, .xlsx or Parquet.
"""

from __future__ import annotations

import streamlit as st

from app import components, data_review, state
from app.i18n import date_format, fmt_int, lang, localised, t, tr
from ticketlib.console import examples, results, sqlconsole
from ticketlib.domain import labels
from ticketlib.domain.formats import MISSING
from ticketlib.domain.literal import markdown_literal
from ticketlib.outputs.exports import to_excel_csv, to_xlsx

LABELS = labels.REQUETES_SQL
ROW_CAPS = (100, 1_000, 10_000, 50_000, 100_000)
TIME_LIMITS = (2, 5, 10, 30, 60)
SQL_KEY = "sql_text"


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


def _use_example() -> None:
    chosen = st.session_state.get("sql_example")
    if chosen is not None:
        st.session_state[SQL_KEY] = examples.EXAMPLES[chosen][2]
        st.session_state["sql_example"] = None


def _run() -> None:
    text = st.session_state.get(SQL_KEY) or ""
    try:
        result = sqlconsole.run_query(
            text,
            db=state.dataset().path,
            row_cap=int(st.session_state.get("sql_cap") or sqlconsole.DEFAULT_ROW_CAP),
            time_limit=float(st.session_state.get("sql_time") or sqlconsole.DEFAULT_TIME_LIMIT),
            timezone=state.config().calendar.timezone,
        )
    except sqlconsole.SqlError as err:
        st.session_state["sql_result"] = ("error", err)
    else:
        st.session_state["sql_result"] = ("ok", result)


st.title(t("page_sql"))
components.empty_banner()
st.markdown(L("intro"))
tz = state.config().calendar.timezone

with st.expander(L("tables")):
    st.markdown(L("tables_help", tz=tz))
    schema = data_review.console_schema()
    st.dataframe(
        schema.set_axis([L("view"), L("column"), L("type")], axis=1),
        hide_index=True,
        key="sql_schema",
        height=300,
        placeholder=MISSING,
    )
if not state.dataset().is_empty and data_review.derived_config_matches() is False:
    st.warning(L("stale"))

st.selectbox(
    L("example"),
    range(len(examples.EXAMPLES)),
    index=None,
    placeholder=L("example_placeholder"),
    format_func=lambda i: examples.EXAMPLES[i][0 if lang() == "fr" else 1],
    key="sql_example",
    on_change=_use_example,
)
if SQL_KEY not in st.session_state:
    st.session_state[SQL_KEY] = examples.EXAMPLES[0][2]
with st.form("sql_form", border=False):
    st.text_area(L("query"), key=SQL_KEY, height=200, help=L("query_help"))
    c1, c2, c3 = st.columns([2, 2, 1], vertical_alignment="bottom")
    c1.select_slider(
        L("row_cap"), ROW_CAPS, value=sqlconsole.DEFAULT_ROW_CAP, key="sql_cap", format_func=fmt_int
    )
    c2.select_slider(
        L("time_limit"), TIME_LIMITS, value=int(sqlconsole.DEFAULT_TIME_LIMIT), key="sql_time"
    )
    c3.form_submit_button(L("run"), type="primary", key="sql_run", on_click=_run, width="stretch")

outcome = st.session_state.get("sql_result")
if outcome:
    kind, value = outcome
    if kind == "error":
        icon = {
            "timeout": ":material/timer_off:",
            "memory": ":material/memory:",
            "bytes": ":material/memory:",
            "error": ":material/error:",
            "empty": ":material/edit:",
        }.get(value.kind, ":material/block:")
        st.error(markdown_literal(value.message(lang())), icon=icon)
    else:
        seconds = f"{value.seconds:.2f}"
        st.caption(
            L(
                "result",
                rows=fmt_int(len(value.frame)),
                plural=len(value.frame),
                s=seconds.replace(".", ",") if lang() == "fr" else seconds,
            )
        )
        if value.truncated_by == "bytes":
            st.warning(L("truncated_bytes", mb=fmt_int(value.byte_cap >> 20)))
        elif value.truncated:
            st.warning(L("truncated", cap=fmt_int(value.row_cap)))
        if value.frame.empty:
            st.info(L("empty"))
        else:
            st.dataframe(
                localised(value.frame, digits=2),
                hide_index=True,
                key="sql_table",
                column_config={
                    c: st.column_config.DatetimeColumn(c, format=date_format())
                    for c in value.frame.columns
                    if str(value.frame[c].dtype).startswith("datetime64")
                },
                placeholder=MISSING,
            )
            exported = results.exportable(value.frame)
            language = lang()  # the files are built on click, outside this run
            d1, d2, d3, _ = st.columns([1, 1, 1, 3])
            d1.download_button(
                t("download_csv"),
                lambda: to_excel_csv(exported, tz, language),
                file_name="requete.csv",
                mime="text/csv",
                key="sql_dl_csv",
                on_click="ignore",
                width="stretch",
            )
            d2.download_button(
                t("download_xlsx"),
                lambda: to_xlsx(exported, tz, sheet="requete"),
                file_name="requete.xlsx",
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                key="sql_dl_xlsx",
                on_click="ignore",
                width="stretch",
            )
            d3.download_button(
                L("download_parquet"),
                lambda: results.to_parquet(exported),
                file_name="requete.parquet",
                mime="application/vnd.apache.parquet",
                key="sql_dl_parquet",
                on_click="ignore",
                width="stretch",
            )
