"""One import, start to end: read and stage the files, land them, record the import.

It runs in a single write session: if anything fails (a file that cannot be used at all, an
error, the process killed), the database stays exactly as it was.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ticketlib.db import store, timeparse
from ticketlib.db.sqlident import quote_ident
from ticketlib.domain.config import ConfigError, SlaConfig, load_config
from ticketlib.domain.timestamps import plausible_range
from ticketlib.ingest.errors import printable
from ticketlib.ingest.files import FileError, unexpected
from ticketlib.ingest.formats import stage_files
from ticketlib.ingest.landing import FileReport, land
from ticketlib.ingest.rawbytes import check_limits
from ticketlib.ingest.reasons import reason_label
from ticketlib.ingest.staging import create_staging

Progress = Callable[[str, float], None]


@dataclass
class ImportReport:
    import_id: int
    format: str
    files: list[FileReport]
    unknown_statuses: dict[str, int] = field(default_factory=dict)
    unknown_priorities: dict[str, int] = field(default_factory=dict)
    tickets_total: int = 0
    events_total: int = 0
    seconds: float = 0.0
    aside: list[str] = field(default_factory=list)  # folder entries that are not data files

    def total(self, attr: str) -> int:
        if attr in ("quarantined", "skipped"):
            return sum(getattr(f, attr + "_total") for f in self.files)
        return sum(getattr(f, attr) for f in self.files)

    def summary(self, lang: str = "fr") -> str:
        fr = lang == "fr"
        lines = []
        for f in self.files:
            lines.append(
                f"{printable(f.name)} ({f.kind}, {f.format}): "
                + (
                    f"{f.rows_read} lues, {f.loaded} chargées"
                    + (f" (dont {f.updated} mises à jour)" if f.updated else "")
                    + f", {f.duplicates} doublons, {f.quarantined_total} en quarantaine"
                    if fr
                    else f"{f.rows_read} read, {f.loaded} loaded"
                    + (f" ({f.updated} updated)" if f.updated else "")
                    + f", {f.duplicates} duplicates, {f.quarantined_total} quarantined"
                )
                + (
                    (
                        f", {f.skipped_total} sans changement d'état"
                        if fr
                        else f", {f.skipped_total} not status changes"
                    )
                    if f.skipped
                    else ""
                )
            )
            for reason, n in f.quarantined.items():
                lines.append(f"    {reason_label(reason, lang)} [{reason}]: {n}")
            for reason, n in f.skipped.items():
                lines.append(f"    {reason_label(reason, lang)} [{reason}]: {n}")
            for note in f.notes:
                lines.append(f"    {note}")
        for title, values in (
            ("Statuts inconnus" if fr else "Unknown statuses", self.unknown_statuses),
            ("Priorités inconnues" if fr else "Unknown priorities", self.unknown_priorities),
        ):
            if values:
                shown = ", ".join(f"{v!r} ×{n}" for v, n in values.items())
                lines.append(f"{title}: {shown}")
        if self.aside:
            lines.append(
                (
                    "Fichiers laissés de côté (pas des données) : "
                    if fr
                    else "Files left aside (not data): "
                )
                + ", ".join(self.aside)
            )
        lines.append(
            (
                f"Import n°{self.import_id} en {self.seconds:.1f} s ; base : {self.tickets_total} tickets, "
                f"{self.events_total} événements."
            )
            if fr
            else (
                f"Import #{self.import_id} in {self.seconds:.1f} s; database: {self.tickets_total} "
                f"tickets, {self.events_total} events."
            )
        )
        return "\n".join(lines)


def run_import(
    paths: Sequence[Path | str],
    db: Path | str | None = None,
    fmt: str = "auto",
    mapping: Path | str | None = None,
    config: SlaConfig | None = None,
    progress: Progress | None = None,
    rebuild_derived: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> ImportReport:
    """Import files atomically; raise FileError (nothing stored) if one cannot be used at all.

    The derived tables (replay as of the latest event, with `config`) are rebuilt in the same
    write session, so readers always see raw and derived data that agree. While another import
    holds the database, `on_wait(message)` is told once (default: `progress(message, 0)`).
    """
    started = time.perf_counter()
    started_at = datetime.now(UTC)
    try:  # the limits set by environment variables, said as settings before any file is read
        check_limits()
        plausible_range(started_at)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    config = config or load_config()
    progress = progress or (lambda label, fraction: None)
    given = list(paths)
    paths, aside = expand_paths(given)
    if not paths:
        raise FileError(given or "-", "aucun fichier de données / no data file")
    for p in paths:
        _refuse_undecodable_name(p)
    on_wait = on_wait or (lambda message: progress(message, 0.0))
    with store.write_session(db, on_wait=on_wait) as con:
        import_id = con.execute("select coalesce(max(import_id), 0) + 1 from imports").fetchall()[
            0
        ][0]
        timeparse.install(con, config.calendar.timezone)
        kept = _temp_objects(con)
        create_staging(con)
        progress("lecture des fichiers / reading files", 0.1)
        staged, fmt_used = stage_files(con, paths, fmt, mapping)
        progress("chargement / landing", 0.5)
        try:
            reports = land(con, staged, import_id, config.calendar.timezone)
        except duckdb.Error as exc:  # odd data no check foresaw: named, never a traceback
            raise unexpected(paths, exc) from exc
        unknown_statuses = dict(
            con.execute(
                "select status_raw, count(*) from keyed_events where reason = 'unknown_status' "
                "group by all order by 2 desc, 1"
            ).fetchall()
        )
        unknown_priorities = dict(
            con.execute(
                "select priority_raw, count(*) from ("
                " select priority_raw from checked_tickets where reason = 'unknown_priority'"
                " union all select priority_raw from keyed_events where reason = 'unknown_priority')"
                " group by all order by 2 desc, 1"
            ).fetchall()
        )
        _record(con, import_id, started_at, fmt_used, config.calendar.timezone, staged, reports)
        _drop_landing(con, kept)
        if rebuild_derived:
            from ticketlib.marts.persisted import rebuild

            progress("tables dérivées / derived tables", 0.8)
            rebuild(con, config, import_id=import_id)
        tickets_total, events_total = con.execute(
            "select (select count(*) from tickets), (select count(*) from events)"
        ).fetchall()[0]
        progress("écriture / writing", 0.95)
    progress("terminé / done", 1.0)
    return ImportReport(
        import_id,
        fmt_used,
        reports,
        unknown_statuses,
        unknown_priorities,
        tickets_total,
        events_total,
        time.perf_counter() - started,
        [p.name for p in aside],
    )


DATA_SUFFIXES = (
    ".csv",
    ".tsv",
    ".txt",
    ".parquet",
    ".pq",
    ".json",
    ".jsonl",
    ".ndjson",
    ".xes",
    ".gz",
)


def _refuse_undecodable_name(path: Path) -> None:
    """A path whose bytes are not UTF-8 (a Latin-1 name from an old archive: `caf\\xe9.csv`)
    cannot be handed to DuckDB: refused on one line saying so (before: DuckDB's "Python
    Conversion Failure ... surrogate")."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise FileError(
            shown,
            "nom de fichier non UTF-8 : renommez-le / file name not UTF-8: rename it",
        ) from None


def expand_paths(paths: Sequence[Path | str]) -> tuple[list[Path], list[Path]]:
    """Files as given; a folder stands for its visible data files, in name order. Returns the
    files to import and the folder entries left aside (documentation, archives, ...)."""
    out: list[Path] = []
    aside: list[Path] = []
    for p in map(Path, paths):
        try:
            is_dir = p.is_dir()
        except OSError as exc:  # a name too long for the system, ...: one short line
            name = p.name if len(p.name) <= 60 else f"{p.name[:40]}…{p.name[-12:]}"
            raise FileError(name, f"chemin inutilisable / unusable path: {exc.strerror}") from None
        if is_dir:
            for f in sorted(p.iterdir()):
                if not f.is_file() or f.name.startswith("."):
                    continue
                (out if f.name.lower().endswith(DATA_SUFFIXES) else aside).append(f)
        else:
            out.append(p)
    return out, aside


def _record(con, import_id, started_at, fmt, tz, staged, reports: list[FileReport]) -> None:
    con.execute(
        "insert into imports values ($id, $started, $now, $fmt, $tz, $read, $loaded, $dups, $q)",
        {
            "id": import_id,
            "started": started_at,
            "now": datetime.now(UTC),
            "fmt": fmt,
            "tz": tz,
            "read": sum(r.rows_read for r in reports),
            "loaded": sum(r.loaded for r in reports),
            "dups": sum(r.duplicates for r in reports),
            "q": sum(r.quarantined_total for r in reports),
        },
    )
    con.executemany(
        "insert into import_files values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                import_id,
                f.file_index,
                r.name,
                str(f.path.resolve()),
                r.kind,
                r.format,
                r.size,
                r.sha256,
                r.rows_read,
                r.loaded,
                r.updated,
                r.duplicates,
                r.quarantined_total,
            ]
            for f, r in zip(staged, reports)
        ],
    )


def _temp_objects(con) -> set[tuple[str, str]]:
    """The temp tables and views on `con`, as (kind, name)."""
    return set(
        con.execute(
            "select 'table', table_name from duckdb_tables() where temporary "
            "union all select 'view', view_name from duckdb_views() "
            "where temporary and not internal"
        ).fetchall()
    )


def _drop_landing(con, kept: set[tuple[str, str]]) -> None:
    """Drop the temp tables and views the import made (the files' text, the keyed rows: as wide
    as the files), all but `kept`, so that they do not hold memory through the replay."""
    made = _temp_objects(con) - kept
    for kind, name in sorted(made, key=lambda o: o[0] == "table"):  # views first
        con.execute(f"drop {kind} if exists temp.{quote_ident(name)}")
