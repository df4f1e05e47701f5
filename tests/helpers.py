"""Small builders shared by the tests: histories in, database and CLI frames out."""

from __future__ import annotations

import csv
from pathlib import Path

from ticketlib.domain.config import load_config, parse_config
from ticketlib.ingest import run_import
from ticketlib.outputs.cli_export import cli_frame

TICKET_COLUMNS = ["ticket_id", "created_at", "priority", "customer", "assignee", "team", "title"]
EVENT_COLUMNS = ["ticket_id", "timestamp", "status", "priority"]


def write_csv(path: Path, columns: list[str], rows: list, delimiter: str = ",") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(columns)
        for row in rows:
            if isinstance(row, dict):
                row = [row.get(c, "") for c in columns]
            w.writerow(list(row) + [""] * (len(columns) - len(row)))
    return path


def config_from(text: str | None = None, **sections):
    """An SlaConfig from TOML text (or the default data/sla.toml)."""
    if text is None and not sections:
        return load_config()
    import tomllib

    return parse_config(tomllib.loads(text or ""), "<test>")


def load_history(tmp_path: Path, tickets: list, events: list, config=None, name="db") -> Path:
    """Import tickets and events (lists of rows in the generic columns) into a fresh database."""
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    paths = []
    if tickets:
        paths.append(write_csv(folder / "tickets.csv", TICKET_COLUMNS, tickets))
    if events:
        paths.append(write_csv(folder / "events.csv", EVENT_COLUMNS, events))
    db = folder / "t.duckdb"
    run_import(paths, db=db, config=config or load_config())
    return db


def sla_rows(db: Path, config=None, as_of=None) -> dict[str, dict]:
    """The `sla` command's rows keyed by ticket id."""
    frame = cli_frame("sla", db, config or load_config(), as_of)
    return {r["ticket_id"]: r for r in frame.to_dict("records")}


def durations(db: Path, config=None, as_of=None) -> dict[tuple[str, str], dict]:
    frame = cli_frame("durations", db, config or load_config(), as_of)
    return {(r["ticket_id"], r["etat"]): r for r in frame.to_dict("records")}


def import_into(folder: Path, *paths, name: str = "t.duckdb", **kw):
    """Import `paths` into a fresh database in `folder`: (report, database path)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / name
    return run_import(list(paths), db=db, **kw), db


def reports_by_file(report) -> dict[tuple[str, str], object]:
    return {(f.name, f.kind): f for f in report.files}


def events_by_ticket(db, priority: bool = False) -> dict[str, list[tuple]]:
    """Stored events per ticket: (local 'dd/mm HH:MM', état, raw status[, priority])."""
    from ticketlib.db import store

    con = store.connect_read(db)
    rows = con.execute(
        "select t.ticket_id, strftime(timezone('Europe/Paris', e.ts), '%d/%m %H:%M'), "
        "e.etat::varchar, e.status_raw"
        + (", e.priority::varchar " if priority else " ")
        + "from events e join tickets t using (ticket_key) order by t.ticket_id, e.ts, e.seq"
    ).fetchall()
    con.close()
    out: dict[str, list[tuple]] = {}
    for ticket, *rest in rows:
        out.setdefault(ticket, []).append(tuple(rest))
    return out
