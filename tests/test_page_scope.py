"""One default period, said the same way on every page that has a period (issue 13, item 5):
with no date chosen, the last 3 full months and the running month up to the data's last day
(`ticketlib.queries.period`), in the same blue note; "Tout l'historique" opens the period, said
in one blue note with the data's first and last creation days; with a period, one line names
it; "Réinitialiser les filtres" returns to the default. Open-ticket figures say they ignore
the period. History of `sla_fixture` (tickets created 3 to 14 March 2025, last day 14 March)."""

from __future__ import annotations

from datetime import date

import pytest

from tests import sla_fixture as sf

PAGES = [
    "app_pages/vue_ensemble.py",
    "app_pages/conformite.py",
    "app_pages/depassements.py",
    "app_pages/parcours.py",
    "app_pages/historique.py",
    "app_pages/temps_par_etat.py",
]
DEFAULT_NOTE = (
    "Période par défaut : **les 3 derniers mois pleins et le mois en cours** (tickets créés "
    "du 01/12/2024 au 14/03/2025, dernier jour des données). Choisissez des dates ou « Tout "
    "l'historique » dans les filtres pour la changer."
)
WHOLE_NOTE = "**Tout l'historique** (tickets créés du 03/03/2025 au 14/03/2025)."


@pytest.fixture(scope="module")
def sla_db(tmp_path_factory):
    return sf.build(tmp_path_factory.mktemp("scope"))


def notes(at) -> list[str]:
    return [i.value for i in at.info if i.value.startswith(("Période par défaut", "**Tout"))]


@pytest.mark.parametrize("page", PAGES)
def test_one_default_period_said_the_same_way(app_db, sla_db, page):
    app_db(sla_db)
    at = sf.open_page(page)
    assert not sf.exceptions(at)
    assert notes(at) == [DEFAULT_NOTE]
    # the whole history on demand (the sidebar's switch, set by its key: AppTest keeps the
    # sidebar out of the tree after a page switch), said with the data's first and last days
    at.session_state["all"] = True
    at.run()
    assert not sf.exceptions(at)
    assert notes(at) == [WHOLE_NOTE]
    # a chosen date wins: one line names the period
    at.session_state["from"] = date(2025, 3, 5)
    at.session_state["period"] = "resolved"
    at.run()
    assert notes(at) == []
    assert "Période : tickets résolus depuis le 05/03/2025." in [c.value for c in at.caption]


def test_reset_returns_to_the_default_period(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page("app_pages/vue_ensemble.py")  # the default page: the sidebar is in the tree
    at.toggle(key="all").set_value(True).run()
    assert notes(at) == [WHOLE_NOTE]
    at.session_state["from"] = date(2025, 3, 5)
    at.run()
    assert notes(at) == []
    at.button(key="reset_filters").click().run()
    assert notes(at) == [DEFAULT_NOTE]
    assert at.toggle(key="all").value is False
    assert not {"all", "from", "period"} & set(at.query_params)


def opened_from_link(query: dict):
    """The dashboard opened from a link: the query string is there from the first run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(sf.APP), default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page("app_pages/historique.py")
    return at.run()


def test_a_shared_link_keeps_its_period(app_db, sla_db):
    app_db(sla_db)
    at = opened_from_link({"from": "2025-03-10", "to": "2025-03-14"})
    assert notes(at) == []
    assert "Période : tickets créés du 10/03/2025 au 14/03/2025." in [c.value for c in at.caption]
    assert sorted(sf.frame_of(at, "hist_table").ticket_id) == ["S5", "S6", "S7"]
    at = opened_from_link({"all": "true"})
    assert notes(at) == [WHOLE_NOTE]


def test_english_default_note(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page("app_pages/conformite.py", lang="en")
    assert [i.value for i in at.info if i.value.startswith("Default period")] == [
        "Default period: **the last 3 full months and the running month** (tickets created "
        "from 2024-12-01 to 2025-03-14, the data's last day). Choose dates or “Whole history” "
        "in the filters to change it."
    ]


def test_open_figures_say_they_ignore_the_period(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page("app_pages/depassements.py")
    helps = {m.label: m.help for m in at.metric}
    assert "quelle que soit la période" in helps["Ouverts en dépassement"]
    assert "quelle que soit la période" in helps["Ouverts à risque"]
    at = sf.open_page("app_pages/vue_ensemble.py")
    helps = {m.label: m.help for m in at.metric}
    for label in ("Backlog ouvert", "Ouverts dépassés", "Ouverts à risque"):
        assert helps[label].endswith("Ignore la période."), label
