"""One way to say the period (issue 13): Conformité SLA, Dépassements, Parcours and Historique
cover the whole history when no period is chosen and say so in the same blue note, with the
data's first and last creation days; with a period, one line names it. Open-ticket figures say
they ignore the period. History of `sla_fixture` (tickets created 3 to 14 March 2025)."""

from __future__ import annotations

from datetime import date

import pytest

from tests import sla_fixture as sf

PAGES = [
    "pages/conformite.py",
    "pages/depassements.py",
    "pages/parcours.py",
    "pages/historique.py",
]


@pytest.fixture(scope="module")
def sla_db(tmp_path_factory):
    return sf.build(tmp_path_factory.mktemp("scope"))


@pytest.mark.parametrize("page", PAGES)
def test_whole_history_said_the_same_way(app_db, sla_db, page):
    app_db(sla_db)
    at = sf.open_page(page)
    assert not sf.exceptions(at)
    notes = [i.value for i in at.info if "Aucune période choisie" in i.value]
    assert notes == [
        "Aucune période choisie : **tout l'historique** (tickets créés du 03/03/2025 au "
        "14/03/2025). Choisissez une période dans les filtres pour la restreindre."
    ]
    at.session_state["from"] = date(2025, 3, 5)
    at.session_state["period"] = "resolved"
    at.run()
    assert not [i.value for i in at.info if "Aucune période choisie" in i.value]
    assert "Période : tickets résolus depuis le 05/03/2025." in [c.value for c in at.caption]


def test_open_figures_say_they_ignore_the_period(app_db, sla_db):
    app_db(sla_db)
    at = sf.open_page("pages/depassements.py")
    helps = {m.label: m.help for m in at.metric}
    assert "quelle que soit la période" in helps["Ouverts en dépassement"]
    assert "quelle que soit la période" in helps["Ouverts à risque"]
    at = sf.open_page("pages/vue_ensemble.py")
    helps = {m.label: m.help for m in at.metric}
    for label in ("Backlog ouvert", "Ouverts en dépassement", "Ouverts à risque"):
        assert helps[label].endswith("Ignore la période."), label
