"""Every text shown to people, French first then English: one catalogue (issue 10).

Each dictionary maps a key to a `(français, English)` pair; `{name}` placeholders are filled
by `text` (the one lookup: `app.i18n.tr`, `review_words.label` and `reasons.reason_label`
call it). One dictionary per page
or part, in a module per area (`common`, `overview`, `compliance`, `tickets`, `workflow`,
`review`, `data`), all read from here under the name the code imports (`labels.COMMON`);
`tests/test_labels.py` checks that every pair has both languages and that every key the code
asks for exists.
"""

from __future__ import annotations

from ticketlib.domain.labels.common import COMMON
from ticketlib.domain.labels.compliance import COMPLIANCE
from ticketlib.domain.labels.data import DONNEES, REASONS, REQUETES_SQL
from ticketlib.domain.labels.overview import OVERVIEW
from ticketlib.domain.labels.review import REVIEW, REVUE_CLIENT
from ticketlib.domain.labels.tickets import HISTORIQUE, HISTORIQUE_SORTS, TICKET_VIEW
from ticketlib.domain.labels.views import (
    TIME_IN_STATUS,
    common_columns,
    common_more,
    overview_more,
)
from ticketlib.domain.labels.workflow import (
    DEPASSEMENTS,
    DEPASSEMENTS_SORTS,
    PARCOURS,
    PARCOURS_SORTS,
)

# issue 13: views
COMMON |= common_more | common_columns
OVERVIEW |= overview_more


def text(labels: dict[str, tuple[str, str]], key: str, lang: str, **kw) -> str:
    """`key`'s text from `labels` in `lang` ("fr", else English), its `{name}` placeholders
    filled with `kw`; the key itself when the dictionary lacks it (a data code shown as is)."""
    fr, en = labels.get(key) or (key, key)
    chosen = fr if lang == "fr" else en
    return chosen.format(**kw) if kw else chosen


__all__ = [
    "text",
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
