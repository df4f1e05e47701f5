"""The compliance tables of the Conformité SLA page (per priority, per team / agent / customer):
one row per group, total last, shown with French number formats and exported."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import components, sla_panels
from app.i18n import t, tr
from ticketlib.domain.labels import COMPLIANCE
from ticketlib.queries.sla import ALL_KEY, NONE_KEY


def L(key: str, **kw) -> str:
    return tr(COMPLIANCE, key, **kw)


def compliance_table(frame: pd.DataFrame, first: str, labels: dict, name: str, key: str) -> None:
    """A compliance table (one row per group, total last) shown and exported."""
    shown = pd.DataFrame(
        {
            first: [
                labels.get(k, t("none") if k == NONE_KEY else L("total") if k == ALL_KEY else k)
                for k in frame["key"]
            ],
            L("tto_met"): frame["tto_met"],
            L("tto_n"): frame["tto_n"],
            L("tto_pct"): (100 * frame["tto_pct"]).round(1),
            L("ttr_met"): frame["ttr_met"],
            L("ttr_n"): frame["ttr_n"],
            L("ttr_pct"): (100 * frame["ttr_pct"]).round(1),
        }
    )
    st.dataframe(sla_panels.french(shown), hide_index=True, width="stretch", key=key)
    components.downloads(shown, name, f"{key}_dl")
