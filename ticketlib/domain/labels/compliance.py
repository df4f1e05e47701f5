"""Labels of the Conformité SLA page and its what-if panel."""

from __future__ import annotations

# Conformité SLA and the what-if panel.
COMPLIANCE: dict[str, tuple[str, str]] = {
    "grain": ("Pas de temps", "Time step"),
    "grain_week": ("Semaine", "Week"),
    "grain_month": ("Mois", "Month"),
    "tab_priority": ("Par priorité", "By priority"),
    "tab_groups": ("Par équipe, agent, client", "By team, agent, customer"),
    "tab_dist": ("Distributions", "Distributions"),
    "tab_targets": ("Cibles en vigueur", "Targets in force"),
    "tab_what_if": ("Simulation (what-if)", "What-if"),
    "by_priority_caption": (
        "Conformité = horloges respectées / horloges arrêtées (respectées + dépassées) ; la "
        "priorité est celle de l'horloge (en vigueur à son arrêt). Un petit triangle noir dans "
        "l'angle signale une case de moins de {n} tickets. Cliquez sur une case pour lister ses "
        "tickets.",
        "Compliance = clocks met / clocks decided (met + breached); the priority is the "
        "clock's (in force when it stopped). A small black triangle in the corner flags a cell "
        "with fewer than {n} tickets. Click a cell to list its tickets.",
    ),
    "by_group_caption": (
        "Conformité de l'horloge choisie par {what} et par période, total à droite et en bas. "
        "Un petit triangle noir signale une case de moins de {n} tickets. Cliquez sur une case "
        "pour lister ses tickets.",
        "Compliance of the chosen clock per {what} and period, totals on the right and at the "
        "bottom. A small black triangle flags a cell with fewer than {n} tickets. Click a cell "
        "to list its tickets.",
    ),
    "w1_team": ("équipe", "team"),
    "w1_assignee": ("agent", "agent"),
    "w1_customer": ("client", "customer"),
    "summary_title": ("Sur toute la période", "Over the whole period"),
    "all_priorities": ("Toutes", "All"),
    "total": ("Total", "Total"),
    "few": ("moins de {n} tickets", "fewer than {n} tickets"),
    "running": (
        "{n} délais encore en cours : pourcentage non définitif",
        "{n} clocks still running: not final",
    ),
    "running_legend": ("délais encore en cours", "clocks still running"),
    "min_n": ("Seuil « peu de tickets »", "“Few tickets” threshold"),
    "min_n_help": (
        "Les cases avec moins d'horloges arrêtées que ce seuil sont marquées d'une croix : "
        "leur pourcentage est fragile.",
        "Cells with fewer decided clocks than this are marked with a cross: their percentage "
        "is fragile.",
    ),
    "dimension": ("Regrouper par", "Group by"),
    "clock": ("Horloge", "Clock"),
    "rows_limited": (
        "Les {shown} {what} ayant le plus de tickets sur {total} sont affichés.",
        "The {shown} {what} with the most tickets out of {total} are shown.",
    ),
    "w_team": ("équipes", "teams"),
    "w_assignee": ("agents", "agents"),
    "w_customer": ("clients", "customers"),
    "row_word_priority": ("Priorité :", "Priority:"),
    "row_word_team": ("Équipe :", "Team:"),
    "row_word_assignee": ("Agent :", "Agent:"),
    "row_word_customer": ("Client :", "Customer:"),
    "col_word_week": ("Semaine du", "Week of"),
    "col_word_month": ("Mois :", "Month:"),
    "pct": ("Conformité", "Compliance"),
    "met_n": ("Respectées", "Met"),
    "n": ("n (arrêtées)", "n (decided)"),
    "tto_pct": ("TTO %", "TTO %"),
    "ttr_pct": ("TTR %", "TTR %"),
    "tto_met": ("TTO respectés", "TTO met"),
    "tto_n": ("TTO arrêtés", "TTO decided"),
    "ttr_met": ("TTR respectés", "TTR met"),
    "ttr_n": ("TTR arrêtés", "TTR decided"),
    "group": ("Groupe", "Group"),
    "dist_caption": (
        "Heures ouvrées des horloges arrêtées, par priorité de l'horloge ; chaque graphique a "
        "sa propre échelle (jusqu'à 3 fois la cible, la dernière barre regroupe le reste). "
        "Trait plein : la cible ; tireté violet : la cible simulée. Barres pâles : au-delà de la "
        "cible.",
        "Business hours of the stopped clocks, by the clock's priority; each chart has its own "
        "scale (up to 3 times the target, the last bar holds the rest). Solid line: the "
        "target; purple dashes: the what-if target. Pale bars: past the target.",
    ),
    "dist_x": ("Heures ouvrées", "Business hours"),
    "dist_y": ("Tickets", "Tickets"),
    "target": ("cible", "target"),
    "what_if_target": ("simulée", "what-if"),
    "over_cap": ("Dernière barre : au-delà de 3 × la cible.", "Last bar: past 3 × the target."),
    "targets_title": ("Cibles par priorité (heures ouvrées)", "Targets per priority (business h)"),
    "meaning": ("Signification", "Meaning"),
    "tto_target": ("Cible TTO", "TTO target"),
    "ttr_target": ("Cible TTR", "TTR target"),
    "calendar_title": ("Calendrier et règles", "Calendar and rules"),
    "c_zone": ("Fuseau horaire", "Time zone"),
    "c_hours": ("Heures ouvrées", "Working hours"),
    "c_24x7": ("24 h/24, 7 j/7 (temps réel)", "24x7 (wall time)"),
    "c_closed": ("fermé", "closed"),
    "c_holidays": ("Jours fériés", "Public holidays"),
    "c_holidays_none": ("aucun", "none"),
    "c_holidays_value": (
        "{country}{subdiv} — {n} jour(s) fermé(s) sur la période des données",
        "{country}{subdiv} — {n} closed day(s) over the data's range",
    ),
    "c_closed_days": ("Jours fermés en plus", "Extra closed days"),
    "c_open_days": ("Jours fériés travaillés", "Holidays worked anyway"),
    "c_pause": ("États en pause (TTR)", "Pause states (TTR)"),
    "c_pause_value": (
        "{etats} (et RÉSOLU, FERMÉ où l'horloge est arrêtée)",
        "{etats} (and RESOLVED, CLOSED where the clock stops)",
    ),
    "c_at_risk": ("À risque à partir de", "At risk from"),
    "c_at_risk_value": ("{pct} de la cible", "{pct} of the target"),
    "c_default": ("Priorité par défaut", "Default priority"),
    "c_reopen": ("Réouverture", "Reopen"),
    "c_reopen_value": (
        "le TTR reprend où il s'était arrêté",
        "the TTR clock resumes where it stood",
    ),
    "c_source": ("Fichier", "File"),
    "setting": ("Paramètre", "Setting"),
    "value": ("Valeur", "Value"),
    "holidays_list": ("Jours fermés sur la période des données", "Closed days over the data"),
    "day": ("Jour", "Day"),
    "name": ("Nom", "Name"),
    "kind_holiday": ("férié", "holiday"),
    "kind_closed": ("fermé (sla.toml)", "closed (sla.toml)"),
    "kind": ("Type", "Kind"),
    "wi_intro": (
        "Changez une cible ou le seuil « à risque » : tous les chiffres ci-dessous sont "
        "recalculés aussitôt, à côté de ceux de la configuration. La simulation ne vaut que "
        "pour votre session : elle n'écrit rien, ni dans la base ni dans sla.toml.",
        "Change a target or the at-risk threshold: every figure below is recomputed at once, "
        "beside the configured one. The what-if lasts for your session only: it writes "
        "nothing, neither to the database nor to sla.toml.",
    ),
    "wi_targets": ("Cibles simulées (heures ouvrées)", "What-if targets (business hours)"),
    "wi_at_risk": ("Seuil « à risque » (% de la cible)", "At-risk threshold (% of the target)"),
    "wi_reset": ("Revenir à la configuration", "Back to the configuration"),
    "wi_same": (
        "Les valeurs simulées sont celles de la configuration : changez-en une pour voir son "
        "effet.",
        "The what-if values are the configured ones: change one to see its effect.",
    ),
    "wi_changed": ("Simulation active : {what}.", "What-if active: {what}."),
    "configured": ("Configuré", "Configured"),
    "simulated": ("Simulé", "What-if"),
    "pts": ("(pts)", "(pts)"),
    "breached_open": ("Ouverts en dépassement", "Open and breached"),
    "at_risk_open": ("Ouverts à risque", "Open and at risk"),
    "wi_y": ("Conformité", "Compliance"),
    "drill_title": ("Tickets sélectionnés", "Selected tickets"),
    "drill_hint": (
        "Cliquez sur une case d'une carte de chaleur pour lister les tickets concernés.",
        "Click a heatmap cell to list the tickets behind it.",
    ),
    "drill_cell": ("{clock} · {row} · {col}", "{clock} · {row} · {col}"),
    "drill_close": ("Fermer la sélection", "Close the selection"),
    "whole_period": ("toute la période", "whole period"),
    # issue 13
    "below_goal": ("sous l'objectif de {pct}", "below the {pct} goal"),
}
