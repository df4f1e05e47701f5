"""Derived tables kept in the database, brought up to date after every import.

The dashboard reads them as they are when its configuration and as-of instant are the ones
they were built with (the usual case: default as-of, data/sla.toml); otherwise it replays into
temp tables of its own connection. An import rebuilds them whole, or replays only the tickets
it touched and those still open (`marts/incremental.py`) when nothing else moved.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

import duckdb

from ticketlib.db.sqlfiles import query
from ticketlib.domain.config import SlaConfig
from ticketlib.replay.run import _epoch_us, replay

# Bumped whenever the derived tables' shape changes: older ones are then not read, the
# dashboard replays instead (and the next import rebuilds them).
DERIVED_VERSION = "6"  # 5: intervals.prev_role, etat_durations.role; 6: compliance columns, etat

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


def rebuild(
    con, config: SlaConfig, catalog: str | None = None, import_id: int | None = None
) -> str:
    """Bring the marts in `[catalog.]marts.*` up to date as of the latest instant, with
    `marts.meta` saying what they were computed with (as_of, config fingerprint, version,
    calendar origin). After import `import_id`, only the tickets it touched and those still
    open are replayed when the kept marts allow it (`incremental.refresh`); else everything.
    Returns "incremental" or "full"."""
    if import_id is not None and catalog is None:
        from ticketlib.marts.incremental import refresh

        if refresh(con, config, import_id):
            return "incremental"
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
            *origin_rows(info),
        ],
    )
    return "full"


def origin_rows(info) -> list[list[str]]:
    """The meta rows an incremental refresh needs: the calendar's first day (business
    microseconds count from it) and the as-of instant in wall and business microseconds."""
    if info.windows is None or info.as_of is None:
        return []
    as_of_us = _epoch_us(info.as_of)
    return [
        ["calendar_first_day", info.windows.first_day.isoformat()],
        ["as_of_us", str(as_of_us)],
        ["as_of_b_us", str(info.windows.business_at(as_of_us))],
    ]


def stored_state(con) -> dict[str, str]:
    """What the kept marts were computed with; {} when there are none."""
    try:
        return dict(query(con, "marts_meta").fetchall())
    except duckdb.CatalogException:
        return {}
