"""The command line as users call it (DESIGN §5.3): real commands in subprocesses.

`demo` writes an export, `load` imports it, then `sla`, `durations` and `quality` run with
every output format (.csv, .parquet), with and without `--as-of`, with the default and with
non-default `--config` files (another zone, 24x7, other targets). Each run is checked for its
exit code, its columns and their types, ISO 8601 instants with the offset of the configured
zone, and CSV and Parquet holding the same rows. A test of an internal function does not prove
the command works: this module does.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pyarrow.parquet as pq
import pytest

from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES

ROOT = Path(__file__).resolve().parents[1]

SLA_COLUMNS = [
    "ticket_id",
    "priority",
    "created_at",
    "status",
    "tto_elapsed_s",
    "tto_target_s",
    "tto_status",
    "ttr_elapsed_s",
    "ttr_paused_s",
    "ttr_target_s",
    "ttr_status",
]
SLA_MORE = {
    "tto_due_at",
    "ttr_due_at",
    "reopens",
    "ttr_ever_breached",
    "first_resolved_at",
    "resolved_at",
    "closed_at",
}
DURATIONS_COLUMNS = ["ticket_id", "etat", "visits", "wall_s", "business_s"]
QUALITY_COLUMNS = ["ticket_id", "flag", "flagged_at", "detail"]
INSTANTS = {"created_at", "tto_due_at", "ttr_due_at", "first_resolved_at", "resolved_at"}
INSTANTS |= {"closed_at", "flagged_at"}
INTEGERS = {"tto_elapsed_s", "tto_target_s", "ttr_elapsed_s", "ttr_paused_s", "ttr_target_s"}
INTEGERS |= {"reopens", "visits", "wall_s", "business_s"}
CLOCK_STATUSES = {"met", "breached", "at_risk", "running"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?[+-]\d{2}:\d{2}$")

CONFIGS = {
    "default": None,
    "newyork_24x7": '[calendar]\ntimezone = "America/New_York"\nholidays = ""\nhours = "24x7"\n',
    "targets": (
        "[targets]\n"
        'haute = { tto = "30m", ttr = "4h" }\n'
        'moyenne = { tto = "2h", ttr = "16h" }\n'
        'faible = { tto = "6h", ttr = "1h30m" }\n'
        '[rules]\nat_risk = 0.5\ngoal = 0.9\npause = ["attente_client", "attente_interne"]\n'
    ),
}
ZONES = {"default": "Europe/Paris", "newyork_24x7": "America/New_York", "targets": "Europe/Paris"}
TARGETS_S = {"haute": (1800, 14400), "moyenne": (7200, 57600), "faible": (21600, 5400)}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m ticketlib ARGS...` as a user runs it; never a traceback on stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TICKETLIB_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "ticketlib", *args],
        cwd=cwd or ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A demo export written by `demo`, imported by `load`, and the config files."""
    base = tmp_path_factory.mktemp("contract")
    demo = run("demo", "--tickets", "150", "--seed", "11", "--out", str(base / "export"))
    assert demo.returncode == 0, demo.stderr
    assert sorted(p.name for p in (base / "export").iterdir()) == ["events.csv", "tickets.csv"]
    # its deliberate problems are announced, so `load`'s warnings do not read as a broken install
    assert "voulus" in demo.stdout and "deliberate" in demo.stdout
    db = base / "t.duckdb"
    load = run("load", str(base / "export"), "--db", str(db))
    assert load.returncode == 0, load.stderr
    assert "150 tickets" in load.stdout
    configs = {}
    for name, text in CONFIGS.items():
        if text is not None:
            configs[name] = base / f"{name}.toml"
            configs[name].write_text(text, encoding="utf-8")
    return base, db, configs


