"""`--engine spark` refusals, each one line and exit 2, checked without starting a JVM (so
they run in plain `make test`): pyspark missing, Java missing, options that do not go
together."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ticketlib import cli

ROOT = Path(__file__).resolve().parents[1]


def run_cli(code: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_missing_pyspark_is_one_line(tmp_path):
    # an import hook makes `import pyspark` fail as on a machine without it
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "from ticketlib import cli\n"
        f"sys.exit(cli.main(['sla', '--engine', 'spark', '--raw', {str(tmp_path)!r}, "
        f"'--out', {str(tmp_path / 'o')!r}]))"
    )
    done = run_cli(code)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        "erreur / error: --engine spark a besoin de pyspark / needs pyspark: "
        "pip install -r requirements-spark.txt\n"
    )


@pytest.mark.spark  # `make test-spark` has pyspark, so the Java check is reached
def test_missing_java_is_one_line(tmp_path):
    pytest.importorskip("pyspark", reason="the Java check comes after pyspark's")
    code = (
        "import sys\nfrom ticketlib import cli\n"
        f"sys.exit(cli.main(['quality', '--engine', 'spark', '--raw', {str(tmp_path)!r}, "
        f"'--out', {str(tmp_path / 'o')!r}]))"
    )
    bin_dir = tmp_path / "bin"  # a PATH with python only
    bin_dir.mkdir()
    (bin_dir / "python").symlink_to(sys.executable)
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PATH": str(bin_dir), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "erreur / error: --engine spark a besoin de Java 17 ou 21 / needs Java 17 or 21 "
        "(no `java` on PATH, JAVA_HOME unset): apt-get install openjdk-17-jre-headless\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "JAVA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("erreur / error: --engine spark a besoin de Java 17 ou 21")
    assert f"JAVA_HOME={tmp_path} has no bin/java" in done.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["sla", "--engine", "spark", "--out", "o"],
            "--engine spark lit des Parquet bruts / reads raw Parquet: --raw DIR (export-raw)",
        ),
        (
            ["sla", "--engine", "spark", "--raw", "r", "--db", "x.duckdb", "--out", "o"],
            "--engine spark lit --raw, pas --db / reads --raw, not --db",
        ),
        (
            ["durations", "--raw", "r", "--out", "o.csv"],
            "--raw va avec / goes with --engine spark",
        ),
        (
            ["quality", "--engine", "spark", "--raw", "r", "--partitions", "0", "--out", "o"],
            "--partitions 0: au moins / at least 1",
        ),
        (
            ["sla", "--engine", "spark", "--raw", "r", "--out", "o.csv"],
            "--engine spark écrit un dossier Parquet / writes a Parquet folder: --out DIR",
        ),
        (  # a Parquet folder under a JSON name was written (outside check)
            ["sla", "--engine", "spark", "--raw", "r", "--out", "lake/o.json"],
            "--engine spark écrit un dossier Parquet / writes a Parquet folder: --out DIR",
        ),
        (
            ["durations", "--engine", "spark", "--raw", "r", "--out", "s3a://b/o.XLSX/"],
            "--engine spark écrit un dossier Parquet / writes a Parquet folder: --out DIR",
        ),
    ],
)
def test_options_that_do_not_go_together(capsys, argv, message):
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.err == f"erreur / error: {message}\n"
    assert captured.out == ""


@pytest.mark.parametrize(
    ("out", "refused"),
    [
        ("lake/sla", False),
        ("lake/sla/", False),
        ("lake/sla.parquet", False),
        ("s3a://bucket/raw.v1/sla", False),
        ("lake/sla.json", True),
        ("sla.csv", True),
    ],
)
def test_out_is_a_parquet_folder(out, refused):
    from ticketlib.spark.command import check_args

    args = cli.build_parser().parse_args(["sla", "--engine", "spark", "--raw", "r", "--out", out])
    assert (check_args(args) is not None) is refused


def test_raw_folder_without_the_tables_is_said_before_spark_starts(tmp_path, monkeypatch, capsys):
    """A missing, empty or partial --raw folder: one line, exit 2, without a JVM start (it took
    80 s to say so on a busy 2-core machine; outside check)."""
    from ticketlib.spark import session

    def no_jvm(*args, **kwargs):
        raise AssertionError("a JVM was started")

    monkeypatch.setattr(session, "get_session", no_jvm)
    # as with pyspark and Java present: runs in `make test`, where pyspark is not installed
    monkeypatch.setattr(session, "spark_problem", lambda: None)
    (tmp_path / "empty").mkdir()
    (tmp_path / "partial").mkdir()
    (tmp_path / "partial" / "tickets.parquet").write_bytes(b"")
    (tmp_path / "partial" / "events").mkdir()
    cases = {
        str(tmp_path / "none"): "tickets",
        str(tmp_path / "empty") + "/": "tickets",
        f"file://{tmp_path / 'partial'}": "imports",
    }
    for raw, table in cases.items():
        argv = ["sla", "--engine", "spark", "--raw", raw, "--out", str(tmp_path / "o")]
        assert cli.main(argv) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err == (
            f"erreur / error: {raw}: ni / neither {table}.parquet ni / nor {table}/ (export-raw)\n"
        )
        assert not (tmp_path / "o").exists()


def test_export_raw_of_a_missing_database(capsys, tmp_path):
    argv = ["export-raw", "--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "r")]
    assert cli.main(argv) == 2
    assert "base introuvable / database not found" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_export_raw_writes_what_the_replay_reads(demo_db, tmp_path, capsys):
    import pyarrow.parquet as pq

    assert cli.main(["export-raw", "--db", str(demo_db), "--out", str(tmp_path / "r")]) == 0
    assert capsys.readouterr().out == (
        f"{tmp_path / 'r'}: tickets 3000, events 22518, imports 1, import_flags 6\n"
    )
    events = pq.read_schema(tmp_path / "r" / "events.parquet")
    assert str(events.field("ts").type) == "timestamp[us, tz=UTC]"
    assert str(events.field("ts_local").type) == "timestamp[us]"
    assert str(events.field("etat").type) == "string"
    imports = pq.read_table(tmp_path / "r" / "imports.parquet")
    assert imports.column("timezone").to_pylist() == ["Europe/Paris"]
