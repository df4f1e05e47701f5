"""The raw tables as Parquet (`export-raw`): the bridge from a local import to a data lake.

What the replay reads from the store, nothing derived: `tickets`, `events`, `imports` (the zone
each import read naive times in) and `import_flags` (flags set at import, shown by `quality`).
Instants are written as Parquet TIMESTAMP(isAdjustedToUTC, MICROS), naive wall times as
TIMESTAMP(MICROS), enums (état, priority) as text.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ticketlib.db import store

RAW_TABLES = ("tickets", "events", "imports", "import_flags")


def read_raw(db: Path | str | None = None) -> dict[str, pa.Table]:
    """The raw tables of the database `db` as Arrow tables (enums as text)."""
    con = store.connect_read(db)
    try:
        return {name: con.sql(_select(con, name)).to_arrow_table() for name in RAW_TABLES}
    finally:
        con.close()


def export_raw(db: Path | str | None, out: Path | str) -> dict[str, int]:
    """Write `<out>/<table>.parquet` for each raw table; returns the row counts. `out` is
    created if needed; existing files of these names are replaced."""
    out = Path(out)
    if not Path(db or store.default_db()).exists():
        raise ValueError(f"{db}: base introuvable / database not found")
    out.mkdir(parents=True, exist_ok=True)
    con = store.connect_read(db)
    try:
        counts = {}
        for name in RAW_TABLES:
            target = str(out / f"{name}.parquet").replace("'", "''")
            con.execute(f"copy ({_select(con, name)}) to '{target}' (format parquet)")
            counts[name] = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        return counts
    finally:
        con.close()


def _select(con, name: str) -> str:
    """`select` of a raw table with its enum columns as varchar (names from the schema)."""
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'main' and table_name = $t order by ordinal_position",
        {"t": name},
    ).fetchall()
    parts = [
        f'"{c}"::varchar as "{c}"' if t.upper().startswith("ENUM") else f'"{c}"' for c, t in columns
    ]
    return f"select {', '.join(parts)} from {name}"
