"""The support desk's vocabulary, from its page "Traitement des tickets" (DESIGN §2).

États and priorities have a canonical code used everywhere in the database and the code; labels
are for people. `normalise` turns any spelling of a code or label into the code, and the SQL
importers use the same folding (`FOLD_SQL`) so Python and DuckDB always agree.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Etat:
    code: str
    label_fr: str
    label_en: str
    meaning_fr: str
    meaning_en: str


ETATS: tuple[Etat, ...] = (
    Etat(
        "ouvert",
        "OUVERT",
        "OPEN",
        "Nouveau ticket, aucun agent ne l'a encore pris.",
        "New ticket, no agent yet.",
    ),
    Etat(
        "pris_en_compte",
        "PRIS EN COMPTE",
        "TAKEN IN CHARGE",
        "Un agent s'est assigné le ticket ; la priorité est fixée à ce moment.",
        "An agent took the ticket; the priority is set at this moment.",
    ),
    Etat(
        "attente_client",
        "EN ATTENTE DE VOTRE RETOUR",
        "WAITING FOR THE CUSTOMER",
        "Une réponse a été apportée ; le support attend le retour du client.",
        "An answer was given; waiting for the customer.",
    ),
    Etat(
        "attente_interne",
        "EN ATTENTE RETOUR INTERNE",
        "WAITING FOR AN INTERNAL TEAM",
        "L'agent attend la réponse d'un autre service interne.",
        "The agent waits for another internal team.",
    ),
    Etat(
        "resolu",
        "RÉSOLU",
        "RESOLVED",
        "Une résolution a été apportée ; en attente de l'acceptation du client.",
        "A resolution was given; waiting for the customer to accept it.",
    ),
    Etat(
        "ferme",
        "FERMÉ",
        "CLOSED",
        "Le client a accepté la résolution ; définitivement terminé.",
        "The customer accepted the resolution; final.",
    ),
    Etat(
        "reouvert",
        "RÉOUVERT",
        "REOPENED",
        "Le client a refusé la résolution ; le travail reprend.",
        "The customer refused the resolution; work starts again.",
    ),
)
ETAT_CODES: tuple[str, ...] = tuple(e.code for e in ETATS)
ETAT_BY_CODE = {e.code: e for e in ETATS}

# The seed's workflow; anything else is replayed all the same and flagged in data quality.
EXPECTED_TRANSITIONS: frozenset[tuple[str, str]] = frozenset(
    {
        ("ouvert", "pris_en_compte"),
        ("pris_en_compte", "attente_client"),
        ("pris_en_compte", "attente_interne"),
        ("pris_en_compte", "resolu"),
        ("attente_client", "pris_en_compte"),
        ("attente_client", "resolu"),
        ("attente_interne", "pris_en_compte"),
        ("attente_interne", "resolu"),
        ("resolu", "ferme"),
        ("resolu", "reouvert"),
        ("reouvert", "pris_en_compte"),
    }
)
# The TTR clock is stopped in these états (DESIGN §2); pause états are configured in sla.toml.
STOP_ETATS: frozenset[str] = frozenset({"resolu", "ferme"})


@dataclass(frozen=True)
class Priority:
    code: str
    label_fr: str
    label_en: str
    meaning_fr: str
    meaning_en: str


PRIORITIES: tuple[Priority, ...] = (
    Priority(
        "haute",
        "Haute",
        "High",
        "Impact immédiat et important sur l'activité du client.",
        "Immediate, strong impact on the customer's business.",
    ),
    Priority(
        "moyenne",
        "Moyenne",
        "Medium",
        "Impact limité ; le problème peut être contourné.",
        "Limited impact; a workaround exists.",
    ),
    Priority(
        "faible",
        "Faible",
        "Low",
        "Anomalie ou question non bloquante, sans urgence.",
        "Non-blocking question or anomaly, not urgent.",
    ),
)
PRIORITY_CODES: tuple[str, ...] = tuple(p.code for p in PRIORITIES)
PRIORITY_BY_CODE = {p.code: p for p in PRIORITIES}

# SQL that folds a text the same way as `fold` (DuckDB): accents, case, spacing, underscores.
FOLD_SQL = "trim(regexp_replace(lower(strip_accents({x})), '[\\s_\\-]+', ' ', 'g'))"

_SPACES = re.compile(r"[\s_\-]+")


def fold(text: str) -> str:
    """Fold a label for comparison: no accents, lower case, one space between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.lower()).strip()


def _vocabulary(items) -> dict[str, str]:
    vocab: dict[str, str] = {}
    for item in items:
        for spelling in (item.code, item.label_fr):
            vocab[fold(spelling)] = item.code
    return vocab


ETAT_VOCABULARY: dict[str, str] = _vocabulary(ETATS)
PRIORITY_VOCABULARY: dict[str, str] = _vocabulary(PRIORITIES)


def normalise_etat(text: str | None) -> str | None:
    """The état code for any spelling of a seed label or code, else None."""
    return ETAT_VOCABULARY.get(fold(text)) if text else None


def normalise_priority(text: str | None) -> str | None:
    """The priority code for any spelling of a label or code, else None."""
    return PRIORITY_VOCABULARY.get(fold(text)) if text else None


def etat_label(code: str, lang: str = "fr") -> str:
    etat = ETAT_BY_CODE[code]
    return etat.label_fr if lang == "fr" else etat.label_en


def priority_label(code: str, lang: str = "fr") -> str:
    priority = PRIORITY_BY_CODE[code]
    return priority.label_fr if lang == "fr" else priority.label_en
