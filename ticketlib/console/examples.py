"""The example queries of the SQL console page: (French description, English description, SQL)."""

from __future__ import annotations

# --- examples shown on the page: (French description, English description, SQL) ----------

EXAMPLES: tuple[tuple[str, str, str], ...] = (
    (
        "Conformité TTR par priorité",
        "TTR compliance per priority",
        "select ttr_priority as priority,\n"
        "       count_if(ttr_met) as respectes,\n"
        "       count_if(ttr_decided) as decides,\n"
        "       round(100.0 * respectes / nullif(decides, 0), 1) as pct\n"
        "from ticket_sla\n"
        "group by ttr_priority\n"
        "order by ttr_priority",
    ),
    (
        "Tickets par client et par mois de création",
        "Tickets per customer and month of creation",
        "select customer, date_trunc('month', created_day) as mois, count(*) as tickets\n"
        "from ticket_sla\n"
        "group by all\n"
        "order by mois, tickets desc",
    ),
    (
        "Temps ouvré moyen passé dans chaque état (heures)",
        "Average business time spent in each état (hours)",
        "select etat, count(distinct ticket_key) as tickets,\n"
        "       round(avg(business_us) / 3.6e9, 2) as heures_ouvrees_moy\n"
        "from etat_durations\n"
        "group by etat\n"
        "order by heures_ouvrees_moy desc",
    ),
    (
        "Les 20 plus gros dépassements TTR encore ouverts",
        "The 20 largest TTR overruns still open",
        "select ticket_id, customer, priority, etat,\n"
        "       round((ttr_elapsed_us - ttr_target_us) / 3.6e9, 1) as depassement_h\n"
        "from ticket_sla\n"
        "where ttr_status = 'breached' and not ttr_stopped\n"
        "order by depassement_h desc\n"
        "limit 20",
    ),
    (
        "Attente du client contre attente du support, par client (heures ouvrées)",
        "Waiting for the customer versus the customer waiting, per customer (business hours)",
        "select customer,\n"
        "       round(sum(customer_wait_us) / 3.6e9, 1) as support_attend_client_h,\n"
        "       round(sum(requester_wait_us) / 3.6e9, 1) as client_attend_support_h\n"
        "from ticket_sla\n"
        "group by customer\n"
        "order by client_attend_support_h desc",
    ),
    (
        "Transitions les plus fréquentes",
        "Most frequent transitions",
        "select prev_etat, etat, count(*) as n\n"
        "from intervals\n"
        "where new_visit and not is_creation\n"
        "group by all\n"
        "order by n desc",
    ),
    (
        "Lignes en quarantaine par motif",
        "Quarantined rows per reason",
        "select reason, file_name, count(*) as lignes\nfrom quarantine\ngroup by all\norder by lignes desc",
    ),
    (
        "Historique des imports",
        "Import history",
        "select import_id, started_at, format, rows_read, loaded, duplicates, quarantined\n"
        "from imports\n"
        "order by import_id desc",
    ),
)
