"""The label catalogue: every pair has both languages, every key the code asks for exists."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from ticketlib.domain import labels
from ticketlib.domain.vocabulary import ETAT_CODES
from ticketlib.queries.created_resolved import SERIES
from ticketlib.queries.filters import PERIOD_FIELDS
from ticketlib.queries.sla import CLOCKS
from ticketlib.queries.time_in_status import GROUPS as TIS_GROUPS

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
    "app_pages/parcours.py": ["PARCOURS", "PARCOURS_SORTS"],
    "app_pages/historique.py": ["HISTORIQUE", "HISTORIQUE_SORTS"],
    "app_pages/depassements.py": ["DEPASSEMENTS", "DEPASSEMENTS_SORTS"],
    "app_pages/revue_client.py": ["REVUE_CLIENT", "REVIEW"],
    "app_pages/donnees.py": ["DONNEES"],
    "app_pages/requetes_sql.py": ["REQUETES_SQL"],
    "app_pages/vue_ensemble.py": ["OVERVIEW"],
    "app_pages/conformite.py": ["COMPLIANCE"],
    "app/sla_panels.py": ["COMPLIANCE"],
    "app/compliance_table.py": ["COMPLIANCE"],
    "app/ticket_view.py": ["TICKET_VIEW"],
    "app/components.py": [],
    "app/state.py": [],
    "app_pages/temps_par_etat.py": ["TIME_IN_STATUS"],
    "app/created_resolved_panel.py": ["OVERVIEW"],
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


def test_every_dictionary_of_every_area_module_is_in_the_catalogue():
    found = {}
    for info in pkgutil.iter_modules(labels.__path__):
        module = importlib.import_module(f"{labels.__name__}.{info.name}")
        found |= {n: v for n, v in vars(module).items() if n.isupper() and isinstance(v, dict)}
    assert sorted(found) == sorted(CATALOGUE)
    assert all(found[name] is CATALOGUE[name] for name in found)


def _constant(path: str, name: str) -> tuple:
    """A module-level tuple of a page, read without running the page."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return tuple(ast.literal_eval(node.value))
    raise LookupError(f"{path}: no {name}")


GRAINS = ("week", "month")  # the Conformité grain control's options
# every label key built at run time (an f-string), per source file: template -> the values
# its placeholder can take
DYNAMIC = {
    "app_pages/conformite.py": {
        "grain_{g}": GRAINS,
        "col_word_{grain}": GRAINS,
        "w1_{dim}": _constant("app_pages/conformite.py", "DIMS"),
        "w_{dim}": _constant("app_pages/conformite.py", "DIMS"),
        "row_word_{dim}": _constant("app_pages/conformite.py", "DIMS"),
    },
    "app_pages/revue_client.py": {"{c}_short": CLOCKS},
    "app_pages/vue_ensemble.py": {
        "what_{filters.period_field}": tuple(PERIOD_FIELDS),
        "k_{clock}": CLOCKS,
        "k_median_{clock}": CLOCKS,
        "trend_grain_{g}": _constant("app_pages/vue_ensemble.py", "GRAINS"),
        "bucket_of_{grain}": _constant("app_pages/vue_ensemble.py", "GRAINS"),
        "drill_trend_{drill_grain}": _constant("app_pages/vue_ensemble.py", "GRAINS"),
    },
    "app/created_resolved_panel.py": {
        "flow_title_{grain}": _constant("app_pages/vue_ensemble.py", "GRAINS"),
        "drill_flow_{series}": SERIES,
    },
    "app_pages/temps_par_etat.py": {
        "group_{g}": tuple(TIS_GROUPS),
        "group_{group}": tuple(TIS_GROUPS),
        "stat_{s}": _constant("app_pages/temps_par_etat.py", "STATS"),
        "unit_{stat}": _constant("app_pages/temps_par_etat.py", "STATS"),
        "short_{etat}": ETAT_CODES,
        "short_{e}": ETAT_CODES,
    },
    "app_pages/donnees.py": {"fmt_{f}": _constant("app_pages/donnees.py", "FORMATS")},
    "app/sla_panels.py": {"kind_{k}": ("holiday", "closed")},  # config_view.closed_days
    "app/state.py": {"period_{v}": tuple(PERIOD_FIELDS)},
}
DYNAMIC_CALL = re.compile(r"""\b(?:t|L)\(\s*f["']([^"']*)["']""")


@pytest.mark.parametrize("path", sorted(SOURCES))
def test_every_dynamic_key_is_declared_with_its_values(path):
    assert sorted(set(DYNAMIC_CALL.findall((ROOT / path).read_text(encoding="utf-8")))) == sorted(
        DYNAMIC.get(path, {})
    )


@pytest.mark.parametrize("path", sorted(DYNAMIC))
def test_every_dynamic_key_exists_for_each_value(path):
    known = set(labels.COMMON)
    for name in SOURCES[path]:
        known |= set(CATALOGUE[name])
    built = {
        template.replace(template[template.index("{") : template.index("}") + 1], value)
        for template, values in DYNAMIC[path].items()
        for value in values
    }
    assert sorted(built - known) == []
