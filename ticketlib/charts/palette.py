"""One palette for the whole app: every chart colours an état, a priority or a clock status
the same way, keyed by code (never by label, so FR and EN draw alike)."""

from __future__ import annotations

# États in workflow order: blue for the new ticket, warm colours while the desk works, purple
# and yellow for the two waits, greens once resolved, red for a reopened ticket.
ETAT_COLOURS: dict[str, str] = {
    "ouvert": "#4C78A8",
    "pris_en_compte": "#F58518",
    "attente_client": "#B279A2",
    "attente_interne": "#ECC94B",
    "resolu": "#54A24B",
    "ferme": "#9DBF9E",
    "reouvert": "#E45756",
}

PRIORITY_COLOURS: dict[str, str] = {
    "haute": "#C0392B",
    "moyenne": "#E67E22",
    "faible": "#2E86C1",
}
NO_PRIORITY_COLOUR = "#95A5A6"

STATUS_COLOURS: dict[str, str] = {
    "met": "#2E7D32",
    "breached": "#C62828",
    "at_risk": "#F9A825",
    "running": "#90A4AE",
}

# everything that is neither: totals, the configured side of a comparison, target lines
NEUTRAL = "#5F6B7A"
TARGET_LINE = "#212121"
WHAT_IF = "#8E44AD"

# red (0 %) -> amber -> green (100 %), for compliance heatmaps
COMPLIANCE_SCALE: list[list] = [
    [0.0, "#B71C1C"],
    [0.5, "#F57C00"],
    [0.8, "#FBC02D"],
    [0.9, "#9CCC65"],
    [1.0, "#2E7D32"],
]


def etat_colour(code: str | None) -> str:
    return ETAT_COLOURS.get(code or "", NEUTRAL)


def priority_colour(code: str | None) -> str:
    return PRIORITY_COLOURS.get(code or "", NO_PRIORITY_COLOUR)


def status_colour(code: str | None) -> str:
    return STATUS_COLOURS.get(code or "", NEUTRAL)
