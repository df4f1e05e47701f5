"""Why a row was not loaded: codes stored in the quarantine, with French and English labels."""

from __future__ import annotations

from ticketlib.domain import labels

REASONS = labels.REASONS


def reason_label(code: str, lang: str = "fr") -> str:
    return labels.text(REASONS, code, lang)
