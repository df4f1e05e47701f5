"""Labels of one ticket's view (every page's drill-down) and the Historique page."""

from __future__ import annotations

# One ticket's view (every page's drill-down).
TICKET_VIEW: dict[str, tuple[str, str]] = {
    "not_found": (
        "Le ticket {id} n'existe pas à la date d'analyse.",
        "Ticket {id} does not exist at the as-of time.",
    ),
    "close": ("Fermer la fiche", "Close the ticket"),
    "opened_hint": (
        "Fiche ouverte : le lien de cette page (…?ticket={id}) la rouvre.",
        "Ticket open: this page's link (…?ticket={id}) reopens it.",
    ),
    "timeline": ("Parcours du ticket", "The ticket's path"),
    "clocks": ("Délais SLA", "SLA clocks"),
    "events": ("Événements", "Events"),
    "per_etat": ("Temps par état", "Time per état"),
    "per_etat_note": (
        "Heures murales et heures ouvrées du calendrier ; FERMÉ n'est pas tracé (après la "
        "clôture, le temps ne fait que croître).",
        "Wall and business hours of the calendar; CLOSED is not drawn (after closing, time "
        "only grows).",
    ),
    "elapsed_of": (
        "{elapsed} sur {target} ({pct}) · {status}",
        "{elapsed} of {target} ({pct}) · {status}",
    ),
    "due": ("Échéance : {when}", "Due: {when}"),
    "no_due": ("Échéance : hors calendrier", "Due: beyond the calendar"),
    "stopped": ("arrêté", "stopped"),
    "running_now": ("en cours", "running"),
    "paused": ("En pause : {h}", "Paused: {h}"),
    "target_of": ("cible de la priorité {p}", "target of priority {p}"),
    "tto_due": ("échéance TTO", "TTO due"),
    "ttr_due": ("échéance TTR", "TTR due"),
    "as_of_mark": ("date d'analyse", "as of"),
    "ts": ("Horodatage", "Timestamp"),
    "status_raw": ("Statut brut (export)", "Raw status (export)"),
    "etat": ("État", "État"),
    "priority_raw": ("Priorité brute", "Raw priority"),
    "file_name": ("Fichier source", "Source file"),
    "source_row": ("Ligne", "Row"),
    "import_id": ("Import n°", "Import #"),
    "after_as_of": ("Après la date d'analyse", "After the as-of time"),
    "visits": ("Passages", "Visits"),
    "wall_h": ("Heures murales", "Wall hours"),
    "business_h": ("Heures ouvrées", "Business hours"),
    "wall": ("murales", "wall"),
    "business": ("ouvrées", "business"),
    "hours": ("heures", "hours"),
    "reopens": ("Réouvertures", "Reopens"),
    "transitions": ("Transitions", "Transitions"),
    "no_events": (
        "Aucun événement : le ticket est OUVERT depuis sa création.",
        "No event: the ticket has been OPEN since it was created.",
    ),
    "default_priority": (
        "Aucune priorité connue : la priorité par défaut fixe les cibles.",
        "No priority known: the default priority sets the targets.",
    ),
    "flags": (
        "Signalements qualité (les chiffres restent calculés) : {flags}",
        "Data-quality flags (the figures are still computed): {flags}",
    ),
}

# Historique.
HISTORIQUE: dict[str, tuple[str, str]] = {
    "intro": (
        "Les tickets retenus par les filtres de la barre latérale (la recherche porte sur le "
        "n°, le titre et le client). Sélectionnez une ligne pour ouvrir le ticket.",
        "The tickets the sidebar's filters keep (the search looks at the id, the title and "
        "the customer). Select a row to open the ticket.",
    ),
    "sort": ("Trier par", "Sort by"),
    "count": ("{n} tickets correspondent aux filtres.", "{n} tickets match the filters."),
    "capped": (
        "Le tableau en montre une partie : affinez les filtres ou exportez le tout.",
        "The table shows part of them: narrow the filters or export them all.",
    ),
    "export_all": ("Exporter les {n} tickets (CSV Excel)", "Export all {n} tickets (CSV)"),
    "export_all_help": (
        "Le fichier est préparé au moment du clic ; pour un million de tickets, comptez "
        "quelques secondes.",
        "The file is built when you click; for a million tickets, allow a few seconds.",
    ),
}

# Historique: sort orders.
HISTORIQUE_SORTS: dict[str, tuple[str, str]] = {
    "created_desc": ("Création, récents d'abord", "Creation, newest first"),
    "created": ("Création, anciens d'abord", "Creation, oldest first"),
    "ttr_desc": ("TTR le plus long", "Longest TTR"),
    "tto_desc": ("TTO le plus long", "Longest TTO"),
    "due": ("Échéance TTR", "TTR due"),
    "id": ("N° de ticket", "Ticket id"),
}
