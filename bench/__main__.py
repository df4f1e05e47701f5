"""`make bench`: speed and peak memory at stated sizes, beside floors measured in the same run.

Sizes come from BENCH_SIZES (default "1000000,2000000"; 10000000 only when asked, e.g.
BENCH_SIZES=1000000,2000000,10000000). Demo exports and databases are kept in bench-out/ (not
committed) and reused by later runs. Each size ends with one line per issue-11 target: the
figure, the target and PASS or MISS (`Targets`); a summary of all of them closes the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"
GIB = 1024  # MiB


class Targets:
    """Issue 11's targets as measured: one line each, figure, target, PASS or MISS."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, bool]] = []

    def check(self, label: str, figure: float, limit: float, unit: str = "x") -> None:
        shown = {"x": "{:.2f} x", "%": "{:.0%}", "MiB": "{:.0f} MiB", "s": "{:.2f} s"}[unit]
        ok = figure <= limit
        row = (label, shown.format(figure), "<= " + shown.format(limit), ok)
        self.rows.append(row)
        self.say(row)

    def fact(self, label: str, ok: bool, figure: str, target: str) -> None:
        row = (label, figure, target, ok)
        self.rows.append(row)
        self.say(row)

    @staticmethod
    def say(row: tuple[str, str, str, bool]) -> None:
        label, figure, target, ok = row
        print(f"  TARGET {label:<46} {figure:>12}  {target:<14} {'PASS' if ok else 'MISS'}")


TARGETS = Targets()


