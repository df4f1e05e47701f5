"""Dépassements: breached and at-risk tickets, open ones first, and what consumed the clock."""

import streamlit as st

from app import choice, components, data, data_flow, state, ticket_view
from app.i18n import fmt_hours, fmt_int, lang, t, tr
from ticketlib.domain import labels

LABELS = labels.DEPASSEMENTS
SORTS = labels.DEPASSEMENTS_SORTS
COLUMNS = (
    "ticket_id",
    "clock",
    "clock_status",
    "overrun_h",
    "due_at",
    "consumed_by",
    "consumed_h",
    "priority",
    "etat",
    "customer",
    "assignee",
    "team",
    "title",
    "is_open",
    "created_at",
    "resolved_at",
)
LIMIT = 1000  # rows shown; the count says how many match, the full export has them all

st.title(t("page_breaches"))
if components.empty_banner():
    st.stop()
st.caption(tr(LABELS, "intro"))
filters = state.filters()
components.period_note(filters)
summary = data.breach_summary(filters)
k = st.columns(4)
k[0].metric(
    tr(LABELS, "open_breached"), fmt_int(summary["open_breached"]), help=tr(LABELS, "open_help")
)
k[1].metric(
    tr(LABELS, "open_at_risk"), fmt_int(summary["open_at_risk"]), help=tr(LABELS, "open_help")
)
k[2].metric(
    tr(LABELS, "closed_breached"),
    fmt_int(summary["closed_breached"]),
    help=tr(LABELS, "closed_help"),
)
k[3].metric(tr(LABELS, "ttr_overrun"), fmt_hours(summary["ttr_overrun_h"]))

if summary["total"] == 0:
    st.success(tr(LABELS, "none"))
else:
    c1, _ = st.columns([2, 3])
    order = choice.select(
        tr(LABELS, "sort"), list(SORTS), lambda k: tr(SORTS, k), "br_sort", container=c1
    )
    breaches = data.breach_list(filters, order=order, limit=LIMIT)
    selected = components.ticket_table(
        breaches, key="br_table", total=summary["total"], name="depassements", columns=COLUMNS
    )
    if summary["total"]:
        st.download_button(
            tr(LABELS, "export_all", n=fmt_int(summary["total"])),
            data_flow.full_export(
                "breaches", filters, order, {c: t(c) for c in COLUMNS}, list(COLUMNS), lang()
            ),
            file_name="depassements_complet.csv",
            mime="text/csv",
            key="br_full_csv",
            on_click="ignore",
        )
    ticket_view.show(ticket_view.follow(selected, "br_table"), "br_view")
components.as_of_caption()
