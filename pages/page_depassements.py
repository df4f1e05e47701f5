"""Dépassements: breached and at-risk tickets, open ones first, and what consumed the clock."""

import streamlit as st

from app import choice, components, data_flow, state, ticket_view
from app.i18n import fmt_hours, fmt_int, lang, t, tr

LABELS = {
    "intro": (
        "Tickets dont un délai (TTO ou TTR) est dépassé ou à risque : d'abord les tickets "
        "ouverts, puis ceux résolus dans la période. Le dépassement est en heures ouvrées "
        "(négatif : temps restant) ; l'état le plus consommateur est celui où le délai a le "
        "plus couru. Sélectionnez une ligne pour ouvrir le ticket.",
        "Tickets with a clock (TTO or TTR) breached or at risk: open tickets first, then those "
        "resolved in the period. The overrun is in business hours (negative: time left); the "
        "état that used most is where the clock ran longest. Select a row to open the ticket.",
    ),
    "open_breached": ("Ouverts en dépassement", "Open, breached"),
    "open_at_risk": ("Ouverts à risque", "Open, at risk"),
    "closed_breached": ("Résolus en dépassement", "Resolved, breached"),
    "ttr_overrun": ("Dépassement TTR cumulé", "Total TTR overrun"),
    "closed_help": (
        "Tickets résolus dans la période (filtre de dates) après un dépassement.",
        "Tickets resolved in the period (date filter) after a breach.",
    ),
    "sort": ("Trier par (après « ouverts d'abord »)", "Sort by (after “open first”)"),
    "export_all": ("Exporter les {n} tickets (CSV Excel)", "Export all {n} tickets (CSV)"),
    "none": (
        "Aucun ticket en dépassement ou à risque pour ces filtres.",
        "No breached or at-risk ticket for these filters.",
    ),
    # issue 13
    "open_help": (
        "Tickets ouverts à la date d'analyse, quelle que soit la période (les autres filtres "
        "s'appliquent).",
        "Tickets open at the as-of time, whatever the period (the other filters apply).",
    ),
}
SORTS = {
    "due": ("Échéance", "Due instant"),
    "overrun_desc": ("Dépassement le plus grand", "Largest overrun"),
    "created_desc": ("Création, récents d'abord", "Creation, newest first"),
    "priority": ("Priorité", "Priority"),
    "customer": ("Client", "Customer"),
    "team": ("Équipe", "Team"),
    "assignee": ("Agent", "Agent"),
}
COLUMNS = (
    "ticket_id",
    "clock",
    "clock_status",
    "overrun_h",
    "due_at",
    "consumed_by",
    "consumed_h",
    "priority",
    "status",
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
summary = data_flow.call("breach_summary", filters)
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
    breaches = data_flow.call("breach_list", filters, order=order, limit=LIMIT)
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
