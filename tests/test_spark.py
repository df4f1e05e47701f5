"""`--engine spark` on a local Spark (issue 12; marker `spark`, run by `make test-spark`, left
out of plain `make test`): its rows equal the DuckDB command's on every column; the
`export-raw` -> `--engine spark` round trip as users run it. Skipped, saying why, when pyspark
or Java is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ticketlib.db.raw_export import export_raw
from ticketlib.domain.config import DEFAULT_CONFIG, load_config
from ticketlib.spark.partition import OUTPUTS
from ticketlib.spark.session import spark_problem

pytestmark = pytest.mark.spark
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def spark(tmp_path_factory):
    """One local[2] session for the whole run: 127.0.0.1, UI off, C1 JIT (starts faster)."""
    problem = spark_problem()
    if problem:
        pytest.skip(f"Spark tests need pyspark and Java: {problem}")
    os.environ.setdefault("SPARK_LOCAL_DIRS", str(tmp_path_factory.mktemp("spark-local")))
    from ticketlib.spark.session import get_session

    session = get_session("local[2]", partitions=4, fast_jit=True)
    assert session.conf.get("spark.ui.enabled") == "false"
    assert session.conf.get("spark.driver.host") == "127.0.0.1"
    yield session
    session.stop()


@pytest.fixture(scope="session")
def demo_raw(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("raw")
    counts = export_raw(demo_db, out)
    assert counts == {"tickets": 3000, "events": 22518, "imports": 1, "import_flags": 6}
    return out


def cli_rows(kind: str, db, out) -> pa.Table:
    """The DuckDB command's rows, as written to Parquet."""
    from ticketlib import cli

    argv = [kind, "--db", str(db), "--config", str(DEFAULT_CONFIG), "--out", str(out)]
    assert cli.main(argv) == 0
    return pq.read_table(out)


def same_rows(got: pa.Table, want: pa.Table) -> None:
    assert [(f.name, f.type) for f in got.schema] == [(f.name, f.type) for f in want.schema]
    assert got.num_rows == want.num_rows
    keys = [(c, "ascending") for c in want.column_names]
    assert got.cast(want.schema).sort_by(keys).equals(want.sort_by(keys))


