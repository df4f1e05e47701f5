"""The SparkSession of `--engine spark`: `local[N]` bound to 127.0.0.1, or whatever
`spark-submit` started. pyspark is imported here only, lazily (it is an optional requirement:
requirements-spark.txt), and a missing pyspark or Java is a one-line `SparkUnavailable`."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

LOG4J = Path(__file__).resolve().parent / "log4j2.properties"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class SparkUnavailable(RuntimeError):
    """pyspark or Java is missing, or the JVM did not start: the message is one line."""


def spark_problem() -> str | None:
    """Why `--engine spark` cannot run here (checked without starting a JVM), or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return (
            "--engine spark a besoin de pyspark / needs pyspark: "
            "pip install -r requirements-spark.txt"
        )
    java_home = os.environ.get("JAVA_HOME")
    if java_home and not Path(java_home, "bin", "java").exists():
        return (
            f"--engine spark a besoin de Java 17 ou 21 / needs Java 17 or 21: "
            f"JAVA_HOME={java_home} has no bin/java"
        )
    if not java_home and shutil.which("java") is None:
        return (
            "--engine spark a besoin de Java 17 ou 21 / needs Java 17 or 21 "
            "(no `java` on PATH, JAVA_HOME unset): apt-get install openjdk-17-jre-headless"
        )
    return None


def get_session(
    master: str | None = None, partitions: int = 8, fast_jit: bool = False, quiet: bool = True
):
    """A SparkSession in UTC, Arrow on, Parquet instants as TIMESTAMP_MICROS, no metastore.

    `master`: e.g. "local[2]" (default when not under spark-submit) or "spark://host:7077";
    under spark-submit, its own master is kept. `partitions`: spark.sql.shuffle.partitions.
    `fast_jit`: C1-only JIT (tests, small runs: much less CPU to start). Raises SparkUnavailable.
    """
    problem = spark_problem()
    if problem:
        raise SparkUnavailable(problem)
    # Python workers must use this interpreter (with duckdb and pyarrow) and import ticketlib:
    # they see their own cwd and PYTHONPATH, not the driver's sys.path.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(PROJECT_ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *paths])
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    from pyspark.errors import PySparkRuntimeError
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("ticketlib")
    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started the JVM
    if master or not under_submit:
        java = f"-Dlog4j2.configurationFile=file:{LOG4J}"
        builder = (
            builder.master(master or "local[2]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.extraJavaOptions", java + (" -XX:TieredStopAtLevel=1" * fast_jit))
        )
    builder = (
        builder.config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.executorEnv.PYTHONPATH", os.environ["PYTHONPATH"])
    )
    try:
        with _stderr_to_log(quiet):
            spark = builder.getOrCreate()
    except PySparkRuntimeError as exc:
        raise SparkUnavailable(
            f"--engine spark: la JVM n'a pas démarré / the JVM did not start "
            f"({exc.getCondition()}); Java 17/21 installed, JAVA_HOME right?"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@contextlib.contextmanager
def _stderr_to_log(quiet: bool):
    """The JVM's start-up notices (written to fd 2, e.g. 'Using incubator modules') go to a
    log file instead of the user's terminal; shown if the start fails."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as log:
        os.dup2(log.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-2000:])
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
