"""One ticket, opened from any ticket table: its Gantt of états, clocks, events, time per état.

The ticket shown is kept in the URL (`?ticket=SUP-000123`), so a copied link opens it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import data, state
from app.components import labelled
from app.i18n import (
    date_format,
    etat_label,
    fmt_datetime,
    fmt_hours,
    fmt_int,
    fmt_pct,
    lang,
    priority_label,
    status_label,
    t,
    tr,
)
from ticketlib.charts.axes import pct_suffix
from ticketlib.charts.flow import Words
from ticketlib.charts.ticket_flow import durations_figure, timeline_figure
from ticketlib.domain import labels
from ticketlib.domain.formats import MISSING
from ticketlib.domain.literal import markdown_literal

PARAM = "ticket"

LABELS = labels.TICKET_VIEW

BADGE = {"met": "green", "breached": "red", "at_risk": "orange", "running": "blue"}


def safe(text) -> str:
    """Text from data or the URL for Markdown, shown as text (`literal.markdown_literal`)."""
    return markdown_literal(text)


def words(labels: dict[str, tuple[str, str]]) -> Words:
    """The chart builders' words and formats in the reader's language."""
    fr = lang() == "fr"
    tz = state.config().calendar.timezone
    return Words(
        text={k: tr(labels, k) for k in labels},
        etat=etat_label,
        integer=fmt_int,
        percent=fmt_pct,
        hours=fmt_hours,
        when=lambda ts: fmt_datetime(ts, tz),
        separators=",\u202f" if fr else ".,",
        percent_suffix=pct_suffix(lang()),
        date_axis="%d/%m/%Y" if fr else "%Y-%m-%d",
        day_axis="%d/%m" if fr else "%b %d",
        month_axis="%m/%Y" if fr else "%b %Y",
    )


def current() -> str | None:
    value = st.query_params.get(PARAM)
    return value or None


def follow(selected: str | None, key: str) -> str | None:
    """The ticket to show: a row newly selected in table `key` opens (and goes to the URL);
    otherwise the ticket already in the URL stays open."""
    last_key = f"_{key}_last_selected"
    last = st.session_state.get(last_key)
    if selected and selected != last:
        st.query_params[PARAM] = selected
    elif not selected and last and current() == last:
        del st.query_params[PARAM]
    st.session_state[last_key] = selected
    return current()


def _close() -> None:
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def close() -> None:
    """Close the open ticket (e.g. when a new drill-down replaces the list it came from)."""
    _close()


def show(ticket_id: str | None, key: str) -> None:
    """The ticket view, below the table it was opened from."""
    if not ticket_id:
        return
    detail = data.ticket(ticket_id)
    st.divider()
    if detail is None:
        st.warning(tr(LABELS, "not_found", id=safe(ticket_id)))
        st.button(tr(LABELS, "close"), key=f"{key}_close", on_click=_close)
        return
    row = detail["sla"].iloc[0]
    tz = state.config().calendar.timezone
    head, button = st.columns([5, 1])
    head.subheader(f"{safe(row.ticket_id)} — {safe(row.title)}")
    button.button(tr(LABELS, "close"), key=f"{key}_close", on_click=_close, width="stretch")
    colon = "\u00a0: " if lang() == "fr" else ": "
    facts = [
        (t("customer"), safe(row.customer) or "–"),
        (t("priority"), priority_label(row.priority)),
        (t("etat"), etat_label(row.etat)),
        (t("team"), safe(row.team) or "–"),
        (t("assignee"), safe(row.assignee) or "–"),
        (t("created_at"), fmt_datetime(row.created_at, tz)),
        (tr(LABELS, "reopens"), fmt_int(row.reopens)),
    ]
    st.markdown(" · ".join(f"**{name}**{colon}{value}" for name, value in facts))
    if bool(row.default_priority_used):
        st.caption(tr(LABELS, "default_priority"))
    flags = detail.get("flags")
    if flags is not None and not flags.empty:
        shown = " · ".join(
            f"`{f.flag}`" + (f" ({safe(f.detail)})" if isinstance(f.detail, str) else "")
            for f in flags.itertuples()
        )
        st.caption(tr(LABELS, "flags", flags=shown))
    _clocks(detail["clocks"], tz)
    w = words(LABELS)
    st.markdown(f"**{tr(LABELS, 'timeline')}**")
    marks = [
        (tr(LABELS, "tto_due"), row.tto_due_at if not row.tto_stopped else None),
        (tr(LABELS, "ttr_due"), row.ttr_due_at if not row.ttr_stopped else None),
    ]
    as_of = state.marts().as_of
    if as_of is not None and not row.ttr_stopped:
        marks.append((tr(LABELS, "as_of_mark"), as_of))
    st.plotly_chart(
        timeline_figure(detail["timeline"], w, tz, marks),
        key=f"{key}_timeline",
        config={"displayModeBar": False},
    )
    events_tab, etat_tab = st.tabs([tr(LABELS, "events"), tr(LABELS, "per_etat")])
    with events_tab:
        _events(detail["events"], key)
    with etat_tab:
        durations = detail["durations"]
        left, right = st.columns([1, 1])
        left.plotly_chart(
            durations_figure(durations, w),
            key=f"{key}_durations",
            config={"displayModeBar": False},
        )
        right.dataframe(
            labelled(durations),
            hide_index=True,
            key=f"{key}_durations_table",
            column_config={c: tr(LABELS, c) for c in ("etat", "visits", "wall_h", "business_h")}
            | {
                c: st.column_config.NumberColumn(tr(LABELS, c), format="%.1f")
                for c in ("wall_h", "business_h")
            },
            placeholder=MISSING,
        )
        st.caption(tr(LABELS, "per_etat_note"))
    st.caption(tr(LABELS, "opened_hint", id=safe(row.ticket_id)))


def _clocks(clocks: pd.DataFrame, tz: str) -> None:
    st.markdown(f"**{tr(LABELS, 'clocks')}**")
    columns = st.columns(len(clocks))
    for column, clock in zip(columns, clocks.itertuples()):
        with column:
            used = clock.used if clock.used is not None and pd.notna(clock.used) else 0.0
            state_word = tr(LABELS, "stopped" if clock.stopped else "running_now")
            colour = BADGE.get(clock.status, "gray")
            st.progress(
                min(max(used, 0.0), 1.0),
                text=f"**{t(clock.clock)}** — "
                + tr(
                    LABELS,
                    "elapsed_of",
                    elapsed=fmt_hours(clock.elapsed_h),
                    target=fmt_hours(clock.target_h),
                    pct=fmt_pct(used, 0),
                    status=f":{colour}-badge[{status_label(clock.status)}]"
                    + ("" if clock.status == "running" else f" ({state_word})"),
                ),
            )
            due = (
                tr(LABELS, "due", when=fmt_datetime(clock.due_at, tz))
                if clock.due_at is not None and pd.notna(clock.due_at)
                else tr(LABELS, "no_due")
            )
            extra = [due, tr(LABELS, "target_of", p=priority_label(clock.priority))]
            if clock.clock == "ttr":
                extra.append(tr(LABELS, "paused", h=fmt_hours(clock.paused_h)))
            st.caption(" · ".join(extra))


def _events(events: pd.DataFrame, key: str) -> None:
    if events.empty:
        st.info(tr(LABELS, "no_events"))
        return
    shown = labelled(events)
    shown["priority_raw"] = events.priority_raw.fillna("")
    shown["priority"] = [priority_label(p) if isinstance(p, str) else "" for p in events.priority]
    columns = [
        "ts",
        "status_raw",
        "etat",
        "priority_raw",
        "priority",
        "file_name",
        "source_row",
        "import_id",
    ]
    if events.after_as_of.any():
        columns.append("after_as_of")
    config = {c: tr(LABELS, c) for c in columns} | {
        "ts": st.column_config.DatetimeColumn(tr(LABELS, "ts"), format=date_format() + ":ss"),
        "priority": t("priority"),
    }
    st.dataframe(
        shown[columns],
        hide_index=True,
        column_config=config,
        key=f"{key}_events",
        placeholder=MISSING,
    )
