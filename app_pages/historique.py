"""Historique: every ticket the filters keep, and any one ticket's whole history."""

import streamlit as st

from app import choice, components, data, data_flow, state, ticket_view
from app.components import TABLE_COLUMNS
from app.i18n import fmt_int, lang, t, tr
from ticketlib.domain import labels

LABELS = labels.HISTORIQUE
SORTS = labels.HISTORIQUE_SORTS
LIMIT = 1000  # rows shown; the count says how many match, the full export has them all

st.title(t("page_history"))
if components.empty_banner():
    st.stop()
st.caption(tr(LABELS, "intro"))
filters = state.filters()
components.period_note(filters)
c1, c2 = st.columns([2, 3])
order = choice.select(
    tr(LABELS, "sort"), list(SORTS), lambda k: tr(SORTS, k), "hist_sort", container=c1
)
total = data.count_tickets(filters)
tickets = data.tickets(filters, order=order, limit=LIMIT)
c2.markdown(f"**{tr(LABELS, 'count', n=fmt_int(total))}**")
if total > len(tickets):
    c2.caption(tr(LABELS, "capped"))
selected = components.ticket_table(tickets, key="hist_table", total=total, name="historique")
if total:
    st.download_button(
        tr(LABELS, "export_all", n=fmt_int(total)),
        data_flow.full_export(
            "tickets", filters, order, {c: t(c) for c in TABLE_COLUMNS}, list(TABLE_COLUMNS), lang()
        ),
        file_name="historique_complet.csv",
        mime="text/csv",
        key="hist_full_csv",
        help=tr(LABELS, "export_all_help"),
        on_click="ignore",
    )
ticket_view.show(ticket_view.follow(selected, "hist_table"), "hist_view")
components.as_of_caption()
