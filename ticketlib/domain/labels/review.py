"""Labels of the Revue client page (`REVUE_CLIENT`) and the customer review it prints (`REVIEW`)."""

from __future__ import annotations

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
