"""Streamlit entry: page config, language, global filters, navigation (STYLE §5)."""

import streamlit as st

from app import data, state, streamlit_text
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
        (
            "app_pages/temps_par_etat.py",
            "page_time_in_status",
            ":material/timer:",
            "temps-par-etat",
        ),
        ("app_pages/revue_client.py", "page_review", ":material/handshake:", "revue-client"),
    ],
    "section_admin": [
        ("app_pages/donnees.py", "page_data", ":material/upload_file:", "donnees"),
        ("app_pages/requetes_sql.py", "page_sql", ":material/terminal:", "requetes-sql"),
    ],
}

# The default page is served at the root URL only: Streamlit reserves its url_path but never
# serves it, so a link to /vue-ensemble opened a "Page not found" dialog (issue 13, item 12).
# The default page reserves "accueil"; /vue-ensemble is the same page, hidden from the menu.
DEFAULT_URL = "vue-ensemble"
sections = {
    t(section): [
        st.Page(
            path,
            title=t(title),
            icon=icon,
            url_path="accueil" if url == DEFAULT_URL else url,
            default=(url == DEFAULT_URL),
        )
        for path, title, icon, url in pages
    ]
    for section, pages in PAGES.items()
}
overview = PAGES["section_follow"][0]
sections[t("section_follow")].append(
    st.Page(overview[0], title=t(overview[1]), url_path=DEFAULT_URL, visibility="hidden")
)
navigation = st.navigation(sections)
streamlit_text.localise()
state.sidebar(data.options() if not data.is_empty() else {})
navigation.run()
