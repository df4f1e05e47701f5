"""A small history with known SLA figures for the SLA pages' tests (Vue d'ensemble, Conformité).

Default calendar: Europe/Paris, Mon-Fri 09:00-18:00, no holiday in March 2025 (+01:00).
Targets: haute 1h/8h, moyenne 4h/24h, faible 8h/45h; at_risk 0.75. Local times below.
The as-of instant is the latest event: S3 closed on Fri 14 March 17:00.

S1 haute   team A  Alpha  Mon 3  09:00 -> pec 09:30 -> résolu 12:00 -> fermé Tue 4 10:00
                          TTO 0.5h met, TTR 3h met
S2 haute   team A  Beta   Mon 3  10:00 -> pec 12:00 -> résolu Tue 4 10:00 (stays résolu)
                          TTO 2h breached, TTR 8h + 1h = 9h breached
S3 moyenne team B  Alpha  Tue 4  09:00 -> pec 11:00 -> résolu Wed 5 09:00 -> fermé Fri 14 17:00
                          TTO 2h met, TTR 9h met
S4 faible  team B  Beta   Wed 5  09:00 -> pec 17:00 (still there)
                          TTO 8h met (= target), TTR 3 x 9h + 4 x 9h + 8h = 71h breached, open
S5 moyenne team A  Gamma  Mon 10 09:00 -> pec 09:15 (still there)
                          TTO 0.25h met, TTR 4 x 9h + 8h = 44h breached, open
S6 haute   team B  Gamma  Fri 14 10:00 -> pec 10:10 (still there)
                          TTO 1/6h met, TTR 7h >= 0.75 x 8h: at risk, open
S7 faible  team A  Alpha  Fri 14 16:00, no event: ouvert, TTO 1h and TTR 1h running

Weeks (created): 3 March: S1-S4; 10 March: S5-S7.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import load_history

TICKETS = [
    ["S1", "2025-03-03T09:00:00", "haute", "Alpha", "Ann", "A", "Messagerie en panne"],
    ["S2", "2025-03-03T10:00:00", "haute", "Beta", "Bob", "A", "Portail lent"],
    ["S3", "2025-03-04T09:00:00", "moyenne", "Alpha", "Cid", "B", "Question facture"],
    ["S4", "2025-03-05T09:00:00", "faible", "Beta", "Cid", "B", "Export CSV"],
    ["S5", "2025-03-10T09:00:00", "moyenne", "Gamma", "Ann", "A", "Droits d'accès"],
    ["S6", "2025-03-14T10:00:00", "haute", "Gamma", "Dan", "B", "Erreur 500"],
    ["S7", "2025-03-14T16:00:00", "faible", "Alpha", "", "A", "=1+1 formule"],
]

EVENTS = [
    ["S1", "2025-03-03T09:30:00", "PRIS EN COMPTE", ""],
    ["S1", "2025-03-03T12:00:00", "RÉSOLU", ""],
    ["S1", "2025-03-04T10:00:00", "FERMÉ", ""],
    ["S2", "2025-03-03T12:00:00", "PRIS EN COMPTE", ""],
    ["S2", "2025-03-04T10:00:00", "RÉSOLU", ""],
    ["S3", "2025-03-04T11:00:00", "PRIS EN COMPTE", ""],
    ["S3", "2025-03-05T09:00:00", "RÉSOLU", ""],
    ["S3", "2025-03-14T17:00:00", "FERMÉ", ""],
    ["S4", "2025-03-05T17:00:00", "PRIS EN COMPTE", ""],
    ["S5", "2025-03-10T09:15:00", "PRIS EN COMPTE", ""],
    ["S6", "2025-03-14T10:10:00", "PRIS EN COMPTE", ""],
]


def build(tmp_path: Path) -> Path:
    return load_history(tmp_path, TICKETS, EVENTS, name="sla")


# --- page tests (shared helpers in tests/apptest.py) ------------------------------------------

from tests.apptest import (  # noqa: E402,F401  (re-exported for the page tests)
    APP,
    capture_downloads,
    csv_rows,
    downloads,
    exceptions,
    figures,
    frame_of,
    frame_with,
    open_page,
    served,
)


def metrics(at) -> dict[str, tuple[str, str | None]]:
    """KPI cards: label -> (value, delta)."""
    return {m.label: (m.value, m.delta or None) for m in at.metric}
