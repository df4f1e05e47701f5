"""Reconciliation of real exports (issue 4 §7): import into a fresh database, check the sums.

`reconcile(paths, fmt)` imports any list of files (any format) into a database of its own and
returns, per staged entry, the rows read and what became of each: loaded, duplicate, skipped
(by reason: rows that are not events) or quarantined (by reason); plus the unmapped statuses
and priorities and the tickets and events stored. `Reconciliation.table()` prints it;
`check()` lists what does not add up (empty when all is well). `REALDATA` names the files of
each public sample in `../shared/realdata` (`realdata_root()`), and `made_sla_crosstab` sets our
TTR status beside the `made_sla` flag of a ServiceNow audit log, for information only (their SLA
definitions are unknown).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ticketlib.domain.config import PROJECT_ROOT, SlaConfig, load_config
from ticketlib.ingest import run_import
from ticketlib.ingest.landing import FileReport

# dataset folder -> imports (files imported together, format); devlake_jira: see the Jira tests
REALDATA: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "uci_incident_event_log": [(("incident_event_log_first500cases.csv",), "auto")],
    "servicenow_pdi_incidents": [(("incidents_REST.csv",), "auto")],
    "bpi2013_incidents": [
        (("VINST-new.csv",), "auto"),
        (("bpi_challenge_2013_incidents.xes.gz",), "auto"),
    ],
    "bpi2013_closed_problems": [
        (("bpi_challenge_2013_closed_problems.csv",), "auto"),
        (("bpi_challenge_2013_closed_problems.xes.gz",), "auto"),
    ],
    "bpic2014_rabobank_subset": [
        (("incident_activity.csv", "incident_case_attributes.csv"), "auto"),
    ],
    "helpdesk_italian": [(("helpdesk.csv",), "auto")],
}
UCI_FULL = ("uci_incident_event_log", "incident_event_log.csv")


def realdata_root() -> Path:
    """`$TICKETLIB_REALDATA`, else `shared/realdata` beside the project folder."""
    env = os.environ.get("TICKETLIB_REALDATA")
    return Path(env) if env else PROJECT_ROOT.parent / "shared" / "realdata"


@dataclass
class Reconciliation:
    label: str
    format: str
    files: list[FileReport]
    unknown_statuses: dict[str, int] = field(default_factory=dict)
    unknown_priorities: dict[str, int] = field(default_factory=dict)
    tickets: int = 0
    events: int = 0
    seconds: float = 0.0
    db: Path | None = None

    def total(self, attr: str, kind: str | None = None) -> int:
        files = [f for f in self.files if kind is None or f.kind == kind]
        if attr in ("quarantined", "skipped"):
            return sum(getattr(f, attr + "_total") for f in files)
        return sum(getattr(f, attr) for f in files)

    def check(self) -> list[str]:
        """What does not add up; empty when every row is accounted for."""
        problems = [
            f"{f.name} ({f.kind}): {f.rows_read} != {f.loaded} + {f.duplicates} + "
            f"{f.skipped_total} + {f.quarantined_total}"
            for f in self.files
            if not f.balanced
        ]
        if self.events != self.total("loaded", "events"):
            problems.append(
                f"events stored {self.events} != loaded {self.total('loaded', 'events')}"
            )
        if self.tickets < self.total("loaded", "tickets"):
            problems.append(
                f"tickets stored {self.tickets} < loaded {self.total('loaded', 'tickets')}"
            )
        return problems

    def table(self) -> str:
        head = ("file", "kind", "read", "loaded", "dup", "skipped", "quarant.", "ok")
        rows = [
            (
                f.name,
                f.kind,
                f.rows_read,
                f.loaded,
                f.duplicates,
                f.skipped_total,
                f.quarantined_total,
                "yes" if f.balanced else "NO",
            )
            for f in self.files
        ]
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]

        def line(r) -> str:
            return "  ".join(
                str(v).ljust(w) if i < 2 else str(v).rjust(w)
                for i, (v, w) in enumerate(zip(r, widths))
            )

        out = [f"== {self.label} (format {self.format}, {self.seconds:.2f} s)", line(head)]
        for f, r in zip(self.files, rows):
            out.append(line(r))
            for title, values in (("skipped", f.skipped), ("quarantined", f.quarantined)):
                if values:
                    out.append(f"    {title}: " + ", ".join(f"{k} {n}" for k, n in values.items()))
            out.extend(f"    {note}" for note in f.notes)
        for title, values in (
            ("unmapped statuses", self.unknown_statuses),
            ("unmapped priorities", self.unknown_priorities),
        ):
            shown = ", ".join(f"{v!r} ×{n}" for v, n in values.items()) or "none"
            out.append(f"{title}: {shown}")
        out.append(
            f"events loaded {self.total('loaded', 'events')}, database: {self.tickets} tickets, "
            f"{self.events} events; sums: {'ok' if not self.check() else '; '.join(self.check())}"
        )
        return "\n".join(out)


def reconcile(
    paths: Sequence[Path | str],
    fmt: str = "auto",
    mapping: Path | str | None = None,
    db: Path | str | None = None,
    config: SlaConfig | None = None,
    label: str | None = None,
) -> Reconciliation:
    """Import `paths` into `db` (default: a fresh temporary file, removed afterwards)."""
    paths = [Path(p) for p in paths]
    label = label or ", ".join(p.name for p in paths)
    if db is None:
        with tempfile.TemporaryDirectory(prefix="ticketlib-reconcile-") as tmp:
            return reconcile(paths, fmt, mapping, Path(tmp) / "r.duckdb", config, label)
    report = run_import(paths, db=db, fmt=fmt, mapping=mapping, config=config or load_config())
    return Reconciliation(
        label,
        report.format,
        report.files,
        report.unknown_statuses,
        report.unknown_priorities,
        report.tickets_total,
        report.events_total,
        report.seconds,
        Path(db),
    )


def made_sla_crosstab(db: Path | str, export: Path | str, config: SlaConfig | None = None):
    """Rows (our TTR status, their made_sla on the incident's last row, incidents), information
    only. Their flag is ServiceNow's own SLA verdict, with definitions we do not know."""
    from ticketlib.outputs.cli_export import cli_frame

    ours = cli_frame("sla", db, config or load_config())[["ticket_id", "ttr_status"]]
    con = duckdb.connect()
    try:
        con.register("ours", ours)
        return con.execute(
            """
            with rows as (
                select number, made_sla, row_number() over () as r
                from read_csv($p, all_varchar = true, header = true)
            ), theirs as (
                select number, arg_max(made_sla, r) as made_sla from rows group by number
            )
            select coalesce(o.ttr_status, '(absent)') as ttr_status,
                   coalesce(t.made_sla, '(absent)') as made_sla, count(*) as incidents
            from theirs t full join ours o on o.ticket_id = t.number
            group by all order by all
            """,
            {"p": str(export)},
        ).fetchall()
    finally:
        con.close()


def crosstab_text(rows) -> str:
    """The crosstab as a small table: TTR status down, made_sla across."""
    statuses = sorted({r[0] for r in rows})
    flags = sorted({r[1] for r in rows})
    cell = {(r[0], r[1]): r[2] for r in rows}
    width = max([len("ttr_status \\ made_sla"), *map(len, statuses)])
    lines = ["ttr_status \\ made_sla".ljust(width) + "".join(f"{f:>10}" for f in flags)]
    for s in statuses:
        lines.append(s.ljust(width) + "".join(f"{cell.get((s, f), 0):>10}" for f in flags))
    return "\n".join(lines)