def ticketlib_cli(*argv: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """`python -m ticketlib ARGV` in a subprocess, as a user runs it (15 min at most)."""
    return subprocess.run(
        [sys.executable, "-m", "ticketlib", *argv],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.parametrize("kind", OUTPUTS)
def test_spark_equals_duckdb_on_the_demo(spark, demo_db, demo_raw, tmp_path, kind):
    from ticketlib.spark.engine import run

    n = run(spark, kind, str(demo_raw), str(tmp_path / "spark"), load_config(), None, 5)
    want = cli_rows(kind, demo_db, tmp_path / "duckdb.parquet")
    assert n == want.num_rows
    same_rows(pq.read_table(tmp_path / "spark"), want)


def test_spark_explicit_as_of_and_import_flags(spark, demo_db, tmp_path):
    """A naive --as-of (calendar's local time) and flags set at import, through Spark."""
    import duckdb

    from ticketlib.spark.engine import run

    db = tmp_path / "flags.duckdb"
    db.write_bytes(demo_db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute(
        "insert into import_flags select ticket_key, 'changelog_truncated', 'x', 1 "
        "from tickets order by ticket_id limit 4"
    )
    con.close()
    export_raw(db, tmp_path / "raw")
    as_of = "2025-06-16 10:30"
    run(spark, "quality", str(tmp_path / "raw"), str(tmp_path / "q"), load_config(), as_of, 3)
    from ticketlib import cli

    argv = ["quality", "--db", str(db), "--as-of", as_of, "--out", str(tmp_path / "q.parquet")]
    assert cli.main(argv) == 0
    got, want = pq.read_table(tmp_path / "q"), pq.read_table(tmp_path / "q.parquet")
    same_rows(got, want)
    assert pa.compute.sum(pa.compute.equal(got["flag"], "changelog_truncated")).as_py() == 4


def test_export_raw_then_engine_spark_as_users_call_it(spark, demo_db, tmp_path):
    """Two commands in subprocesses, as the README gives them; the Spark folder equals the
    DuckDB file on every column."""

    def run(*argv):
        return ticketlib_cli(*argv, cwd=tmp_path, TICKETLIB_LANG="en")

    done = run("export-raw", "--db", str(demo_db), "--out", "lake/raw")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "lake/raw: tickets 3000, events 22518, imports 1, import_flags 6"
    done = run(
        "durations", "--engine", "spark", "--raw", "lake/raw", "--partitions", "3",
        "--out", "lake/durations",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("lake/durations: 15283 lignes / rows (spark, 3 partitions")
    assert done.stderr == ""  # Spark's start-up notices stay out of the terminal
    want = cli_rows("durations", demo_db, tmp_path / "d.parquet")
    same_rows(pq.read_table(tmp_path / "lake" / "durations"), want)


def test_default_as_of_when_imports_read_another_zone(spark, tmp_path):
    """Loaded with a New York calendar (naive times), replayed with the Paris one: the naive
    times are read again in Paris, and so is the default as-of (the latest of them), which the
    driver then takes from each bucket's span (`plan_on_spark`'s second path)."""
    from tests.cli_outputs import write_config
    from tests.test_engine_properties import CALENDARS, load
    from ticketlib import cli
    from ticketlib.spark.engine import plan_on_spark, read_raw, run

    tickets = [
        ("T0", "2025-03-03 09:00", "haute", [("2025-03-03 10:00", "pris_en_compte", None)]),
        ("T1", "2025-03-04 09:00", None, [("2025-03-05 17:30", "resolu", "faible")]),
        ("T2", None, None, [("2025-03-05 08:00", "ouvert", None)]),
    ]
    db, _ = load(tmp_path / "h", "newyork", tickets)
    cfg_path = write_config(tmp_path, CALENDARS["paris"], "replay.toml")
    config = load_config(cfg_path)
    export_raw(db, tmp_path / "raw")
    plan = plan_on_spark(spark, read_raw(spark, str(tmp_path / "raw")), config, None, 3)
    assert plan.as_of.isoformat() == "2025-03-05T16:30:00+00:00"  # 17:30 read in Paris
    for kind in OUTPUTS:
        run(spark, kind, str(tmp_path / "raw"), str(tmp_path / kind), config, None, 3)
        argv = [kind, "--db", str(db), "--config", str(cfg_path), "--out"]
        assert cli.main([*argv, str(tmp_path / f"{kind}.parquet")]) == 0
        same_rows(pq.read_table(tmp_path / kind), pq.read_table(tmp_path / f"{kind}.parquet"))


@pytest.mark.parametrize(
    ("master", "reason"),
    [
        ("foo", "Master must either be yarn or start with spark, k8s, or local"),
        ("local[0]", "Asked to run locally with 0 threads"),
    ],
)
def test_bad_master_is_one_line_saying_why(demo_raw, tmp_path, master, reason):
    """Spark's own reason, not a Java stack nor a hint about Java (outside check: 12 lines
    and exit 2 for `foo`, 20 lines and an internal error, exit 1, for `local[0]`)."""
    done = ticketlib_cli(
        "sla", "--engine", "spark", "--raw", str(demo_raw), "--master", master,
        "--out", str(tmp_path / "o"),
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"erreur / error: --engine spark: Spark n'a pas démarré / Spark did not start: {reason}\n"
    )


def test_a_java_error_of_the_job_is_one_line_saying_why(tmp_path):
    """The README's s3a:// line on a Spark without the hadoop-aws jars: Spark's reason on one
    line, exit 2 (outside check: an internal error, exit 1, with 500 characters of Java stack)."""
    done = ticketlib_cli(
        "durations", "--engine", "spark", "--raw", "s3a://bucket/raw",
        "--out", "s3a://bucket/durations",
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("erreur Spark / Spark error: ")
    assert "Class org.apache.hadoop.fs.s3a.S3AFileSystem not found" in done.stderr
    assert "\tat " not in done.stderr and " at org." not in done.stderr
