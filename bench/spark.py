"""`make bench`, Spark step (issue 12): the `sla` command on Spark (local mode) beside DuckDB, at
100k tickets (BENCH_SPARK_SIZE), for information: on one machine Spark adds a JVM and a shuffle;
a cluster is where it pays. Skipped, saying why, without pyspark or Java.

The database of `python -m bench` (bench-out/bench_<n>.duckdb) is reused when present.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench-out"


def timed(*argv: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ticketlib", *argv],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - started


def main() -> None:
    from ticketlib.spark.session import spark_problem

    n = int(os.environ.get("BENCH_SPARK_SIZE", "100000"))
    print(f"\n== Spark engine (local[2]), {n:,} tickets ==")
    problem = spark_problem()
    if problem:
        print(f"  skipped: {problem}")
        return
    OUT.mkdir(exist_ok=True)
    db = OUT / f"bench_{n}.duckdb"
    if not db.exists():
        folder = OUT / f"demo_{n}"
        if not (folder / "events.csv").exists():
            timed("demo", "--tickets", str(n), "--out", str(folder))
        timed("load", str(folder / "tickets.csv"), str(folder / "events.csv"), "--db", str(db))
    raw, out = OUT / f"raw_{n}", OUT / f"spark_sla_{n}"
    duck = timed("sla", "--db", str(db), "--out", str(OUT / f"duckdb_sla_{n}.parquet"))
    export = timed("export-raw", "--db", str(db), "--out", str(raw))
    spark = timed("sla", "--engine", "spark", "--raw", str(raw), "--out", str(out))
    print(f"  {'sla, DuckDB engine':<42} {duck:8.2f} s")
    print(f"  {'export-raw (DuckDB -> Parquet)':<42} {export:8.2f} s")
    print(f"  {'sla, Spark engine (JVM start included)':<42} {spark:8.2f} s  {spark / duck:.1f} x")
    import duckdb

    con = duckdb.connect()
    a, b = str(out / "*.parquet"), str(OUT / f"duckdb_sla_{n}.parquet")
    one_way = (
        "select count(*) from (select * from read_parquet($x) "
        "except all select * from read_parquet($y))"
    )
    spark_only = con.execute(one_way, {"x": a, "y": b}).fetchall()[0][0]
    duck_only = con.execute(one_way, {"x": b, "y": a}).fetchall()[0][0]
    print(
        f"  rows only in Spark's output: {spark_only}, only in DuckDB's: {duck_only} (expected 0)"
    )


if __name__ == "__main__":
    main()
