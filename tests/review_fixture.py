"""A small history with known answers for the customer review and the data page.

Calendar: data/sla.toml (Mon-Fri 09:00-18:00 Europe/Paris). Alpha has three tickets:
- A1 (haute) 09:00 -> taken 09:30 -> waits for the customer 10:00-12:00 -> internal wait
  13:00-14:00 -> resolved 15:00 -> closed 16:00: TTO 0.5 h met, TTR 4 h met; agent work 3 h,
  customer wait 2 h, internal wait 1 h.
- A2 (moyenne) Mon 10:00 -> taken 16:00 -> resolved Thu 10:00: TTO 6 h breached (by 2 h, in
  OUVERT), TTR 27 h breached (by 3 h; PRIS EN COMPTE consumed 21 h).
- A3 (faible) 1 April 09:00 -> taken 10:00, still open: TTO 1 h met, TTR 9 h running.
Beta has B1 (the latest event, so the as-of instant); Gamma has C1 with an unknown status
(quarantined, so C1 is flagged incomplete_history) and an unexpected transition OUVERT ->
RÉSOLU (a quality flag).
"""

from __future__ import annotations

TICKETS = [
    ["A1", "2025-03-03T09:00:00+01:00", "haute", "Alpha", "Léa", "N1", "Export <b>cassé</b>"],
    ["A2", "2025-03-03T10:00:00+01:00", "moyenne", "Alpha", "Léa", "N1", "Facture & avoir"],
    ["A3", "2025-04-01T09:00:00+02:00", "faible", "Alpha", "Marc", "N2", "Question"],
    ["B1", "2025-04-02T08:00:00+02:00", "haute", "Beta", "Marc", "N2", "Panne"],
    ["C1", "2025-03-10T09:00:00+01:00", "faible", "Gamma", "Léa", "N1", "=cmd|' /C calc'!A0"],
]
EVENTS = [
    ["A1", "2025-03-03T09:30:00+01:00", "PRIS EN COMPTE", "haute"],
    ["A1", "2025-03-03T10:00:00+01:00", "EN ATTENTE DE VOTRE RETOUR", ""],
    ["A1", "2025-03-03T12:00:00+01:00", "PRIS EN COMPTE", ""],
    ["A1", "2025-03-03T13:00:00+01:00", "EN ATTENTE RETOUR INTERNE", ""],
    ["A1", "2025-03-03T14:00:00+01:00", "PRIS EN COMPTE", ""],
    ["A1", "2025-03-03T15:00:00+01:00", "RÉSOLU", ""],
    ["A1", "2025-03-03T16:00:00+01:00", "FERMÉ", ""],
    ["A2", "2025-03-03T16:00:00+01:00", "PRIS EN COMPTE", "moyenne"],
    ["A2", "2025-03-06T10:00:00+01:00", "RÉSOLU", ""],
    ["A3", "2025-04-01T10:00:00+02:00", "PRIS EN COMPTE", "faible"],
    ["B1", "2025-04-02T09:00:00+02:00", "PRIS EN COMPTE", "haute"],
    ["C1", "2025-03-10T10:00:00+01:00", "EN COURS", ""],
    ["C1", "2025-03-10T11:00:00+01:00", "RÉSOLU", ""],
]
