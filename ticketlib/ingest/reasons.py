"""Why a row was not loaded: codes stored in the quarantine, with French and English labels."""

from __future__ import annotations

REASONS: dict[str, tuple[str, str]] = {
    "malformed_row": ("ligne mal formée", "malformed row"),
    "missing_ticket_id": ("identifiant de ticket manquant", "missing ticket id"),
    "missing_created_at": ("date de création manquante", "missing creation date"),
    "bad_created_at": ("date de création illisible", "unreadable creation date"),
    # issue 14: outside `timestamps.plausible_range` (default 1990 to ten years after the import)
    "implausible_date": (
        "date hors de la plage plausible (1990 à import + 10 ans par défaut)",
        "date outside the plausible range (1990 to import + 10 years by default)",
    ),
    "missing_timestamp": ("horodatage manquant", "missing timestamp"),
    "bad_timestamp": ("horodatage illisible", "unreadable timestamp"),
    "missing_status": ("statut manquant", "missing status"),
    "unknown_status": (
        "statut inconnu (à ajouter au mapping)",
        "unknown status (add it to the mapping)",
    ),
    "unknown_priority": ("priorité inconnue", "unknown priority"),
    # no longer produced (DESIGN §5.1 keeps such rows); labels kept for older quarantines
    "event_before_creation": ("événement antérieur à la création", "event before creation"),
    "conflicting_ticket_row": (
        "ticket déjà présent dans l'import avec d'autres valeurs",
        "ticket already in this import with other values",
    ),
    # no longer produced either (a later creation updates the ticket); kept for older rows
    "created_after_events": (
        "création postérieure à des événements déjà chargés",
        "creation after events already loaded",
    ),
    # ServiceNow and event logs (servicenow.py, eventlog.py)
    "invalid_state": (
        "état source invalide (ex. ServiceNow -100), ligne écartée",
        "invalid source state (e.g. ServiceNow -100), row set aside",
    ),
    # not quarantined but skipped: rows that are not events (stg_skipped)
    "no_state_change": (
        "mise à jour sans changement d'état ni de priorité",
        "update without a change of state or priority",
    ),
    "ignored_activity": (
        "activité qui n'est pas un changement d'état (ignorée par le mapping)",
        "activity that is not a status change (ignored by the mapping)",
    ),
    # Jira and Zendesk (jira.py, zendesk.py, changes.py): skipped
    "other_field": (
        "élément d'historique d'un autre champ que le statut ou la priorité",
        "history item of a field other than status or priority",
    ),
    "priority_cleared": ("priorité retirée (sans valeur)", "priority removed (no value)"),
    "repeated_issue": (
        "ticket répété dans le fichier (la version la plus récente est gardée)",
        "ticket repeated in the file (the latest version is kept)",
    ),
    "status_definition": (
        "définition de statut (pas un ticket)",
        "status definition (not a ticket)",
    ),
    "other_event": (
        "événement sans changement de champ (ex. métrique Zendesk)",
        "event without field changes (e.g. a Zendesk metric)",
    ),
}


def reason_label(code: str, lang: str = "fr") -> str:
    fr, en = REASONS.get(code, (code, code))
    return fr if lang == "fr" else en
