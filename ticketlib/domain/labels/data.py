"""Labels of the Données and Requêtes SQL pages, and why a row was not loaded (`REASONS`)."""

from __future__ import annotations

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
