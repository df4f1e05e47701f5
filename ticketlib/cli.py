"""`python -m ticketlib ...`: the command line of DESIGN §5.3."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ticketlib.domain.config import ConfigError, load_config


def _lang() -> str:
    return "en" if os.environ.get("TICKETLIB_LANG", "fr").lower().startswith("en") else "fr"


def _progress(label: str, fraction: float) -> None:
    if sys.stderr.isatty():
        print(f"\r[{int(fraction * 100):3d} %] {label:<40}", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)


def _one_line(text: str) -> str:
    """A message on one line: line breaks and control characters (from file names or
    headers) become spaces."""
    return " ".join("".join(c if c.isprintable() else " " for c in str(text)).split())


def _waiting(message: str) -> None:
    """Said whether or not stderr is a terminal: an import that seems stuck says why."""
    print(message, file=sys.stderr, flush=True)


def cmd_load(args) -> int:
    """Import; any failure is one line on stderr naming the file(s), exit 2, nothing stored
    (the write session replaces the database only when the import landed)."""
    from ticketlib.db import store
    from ticketlib.ingest import FileError, run_import
    from ticketlib.ingest.errors import unexpected

    config = load_config(args.config)
    try:
        report = run_import(
            args.paths,
            db=args.db,
            fmt=args.format,
            mapping=args.mapping,
            config=config,
            progress=_progress,
            on_wait=_waiting,
        )
    except (FileError, store.DatabaseError) as exc:
        why = exc
    except ConfigError:
        raise  # main() says which setting, on one line
    except Exception as exc:  # no input may end in a traceback
        why = unexpected(args.paths, exc)
    else:
        print(report.summary(_lang()))
        return 0
    if sys.stderr.isatty():
        print(file=sys.stderr)  # after the progress line
    print(
        _one_line(f"erreur / error: {why} ; rien n'a été importé / nothing was imported."),
        file=sys.stderr,
    )
    return 2


def cmd_demo(args) -> int:
    from ticketlib.demo import write_demo

    out = Path(args.out)
    counts = write_demo(out, tickets=args.tickets, seed=args.seed)
    print(f"{out}: {counts['tickets']} tickets, {counts['events']} événements / events")
    print(
        "Ces fichiers contiennent des doublons, des lignes invalides et un statut inconnu voulus : "
        "`load` les signalera (la démo montre comment ils sont traités). / These files hold "
        "deliberate duplicates, invalid rows and an unknown status: `load` will report them "
        "(the demo shows how they are handled)."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ticketlib", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p, config=True):
        p.add_argument(
            "--db", type=Path, default=None, help="base DuckDB (défaut data/tickets.duckdb)"
        )
        if config:
            p.add_argument(
                "--config", type=Path, default=None, help="sla.toml (défaut data/sla.toml)"
            )
            p.add_argument(
                "--memory",
                default=None,
                metavar="SIZE",
                help="mémoire de DuckDB, au-delà il écrit sur disque (défaut : 1GB, ou la "
                "moitié de la mémoire de la machine si moins) / DuckDB's memory budget, "
                "spilling to disk beyond it (default: 1GB, or half the machine's memory if "
                "less), e.g. 2GB, 512MB",
            )
            p.add_argument(
                "--partitions",
                type=int,
                default=None,
                metavar="N",
                help="rejouer par N partitions de tickets (défaut : selon la taille des données "
                "et la mémoire ; Spark : 2 par cœur) / replay in N ticket partitions (default: "
                "from the data size and the memory budget; Spark: 2 per core)",
            )

    p = sub.add_parser("load", help="importer des exports / import exports")
    p.add_argument("paths", nargs="+", type=Path)
    common(p)
    p.add_argument(
        "--format",
        default="auto",
        choices=["auto", "csv", "jira", "zendesk", "servicenow", "eventlog"],
    )
    p.add_argument("--mapping", type=Path, default=None, help="mapping TOML des statuts/priorités")
    p.set_defaults(func=cmd_load)

    for name, helptext in (
        ("sla", "SLA par ticket / SLA per ticket"),
        ("durations", "durées par état / time per état"),
        ("quality", "qualité des données / data quality flags"),
    ):
        p = sub.add_parser(name, help=helptext)
        common(p)
        p.add_argument("--as-of", default=None, help="ISO 8601 (naïf = heure locale du calendrier)")
        p.add_argument("--out", type=Path, required=True, help=".csv ou .parquet")
        p.set_defaults(func=cmd_export, export=name)
        spark_options(p)

    p = sub.add_parser("export-raw", help="tables brutes en Parquet / raw tables as Parquet")
    p.add_argument("--db", type=Path, default=None, help="base DuckDB (défaut data/tickets.duckdb)")
    p.add_argument("--out", type=Path, required=True, help="dossier / folder")
    p.set_defaults(func=cmd_export_raw)

    p = sub.add_parser("review", help="revue SLA d'un client / a customer's SLA review")
    common(p)
    p.add_argument("--customer", required=True, help="nom du client, tel que dans les données")
    p.add_argument("--from", dest="date_from", type=_date, default=None, help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, default=None, help="YYYY-MM-DD, inclus")
    p.add_argument("--as-of", default=None, help="ISO 8601 (naïf = heure locale du calendrier)")
    p.add_argument(
        "--summary", action="store_true", help="sans les listes / without the long tables"
    )
    p.add_argument("--out", type=Path, required=True, help=".html ou .pdf")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("demo", help="écrire un export de démonstration / write a demo export")
    p.add_argument("--tickets", type=int, default=3000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", type=Path, default=Path("data/demo"))
    p.set_defaults(func=cmd_demo)
    return parser


def spark_options(p) -> None:
    """`--engine spark` and its options (issue 12; ticketlib/spark/command.py)."""
    p.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    p.add_argument("--raw", default=None, help="Parquet bruts / raw Parquet (export-raw): DIR/URI")
    p.add_argument("--master", default=None, help="Spark master (défaut / default local[2])")


def _missing_database(db: Path | None) -> bool:
    """Is the database to read missing? Then say so on one line: a reading command never
    creates one, nor answers "0 rows" for a name mistyped."""
    from ticketlib.db.store import default_db

    path = Path(db) if db else default_db()
    if path.exists():
        return False
    print(
        _one_line(
            f"erreur / error: base introuvable / database not found: {path} "
            "(importer d'abord / load first: python -m ticketlib load FICHIERS --db BASE)"
        ),
        file=sys.stderr,
    )
    return True


def cmd_export_raw(args) -> int:
    from ticketlib.db.raw_export import export_raw

    if _missing_database(args.db):
        return 2
    counts = export_raw(args.db, args.out)
    print(f"{args.out}: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    return 0


def cmd_export(args) -> int:
    from ticketlib.outputs.cli_export import write_cli_export
    from ticketlib.spark.command import check_args

    problem = check_args(args)
    if problem:
        print(f"erreur / error: {problem}", file=sys.stderr)
        return 2
    if args.engine == "spark":
        from ticketlib.spark.command import run_command

        return run_command(args)

    if _missing_database(args.db):
        return 2
    config = load_config(args.config)
    n = write_cli_export(args.export, args.out, db=args.db, config=config, as_of=args.as_of)
    print(f"{args.out}: {n} lignes / rows")
    return 0


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide / invalid date: {text!r} (YYYY-MM-DD)"
        ) from None


def cmd_review(args) -> int:
    """The Revue client page's file for one customer, for a scheduler (DESIGN §5.3)."""
    from ticketlib.outputs.print_pdf import PdfUnavailable
    from ticketlib.outputs.review_file import write_review

    config = load_config(args.config)
    try:
        out = write_review(
            args.out,
            args.customer,
            db=args.db,
            config=config,
            date_from=args.date_from,
            date_to=args.date_to,
            as_of=args.as_of,
            summary=args.summary,
            lang=_lang(),
        )
    except PdfUnavailable as exc:
        print(f"erreur / error: {_line(exc)}", file=sys.stderr)
        return 2
    print(f"{out}: revue / review {args.customer}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure is a one-line message on stderr, never a traceback
    (set TICKETLIB_DEBUG=1 to see one). Exit 0 done, 2 refused (bad input or config),
    1 internal error, 130 interrupted."""
    args = build_parser().parse_args(argv)
    try:
        from ticketlib.db import budget

        if getattr(args, "memory", None):
            budget.set_budget(args.memory)
        if getattr(args, "partitions", None) is not None:
            budget.set_partitions(args.partitions)
        return args.func(args)
    except ConfigError as exc:
        print(f"erreur de configuration / configuration error: {_line(exc)}", file=sys.stderr)
        return 2
    except (ValueError, OSError) as exc:
        print(f"erreur / error: {_line(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrompu / interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if os.environ.get("TICKETLIB_DEBUG"):
            raise
        print(
            f"erreur interne / internal error: {type(exc).__name__}: {_line(exc)} "
            "(TICKETLIB_DEBUG=1 pour le détail / for details)",
            file=sys.stderr,
        )
        return 1


def _line(exc: BaseException) -> str:
    """The message of an exception on one line, at most 500 characters."""
    text = _one_line(str(exc))
    return text if len(text) <= 500 else text[:497] + "..."
