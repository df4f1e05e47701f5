"""Données: import exports, and see what came in: history, quarantine, quality flags, sla.toml.

An import runs in its own write session on a copy of the database, which replaces the file
only when the import succeeded: other sessions keep reading their snapshot meanwhile and
open the new version on their next run; a failed import leaves the data as it was.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import components, data, data_review, state
from app.i18n import date_format, fmt_int, lang, reason, t, tr
from app.ticket_view import safe
from ticketlib.domain import labels
from ticketlib.domain.config import ConfigError
from ticketlib.ingest import FileError
from ticketlib.ingest.landing import AccountingError
from ticketlib.outputs import report

FORMATS = ("auto", "csv", "jira", "zendesk", "servicenow", "eventlog")
LABELS = labels.DONNEES
LIMIT = 5000


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


def headed(frame: pd.DataFrame) -> pd.DataFrame:
    """Column names in the reader's language."""
    return frame.rename(columns=lambda c: L(c) if c in LABELS else t(c))


def columns(frame: pd.DataFrame, wanted: dict[str, str]) -> pd.DataFrame:
    """Some columns of `frame`, in this order, headed by the label of each one's key."""
    return frame[list(wanted)].set_axis([L(k) for k in wanted.values()], axis=1)


def table(frame: pd.DataFrame, key: str) -> None:
    """st.dataframe with dates in the reader's format (local time of the calendar)."""
    st.dataframe(
        frame,
        hide_index=True,
        key=key,
        column_config={
            c: st.column_config.DatetimeColumn(c, format=date_format())
            for c in frame.columns
            if pd.api.types.is_datetime64_any_dtype(frame[c])
        },
    )


def flag_label(code: str) -> str:
    key = f"f_{code}"
    return L(key) if key in LABELS else code


def max_upload_mb() -> int:
    return int(st.get_option("server.maxUploadSize"))


def show_report(result) -> None:
    """The accounting of an import, as `python -m ticketlib load` prints it."""
    st.success(
        L(
            "done",
            id=result.import_id,
            s=f"{result.seconds:.1f}".replace(".", "," if lang() == "fr" else "."),
            read=fmt_int(result.total("rows_read")),
            loaded=fmt_int(result.total("loaded")),
            dups=fmt_int(result.total("duplicates")),
            q=fmt_int(result.total("quarantined")),
            skipped=fmt_int(result.total("skipped")),
            tickets=fmt_int(result.tickets_total),
            events=fmt_int(result.events_total),
        ),
        icon=":material/check_circle:",
    )
    files, reasons = data_review.report_frames(result, lang())
    st.markdown(f"**{L('per_file')}**")
    st.dataframe(headed(files), hide_index=True, key="dt_report_files")
    if not reasons.empty:
        st.markdown(f"**{L('per_reason')}**")
        reasons["fate"] = reasons["fate"].map(L)
        st.dataframe(headed(reasons), hide_index=True, key="dt_report_reasons")
    for key, values in (
        ("unknown_statuses", result.unknown_statuses),
        ("unknown_priorities", result.unknown_priorities),
    ):
        if values:
            st.markdown(f"**{L(key)}**")
            st.dataframe(
                pd.DataFrame({L("value"): list(values), L("rows"): list(values.values())}),
                hide_index=True,
                key=f"dt_report_{key}",
            )
    notes = [f"{f.name} : {n}" for f in result.files for n in f.notes]
    if notes:
        st.markdown(f"**{L('notes')}**")
        st.markdown("\n".join(f"- {safe(n)}" for n in notes))


def run_upload() -> None:
    uploads = st.session_state.get("dt_files") or []
    mapping = st.session_state.get("dt_mapping")
    bar = st.progress(0.0, text=L("running"))

    def progress(label: str, fraction: float) -> None:
        bar.progress(min(max(fraction, 0.0), 1.0), text=f"{L('running')} {label}")

    try:
        result = data_review.import_uploads(
            [(f.name, f.getvalue()) for f in uploads],
            fmt=st.session_state.get("dt_format") or "auto",
            mapping=(mapping.name, mapping.getvalue()) if mapping is not None else None,
            progress=progress,
            config=state.config(),
        )
    except ConfigError as exc:
        bar.empty()
        st.session_state["dt_result"] = ("error", L("failed_config", why=str(exc)))
    except (FileError, AccountingError, ValueError) as exc:
        bar.empty()
        st.session_state["dt_result"] = ("error", L("failed", why=str(exc)))
    else:
        bar.empty()
        st.session_state["dt_result"] = ("ok", result)
        st.rerun()  # the sidebar's options and every page now read the new database


# -- the page ----------------------------------------------------------------------------------

st.title(t("page_data"))
tabs = st.tabs(
    [L("tab_import"), L("tab_history"), L("tab_quarantine"), L("tab_quality"), L("tab_config")]
)

