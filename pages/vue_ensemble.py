"""Vue d'ensemble: the manager's first look (placeholder until the page lands)."""

import streamlit as st

from app import components, data, state
from app.i18n import fmt_int, fmt_pct, t

st.title(t("page_overview"))
if not components.empty_banner():
    k = data.call("kpis", state.filters())
    c = st.columns(4)
    c[0].metric("Tickets", fmt_int(k.tickets))
    c[1].metric("TTO", fmt_pct(k.tto_compliance))
    c[2].metric("TTR", fmt_pct(k.ttr_compliance))
    c[3].metric("Backlog", fmt_int(k.open_backlog))
    components.as_of_caption()
