"""Labels of the Vue d'ensemble page."""

from __future__ import annotations

# Vue d'ensemble.
OVERVIEW: dict[str, tuple[str, str]] = {
    "window_default": (
        "Aucune période choisie : les indicateurs portent sur les **4 dernières semaines** "
        "({what} du {a} au {b}), comparées aux 4 semaines précédentes (du {c} au {d}). "
        "Choisissez une période dans les filtres pour la changer.",
        "No period chosen: the figures cover the **last 4 weeks** ({what} from {a} to {b}), "
        "compared with the 4 weeks before (from {c} to {d}). Choose a period in the filters to "
        "change it.",
    ),
    "window_period": (
        "Tickets {what} du {a} au {b} ({n} jours), comparés à la période précédente de même "
        "durée (du {c} au {d}).",
        "Tickets {what} from {a} to {b} ({n} days), compared with the previous period of the "
        "same length (from {c} to {d}).",
    ),
    "window_open": (
        "Période ouverte d'un côté : pas de comparaison (choisissez les deux dates).",
        "Period open at one end: no comparison (choose both dates).",
    ),
    "what_created": ("créés", "created"),
    "what_resolved": ("résolus", "resolved"),
    "k_tickets": ("Tickets de la période", "Tickets in the period"),
    "k_backlog": ("Backlog ouvert", "Open backlog"),
    "k_tto": ("Conformité TTO", "TTO compliance"),
    "k_ttr": ("Conformité TTR", "TTR compliance"),
    "k_breached_open": ("Ouverts dépassés", "Open and breached"),
    "k_at_risk_open": ("Ouverts à risque", "Open and at risk"),
    "k_median_tto": ("TTO médian", "Median TTO"),
    "k_median_ttr": ("TTR médian", "Median TTR"),
    "n_decided": ("n = {n}", "n = {n}"),
    "vs_days_ago": ("vs il y a {n} jours", "vs {n} days ago"),
    "h_tickets": (
        "Tickets de la période (date de création ou de résolution selon le filtre).",
        "Tickets of the period (creation or resolution date, as the filter says).",
    ),
    "h_backlog": (
        "Tickets dont l'horloge TTR tourne à la date d'analyse : tous les états sauf RÉSOLU "
        "et FERMÉ. Ignore la période.",
        "Tickets whose TTR clock runs at the as-of time: every state but RESOLVED and CLOSED. "
        "Ignores the period.",
    ),
    "h_compliance": (
        "Horloges respectées / horloges arrêtées (respectées + dépassées) des tickets de la "
        "période ; n = horloges arrêtées. La cible est celle de la priorité en vigueur à "
        "l'arrêt de l'horloge. Variation en points par rapport à la période précédente.",
        "Clocks met / clocks decided (met + breached) of the period's tickets; n = clocks "
        "decided. The target is that of the priority in force when the clock stopped. Change "
        "in points against the previous period.",
    ),
    "h_breached_open": (
        "Tickets ouverts à la date d'analyse dont le TTO ou le TTR a dépassé sa cible. Ignore la période.",
        "Tickets open at the as-of time whose TTO or TTR is past its target. Ignores the period.",
    ),
    "h_at_risk_open": (
        "Tickets ouverts, non dépassés, dont une horloge a consommé au moins {pct} de sa cible. Ignore la période.",
        "Open tickets, not breached, with a clock past {pct} of its target. Ignores the period.",
    ),
    "h_median": (
        "Médiane, en heures ouvrées du calendrier, des horloges arrêtées de la période.",
        "Median, in business hours of the calendar, of the period's stopped clocks.",
    ),
    "see_tickets": ("Voir les tickets", "Show the tickets"),
    "d_tickets": ("de la période", "of the period"),
    "d_tto_breached": ("TTO dépassé", "TTO breached"),
    "d_ttr_breached": ("TTR dépassé", "TTR breached"),
    "d_open_backlog": ("backlog ouvert", "open backlog"),
    "d_breached_open": ("ouverts en dépassement", "open and breached"),
    "d_at_risk_open": ("ouverts à risque", "open and at risk"),
    "trend_title": ("Conformité par semaine et priorité", "Compliance per week and priority"),
    "trend_caption": (
        "Une ligne par priorité de l'horloge, pointillé : toutes priorités. Les dernières "
        "semaines ne comptent encore que les horloges déjà arrêtées. Cliquez sur un point pour "
        "lister les tickets de cette semaine et de cette priorité.",
        "A line per priority of the clock, dotted: all priorities. The last weeks count only "
        "the clocks already stopped. Click a point to list the tickets of that week and "
        "priority.",
    ),
    "compliance_axis": ("Conformité", "Compliance"),
    "week_of": ("semaine du", "week of"),
    "all_priorities": ("Toutes priorités", "All priorities"),
    "backlog_title": ("Backlog par état (fin de journée)", "Backlog by state (end of day)"),
    "backlog_caption": (
        "Tickets non fermés à la fin de chaque jour, empilés par état. RÉSOLU attend "
        "l'acceptation du client : il n'entre pas dans le backlog ouvert des indicateurs. "
        "Cliquez sur une couleur d'un jour pour lister les tickets de ce jour et de cet état.",
        "Tickets not closed at the end of each day, stacked by state. RESOLVED waits for the "
        "customer's acceptance: the open backlog of the cards leaves it out. Click a colour of "
        "a day to list the tickets of that day and state.",
    ),
    "tickets_axis": ("Tickets", "Tickets"),
    "drill_title": ("Tickets sélectionnés", "Selected tickets"),
    "drill_kpi": ("Indicateur : tickets {what}.", "Card: tickets {what}."),
    "drill_trend": (
        "{clock} · semaine du {week} · {prio} : tickets {what} cette semaine-là.",
        "{clock} · week of {week} · {prio}: tickets {what} that week.",
    ),
    "drill_prio": ("priorité {p}", "priority {p}"),
    "drill_backlog": (
        "Tickets à l'état {etat} à la fin du {day}.",
        "Tickets in state {etat} at the end of {day}.",
    ),
    "drill_close": ("Fermer la sélection", "Close the selection"),
    "drill_hint": (
        "Cliquez sur un point d'un graphique ou choisissez un indicateur pour lister les "
        "tickets concernés.",
        "Click a chart point or choose a card to list the tickets behind it.",
    ),
    "selected_ticket": (
        "Ticket {id} sélectionné : son parcours complet est dans la page Historique.",
        "Ticket {id} selected: its whole history is on the Ticket history page.",
    ),
    # issue 13
    "goal": ("objectif {pct}", "goal {pct}"),
    "running_clocks": ("en cours", "running"),
    "trend_marks": (
        "Ligne rouge : l'objectif de conformité ({pct}, `rules.goal`) ; point rouge : semaine sous l'objectif ; point creux : semaine pas encore définitive (des horloges courent encore, seules les décidées comptent) ; point pâle : moins de {n} horloges décidées.",
        "Red line: the compliance goal ({pct}, `rules.goal`); red point: a week below the goal; hollow point: a week not final yet (clocks still running, only the decided ones count); faded point: fewer than {n} decided clocks.",
    ),
}