def export(world, kind: str, suffix: str, config: str, as_of: str | None) -> Path:
    base, db, configs = world
    out = base / "out" / f"{kind}-{config}-{as_of or 'latest'}{suffix}".replace(":", "")
    args = [kind, "--db", str(db), "--out", str(out)]
    if config != "default":
        args += ["--config", str(configs[config])]
    if as_of:
        args += ["--as-of", as_of]
    done = run(*args)
    assert done.returncode == 0, done.stderr
    n = int(re.search(r"(\d+) lignes / rows", done.stdout).group(1))
    assert out.exists()
    rows = read_csv(out) if suffix == ".csv" else read_parquet(out)
    assert len(rows) == n
    return out


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_parquet(path: Path) -> list[dict]:
    return pq.read_table(path).to_pylist()


def header(path: Path) -> list[str]:
    if path.suffix == ".csv":
        with open(path, newline="", encoding="utf-8") as f:
            return next(csv.reader(f))
    return pq.read_schema(path).names


def check_columns(kind: str, columns: list[str]) -> None:
    if kind == "sla":
        assert columns[: len(SLA_COLUMNS)] == SLA_COLUMNS
        assert set(columns[len(SLA_COLUMNS) :]) == SLA_MORE
    elif kind == "durations":
        assert columns == DURATIONS_COLUMNS
    else:
        assert columns == QUALITY_COLUMNS


def instant(text: str, zone: str) -> datetime:
    """An ISO instant of a CSV output: with an offset, the zone's offset at that instant."""
    assert ISO.match(text), text
    value = datetime.fromisoformat(text)
    assert value.utcoffset() == value.astimezone(ZoneInfo(zone)).utcoffset(), (text, zone)
    return value


def normalised_csv(rows: list[dict], zone: str) -> list[dict]:
    out = []
    for row in rows:
        r = {}
        for key, value in row.items():
            if key in INSTANTS:
                r[key] = instant(value, zone) if value else None
            elif key in INTEGERS:
                assert re.fullmatch(r"\d+", value), (key, value)
                r[key] = int(value)
            elif key == "ttr_ever_breached":
                assert value in ("true", "false")
                r[key] = value == "true"
            else:
                r[key] = value or None
        out.append(r)
    return out


def check_values(kind: str, rows: list[dict], config: str, as_of: datetime | None) -> None:
    for r in rows:
        if kind == "sla":
            assert r["priority"] in (*PRIORITY_CODES, None)
            assert r["status"] in ETAT_CODES
            assert r["tto_status"] in CLOCK_STATUSES and r["ttr_status"] in CLOCK_STATUSES
            if config == "targets":
                # the target of a clock is its priority's, from the --config given
                assert r["tto_target_s"] in {tto for tto, _ in TARGETS_S.values()}
                assert r["ttr_target_s"] in {ttr for _, ttr in TARGETS_S.values()}
            if as_of:
                assert r["created_at"] <= as_of
                for key in ("first_resolved_at", "resolved_at", "closed_at"):
                    assert r[key] is None or r[key] <= as_of
        elif kind == "durations":
            assert r["etat"] in ETAT_CODES
            assert r["wall_s"] >= r["business_s"] >= 0 and r["visits"] >= 0
            if config == "newyork_24x7":
                assert r["business_s"] == r["wall_s"]  # 24x7: business time is wall time
        else:
            assert r["flag"] and r["ticket_id"]