with tabs[0]:
    st.markdown(L("intro"))
    st.caption(L("limit", mb=fmt_int(max_upload_mb())))
    st.file_uploader(
        L("files"),
        accept_multiple_files=True,
        key="dt_files",
        help=L("files_help", mb=fmt_int(max_upload_mb())),
    )
    c1, c2 = st.columns(2)
    c1.selectbox(
        L("format"),
        FORMATS,
        format_func=lambda f: L(f"fmt_{f}"),
        key="dt_format",
        help=L("format_help"),
    )
    c2.file_uploader(L("mapping"), type=["toml"], key="dt_mapping", help=L("mapping_help"))
    if st.button(
        L("run"), type="primary", key="dt_run", disabled=not st.session_state.get("dt_files")
    ):
        run_upload()
    outcome = st.session_state.get("dt_result")
    if outcome:
        kind, value = outcome
        if kind == "ok":
            show_report(value)
        else:
            st.error(safe(value), icon=":material/block:")

empty = data.is_empty()

with tabs[1]:
    imports = data.imports()
    if imports.empty:
        st.info(L("no_imports"))
    else:
        shown = components.labelled(imports.rename(columns={"files": "files_n"}))
        table(headed(shown), "dt_imports")
        with st.expander(L("files_detail")):
            files = data.import_files()
            st.dataframe(headed(files), hide_index=True, key="dt_import_files")

with tabs[2]:
    summary = data.quarantine_summary()
    if summary.empty:
        st.info(L("q_none"))
    else:
        st.dataframe(
            columns(
                summary.assign(label=summary["reason"].map(reason)),
                {"import_id": "import_id", "file_name": "file", "label": "reason"}
                | {"reason": "code", "rows": "rows"},
            ),
            hide_index=True,
            key="dt_q_summary",
        )
        c1, c2 = st.columns(2)
        chosen = c1.selectbox(
            L("q_reason"),
            [None, *sorted(summary["reason"].unique())],
            format_func=lambda c: L("q_all") if c is None else f"{reason(c)} ({c})",
            key="dt_q_reason",
        )
        import_id = c2.selectbox(
            L("q_import"),
            [None, *sorted(int(i) for i in summary["import_id"].unique())[::-1]],
            format_func=lambda i: L("q_all") if i is None else f"n° {i}",
            key="dt_q_import",
        )
        rows = data.quarantine(reason=chosen, import_id=import_id, limit=LIMIT)
        total = data.quarantine_count(reason=chosen, import_id=import_id)
        st.caption(L("q_caption", shown=fmt_int(len(rows)), total=fmt_int(total)))
        shown = columns(
            rows.assign(label=rows["reason"].map(reason)),
            {"import_id": "import_id", "file_name": "file", "row_number": "row_number"}
            | {"ticket_id": "ticket_id", "label": "reason", "reason": "code"}
            | {"detail": "detail", "raw": "raw"},
        )
        st.dataframe(shown, hide_index=True, key="dt_q_rows")
        components.downloads(shown, "quarantaine", key="dt_q_dl")

with tabs[3]:
    st.caption(L("quality_caption"))
    flags = data.quality_summary() if not empty else pd.DataFrame()
    if flags.empty:
        st.info(L("quality_none"))
    else:
        st.dataframe(
            columns(
                flags.assign(label=flags["flag"].map(flag_label)),
                {"label": "flag", "flag": "code", "flags": "flags", "tickets": "tickets"},
            ),
            hide_index=True,
            key="dt_quality_summary",
        )
        flag = st.selectbox(
            L("flag_choice"), list(flags["flag"]), format_func=flag_label, key="dt_quality_flag"
        )
        listed = data.quality_flags(flag=flag, limit=LIMIT)
        listed_shown = columns(
            components.labelled(listed),
            {"ticket_id": "ticket_id", "flag": "code", "flagged_at": "flagged_at"}
            | {"detail": "detail"},
        )
        table(listed_shown, "dt_quality_rows")
        components.downloads(listed_shown, f"qualite_{flag}", key="dt_quality_dl")

with tabs[4]:
    config = state.config()
    summary = report.config_summary(config, lang())
    st.markdown(L("config_file", path=state.config_path()))
    if not empty and data_review.derived_config_matches() is False:
        st.warning(L("config_stale"))
    c1, c2, c3 = st.columns(3)
    with c1:
        st.markdown(f"**{L('calendar')}**")
        st.markdown(
            "\n".join(
                f"- {report.label(k, lang())} : {summary[v]}"
                for k, v in (
                    ("timezone", "timezone"),
                    ("holidays", "holidays"),
                    ("closed_days", "closed_days"),
                    ("open_days", "open_days"),
                )
            )
        )
        st.dataframe(
            pd.DataFrame(summary["hours"], columns=[L("weekday"), L("hours")]),
            hide_index=True,
            key="dt_cfg_hours",
        )
    with c2:
        st.markdown(f"**{L('targets')}**")
        st.dataframe(
            pd.DataFrame(summary["targets"], columns=[L("priority"), L("tto"), L("ttr")]),
            hide_index=True,
            key="dt_cfg_targets",
        )
    with c3:
        st.markdown(f"**{L('rules')}**")
        st.markdown(
            "\n".join(
                f"- {report.label(k, lang())} : {summary[v]}"
                for k, v in (
                    ("pause", "pause"),
                    ("default_priority", "default_priority"),
                    ("at_risk_rule", "at_risk"),
                    ("reopen_rule", "reopen"),
                )
            )
        )
    st.markdown(f"**{L('raw_file')}**")
    st.code(data_review.config_text(), language="toml")
