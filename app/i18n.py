"""Labels and number/date formats in French (first) and English.

Common labels live here; a page keeps its own labels in a dict of key -> (fr, en) and calls
`tr(LABELS, key)`. Numbers and dates follow the reader's language: 1 234,5 and 03/03/2025
in French, 1,234.5 and 2025-03-03 in English.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import streamlit as st

from ticketlib.domain.vocabulary import ETAT_BY_CODE, PRIORITY_BY_CODE
from ticketlib.ingest.reasons import reason_label

LANGS = ("fr", "en")

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
    "status": ("État", "État"),
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
        "Aucune période choisie : **tout l'historique** (tickets créés du {a} au {b}). "
        "Choisissez une période dans les filtres pour la restreindre.",
        "No period chosen: **the whole history** (tickets created from {a} to {b}). Choose a "
        "period in the filters to narrow it.",
    ),
    "scope_period": ("Période : tickets {what} {span}.", "Period: tickets {what} {span}."),
    "scope_created": ("créés", "created"),
    "scope_resolved": ("résolus", "resolved"),
    "scope_between": ("du {a} au {b}", "from {a} to {b}"),
    "scope_from": ("depuis le {a}", "since {a}"),
    "scope_to": ("jusqu'au {b}", "up to {b}"),
}


def lang() -> str:
    value = str(st.session_state.get("lang") or "fr").lower()
    return value if value in LANGS else "fr"


def tr(labels: dict[str, tuple[str, str]], key: str, **kw) -> str:
    fr, en = labels.get(key) or COMMON.get(key) or (key, key)
    text = fr if lang() == "fr" else en
    return text.format(**kw) if kw else text


def t(key: str, **kw) -> str:
    return tr(COMMON, key, **kw)


def etat_label(code: str | None) -> str:
    if code is None or (isinstance(code, float) and math.isnan(code)) or code not in ETAT_BY_CODE:
        return "" if code is None else str(code)
    e = ETAT_BY_CODE[code]
    return e.label_fr if lang() == "fr" else e.label_en


def priority_label(code: str | None) -> str:
    if not isinstance(code, str) or code not in PRIORITY_BY_CODE:
        return t("none")
    p = PRIORITY_BY_CODE[code]
    return p.label_fr if lang() == "fr" else p.label_en


def status_label(code: str | None) -> str:
    return (
        t(code)
        if isinstance(code, str) and code in ("met", "breached", "at_risk", "running")
        else ""
    )


def reason(code: str) -> str:
    return reason_label(code, lang())


def fmt_int(n) -> str:
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    text = f"{int(n):,}"
    return text.replace(",", "\u202f") if lang() == "fr" else text


def fmt_num(x, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    text = f"{x:,.{digits}f}"
    if lang() == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def fmt_pct(x, digits: int = 1) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return fmt_num(100 * x, digits) + ("\u202f%" if lang() == "fr" else "%")


def fmt_hours(h) -> str:
    return "–" if h is None or (isinstance(h, float) and math.isnan(h)) else f"{fmt_num(h)} h"


def fmt_date(d) -> str:
    if d is None or d is pd.NaT or (isinstance(d, float) and math.isnan(d)):
        return ""
    if isinstance(d, datetime | pd.Timestamp):
        d = d.date()
    return d.strftime("%d/%m/%Y") if lang() == "fr" else d.isoformat()


def fmt_datetime(ts, tz: str) -> str:
    if ts is None or ts is pd.NaT or pd.isna(ts):
        return ""
    local = pd.Timestamp(ts).tz_convert(tz) if pd.Timestamp(ts).tzinfo else pd.Timestamp(ts)
    return local.strftime("%d/%m/%Y %H:%M") if lang() == "fr" else local.strftime("%Y-%m-%d %H:%M")


def date_format() -> str:
    """Format string for st.column_config date/datetime columns."""
    return "DD/MM/YYYY HH:mm" if lang() == "fr" else "YYYY-MM-DD HH:mm"


def day_format() -> str:
    return "DD/MM/YYYY" if lang() == "fr" else "YYYY-MM-DD"


def today_label(d: date) -> str:
    return fmt_date(d)