@pytest.mark.parametrize("as_of", [None, "2025-03-01T12:00", "2025-06-15T08:30:00+02:00"])
@pytest.mark.parametrize("config", list(CONFIGS))
@pytest.mark.parametrize("kind", ["sla", "durations", "quality"])
def test_every_output_in_both_formats(world, kind, config, as_of):
    zone = ZONES[config]
    as_of_at = None
    if as_of:
        parsed = datetime.fromisoformat(as_of)
        # naive --as-of is local time of the --config's zone (DESIGN §5.3)
        as_of_at = parsed if parsed.tzinfo else parsed.replace(tzinfo=ZoneInfo(zone))
    csv_path = export(world, kind, ".csv", config, as_of)
    parquet_path = export(world, kind, ".parquet", config, as_of)
    check_columns(kind, header(csv_path))
    check_columns(kind, header(parquet_path))
    from_csv = normalised_csv(read_csv(csv_path), zone)
    from_parquet = read_parquet(parquet_path)
    assert from_csv or (kind == "quality" and as_of), "an output with rows"
    check_values(kind, from_csv, config, as_of_at)
    assert from_csv == from_parquet  # same rows, same values, instants equal
    schema = pq.read_schema(parquet_path)
    for field in schema:
        if field.name in INSTANTS:
            assert str(field.type) == "timestamp[us, tz=UTC]", field
        elif field.name in INTEGERS:
            assert str(field.type) == "int64", field
        elif field.name == "ttr_ever_breached":
            assert str(field.type) == "bool", field
        else:
            assert str(field.type) == "string", field


def test_outputs_follow_the_config_zone(world):
    """One instant, two zones: the same figures' instants carry each zone's offset."""
    paris = normalised_csv(read_csv(export(world, "sla", ".csv", "default", None)), "Europe/Paris")
    ny = read_csv(export(world, "sla", ".csv", "newyork_24x7", None))
    assert all(r["created_at"].endswith(("-04:00", "-05:00")) for r in ny)
    assert [r["created_at"] for r in paris] == [datetime.fromisoformat(r["created_at"]) for r in ny]


@pytest.mark.parametrize("suffix", [".txt", ".xlsx", ""])
def test_unknown_output_format_is_refused_in_one_line(world, suffix):
    base, db, _ = world
    done = run("sla", "--db", str(db), "--out", str(base / f"x{suffix}"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and ".csv" in done.stderr and ".parquet" in done.stderr


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--as-of", "demain"], "demain"),
        (["--config", "/nonexistent/sla.toml"], "sla.toml"),
    ],
)
def test_bad_arguments_are_one_line_messages(world, args, needle):
    base, db, _ = world
    done = run("sla", "--db", str(db), "--out", str(base / "x.csv"), *args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and needle in done.stderr


def test_bad_config_is_a_one_line_message(world, tmp_path):
    base, db, _ = world
    bad = tmp_path / "bad.toml"
    bad.write_text('[calendar]\ntimezone = "Mars/Olympus"\n', encoding="utf-8")
    done = run("durations", "--db", str(db), "--config", str(bad), "--out", str(base / "x.csv"))
    assert done.returncode == 2
    assert "calendar.timezone" in done.stderr and done.stderr.count("\n") == 1


@pytest.mark.parametrize("kind", ["sla", "durations", "quality", "export-raw"])
def test_a_missing_database_is_refused_never_created(tmp_path, kind):
    db = tmp_path / "typo.duckdb"
    out = tmp_path / ("raw" if kind == "export-raw" else "x.csv")
    done = run(kind, "--db", str(db), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "database not found" in done.stderr
    assert str(db) in done.stderr
    assert not db.exists() and not out.exists()


def test_a_parquet_input_is_named_parquet_in_the_summary(tmp_path):
    import pyarrow as pa

    tickets = tmp_path / "tickets.csv"
    tickets.write_text("ticket_id,created_at\nP1,2025-06-02T08:00:00+02:00\n", encoding="utf-8")
    events = tmp_path / "events.parquet"
    pq.write_table(
        pa.table(
            {"ticket_id": ["P1"], "timestamp": ["2025-06-02T09:00:00+02:00"], "status": ["résolu"]}
        ),
        events,
    )
    done = run("load", str(tickets), str(events), "--db", str(tmp_path / "t.duckdb"))
    assert done.returncode == 0, done.stderr
    assert "tickets.csv (tickets, csv): 1 lues, 1 chargées" in done.stdout
    assert "events.parquet (events, parquet): 1 lues, 1 chargées" in done.stdout
