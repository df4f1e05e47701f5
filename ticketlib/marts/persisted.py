"""Derived tables kept in the database, rebuilt from the raw tables after every import.

The dashboard reads them as they are when its configuration and as-of instant are the ones
they were built with (the usual case: default as-of, data/sla.toml); otherwise it replays into
temp tables of its own connection. They are never edited, only rebuilt.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

import duckdb

from ticketlib.domain.config import SlaConfig
from ticketlib.replay.run import replay

# Bumped whenever the derived tables' shape changes: older ones are then not read, the
# dashboard replays instead (and the next import rebuilds them).
DERIVED_VERSION = "5"  # 5: intervals.prev_role, etat_durations.role

# temp table built by the replay -> table kept in the database's `marts` schema
KEPT = {
    "int_intervals": "intervals",
    "mart_ticket_sla": "ticket_sla",
    "mart_etat_durations": "etat_durations",
    "mart_quality": "quality",
}
SCHEMA = "marts"


def config_fingerprint(config: SlaConfig) -> str:
    """Changes whenever any setting that moves a figure changes."""
    data = asdict(config)
    data.pop("source", None)
    data["rules"].pop("goal", None)  # drawn on charts, moves no figure
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def rebuild(con, config: SlaConfig, catalog: str | None = None) -> None:
    """Replay as of the latest instant and keep the marts in `[catalog.]marts.*`, with
    `marts.meta` saying what they were computed with (as_of, config fingerprint, version)."""
    info = replay(con, config)
    schema = f"{catalog}.{SCHEMA}" if catalog else SCHEMA
    con.execute(f"create schema if not exists {schema}")
    for temp_name, kept in KEPT.items():
        con.execute(f"create or replace table {schema}.{kept} as select * from temp.{temp_name}")
    for old in ("intervals", "ticket_sla", "etat_durations", "quality", "meta"):
        con.execute(f"drop table if exists main.derived_{old}")  # before version 4
    con.execute(f"create or replace table {schema}.meta (key varchar, value varchar)")
    con.executemany(
        f"insert into {schema}.meta values (?, ?)",
        [
            ["as_of", info.as_of.isoformat() if info.as_of else ""],
            ["config", config_fingerprint(config)],
            ["version", DERIVED_VERSION],
        ],
    )


def stored_state(con) -> dict[str, str]:
    """What the kept marts were computed with; {} when there are none."""
    try:
        return dict(con.execute(f"select key, value from {SCHEMA}.meta").fetchall())
    except duckdb.CatalogException:
        return {}
