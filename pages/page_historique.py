"""Historique: every ticket the filters keep, and any one ticket's whole history."""

import streamlit as st

from app import choice, components, data, data_flow, state, ticket_view
from app.components import TABLE_COLUMNS
from app.i18n import fmt_int, lang, t, tr

LABELS = {
    "intro": (
        "Les tickets retenus par les filtres de la barre latérale (la recherche porte sur le "
        "n°, le titre et le client). Sélectionnez une ligne pour ouvrir le ticket.",
        "The tickets the sidebar's filters keep (the search looks at the id, the title and "
        "the customer). Select a row to open the ticket.",
    ),
    "sort": ("Trier par", "Sort by"),
    "count": ("{n} tickets correspondent aux filtres.", "{n} tickets match the filters."),
    "capped": (
        "Le tableau en montre une partie : affinez les filtres ou exportez le tout.",
        "The table shows part of them: narrow the filters or export them all.",
    ),
    "export_all": ("Exporter les {n} tickets (CSV Excel)", "Export all {n} tickets (CSV)"),
    "export_all_help": (
        "Le fichier est préparé au moment du clic ; pour un million de tickets, comptez "
        "quelques secondes.",
        "The file is built when you click; for a million tickets, allow a few seconds.",
    ),
}
SORTS = {
    "created_desc": ("Création, récents d'abord", "Creation, newest first"),
    "created": ("Création, anciens d'abord", "Creation, oldest first"),
    "ttr_desc": ("TTR le plus long", "Longest TTR"),
    "tto_desc": ("TTO le plus long", "Longest TTO"),
    "due": ("Échéance TTR", "TTR due"),
    "id": ("N° de ticket", "Ticket id"),
}
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
total = data.call("count_tickets", filters)
tickets = data.call("tickets", filters, order=order, limit=LIMIT)
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
