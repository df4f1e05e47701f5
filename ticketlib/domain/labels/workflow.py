"""Labels of the Parcours and Dépassements pages, with the sort orders of their ticket lists."""

from __future__ import annotations

# Parcours.
PARCOURS: dict[str, tuple[str, str]] = {
    "intro": (
        "Combien de tickets atteignent chaque état, par quelles transitions ils passent, "
        "combien sont réouverts. Cliquez sur une barre de l'entonnoir ou une ligne des "
        "transitions inattendues, ou choisissez une étape plus bas, pour voir ses tickets.",
        "How many tickets reach each état, which transitions they take, how many are "
        "reopened. Click a bar of the funnel or a row of the unexpected transitions, or choose "
        "a step below, to list its tickets.",
    ),
    "funnel": ("Entonnoir du parcours", "Workflow funnel"),
    "funnel_help": (
        "Tickets ayant atteint chaque état au moins une fois ; la conversion se lit depuis "
        "l'étape précédente du parcours (PRIS EN COMPTE depuis OUVERT, les attentes et RÉSOLU "
        "depuis PRIS EN COMPTE, FERMÉ et RÉOUVERT depuis RÉSOLU).",
        "Tickets that reached each état at least once; the conversion is from the step before "
        "it in the workflow (TAKEN IN CHARGE from OPEN, the waits and RESOLVED from TAKEN IN "
        "CHARGE, CLOSED and REOPENED from RESOLVED).",
    ),
    "sankey": ("Transitions entre états", "Transitions between états"),
    "sankey_help": (
        "Largeur = nombre de transitions ; en rouge, celles que le processus ne prévoit pas.",
        "Width = number of transitions; in red, those the workflow does not expect.",
    ),
    "reopen": ("Taux de réouverture", "Reopen rate"),
    "reopen_help": (
        "Tickets résolus pour la première fois dans la période (date locale) et part d'entre "
        "eux réouverts depuis. Pour les périodes récentes, des réouvertures peuvent encore "
        "venir.",
        "Tickets first resolved in each period (local date) and the share of them reopened "
        "since. For recent periods, reopenings may still come.",
    ),
    "grain": ("Pas de temps", "Time step"),
    "week": ("semaine", "week"),
    "month": ("mois", "month"),
    "unexpected": ("Transitions inattendues", "Unexpected transitions"),
    "unexpected_none": (
        "Aucune transition inattendue pour ces filtres.",
        "No unexpected transition for these filters.",
    ),
    "step": ("Étape", "Step"),
    "step_etat": ("A atteint {etat} ({n} tickets)", "Reached {etat} ({n} tickets)"),
    "step_transition": ("{a} → {b} ({n} transitions)", "{a} → {b} ({n} transitions)"),
    "step_tickets": ("Tickets de l'étape", "Tickets of the step"),
    "sort": ("Trier par", "Sort by"),
    "from_etat": ("De", "From"),
    "to_etat": ("Vers", "To"),
    "transitions": ("Transitions", "Transitions"),
    "tickets": ("Tickets", "Tickets"),
    "visits": ("Passages", "Visits"),
    "share_all": ("{pct} des tickets", "{pct} of tickets"),
    "conversion_of": ("{pct} de {step}", "{pct} of {step}"),
    "expected": ("transition prévue", "expected transition"),
    "from": ("de", "from"),
    "to": ("vers", "to"),
    "resolved": ("Résolus", "Resolved"),
    "reopen_rate": ("Taux de réouverture", "Reopen rate"),
    # issue 13
    "skipped_step": (
        "{n} tickets y sont arrivés sans passer par {step} (non comptés dans le %)",
        "{n} tickets got here without going through {step} (not counted in the %)",
    ),
}

# Parcours: sort orders of the ticket list.
PARCOURS_SORTS: dict[str, tuple[str, str]] = {
    "created_desc": ("Création, récents d'abord", "Creation, newest first"),
    "created": ("Création, anciens d'abord", "Creation, oldest first"),
    "ttr_desc": ("TTR le plus long", "Longest TTR"),
    "tto_desc": ("TTO le plus long", "Longest TTO"),
    "due": ("Échéance TTR", "TTR due"),
    "id": ("N° de ticket", "Ticket id"),
}

# Dépassements.
DEPASSEMENTS: dict[str, tuple[str, str]] = {
    "intro": (
        "Tickets dont un délai (TTO ou TTR) est dépassé ou à risque : d'abord les tickets "
        "ouverts, puis ceux résolus dans la période. Le dépassement est en heures ouvrées "
        "(négatif : temps restant) ; l'état le plus consommateur est celui où le délai a le "
        "plus couru. Sélectionnez une ligne pour ouvrir le ticket.",
        "Tickets with a clock (TTO or TTR) breached or at risk: open tickets first, then those "
        "resolved in the period. The overrun is in business hours (negative: time left); the "
        "état that used most is where the clock ran longest. Select a row to open the ticket.",
    ),
    "open_breached": ("Ouverts en dépassement", "Open, breached"),
    "open_at_risk": ("Ouverts à risque", "Open, at risk"),
    "closed_breached": ("Résolus en dépassement", "Resolved, breached"),
    "ttr_overrun": ("Dépassement TTR cumulé", "Total TTR overrun"),
    "closed_help": (
        "Tickets résolus dans la période (filtre de dates) après un dépassement.",
        "Tickets resolved in the period (date filter) after a breach.",
    ),
    "sort": ("Trier par (après « ouverts d'abord »)", "Sort by (after “open first”)"),
    "export_all": ("Exporter les {n} tickets (CSV Excel)", "Export all {n} tickets (CSV)"),
    "none": (
        "Aucun ticket en dépassement ou à risque pour ces filtres.",
        "No breached or at-risk ticket for these filters.",
    ),
    # issue 13
    "open_help": (
        "Tickets ouverts à la date d'analyse, quelle que soit la période (les autres filtres s'appliquent).",
        "Tickets open at the as-of time, whatever the period (the other filters apply).",
    ),
}

# Dépassements: sort orders.
DEPASSEMENTS_SORTS: dict[str, tuple[str, str]] = {
    "due": ("Échéance", "Due instant"),
    "overrun_desc": ("Dépassement le plus grand", "Largest overrun"),
    "created_desc": ("Création, récents d'abord", "Creation, newest first"),
    "priority": ("Priorité", "Priority"),
    "customer": ("Client", "Customer"),
    "team": ("Équipe", "Team"),
    "assignee": ("Agent", "Agent"),
}