def step(name: str, *args: str) -> tuple[dict, float]:
    """Run one step in its own process; its result and its peak memory (MiB)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.steps", name, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read()
    if status != 0:
        raise SystemExit(f"step {name} failed")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def demo(n: int) -> Path:
    folder = OUT / f"demo_{n}"
    if not (folder / "events.csv").exists():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "ticketlib", "demo", "--tickets", str(n), "--out", str(folder)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"  demo export written in {time.perf_counter() - started:.1f} s")
    return folder


def line(label: str, seconds: float, mib: float | None = None, note: str = "") -> None:
    mem = f"{mib:8.0f} MiB" if mib is not None else " " * 12
    print(f"  {label:<42} {seconds:8.2f} s {mem}  {note}")


def run(n: int, rounds: int) -> None:
    print(f"\n== {n:,} tickets ==")
    folder = demo(n)
    with open(folder / "events.csv", "rb") as f:
        events = sum(1 for _ in f) - 1
    print(f"  {events:,} events")
    db = OUT / f"bench_{n}.duckdb"
    floor, floor_mem = step("floor_read_csv", folder, OUT / f"floor_{n}.duckdb")
    line("floor: DuckDB read_csv -> table", floor["seconds"], floor_mem)
    imp, imp_mem = step("import_files", folder, db, "0")
    ratio = imp["seconds"] / floor["seconds"]
    line("import (raw tables)", imp["seconds"], imp_mem, f"{ratio:.2f} x floor")
    fl, fl_mem = step("floors", db)
    line("floor: scan events", fl["extra"]["scan"], None)
    line("floor: bare lead() window", fl["extra"]["lead"], fl_mem)
    sla, sla_mem = step("replay_sla", db, "0")
    ratio = sla["seconds"] / fl["extra"]["lead"]
    line("replay + business time + SLA", sla["seconds"], sla_mem, f"{ratio:.2f} x lead()")
    full, full_mem = step("replay_sla", db, "1")
    line("replay, every mart (durations, quality)", full["seconds"], full_mem)
    # issue 11's targets, on the CLI as a user runs it (default settings)
    floor_all = floor["seconds"] + fl["extra"]["lead"]
    cli_db = OUT / f"cli_{n}.duckdb"
    cli_db.unlink(missing_ok=True)
    load, load_mem = step(
        "cli", "load", folder / "tickets.csv", folder / "events.csv", "--db", cli_db
    )
    line("CLI load (raw + every mart)", load["seconds"], load_mem)
    sla_cli, sla_cli_mem = step("cli", "sla", "--db", cli_db, "--out", OUT / f"sla_{n}.csv")
    line("CLI sla --out x.csv", sla_cli["seconds"], sla_cli_mem)
    more, _ = step("one_more_day", folder, OUT / f"demo_{n}_more")
    again, again_mem = step(
        "cli",
        "load",
        OUT / f"demo_{n}_more" / "tickets.csv",
        OUT / f"demo_{n}_more" / "events.csv",
        "--db",
        cli_db,
    )
    line(
        f"CLI load again + one day ({more['extra']['events']} events)", again["seconds"], again_mem
    )
    same, _ = step("same_as_rebuild", cli_db, OUT / f"same_{n}")
    pages = None
    if n >= 1_000_000 or os.environ.get("BENCH_PAGES"):
        pages, pages_mem = step("pages", cli_db, rounds)
        x = pages["extra"]
        line("dashboard: open dataset", x["open"], pages_mem)
        for page, seconds in x["first_render"].items():
            p95 = x["change_p95"][page]
            median = x["change_median"][page] * 1000
            line(
                f"page {page}: first render / change p95",
                seconds,
                None,
                f"change p95 {p95 * 1000:.0f} ms, median {median:.0f} ms",
            )
    at = f"{n // 1_000_000}M" if n >= 1_000_000 else f"{n // 1000}k"
    print(f"  -- targets at {at} --")
    if n == 1_000_000:
        TARGETS.check(
            f"{at} load + sla / (read_csv + lead())",
            (load["seconds"] + sla_cli["seconds"]) / floor_all,
            3,
        )
        TARGETS.check(f"{at} sla / bare lead()", sla_cli["seconds"] / fl["extra"]["lead"], 2)
    if n >= 2_000_000:
        limit = 1.6 * GIB if n <= 2_000_000 else 8 * GIB
        TARGETS.check(f"{at} peak memory of load", load_mem, limit, "MiB")
        TARGETS.check(f"{at} peak memory of sla", sla_cli_mem, limit, "MiB")
    if n > 2_000_000:
        print(f"  {at} wall times: load {load['seconds']:.1f} s, sla {sla_cli['seconds']:.1f} s")
    if n == 1_000_000:
        TARGETS.check(
            f"{at} load again + one day / first load", again["seconds"] / load["seconds"], 0.25, "%"
        )
        TARGETS.fact(
            f"{at} incremental marts = full rebuild",
            same["extra"]["equal"],
            "equal" if same["extra"]["equal"] else "differ",
            "equal",
        )
        if pages is not None:
            x = pages["extra"]
            TARGETS.check(
                f"{at} pages: slowest first render", max(x["first_render"].values()), 2, "s"
            )
            TARGETS.check(
                f"{at} pages: slowest change p95", max(x["change_p95"].values()), 0.2, "s"
            )


def startup() -> None:
    """`sla` on the 3,000-ticket demo against a bare duckdb process copying a table out."""
    print("\n== start-up (3,000-ticket demo) ==")
    db = OUT / "startup.duckdb"
    db.unlink(missing_ok=True)
    demo_dir = ROOT / "data" / "demo"
    step("cli", "load", demo_dir / "tickets.csv", demo_dir / "events.csv", "--db", db)
    bare = min(step("bare_copy", db, OUT / "bare.csv")[0]["seconds"] for _ in range(3))
    sla = min(
        step("cli", "sla", "--db", db, "--out", OUT / "startup_sla.csv")[0]["seconds"]
        for _ in range(3)
    )
    line("bare python + duckdb copy (best of 3)", bare)
    line("sla --out (best of 3)", sla)
    TARGETS.check("start-up: sla / bare duckdb copy", sla / bare, 3)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    startup()
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000000,2000000").split(",") if s]
    rounds = int(os.environ.get("BENCH_ROUNDS", "20"))
    print(f"bench: {os.cpu_count()} cores, sizes {sizes}")
    for n in sizes:
        run(n, rounds)
    print("\n== issue 11 targets ==")
    for row in TARGETS.rows:
        Targets.say(row)
    missed = sum(1 for row in TARGETS.rows if not row[3])
    print(f"  {len(TARGETS.rows) - missed} PASS, {missed} MISS")


if __name__ == "__main__":
    main()
