"""Derived tables kept in the database, rebuilt from the raw tables after every import.

The dashboard reads them as they are when its configuration and as-of instant are the ones
they were built with (the usual case: default as-of, data/sla.toml); otherwise it replays into
temp tables of its own connection. They are never edited, only rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from ticketlib.domain.config import SlaConfig
from ticketlib.replay.run import replay

# Bumped whenever the derived tables' shape changes: older ones are then not read, the
# dashboard replays instead (and the next import rebuilds them).
DERIVED_VERSION = "4"

# temp table built by the replay -> table kept in the database
KEPT = {
    "int_intervals": "derived_intervals",
    "mart_ticket_sla": "derived_ticket_sla",
    "mart_etat_durations": "derived_etat_durations",
    "mart_quality": "derived_quality",
}


def config_fingerprint(config: SlaConfig) -> str:
    """Changes whenever any setting that moves a figure changes."""
    data = asdict(config)
    data.pop("source", None)
    data["rules"].pop("goal", None)  # drawn on charts, moves no figure
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def rebuild(con, config: SlaConfig) -> None:
    info = replay(con, config)
    for temp_name, kept in KEPT.items():
        con.execute(f"create or replace table main.{kept} as select * from temp.{temp_name}")
    con.execute("create or replace table main.derived_meta (key varchar, value varchar)")
    con.executemany(
        "insert into main.derived_meta values (?, ?)",
        [
            ["as_of", info.as_of.isoformat() if info.as_of else ""],
            ["config", config_fingerprint(config)],
            ["version", DERIVED_VERSION],
        ],
    )


def stored_state(con) -> dict[str, str]:
    try:
        return dict(con.execute("select key, value from main.derived_meta").fetchall())
    except Exception:
        return {}
