"""The workflow pages' full exports: every row of a table as a CSV built by DuckDB when it is
downloaded (the cached queries themselves are in `app.data`)."""

from __future__ import annotations

from collections.abc import Callable

from app import state
from ticketlib.domain.labels import COMMON
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES, etat_label, priority_label
from ticketlib.outputs.exports_flow import breaches_csv, tickets_csv
from ticketlib.queries.filters import Filters

CLOCK_STATUSES = ("met", "breached", "at_risk", "running")


def _labels(lang: str) -> dict[str, dict[str, str]]:
    """Codes as the desk's words, for exports built outside the script's run."""
    etats = {e: etat_label(e, lang) for e in ETAT_CODES}
    i = 0 if lang == "fr" else 1
    words = {k: COMMON[k][i] for k in CLOCK_STATUSES}
    return {
        "priority": {p: priority_label(p, lang) for p in PRIORITY_CODES} | {"": COMMON["none"][i]},
        "etat": etats,
        "consumed_by": etats,
        "tto_status": words,
        "ttr_status": words,
        "clock_status": words,
    }


def full_export(
    kind: str,
    filters: Filters,
    order: str,
    headers: dict[str, str],
    columns: list[str],
    lang: str,
) -> Callable[[], bytes]:
    """A deferred CSV (French Excel) of every row of a table (`kind`: "tickets" or
    "breaches"), built by DuckDB only when downloaded. Everything it needs is captured now:
    the download runs outside the script's run, where the session is not at hand."""
    ds, config, marts = state.dataset(), state.config(), state.marts()
    labels = _labels(lang)

    def build() -> bytes:
        with ds.cursor() as cur:
            if kind == "breaches":
                return breaches_csv(
                    cur, marts, filters, config, order, columns, headers, labels, lang
                )
            tz = config.calendar.timezone
            return tickets_csv(cur, marts, filters, order, columns, headers, labels, tz, lang)

    return build
