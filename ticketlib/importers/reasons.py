"""Why a row was not loaded: codes stored in the quarantine, with French and English labels."""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    "malformed_row": ("ligne mal formée", "malformed row"),
    "missing_ticket_id": ("identifiant de ticket manquant", "missing ticket id"),
    "missing_created_at": ("date de création manquante", "missing creation date"),
    "bad_created_at": ("date de création illisible", "unreadable creation date"),
    "missing_timestamp": ("horodatage manquant", "missing timestamp"),
    "bad_timestamp": ("horodatage illisible", "unreadable timestamp"),
    "missing_status": ("statut manquant", "missing status"),
    "unknown_status": (
        "statut inconnu (à ajouter au mapping)",
        "unknown status (add it to the mapping)",
    ),
    "unknown_priority": ("priorité inconnue", "unknown priority"),
    "event_before_creation": ("événement antérieur à la création", "event before creation"),
    "conflicting_ticket_row": (
        "ticket déjà présent dans l'import avec d'autres valeurs",
        "ticket already in this import with other values",
    ),
    "created_after_events": (
        "création postérieure à des événements déjà chargés",
        "creation after events already loaded",
    ),
}


def reason_label(code: str, lang: str = "fr") -> str:
    fr, en = REASONS.get(code, (code, code))
    return fr if lang == "fr" else en
