"""The SparkSession of `--engine spark`: `local[N]` bound to 127.0.0.1, or whatever
`spark-submit` started. pyspark is imported here only, lazily (it is an optional requirement:
requirements-spark.txt), and a missing pyspark or Java is a one-line `SparkUnavailable`."""

from __future__ import annotations

import contextlib
import os
import re
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
    from py4j.protocol import Py4JJavaError
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
    log: list[str] = []
    try:
        with _stderr_to_log(quiet, log):
            spark = builder.getOrCreate()
    except (PySparkRuntimeError, Py4JJavaError) as exc:
        reason = jvm_reason("".join(log) + "\n" + str(exc))
        if reason:  # e.g. a bad --master: Spark says which
            raise SparkUnavailable(
                f"--engine spark: Spark n'a pas démarré / Spark did not start: {reason}"
            ) from None
        raise SparkUnavailable(
            f"--engine spark: la JVM n'a pas démarré / the JVM did not start "
            f"({type(exc).__name__}); Java 17/21 installed, JAVA_HOME right?"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def jvm_reason(log: str) -> str | None:
    """The cause a failed Spark start gives (the first "...Exception: why", "Error: why" or
    "Reason: why", without the Java stack), or None."""
    for line in log.splitlines():
        match = re.search(r"(?:Exception|Error|Reason): (.+)", line)
        if match:
            return match.group(1).strip()[:300]
    return None


@contextlib.contextmanager
def _stderr_to_log(quiet: bool, log: list[str]):
    """The JVM's start-up notices (written to fd 2, e.g. 'Using incubator modules') go to a
    log file instead of the user's terminal; if the start fails, its text is put in `log` (and
    shown with TICKETLIB_DEBUG=1)."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as file:
        os.dup2(file.fileno(), 2)
        try:
            yield
        except BaseException:
            os.dup2(saved, 2)
            file.seek(0)
            log.append(file.read().decode(errors="replace")[-20000:])
            if os.environ.get("TICKETLIB_DEBUG"):
                sys.stderr.write(log[-1])
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
