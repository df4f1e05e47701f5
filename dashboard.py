"""Streamlit entry: page config, language, global filters, navigation (STYLE §5)."""

import streamlit as st

from app import data, state
from app.i18n import t

# an emoji favicon is drawn in the browser; a ":material/..." one is fetched from Google
st.set_page_config(page_title="SLA support", page_icon="⏱️", layout="wide")

with st.sidebar:
    st.segmented_control(
        "Langue / Language",
        ["fr", "en"],
        key="lang",
        default="fr",
        bind="query-params",
    )

PAGES = {
    "section_follow": [
        ("app_pages/vue_ensemble.py", "page_overview", ":material/dashboard:", "vue-ensemble"),
        ("app_pages/conformite.py", "page_compliance", ":material/target:", "conformite"),
        ("app_pages/depassements.py", "page_breaches", ":material/warning:", "depassements"),
    ],
    "section_analyse": [
        ("app_pages/parcours.py", "page_workflow", ":material/account_tree:", "parcours"),
        ("app_pages/historique.py", "page_history", ":material/history:", "historique"),
        ("app_pages/temps_par_etat.py", "page_time_in_status", ":material/timer:", "temps-par-etat"),
        ("app_pages/revue_client.py", "page_review", ":material/handshake:", "revue-client"),
    ],
    "section_admin": [
        ("app_pages/donnees.py", "page_data", ":material/upload_file:", "donnees"),
        ("app_pages/requetes_sql.py", "page_sql", ":material/terminal:", "requetes-sql"),
    ],
}

navigation = st.navigation(
    {
        t(section): [
            st.Page(path, title=t(title), icon=icon, url_path=url, default=(url == "vue-ensemble"))
            for path, title, icon, url in pages
        ]
        for section, pages in PAGES.items()
    }
)
state.sidebar(data.options() if not data.is_empty() else {})
navigation.run()
