"""Revue client: one customer over a period, for the account manager, and the file to send.

Choose the customer (1 click), download the review as HTML or PDF (2nd click). The page shows
what the file holds: KPIs, compliance per priority, the monthly trend, who waited for whom,
the breached clocks with the état that consumed them, and the customer's tickets.
"""

from __future__ import annotations

import streamlit as st

from app import components, data, data_review, state, ticket_view
from app.i18n import fmt_date, fmt_hours, fmt_int, fmt_pct, lang, localised, priority_label, t, tr
from ticketlib.domain import labels
from ticketlib.domain.formats import MISSING
from ticketlib.domain.labels import REVIEW as REPORT_LABELS
from ticketlib.outputs import print_pdf, report

LABELS = REPORT_LABELS | labels.REVUE_CLIENT
BREACH_COLUMNS = {
    "ticket_id": "ticket",
    "title": "title_col",
    "clock": "clock",
    "clock_priority": "priority",
    "target_h": "target",
    "elapsed_h": "elapsed",
    "overrun_h": "overrun",
    "due_at": "due",
    "consumed_by": "consumed_by",
    "consumed_h": "consumed_h",
    "is_open": "clock_state",
}


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


st.title(t("page_review"))
if components.empty_banner():
    st.stop()

customers = data.customers()
if customers.empty:
    st.info(L("no_customer"))
    st.stop()

c1, c2, c3 = st.columns([3, 1, 1])
names = list(customers.customer)
chosen = st.session_state.get("cust") or []
customer = c1.selectbox(
    L("choose"),
    names,
    # the one customer chosen in the sidebar comes preselected
    index=names.index(chosen[0]) if len(chosen) == 1 and chosen[0] in names else None,
    placeholder=L("choose_placeholder"),
    key="rv_customer",
    bind="query-params",
    help=L("choose_help"),
)
fmt = "DD/MM/YYYY" if lang() == "fr" else "YYYY/MM/DD"
bounds = state.date_bounds(data.options().get("days"))
# the sidebar's period, the one default rule applied (ticketlib.queries.period), comes
# preselected, and again whenever it changes (a keyed date field keeps its first value)
sidebar = (state.filters().date_from, state.filters().date_to)
if st.session_state.get("_rv_sidebar_period") != sidebar:
    st.session_state["rv_from"], st.session_state["rv_to"] = sidebar
    st.session_state["_rv_sidebar_period"] = sidebar
date_from = c2.date_input(
    L("from"),
    value=None,
    key="rv_from",
    format=fmt,
    help=L("period_help"),
    **bounds,
)
date_to = c3.date_input(
    L("to"),
    value=None,
    key="rv_to",
    format=fmt,
    **bounds,
)

ignored = [
    t(label)
    for key, label in (
        ("prio", "priorities"),
        ("team", "teams"),
        ("agent", "agents"),
        ("etat", "etats"),
        ("q", "search"),
    )
    if st.session_state.get(key)
]
if st.session_state.get("period") == "resolved":
    ignored.append(L("period_by_resolution"))
if ignored:
    st.info(L("ignored_filters", names=" · ".join(ignored)), icon=":material/filter_alt_off:")

if not customer:
    st.info(L("pick_first"), icon=":material/handshake:")
    st.stop()

rv = data_review.review(customer, date_from, date_to)
config = state.config()
tz = config.calendar.timezone
summary = report.config_summary(config, lang())
stem = report.file_stem(customer, date_from, date_to)

d1, d2, d3 = st.columns([1, 1, 2])
summary_only = d3.toggle(L("summary_only"), key="rv_summary", help=L("summary_only_help"))
d1.download_button(
    L("download_html"),
    data_review.review_html_builder(rv, lang(), summary_only),
    file_name=f"{stem}.html",
    mime="text/html",
    key="rv_download_html",
    icon=":material/download:",
    on_click="ignore",
    type="primary",
    help=L("download_help"),
    width="stretch",
)
pdf_ready = print_pdf.chromium_path() is not None
d2.download_button(
    L("download_pdf"),
    data_review.review_pdf_builder(rv, lang(), summary_only) if pdf_ready else b"",
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="rv_download_pdf",
    icon=":material/picture_as_pdf:",
    on_click="ignore",
    disabled=not pdf_ready,
    width="stretch",
)
if not pdf_ready:
    st.caption(L("pdf_missing"))

