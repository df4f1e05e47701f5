"""The label catalogue: every pair has both languages, every key the code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from ticketlib.domain import labels

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = {
    name: value
    for name, value in vars(labels).items()
    if name.isupper() and isinstance(value, dict)
}


def test_the_catalogue_holds_every_dictionary():
    assert sorted(CATALOGUE) == sorted(
        [
            "COMMON",
            "OVERVIEW",
            "COMPLIANCE",
            "TICKET_VIEW",
            "PARCOURS",
            "PARCOURS_SORTS",
            "HISTORIQUE",
            "HISTORIQUE_SORTS",
            "DEPASSEMENTS",
            "DEPASSEMENTS_SORTS",
            "REVUE_CLIENT",
            "DONNEES",
            "REQUETES_SQL",
            "REVIEW",
            "REASONS",
            "TIME_IN_STATUS",
        ]
    )
    assert sum(len(d) for d in CATALOGUE.values()) >= 540


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_key_has_french_and_english(name):
    for key, pair in CATALOGUE[name].items():
        assert isinstance(pair, tuple) and len(pair) == 2, (name, key)
        fr, en = pair
        assert isinstance(fr, str) and fr.strip(), (name, key, "fr")
        assert isinstance(en, str) and en.strip(), (name, key, "en")
        # the same placeholders in both languages
        names = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in pair]
        assert names[0] == names[1], (name, key, names)


# which catalogue each source file reads its literal keys from (besides COMMON)
SOURCES = {
    "pages/page_parcours.py": ["PARCOURS", "PARCOURS_SORTS"],
    "pages/page_historique.py": ["HISTORIQUE", "HISTORIQUE_SORTS"],
    "pages/page_depassements.py": ["DEPASSEMENTS", "DEPASSEMENTS_SORTS"],
    "pages/page_revue_client.py": ["REVUE_CLIENT", "REVIEW"],
    "pages/page_donnees.py": ["DONNEES"],
    "pages/page_requetes_sql.py": ["REQUETES_SQL"],
    "pages/page_vue_ensemble.py": ["OVERVIEW"],
    "pages/page_conformite.py": ["COMPLIANCE"],
    "app/sla_panels.py": ["COMPLIANCE"],
    "app/ticket_view.py": ["TICKET_VIEW"],
    "app/components.py": [],
    "app/state.py": [],
    "pages/page_temps_par_etat.py": ["TIME_IN_STATUS"],
}
CALL = re.compile(r"""\b(?:t|L|tr\([A-Z_]+,)\s*\(?\s*["']([a-z][a-z0-9_]*)["']\s*[,)]""")


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_every_literal_key_the_code_asks_for_exists(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    known = set(labels.COMMON)
    for name in SOURCES[path]:
        known |= set(CATALOGUE[name])
    asked = set(CALL.findall(text))
    assert asked, f"{path}: no label call found (the pattern is out of date)"
    assert sorted(asked - known) == []
