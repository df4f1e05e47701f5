"""Issue 13: views — the labels of the one default period, created vs resolved and the Temps
par état page (French first, then English).

`common_more`, `common_columns` and `overview_more` are added to `COMMON` and `OVERVIEW` by
the package (`labels/__init__.py`); `TIME_IN_STATUS` is the page's own dictionary.
"""

from __future__ import annotations

# issue 13: views (one default period, created vs resolved, time in status)
common_more: dict[str, tuple[str, str]] = {
    "whole_history": ("Tout l'historique", "Whole history"),
    "whole_history_help": (
        "Sans date choisie, chaque page couvre les 3 derniers mois pleins et le mois en cours "
        "(jusqu'au dernier jour des données). Activez pour couvrir tout l'historique.",
        "With no date chosen, every page covers the last 3 full months and the running month "
        "(up to the data's last day). Switch on to cover the whole history.",
    ),
    "scope_default": (
        "Période par défaut : **les 3 derniers mois pleins et le mois en cours** (tickets "
        "{what} du {a} au {b}, dernier jour des données). Choisissez des dates ou « Tout "
        "l'historique » dans les filtres pour la changer.",
        "Default period: **the last 3 full months and the running month** (tickets {what} from "
        "{a} to {b}, the data's last day). Choose dates or “Whole history” in the filters to "
        "change it.",
    ),
    "scope_whole": (
        "**Tout l'historique** (tickets créés du {a} au {b}).",
        "**Whole history** (tickets created from {a} to {b}).",
    ),
    "page_time_in_status": ("Temps par état", "Time in status"),
}
overview_more: dict[str, tuple[str, str]] = {
    "trend_marks_grain": (
        "Ligne rouge : l'objectif de conformité ({pct}, `rules.goal`) ; point rouge : période "
        "sous l'objectif ; point creux : période pas encore définitive (des horloges courent "
        "encore, seules les décidées comptent) ; point pâle : moins de {n} horloges décidées.",
        "Red line: the compliance goal ({pct}, `rules.goal`); red point: a period below the "
        "goal; hollow point: a period not final yet (clocks still running, only the decided "
        "ones count); faded point: fewer than {n} decided clocks.",
    ),
    "trend_title_grain": (
        "Conformité dans le temps, par priorité",
        "Compliance over time, by priority",
    ),
    "trend_grain": ("Pas de temps", "Time step"),
    "trend_grain_month": ("Mois", "Month"),
    "trend_grain_week": ("Semaine", "Week"),
    "trend_caption_grain": (
        "Une ligne par priorité de l'horloge, pointillé : toutes priorités. Par mois par défaut "
        "(par semaine, un petit desk n'a que quelques tickets par point). Les dernières périodes "
        "ne comptent encore que les horloges déjà arrêtées. Cliquez sur un point pour lister "
        "ses tickets.",
        "A line per priority of the clock, dotted: all priorities. By month by default (by "
        "week, a small desk has only a few tickets per point). The last periods count only the "
        "clocks already stopped. Click a point to list its tickets.",
    ),
    "bucket_of_month": ("mois commençant le", "month starting"),
    "bucket_of_week": ("semaine du", "week of"),
    "drill_trend_week": (
        "{clock} · semaine du {week} · {prio} : tickets {what} cette semaine-là.",
        "{clock} · week of {week} · {prio}: tickets {what} that week.",
    ),
    "flow_title_month": ("Créés et résolus par mois", "Created and resolved per month"),
    "flow_title_week": ("Créés et résolus par semaine", "Created and resolved per week"),
    "flow_caption": (
        "Tickets créés et tickets résolus dans chaque période (filtres appliqués) ; pointillé : "
        "créés − résolus (au-dessus de zéro, le backlog grossit). Cliquez sur une barre pour "
        "lister ses tickets.",
        "Tickets created and tickets resolved in each period (filters applied); dotted: "
        "created − resolved (above zero, the backlog grows). Click a bar to list its tickets.",
    ),
    "flow_created": ("Créés", "Created"),
    "flow_resolved": ("Résolus", "Resolved"),
    "flow_net": ("Solde", "Net"),
    "drill_flow_created": ("Tickets créés · {bucket}.", "Tickets created · {bucket}."),
    "drill_flow_resolved": ("Tickets résolus · {bucket}.", "Tickets resolved · {bucket}."),
    "drill_trend_month": (
        "{clock} · {month} · {prio} : tickets {what} ce mois-là.",
        "{clock} · {month} · {prio}: tickets {what} that month.",
    ),
    "window_compare": (
        "Indicateurs comparés à la période précédente de même durée ({n} jours, du {c} au {d}).",
        "Figures compared with the previous period of the same length ({n} days, from {c} to {d}).",
    ),
}
common_columns: dict[str, tuple[str, str]] = {
    "state_business_h": ("Dans l'état (h ouvrées)", "In the state (business h)"),
    "state_wall_h": ("Dans l'état (h calendaires)", "In the state (calendar h)"),
    "state_visits": ("Passages", "Visits"),
    "avg_business_h": ("Moyenne (h ouvrées)", "Average (business h)"),
    "median_business_h": ("Médiane (h ouvrées)", "Median (business h)"),
    "tickets": ("Tickets", "Tickets"),
}
# Temps par état (app_pages/temps_par_etat.py)
TIME_IN_STATUS: dict[str, tuple[str, str]] = {
    "intro": (
        "Combien de temps les tickets restent dans chaque état, en heures ouvrées (calendrier "
        "de sla.toml), tous leurs passages cumulés ; FERMÉ n'est pas compté. L'état où se trouve "
        "un ticket compte jusqu'à l'instant de calcul. Agent, équipe, priorité et client sont "
        "ceux du ticket aujourd'hui.",
        "How long tickets stay in each state, in business hours (the calendar of sla.toml), all "
        "their visits added up; CLOSED is not counted. The state a ticket is in counts up to the "
        "computation instant. Assignee, team, priority and customer are the ticket's current ones.",
    ),
    "group_by": ("Regrouper par", "Group by"),
    "group_assignee": ("Agent", "Assignee"),
    "group_team": ("Équipe", "Team"),
    "group_priority": ("Priorité", "Priority"),
    "group_customer": ("Client", "Customer"),
    "group_month": ("Mois", "Month"),
    "statistic": ("Mesure", "Measure"),
    "stat_avg": ("Moyenne", "Average"),
    "stat_median": ("Médiane", "Median"),
    "unit_avg": ("moyenne en heures ouvrées", "average in business hours"),
    "unit_median": ("médiane en heures ouvrées", "median in business hours"),
    "table_caption": (
        "Chaque case : {unit} par ticket passé dans l'état. Cliquez sur une case pour lister "
        "ses tickets (sur une ligne : son état le plus long). Case vide (–) : aucun ticket "
        "n'est passé par cet état.",
        "Each cell: {unit} per ticket that went through the state. Click a cell to list its "
        "tickets (a row: its longest state). Empty cell (–): no ticket went through that "
        "state.",
    ),
    "cell_help": (
        "{etat} : {unit} par ticket passé dans cet état",
        "{etat}: {unit} per ticket that went through that state",
    ),
    "counts_title": ("Nombre de tickets par case", "Tickets per cell"),
    "short_ouvert": ("OUVERT", "OPEN"),
    "short_pris_en_compte": ("PRIS EN COMPTE", "IN CHARGE"),
    "short_attente_client": ("ATT. CLIENT", "WAIT CUSTOMER"),
    "short_attente_interne": ("ATT. INTERNE", "WAIT INTERNAL"),
    "short_resolu": ("RÉSOLU", "RESOLVED"),
    "short_reouvert": ("RÉOUVERT", "REOPENED"),
    "short_ferme": ("FERMÉ", "CLOSED"),
    "total_row": ("Tous", "All"),
    "no_value": ("(aucun)", "(none)"),
    "drill_title": ("Tickets", "Tickets"),
    "drill_hint": (
        "Cliquez sur une case du tableau pour lister ses tickets.",
        "Click a cell of the table to list its tickets.",
    ),
    "drill_what": (
        "Tickets passés par l'état {etat} · {group} (le plus long d'abord).",
        "Tickets that went through {etat} · {group} (longest first).",
    ),
    "drill_close": ("Fermer la liste", "Close the list"),
}