st.caption(
    L(
        "computed",
        as_of=report.fmt_datetime(rv.as_of, tz, lang()) or "–",
        tz=tz,
        hours=summary["hours_short"],
        holidays=summary["holidays"],
        targets=" · ".join(f"{p} {tto}/{ttr}" for p, tto, ttr in summary["targets"]),
    )
    + " · "
    + report.label(
        "period_between"
        if date_from and date_to
        else "period_from"
        if date_from
        else "period_to"
        if date_to
        else "period_all",
        lang(),
        start=fmt_date(date_from),
        end=fmt_date(date_to),
    )
)

# -- summary ---------------------------------------------------------------------------------

k = rv.kpis
row1 = st.columns(4)
row1[0].metric(L("k_tickets"), fmt_int(k.tickets), border=True)
row1[1].metric(
    L("k_tto"),
    fmt_pct(k.tto_compliance),
    delta_description=L("met_of", met=fmt_int(k.tto_met), n=fmt_int(k.tto_n), plural=k.tto_met),
    help=L("compliance_note"),
    border=True,
)
row1[2].metric(
    L("k_ttr"),
    fmt_pct(k.ttr_compliance),
    delta_description=L("met_of", met=fmt_int(k.ttr_met), n=fmt_int(k.ttr_n), plural=k.ttr_met),
    help=L("compliance_note"),
    border=True,
)
row1[3].metric(L("k_open"), fmt_int(k.open_backlog), help=L("at_as_of"), border=True)
row2 = st.columns(4)
row2[0].metric(L("k_median_tto"), fmt_hours(k.median_tto_h), help=L("bh"), border=True)
row2[1].metric(L("k_median_ttr"), fmt_hours(k.median_ttr_h), help=L("bh"), border=True)
row2[2].metric(L("k_breached_open"), fmt_int(k.breached_open), help=L("at_as_of"), border=True)
row2[3].metric(L("k_at_risk_open"), fmt_int(k.at_risk_open), help=L("at_as_of"), border=True)

figures = report.review_figures(rv, lang())
chart_config = {"displayModeBar": False}

left, right = st.columns(2)
with left:
    st.subheader(L("compliance_title"))
    if "priority" in figures:
        st.plotly_chart(figures["priority"], key="rv_priority", config=chart_config)
        st.caption(L("compliance_note"))
    else:
        st.info(L("no_tickets"))
with right:
    st.subheader(L("trend_title"))
    if "trend" in figures:
        st.plotly_chart(figures["trend"], key="rv_trend", config=chart_config)

st.subheader(L("waits_title"))
total = rv.waits[rv.waits.is_total]
if "waits" in figures and not total.empty:
    w = total.iloc[0]
    st.markdown(
        L(
            "waits_text",
            desk=fmt_hours(w.customer_wait_h),
            desk_avg=fmt_hours(w.customer_wait_avg_h),
            customer=fmt_hours(w.requester_wait_h),
            customer_avg=fmt_hours(w.requester_wait_avg_h),
            agent=fmt_hours(w.agent_work_h),
            internal=fmt_hours(w.internal_wait_h),
        )
    )
    left, right = st.columns(2)
    left.plotly_chart(figures["waits"], key="rv_waits", config=chart_config)
    right.plotly_chart(figures["waits_month"], key="rv_waits_month", config=chart_config)
else:
    st.info(L("no_tickets"))

st.subheader(L("breaches_title"))
if rv.breaches.empty:
    st.success(L("no_breach"))
else:
    shown = components.labelled(rv.breaches[list(BREACH_COLUMNS)])
    shown["clock"] = shown["clock"].map(lambda c: L(f"{c}_short"))
    shown["clock_priority"] = shown["clock_priority"].map(priority_label)
    shown["is_open"] = shown["is_open"].map(lambda b: L("open") if b else L("stopped"))
    headers = {c: L(k) for c, k in BREACH_COLUMNS.items()}
    headers["consumed_h"] = L("consumed_by") + " (h)"
    for column in ("target_h", "elapsed_h", "overrun_h"):  # business hours: the unit said
        headers[column] += " (h)"
    st.dataframe(
        localised(shown.rename(columns=headers)),
        key="rv_breaches",
        hide_index=True,
        width="stretch",
        column_config={
            headers["due_at"]: st.column_config.DatetimeColumn(
                headers["due_at"], format="DD/MM/YYYY HH:mm" if lang() == "fr" else None
            ),
        },
        placeholder=MISSING,
    )
    st.caption(L("breaches_caption"))
    if rv.breaches_truncated:
        st.caption(L("breaches_truncated", shown=fmt_int(len(rv.breaches))))

st.subheader(L("tickets_title"))
selected = components.ticket_table(
    rv.tickets, key="rv_tickets", total=rv.tickets_total, name=f"{stem}_tickets"
)
st.caption(L("selected_hint"))
ticket_view.show(ticket_view.follow(selected, "rv_tickets"), "rv_view")
