"""`python -m ticketlib sla|durations|quality --engine spark --raw DIR --out DIR`: the command
line's Spark side (`cli.py` calls `run_command`); also the body of `submit.py` under
spark-submit."""

from __future__ import annotations

import sys
import time

from ticketlib.domain.config import load_config


def check_args(args) -> str | None:
    """Why these options cannot go together, or None."""
    if args.engine != "spark":
        for option in ("raw", "master"):
            if getattr(args, option, None) is not None:
                return f"--{option} va avec / goes with --engine spark"
        return None
    if args.raw is None:
        return "--engine spark lit des Parquet bruts / reads raw Parquet: --raw DIR (export-raw)"
    if args.db is not None:
        return "--engine spark lit --raw, pas --db / reads --raw, not --db"
    if _suffix(str(args.out)) not in ("", ".parquet"):
        return "--engine spark écrit un dossier Parquet / writes a Parquet folder: --out DIR"
    return None


def _suffix(out: str) -> str:
    """The extension of the last part of a folder or URI ("" for none): `lake/sla.json` would be
    a Parquet folder under a JSON name."""
    name = out.rstrip("/").rsplit("/", 1)[-1]
    return "" if "." not in name.lstrip(".") else "." + name.rsplit(".", 1)[-1].lower()


def run_command(args) -> int:
    """Run one export on Spark; a missing pyspark/Java or a failed job is one line, exit 2."""
    from ticketlib.spark.engine import local_raw_problem
    from ticketlib.spark.session import SparkUnavailable, get_session, spark_problem

    config = load_config(args.config)
    # a mistyped folder is said before a JVM starts (after a missing pyspark or Java)
    problem = spark_problem() or local_raw_problem(str(args.raw))
    if problem:
        print(f"erreur / error: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        spark = get_session(args.master, partitions=args.partitions or 8)
    except SparkUnavailable as exc:
        print(f"erreur / error: {exc}", file=sys.stderr)
        return 2
    from py4j.protocol import Py4JJavaError
    from pyspark.errors import PySparkException

    from ticketlib.spark.engine import run

    try:
        partitions = args.partitions or max(2, 2 * spark.sparkContext.defaultParallelism)
        n = run(spark, args.export, str(args.raw), str(args.out), config, args.as_of, partitions)
    except (PySparkException, Py4JJavaError) as exc:  # Py4J: e.g. no FileSystem for s3a://
        spark.sparkContext.setLogLevel("OFF")
        print(f"erreur Spark / Spark error: {_first_line(exc)}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    seconds = time.perf_counter() - started
    print(f"{args.out}: {n} lignes / rows (spark, {partitions} partitions, {seconds:.1f} s)")
    return 0


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    # a Python error in a worker: its last line says what happened
    errors = [line for line in lines if "Error:" in line or "Exception:" in line]
    text = errors[-1] if errors else (lines[0] if lines else type(exc).__name__)
    return text[:500]
