"""A small history for the workflow pages' exact-value tests (Parcours, Historique, Dépassements).

Default calendar: Europe/Paris, Mon-Fri 09:00-18:00 (+01:00 in March 2025: Mon 3 .. Thu 6).
Targets: haute 1h/8h, moyenne 4h/24h, faible 8h/45h; at_risk 0.75; pause attente_client.
The as-of instant is the latest event: F5 taken in charge on Thu 6 March 09:00.

F1 haute   Alpha  ouvert 09:00 -> pris en compte 09:30 -> résolu 10:30 -> fermé 11:00 (Mon 3)
F2 moyenne Beta   ouvert Mon 10:00 -> pec 11:00 -> attente client 12:00 -> pec Tue 10:00
                  -> résolu 11:00 -> réouvert 12:00 -> pec 13:00 -> résolu 15:00 -> fermé Wed
                  TTO 1h met; TTR 1+1+1+1+2 = 6h met, paused 7h, 1 reopen
F3 faible  Alpha  ouvert Mon 09:00 -> résolu Tue 12:00 (unexpected) -> fermé Tue 13:00
                  TTO 9h+3h = 12h > 8h breached (closed, overrun 4h, consumed by ouvert 12h)
F4 haute   Gamma  ouvert Tue 09:00 -> pec 12:00 -> attente interne Wed 09:00 (still there)
                  TTO 3h breached; TTR 3+6+9 = 18h > 8h breached, open: overrun 10h, consumed by
                  attente interne 9h; TTR due Tue 17:00
F5 moyenne Beta   ouvert Wed 15:00 -> pec Thu 09:00: TTO 3h met, TTR 3h running
F6 haute   Gamma  ouvert Wed 12:00 -> pec 12:30: TTR 6h >= 0.75 x 8h at risk, consumed by
                  pris en compte 5.5h; due Thu 11:00
F7 moyenne Delta  created Thu 08:00, no event: ouvert, 0h
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import load_history

TITLE_F3 = "<script>alert(1)</script>"

TICKETS = [
    ["F1", "2025-03-03T09:00:00+01:00", "Haute", "Alpha", "Ann", "N1", "Panne messagerie"],
    ["F2", "2025-03-03T10:00:00+01:00", "Moyenne", "Beta", "Bob", "N2", "Lenteur du portail"],
    ["F3", "2025-03-03T09:00:00+01:00", "Faible", "Alpha", "Ann", "N1", TITLE_F3],
    ["F4", "2025-03-04T09:00:00+01:00", "Haute", "Gamma", "Cid", "N2", "Bloqué à la connexion"],
    ["F5", "2025-03-05T15:00:00+01:00", "Moyenne", "Beta", "Bob", "N1", "Question facture"],
    ["F6", "2025-03-05T12:00:00+01:00", "Haute", "Gamma", "Cid", "N2", "Erreur 500"],
    ["F7", "2025-03-06T08:00:00+01:00", "Moyenne", "Delta", "", "N1", "=1+1 formule"],
]

EVENTS = [
    ["F1", "2025-03-03T09:30:00+01:00", "PRIS EN COMPTE", ""],
    ["F1", "2025-03-03T10:30:00+01:00", "RÉSOLU", ""],
    ["F1", "2025-03-03T11:00:00+01:00", "FERMÉ", ""],
    ["F2", "2025-03-03T11:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F2", "2025-03-03T12:00:00+01:00", "EN ATTENTE DE VOTRE RETOUR", ""],
    ["F2", "2025-03-04T10:00:00+01:00", "Pris en compte", ""],
    ["F2", "2025-03-04T11:00:00+01:00", "RÉSOLU", ""],
    ["F2", "2025-03-04T12:00:00+01:00", "RÉOUVERT", ""],
    ["F2", "2025-03-04T13:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F2", "2025-03-04T15:00:00+01:00", "RÉSOLU", ""],
    ["F2", "2025-03-05T09:00:00+01:00", "FERMÉ", ""],
    ["F3", "2025-03-04T12:00:00+01:00", "RÉSOLU", ""],
    ["F3", "2025-03-04T13:00:00+01:00", "FERMÉ", ""],
    ["F4", "2025-03-04T12:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F4", "2025-03-05T09:00:00+01:00", "EN ATTENTE RETOUR INTERNE", ""],
    ["F5", "2025-03-06T09:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F6", "2025-03-05T12:30:00+01:00", "PRIS EN COMPTE", ""],
]


def build(tmp_path: Path) -> Path:
    return load_history(tmp_path, TICKETS, EVENTS, name="flow")


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

download = served
