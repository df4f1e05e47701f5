"""The CLI's CSV/Parquet outputs (DESIGN §5.3): replay, then copy `sql/outputs/out_<kind>.sql`.

Imports no pandas: `sla`, `durations` and `quality` start as fast as DuckDB does.
"""

from __future__ import annotations

from pathlib import Path

from ticketlib.db import store
from ticketlib.db.sqlfiles import run_script, sql
from ticketlib.db.sqlident import quote_ident
from ticketlib.domain.config import SlaConfig, load_config
from ticketlib.replay.run import replay

CLI_OUTPUTS = {"sla": "out_sla", "durations": "out_durations", "quality": "out_quality"}


def cli_frame(kind: str, db=None, config: SlaConfig | None = None, as_of=None):
    """The rows a CLI export would write, as a pandas DataFrame (timestamps stay UTC-aware)."""
    con = store.connect_read(db)
    try:
        replay(con, config, as_of, scope=kind)
        return con.execute(sql(CLI_OUTPUTS[kind])).df()
    finally:
        con.close()


def use_kept_marts(con, config: SlaConfig, as_of) -> bool:
    """When the database's kept marts (`marts.*`) were computed with this configuration, this
    version and the default as-of instant that `as_of` asks for, name them as the replay's
    temp tables (views) so the outputs copy them out without replaying; else False."""
    from ticketlib.marts.persisted import (
        DERIVED_VERSION,
        KEPT,
        SCHEMA,
        config_fingerprint,
        stored_state,
    )
    from ticketlib.replay.run import resolve_as_of

    if as_of is not None and as_of != "":
        return False
    state = stored_state(con)
    if state.get("version") != DERIVED_VERSION or state.get("config") != config_fingerprint(config):
        return False
    latest = resolve_as_of(con, config, None)
    if latest is None or latest.isoformat() != state.get("as_of"):
        return False
    for temp, kept in KEPT.items():
        con.execute(f"create or replace temp view {temp} as select * from {SCHEMA}.{kept}")
    return True


def csv_select(con, query: str) -> tuple[str, bool]:
    """A select over `query` with its instant columns as local ISO 8601 text (`iso_local.sql`),
    and whether it binds `$tz` (a table without instants binds nothing)."""
    described = con.execute(f"select * from ({query}) limit 0").description
    instants = [d[0] for d in described if "TIMESTAMP" in str(d[1]).upper()]
    if not instants:
        return f"select * from ({query})", False
    walls = ", ".join(
        f"timezone($tz, {quote_ident(c)}) as {quote_ident('wall ' + c)}" for c in instants
    )
    columns = ", ".join(
        f"iso_wall({quote_ident(c)}, {quote_ident('wall ' + c)}) as {quote_ident(c)}"
        if c in instants
        else quote_ident(c)
        for c in (d[0] for d in described)
    )
    return f"select {columns} from (select *, {walls} from ({query}))", True


def write_cli_export(
    kind: str, out: Path, db=None, config: SlaConfig | None = None, as_of=None
) -> int:
    """Replay as of `as_of` and write the `kind` table to `out` (.csv or .parquet); the number
    of rows written."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".parquet"):
        raise ValueError(f"{out.name}: extension .csv ou .parquet attendue / expected")
    config = config or load_config()
    con = store.connect_read(db)
    try:
        if not use_kept_marts(con, config, as_of):
            replay(con, config, as_of, scope=kind)
        tz = config.calendar.timezone
        query = sql(CLI_OUTPUTS[kind]).strip().rstrip(";")
        out.parent.mkdir(parents=True, exist_ok=True)
        target = str(out).replace("'", "''")
        if suffix == ".csv":
            run_script(con, "iso_local")
            select, binds = csv_select(con, query)
            written = con.execute(
                f"copy ({select}) to '{target}' (format csv, header)",
                {"tz": tz} if binds else None,
            )
        else:
            written = con.execute(f"copy ({query}) to '{target}' (format parquet)")
        return written.fetchall()[0][0]
    finally:
        con.close()
