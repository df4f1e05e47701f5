"""Every text shown to people, French first then English: one catalogue (issue 10).

Each dictionary maps a key to a `(français, English)` pair; `{name}` placeholders are filled
by the caller (`app.i18n.tr`, `report.label`, `reasons.reason_label`). One dictionary per page
or part, under the name the code imports; `tests/test_labels.py` checks that every pair has
both languages and that every key the code asks for exists.
"""

from __future__ import annotations

# Words shared by every page (app.i18n.t).
COMMON: dict[str, tuple[str, str]] = {
    "app_title": ("Tableau de bord SLA du support", "Support SLA dashboard"),
    "page_overview": ("Vue d'ensemble", "Overview"),
    "page_compliance": ("Conformité SLA", "SLA compliance"),
    "page_workflow": ("Parcours", "Workflow"),
    "page_history": ("Historique", "Ticket history"),
    "page_breaches": ("Dépassements", "Breaches"),
    "page_review": ("Revue client", "Customer review"),
    "page_data": ("Données", "Data"),
    "page_sql": ("Requêtes SQL", "SQL queries"),
    "section_follow": ("Suivi", "Monitoring"),
    "section_analyse": ("Analyse", "Analysis"),
    "section_admin": ("Données", "Data"),
    "language": ("Langue", "Language"),
    "filters": ("Filtres", "Filters"),
    "choose": ("Tous (choisir pour filtrer)", "All (choose to filter)"),
    "period_field": ("Période sur", "Period by"),
    "period_created": ("création", "creation"),
    "period_resolved": ("résolution", "resolution"),
    "period": ("Période", "Period"),
    "priorities": ("Priorités", "Priorities"),
    "customers": ("Clients", "Customers"),
    "teams": ("Équipes", "Teams"),
    "agents": ("Agents", "Agents"),
    "etats": ("États (à la date d'analyse)", "États (at the as-of time)"),
    "as_of": ("Date d'analyse", "As of"),
    "as_of_help": (
        "Instant auquel tout est calculé : les événements postérieurs sont ignorés. "
        "Vide : le dernier instant des données (événement ou création).",
        "Instant everything is computed at: later events are ignored. "
        "Empty: the latest instant in the data (event or creation).",
    ),
    "as_of_time": ("Heure d'analyse", "As-of time"),
    "reset": ("Réinitialiser les filtres", "Reset filters"),
    "latest": ("dernier événement", "latest event"),
    "empty_db_title": ("La base est vide", "The database is empty"),
    "empty_db_body": (
        "Aucun ticket n'est encore chargé. Importez vos exports depuis la page **Données**, "
        "ou en ligne de commande : `python -m ticketlib load tickets.csv events.csv`. "
        "Pour la démonstration : `make demo-db`.",
        "No ticket is loaded yet. Import your exports from the **Data** page, or from the "
        "command line: `python -m ticketlib load tickets.csv events.csv`. For the demo: "
        "`make demo-db`.",
    ),
    "no_rows": ("Aucun ticket ne correspond aux filtres.", "No ticket matches the filters."),
    "download_csv": ("CSV (Excel FR)", "CSV (Excel)"),
    "download_xlsx": ("Excel .xlsx", "Excel .xlsx"),
    "rows_shown": ("{shown} tickets affichés sur {total}", "{shown} of {total} tickets shown"),
    "tto": ("Prise en charge (TTO)", "Time to take charge (TTO)"),
    "ttr": ("Résolution (TTR)", "Time to resolution (TTR)"),
    "met": ("respecté", "met"),
    "breached": ("dépassé", "breached"),
    "at_risk": ("à risque", "at risk"),
    "running": ("en cours", "running"),
    "all": ("tous", "all"),
    "none": ("(aucune)", "(none)"),
    "hours_short": ("h", "h"),
    "computed_as_of": (
        "Calculé au {as_of} · calendrier {tz}",
        "Computed as of {as_of} · calendar {tz}",
    ),
    "ticket_id": ("Ticket", "Ticket"),
    "title": ("Titre", "Title"),
    "customer": ("Client", "Customer"),
    "priority": ("Priorité", "Priority"),
    "etat": ("État", "État"),
    "created_at": ("Créé le", "Created"),
    "team": ("Équipe", "Team"),
    "assignee": ("Agent", "Agent"),
    "tto_h": ("TTO (h ouvrées)", "TTO (business h)"),
    "tto_target_h": ("Cible TTO (h)", "TTO target (h)"),
    "tto_status": ("Statut TTO", "TTO status"),
    "ttr_h": ("TTR (h ouvrées)", "TTR (business h)"),
    "ttr_target_h": ("Cible TTR (h)", "TTR target (h)"),
    "ttr_status": ("Statut TTR", "TTR status"),
    "paused_h": ("En pause (h)", "Paused (h)"),
    "tto_due_at": ("Échéance TTO", "TTO due"),
    "ttr_due_at": ("Échéance TTR", "TTR due"),
    "reopens": ("Réouvertures", "Reopens"),
    "resolved_at": ("Résolu le", "Resolved"),
    "closed_at": ("Fermé le", "Closed"),
    "search": ("Rechercher (n° ou mots du titre)", "Search (id or words of the title)"),
    "is_open": ("Ouvert", "Open"),
    "clock": ("Délai", "Clock"),
    "clock_status": ("Statut du délai", "Clock status"),
    "due_at": ("Échéance", "Due"),
    "overrun_h": ("Dépassement (h ouvrées)", "Overrun (business h)"),
    "consumed_by": ("État le plus consommateur", "État that used most"),
    "consumed_h": ("Consommé dans cet état (h)", "Used in that état (h)"),
    # issue 13
    "scope_all": (
        "Aucune période choisie : **tout l'historique** (tickets créés du {a} au {b}). Choisissez une période dans les filtres pour la restreindre.",
        "No period chosen: **the whole history** (tickets created from {a} to {b}). Choose a period in the filters to narrow it.",
    ),
    "scope_period": ("Période : tickets {what} {span}.", "Period: tickets {what} {span}."),
    "scope_created": ("créés", "created"),
    "scope_resolved": ("résolus", "resolved"),
    "scope_between": ("du {a} au {b}", "from {a} to {b}"),
    "scope_from": ("depuis le {a}", "since {a}"),
    "scope_to": ("jusqu'au {b}", "up to {b}"),
}

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
    "k_breached_open": ("Ouverts en dépassement", "Open and breached"),
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
        "Tickets whose TTR clock runs at the as-of time: every état but RESOLVED and CLOSED. "
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
    "backlog_title": ("Backlog par état (fin de journée)", "Backlog by état (end of day)"),
    "backlog_caption": (
        "Tickets non fermés à la fin de chaque jour, empilés par état. RÉSOLU attend "
        "l'acceptation du client : il n'entre pas dans le backlog ouvert des indicateurs. "
        "Cliquez sur une couleur d'un jour pour lister les tickets de ce jour et de cet état.",
        "Tickets not closed at the end of each day, stacked by état. RESOLVED waits for the "
        "customer's acceptance: the open backlog of the cards leaves it out. Click a colour of "
        "a day to list the tickets of that day and état.",
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
        "Tickets in état {etat} at the end of {day}.",
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
    "c_pause": ("États en pause (TTR)", "Pause états (TTR)"),
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

# Revue client (the page; the report's words are REVIEW).
REVUE_CLIENT: dict[str, tuple[str, str]] = {
    "choose": ("Client", "Customer"),
    "choose_placeholder": ("Choisissez un client…", "Choose a customer…"),
    "choose_help": (
        "Les clients sont classés par nombre de tickets. Le lien de la page garde le client.",
        "Customers are sorted by ticket count. The page's link keeps the customer.",
    ),
    "from": ("Créés du", "Created from"),
    "to": ("au", "to"),
    "period_help": (
        "Dates de création, incluses. Vide : tout l'historique du client.",
        "Creation dates, inclusive. Empty: the customer's whole history.",
    ),
    "pick_first": (
        "Choisissez un client : la revue s'affiche et se télécharge en un clic (HTML ou PDF).",
        "Choose a customer: the review shows and downloads in one click (HTML or PDF).",
    ),
    "download_html": ("Télécharger la revue (HTML)", "Download the review (HTML)"),
    "download_pdf": ("Télécharger la revue (PDF)", "Download the review (PDF)"),
    "download_help": (
        "Un fichier autonome : graphiques inclus, s'ouvre sans connexion.",
        "A self-contained file: charts included, opens offline.",
    ),
    "pdf_missing": (
        "PDF indisponible : chromium n'est pas installé sur ce serveur "
        "(`apt-get install chromium`). Le fichier HTML contient la même revue et s'imprime "
        "en PDF depuis le navigateur.",
        "PDF unavailable: chromium is not installed on this server (`apt-get install "
        "chromium`). The HTML file holds the same review and prints to PDF from the browser.",
    ),
    "computed": (
        "Calculé au {as_of} ({tz}) · calendrier {hours}, fériés {holidays} · cibles {targets}",
        "Computed as of {as_of} ({tz}) · calendar {hours}, holidays {holidays} · targets {targets}",
    ),
    "breaches_caption": (
        "Un ticket peut dépasser ses deux délais. « Consommé par » : l'état où le délai s'est "
        "écoulé.",
        'A ticket may breach both clocks. "Consumed by": the état where the clock ran.',
    ),
    "selected_hint": (
        "Sélectionnez un ticket pour ouvrir son parcours.",
        "Select a ticket to open its history.",
    ),
    "no_customer": (
        "Aucun client dans les données : la colonne `customer` des tickets est vide.",
        "No customer in the data: the tickets' `customer` column is empty.",
    ),
    # issue 13
    "ignored_filters": (
        "La revue porte sur un client et ses dates de création : les filtres de la barre latérale {names} ne s'y appliquent pas (ni à l'écran ni dans le fichier).",
        "The review covers one customer and its creation dates: the sidebar filters {names} do not apply to it (neither on screen nor in the file).",
    ),
    "period_by_resolution": (
        "période sur la résolution (la revue compte les tickets créés)",
        "period by resolution (the review counts tickets created)",
    ),
    "summary_only": ("Version résumée (sans les listes)", "Summary version (no lists)"),
    "summary_only_help": (
        "Le fichier garde les indicateurs, les graphiques et les tableaux par priorité, sans la liste des délais dépassés ni celle des tickets : quelques pages quel que soit le volume.",
        "The file keeps the KPIs, the charts and the per-priority tables, without the lists of breached clocks and tickets: a few pages whatever the volume.",
    ),
}

# Données.
DONNEES: dict[str, tuple[str, str]] = {
    "tab_import": ("Importer", "Import"),
    "tab_history": ("Historique des imports", "Import history"),
    "tab_quarantine": ("Quarantaine", "Quarantine"),
    "tab_quality": ("Qualité des données", "Data quality"),
    "tab_config": ("Configuration SLA", "SLA configuration"),
    "intro": (
        "Importez des exports : CSV ou Parquet génériques (tickets et événements), Jira "
        "(JSON avec changelog), Zendesk (audits, ticket events), ServiceNow (audit, "
        "instantanés), journaux d'événements (CSV, XES). Réimporter un fichier ne change rien ; "
        "un import s'applique en entier ou pas du tout.",
        "Import exports: generic CSV or Parquet (tickets and events), Jira (JSON with "
        "changelog), Zendesk (audits, ticket events), ServiceNow (audit, snapshots), event logs "
        "(CSV, XES). Importing a file again changes nothing; an import lands whole or not at "
        "all.",
    ),
    "files": ("Fichiers d'export", "Export files"),
    "files_help": (
        "Plusieurs fichiers à la fois (ex. tickets.csv et events.csv). Taille maximale : "
        "{mb} Mo par fichier.",
        "Several files at once (e.g. tickets.csv and events.csv). Largest file: {mb} MB.",
    ),
    "limit": (
        "Taille maximale par fichier : **{mb} Mo** (réglage `server.maxUploadSize` de "
        "`.streamlit/config.toml`). Au-delà : `python -m ticketlib load FICHIERS`.",
        "Largest file: **{mb} MB** (`server.maxUploadSize` in `.streamlit/config.toml`). "
        "Beyond it: `python -m ticketlib load FILES`.",
    ),
    "format": ("Format", "Format"),
    "format_help": (
        "« Automatique » reconnaît chaque fichier à son contenu.",
        '"Automatic" recognises each file by its content.',
    ),
    "fmt_auto": ("Automatique", "Automatic"),
    "fmt_csv": ("CSV / Parquet générique", "Generic CSV / Parquet"),
    "fmt_jira": ("Jira", "Jira"),
    "fmt_zendesk": ("Zendesk", "Zendesk"),
    "fmt_servicenow": ("ServiceNow", "ServiceNow"),
    "fmt_eventlog": ("Journal d'événements (CSV, XES)", "Event log (CSV, XES)"),
    "mapping": ("Mapping des statuts (facultatif, .toml)", "Status mapping (optional, .toml)"),
    "mapping_help": (
        "Fait correspondre les statuts et priorités de l'outil source aux états du support "
        "(voir data/mappings/).",
        "Maps the source tool's statuses and priorities to the desk's états (see data/mappings/).",
    ),
    "run": ("Importer", "Import"),
    "running": ("Import en cours…", "Importing…"),
    "done": (
        "Import n°{id} terminé en {s} s : {read} lignes lues, {loaded} chargées, {dups} "
        "doublons ignorés, {q} en quarantaine, {skipped} sans changement d'état. La base "
        "compte {tickets} tickets et {events} événements.",
        "Import #{id} done in {s} s: {read} rows read, {loaded} loaded, {dups} duplicates "
        "skipped, {q} quarantined, {skipped} not status changes. The database holds {tickets} "
        "tickets and {events} events.",
    ),
    "failed": (
        "Import refusé : {why}\n\nRien n'a été importé, la base est inchangée.",
        "Import refused: {why}\n\nNothing was imported, the database is unchanged.",
    ),
    "failed_config": (
        "Configuration invalide : {why}\n\nRien n'a été importé.",
        "Invalid configuration: {why}\n\nNothing was imported.",
    ),
    "per_file": ("Par fichier", "Per file"),
    "per_reason": ("Lignes écartées, par motif", "Rows set aside, per reason"),
    "unknown_statuses": ("Statuts inconnus (à ajouter au mapping)", "Unknown statuses (map them)"),
    "unknown_priorities": ("Priorités inconnues", "Unknown priorities"),
    "notes": ("Remarques", "Notes"),
    "file": ("Fichier", "File"),
    "kind": ("Contenu", "Content"),
    "rows_read": ("Lues", "Read"),
    "loaded": ("Chargées", "Loaded"),
    "updated": ("dont mises à jour", "of which updated"),
    "duplicates": ("Doublons", "Duplicates"),
    "quarantined": ("Quarantaine", "Quarantined"),
    "skipped": ("Ignorées", "Skipped"),
    "fate": ("Devenir", "Fate"),
    "reason": ("Motif", "Reason"),
    "code": ("Code", "Code"),
    "rows": ("Lignes", "Rows"),
    "value": ("Valeur", "Value"),
    "import_id": ("Import", "Import"),
    "started_at": ("Début", "Started"),
    "finished_at": ("Fin", "Finished"),
    "timezone": ("Fuseau des dates locales", "Zone of local times"),
    "files_n": ("Fichiers", "Files"),
    "file_names": ("Noms", "Names"),
    "size_bytes": ("Taille (octets)", "Size (bytes)"),
    "sha256": ("SHA-256", "SHA-256"),
    "file_index": ("N°", "#"),
    "row_number": ("Ligne", "Row"),
    "ticket_id": ("Ticket", "Ticket"),
    "detail": ("Détail", "Detail"),
    "raw": ("Ligne brute", "Raw row"),
    "no_imports": ("Aucun import pour l'instant.", "No import yet."),
    "files_detail": ("Fichiers de chaque import", "Files of each import"),
    "q_none": ("Aucune ligne en quarantaine.", "No row in quarantine."),
    "q_reason": ("Motif", "Reason"),
    "q_import": ("Import", "Import"),
    "q_all": ("tous", "all"),
    "q_caption": (
        "Lignes des exports qui n'ont pas pu être chargées, avec la ligne brute telle que "
        "l'export la donnait ({shown} affichées sur {total}).",
        "Export rows that could not be loaded, with the raw row as the export gave it "
        "({shown} of {total} shown).",
    ),
    "quality_caption": (
        "Ce qui, dans l'historique d'un ticket, sort des règles du support. Les tickets "
        "signalés sont rejoués comme les autres : aucun chiffre n'est écarté.",
        "What in a ticket's history breaks the desk's rules. Flagged tickets are replayed like "
        "any other: no figure leaves them out.",
    ),
    "quality_none": ("Aucun signalement.", "No flag."),
    "flag": ("Signalement", "Flag"),
    "flags": ("Signalements", "Flags"),
    "tickets": ("Tickets", "Tickets"),
    "flagged_at": ("Instant", "When"),
    "flag_choice": ("Signalement à lister", "Flag to list"),
    "f_unexpected_transition": (
        "Transition hors du parcours prévu",
        "Transition outside the expected workflow",
    ),
    "f_no_priority": ("Jamais de priorité (priorité par défaut)", "Never a priority (default)"),
    "f_same_instant": (
        "Plusieurs changements d'état au même instant",
        "Several changes of état at one instant",
    ),
    "f_event_before_creation": (
        "Événement daté d'avant la création (pris à la création)",
        "Event dated before the creation (taken at the creation)",
    ),
    "f_starts_not_ouvert": (
        "Historique qui ne commence pas par OUVERT",
        "History that does not begin in OPEN",
    ),
    "f_incomplete_history": (
        "Historique incomplet (événements en quarantaine)",
        "Incomplete history (events quarantined)",
    ),
    "f_changelog_truncated": ("Historique Jira tronqué", "Jira changelog truncated"),
    "f_changelog_missing": ("Historique Jira absent", "Jira changelog missing"),
    "f_snapshot_dates_inconsistent": (
        "Dates d'instantané ServiceNow incohérentes",
        "Inconsistent ServiceNow snapshot dates",
    ),
    "config_file": ("Fichier en vigueur : `{path}`", "File in force: `{path}`"),
    "config_stale": (
        "Les tables dérivées de la base (lues par la page Requêtes SQL) ont été calculées avec "
        "une autre configuration : elles seront recalculées au prochain import. Les pages du "
        "tableau de bord, elles, recalculent avec ce fichier.",
        "The database's derived tables (read by the SQL page) were computed with another "
        "configuration: the next import rebuilds them. The dashboard's pages recompute with "
        "this file.",
    ),
    "calendar": ("Calendrier", "Calendar"),
    "targets": ("Cibles", "Targets"),
    "rules": ("Règles", "Rules"),
    "weekday": ("Jour", "Day"),
    "hours": ("Heures ouvrées", "Working hours"),
    "priority": ("Priorité", "Priority"),
    "tto": ("TTO", "TTO"),
    "ttr": ("TTR", "TTR"),
    "raw_file": ("Texte du fichier", "File text"),
}

# Requêtes SQL.
REQUETES_SQL: dict[str, tuple[str, str]] = {
    "intro": (
        "Posez vos propres questions en SQL (dialecte DuckDB) sur les tables du tableau de bord. "
        "La console est en **lecture seule** : une seule requête `SELECT` à la fois, sans accès "
        "aux fichiers du serveur, au réseau ni aux extensions ; les résultats sont limités en "
        "lignes et en temps.",
        "Ask your own questions in SQL (DuckDB dialect) over the dashboard's tables. The "
        "console is **read only**: one `SELECT` at a time, no access to the server's files, the "
        "network or extensions; results are capped in rows and time.",
    ),
    "tables": ("Tables disponibles", "Available tables"),
    "tables_help": (
        "`ticket_sla`, `intervals`, `etat_durations`, `quality` : tables dérivées, calculées à "
        "l'import avec le sla.toml en vigueur, au dernier événement. `tickets`, `events`, "
        "`quarantine`, `imports`, `import_files`, `import_flags` : tables brutes. Les durées "
        "`*_us` sont en microsecondes (÷ 3,6e9 pour des heures) ; les dates sont affichées dans "
        "le fuseau {tz}.",
        "`ticket_sla`, `intervals`, `etat_durations`, `quality`: derived tables, computed at "
        "import with the sla.toml in force, as of the latest event. `tickets`, `events`, "
        "`quarantine`, `imports`, `import_files`, `import_flags`: raw tables. `*_us` durations "
        "are microseconds (÷ 3.6e9 for hours); timestamps show in the {tz} time zone.",
    ),
    "stale": (
        "Les tables dérivées ont été calculées avec une autre configuration que le sla.toml "
        "actuel ; elles seront recalculées au prochain import.",
        "The derived tables were computed with another configuration than the current "
        "sla.toml; the next import rebuilds them.",
    ),
    "view": ("Table", "Table"),
    "column": ("Colonne", "Column"),
    "type": ("Type", "Type"),
    "example": ("Exemples", "Examples"),
    "example_placeholder": ("Choisir un exemple…", "Choose an example…"),
    "query": ("Requête SQL", "SQL query"),
    "query_help": ("Ctrl+Entrée pour lancer.", "Ctrl+Enter to run."),
    "row_cap": ("Lignes au plus", "Rows at most"),
    "time_limit": ("Temps maximal (s)", "Time limit (s)"),
    "run": ("Exécuter", "Run"),
    "result": (
        "{rows} lignes en {s} s.",
        "{rows} rows in {s} s.",
    ),
    "truncated_bytes": (
        "Résultat tronqué à {mb} Mo : ajoutez un filtre, un `limit` ou moins de colonnes.",
        "Result cut at {mb} MB: add a filter, a `limit` or fewer columns.",
    ),
    "truncated": (
        "Résultat tronqué aux {cap} premières lignes : ajoutez un filtre, un `limit` ou une "
        "agrégation.",
        "Result cut at the first {cap} rows: add a filter, a `limit` or an aggregation.",
    ),
    "download_parquet": ("Parquet", "Parquet"),
    "empty": ("La requête n'a renvoyé aucune ligne.", "The query returned no row."),
}

# The customer review (report and page).
REVIEW: dict[str, tuple[str, str]] = {
    "title": ("Revue SLA", "SLA review"),
    "customer": ("Client", "Customer"),
    "period": ("Période", "Period"),
    "period_between": ("tickets créés du {start} au {end}", "tickets created {start} to {end}"),
    "period_from": ("tickets créés depuis le {start}", "tickets created since {start}"),
    "period_to": ("tickets créés jusqu'au {end}", "tickets created up to {end}"),
    "period_all": ("tous les tickets du client", "all the customer's tickets"),
    "as_of": ("Calculé au", "Computed as of"),
    "as_of_note": (
        "les événements postérieurs sont ignorés ; les tickets ouverts sont comptés à cet instant",
        "later events are ignored; open tickets are counted at this instant",
    ),
    "generated": ("Document généré le", "Generated on"),
    "parameters": ("Paramètres de calcul", "Computed with"),
    "calendar": ("Calendrier ouvré", "Business calendar"),
    "timezone": ("Fuseau horaire", "Time zone"),
    "working_hours": ("Heures ouvrées", "Working hours"),
    "holidays": ("Jours fériés", "Public holidays"),
    "closed_days": ("Jours fermés en plus", "Extra closed days"),
    "open_days": ("Fériés travaillés", "Holidays worked"),
    "targets": ("Cibles (temps ouvré)", "Targets (business time)"),
    "pause": ("États qui suspendent le TTR", "États that pause TTR"),
    "default_priority": ("Priorité par défaut", "Default priority"),
    "at_risk_rule": ("Seuil « à risque »", "At-risk threshold"),
    "reopen_rule": ("Réouverture", "Reopen policy"),
    "config_file": ("Fichier", "File"),
    "all_days": ("tous les jours", "every day"),
    "hours_24x7": ("24 h/24, 7 j/7", "24x7"),
    "closed": ("fermé", "closed"),
    "none": ("aucun", "none"),
    "no_priority": ("(sans priorité)", "(no priority)"),
    "priority": ("Priorité", "Priority"),
    "tto": ("Prise en charge (TTO)", "Time to take charge (TTO)"),
    "ttr": ("Résolution (TTR)", "Time to resolution (TTR)"),
    "tto_short": ("TTO", "TTO"),
    "ttr_short": ("TTR", "TTR"),
    "met": ("respecté", "met"),
    "breached": ("dépassé", "breached"),
    "at_risk": ("à risque", "at risk"),
    "running": ("en cours", "running"),
    "open": ("en cours", "running"),
    "stopped": ("arrêtée", "stopped"),
    "summary": ("Synthèse", "Summary"),
    "k_tickets": ("Tickets créés", "Tickets created"),
    "k_tto": ("Conformité TTO", "TTO compliance"),
    "k_ttr": ("Conformité TTR", "TTR compliance"),
    "k_median_tto": ("Médiane TTO", "Median TTO"),
    "k_median_ttr": ("Médiane TTR", "Median TTR"),
    "k_open": ("Tickets ouverts", "Open tickets"),
    "k_breached_open": ("Ouverts en dépassement", "Open and breached"),
    "k_at_risk_open": ("Ouverts à risque", "Open and at risk"),
    "met_of": ("{met} respectés sur {n}", "{met} met of {n}"),
    "bh": ("heures ouvrées", "business hours"),
    "at_as_of": ("à la date d'analyse", "at the as-of time"),
    "compliance_title": ("Conformité par priorité", "Compliance per priority"),
    "compliance_axis": ("Délais respectés", "Clocks met"),
    "compliance_note": (
        "Part des délais respectés parmi les délais décidés (respectés ou dépassés) ; "
        "les délais encore en cours ne comptent pas.",
        "Share of clocks met among decided clocks (met or breached); running clocks do not count.",
    ),
    "tickets": ("Tickets", "Tickets"),
    "median_tto": ("Médiane TTO", "Median TTO"),
    "median_ttr": ("Médiane TTR", "Median TTR"),
    "trend_title": ("Évolution mensuelle", "Monthly trend"),
    "tickets_created": ("tickets créés", "tickets created"),
    "tickets_axis": ("Tickets créés", "Tickets created"),
    "waits_title": ("Qui attendait qui ?", "Who was waiting for whom?"),
    "desk_waited": ("Le support attendait le client", "The desk waited for the customer"),
    "customer_waited": ("Le client attendait le support", "The customer waited for the desk"),
    "customer_wait": (
        "En attente de votre retour",
        "Waiting for the customer",
    ),
    "agent_work": ("Traitement par le support", "Desk working"),
    "internal_wait": ("Attente d'une équipe interne", "Waiting for an internal team"),
    "business_hours": ("Heures ouvrées", "Business hours"),
    "waits_text": (
        "Sur la période, le support a attendu le retour du client pendant {desk} "
        "(en moyenne {desk_avg} par ticket), et le client a attendu le support pendant {customer} "
        "(en moyenne {customer_avg} par ticket), dont {agent} de traitement et {internal} "
        "d'attente d'une équipe interne.",
        "Over the period the desk waited for the customer's answer for {desk} "
        "({desk_avg} per ticket on average), and the customer waited for the desk for {customer} "
        "({customer_avg} per ticket on average): {agent} of work and {internal} waiting for "
        "an internal team.",
    ),
    "waits_month": ("Par mois de création", "Per month of creation"),
    "breaches_title": ("Délais dépassés", "Breached clocks"),
    "breaches_note": (
        "Un ticket peut dépasser ses deux délais. « Consommé par » : l'état où le délai s'est "
        "écoulé (pour le TTO, toujours OUVERT ; pour le TTR, l'état compté où le ticket a passé "
        "le plus de temps ouvré).",
        'A ticket may breach both clocks. "Consumed by": the état where the clock ran (for '
        "TTO always OPEN; for TTR the counted état where the ticket spent most business time).",
    ),
    "clock": ("Délai", "Clock"),
    "target": ("Cible", "Target"),
    "elapsed": ("Écoulé", "Elapsed"),
    "overrun": ("Dépassement", "Overrun"),
    "due": ("Échéance", "Due"),
    "consumed_by": ("Consommé par", "Consumed by"),
    "clock_state": ("Horloge", "Clock state"),
    "breaches_truncated": (
        "Les {shown} premiers délais dépassés, par échéance ; réduisez la période pour les "
        "voir tous.",
        "The first {shown} breached clocks, by due instant; narrow the period to see them all.",
    ),
    "no_breach": ("Aucun délai dépassé sur la période.", "No clock breached over the period."),
    "tickets_title": ("Tickets de la période", "Tickets of the period"),
    "ticket": ("Ticket", "Ticket"),
    "title_col": ("Titre", "Title"),
    "etat": ("État", "État"),
    "created": ("Créé le", "Created"),
    "customer_wait_col": ("Le support attendait", "Desk waited"),
    "requester_wait_col": ("Le client attendait", "Customer waited"),
    "assignee": ("Agent", "Agent"),
    "tickets_truncated": (
        "{shown} premiers tickets affichés sur {total} ; réduisez la période pour les voir tous.",
        "First {shown} of {total} tickets shown; narrow the period to see them all.",
    ),
    "no_tickets": ("Aucun ticket sur la période.", "No ticket over the period."),
    "method_title": ("Méthode", "Method"),
    "method_text": (
        "TTO : de la création à la première sortie de l'état OUVERT, jamais suspendu. "
        "TTR : de la création à la résolution, hors temps passé dans les états qui le suspendent "
        "et dans RÉSOLU / FERMÉ ; à la réouverture il reprend où il s'était arrêté. Les deux se "
        "mesurent en temps ouvré du calendrier ci-dessus. La cible d'un délai est celle de la "
        "priorité en vigueur quand il s'arrête.",
        "TTO: from creation to the first time the ticket leaves OPEN, never paused. TTR: from "
        "creation to resolution, without the time spent in the états that pause it and in "
        "RESOLVED / CLOSED; on reopening it resumes where it stood. Both count business time of "
        "the calendar above. A clock's target is that of the priority in force when it stops.",
    ),
    # issue 13
    "summary_only_note": (
        "Version résumée : la liste des délais dépassés ({breaches}) et celle des tickets ({tickets}) sont dans la version complète.",
        "Summary version: the list of breached clocks ({breaches}) and the list of tickets ({tickets}) are in the full version.",
    ),
    "lists_title": ("Délais dépassés et tickets", "Breached clocks and tickets"),
    "goal": ("objectif {pct}", "goal {pct}"),
}

# Why a row was not loaded (quarantine and skip reasons).
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

# issue 13: views (one default period, created vs resolved, time in status)
COMMON |= {
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
OVERVIEW |= {
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
COMMON |= {
    "state_business_h": ("Dans l'état (h ouvrées)", "In the état (business h)"),
    "state_wall_h": ("Dans l'état (h calendaires)", "In the état (calendar h)"),
    "state_visits": ("Passages", "Visits"),
    "avg_business_h": ("Moyenne (h ouvrées)", "Average (business h)"),
    "median_business_h": ("Médiane (h ouvrées)", "Median (business h)"),
    "tickets": ("Tickets", "Tickets"),
}
# Temps par état (pages/page_temps_par_etat.py)
TIME_IN_STATUS: dict[str, tuple[str, str]] = {
    "intro": (
        "Combien de temps les tickets restent dans chaque état, en heures ouvrées (calendrier "
        "de sla.toml), tous leurs passages cumulés ; FERMÉ n'est pas compté. L'état où se trouve "
        "un ticket compte jusqu'à l'instant de calcul. Agent, équipe, priorité et client sont "
        "ceux du ticket aujourd'hui.",
        "How long tickets stay in each état, in business hours (the calendar of sla.toml), all "
        "their visits added up; CLOSED is not counted. The état a ticket is in counts up to the "
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
        "ses tickets (sur une ligne : son état le plus long).",
        "Each cell: {unit} per ticket that went through the état. Click a cell to list its "
        "tickets (a row: its longest état).",
    ),
    "cell_help": (
        "{etat} : {unit} par ticket passé dans cet état",
        "{etat}: {unit} per ticket that went through that état",
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
