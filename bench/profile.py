"""Per-layer profile of the replay at a size: `python -m bench.profile DB [SCOPE]`.

Runs the replay's plan, then each SQL layer, statement by statement, with DuckDB's profiler
(JSON), and prints per statement its seconds and its costliest operators (seconds, rows):
what docs/PERFORMANCE.md records. The layers run once over every ticket (no partitions): what
a partitioned run costs, less the sources' re-reading per partition.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from ticketlib.db import sqlfiles, store
from ticketlib.domain.config import load_config
from ticketlib.replay import run


def operators(node: dict, out: list) -> None:
    """(seconds, name, rows) of every operator under `node`."""
    name = node.get("name") or node.get("operator_name")
    timing = node.get("timing", node.get("operator_timing"))
    if name and timing is not None:
        rows = node.get("intermediate_rows", node.get("operator_cardinality", 0))
        extra = node.get("extra_info") or {}
        what = extra.get("Join Type") or extra.get("Table") or extra.get("Function") or ""
        label = f"{name.strip()} {what}".strip() if isinstance(what, str) else name.strip()
        out.append((float(timing), label, rows))
    for child in node.get("operator", []) + node.get("children", []):
        operators(child, out)


def profiled(con, path: Path):
    """A `con.execute` that profiles each statement and prints its costliest operators."""

    def execute(statement, params=None):
        started = time.perf_counter()
        result = con.execute(statement, params)
        seconds = time.perf_counter() - started
        if seconds >= 0.2 and path.exists():
            ops: list = []
            operators(json.loads(path.read_text()), ops)
            ops.sort(reverse=True)
            head = " ".join(statement.split())[:70]
            print(f"  {seconds:7.2f} s  {head}")
            for t, label, rows in ops[:3]:
                print(f"           {t:7.2f} s  {label} ({rows:,} rows)")
        return result

    return execute


class Profiled:
    def __init__(self, con, path: Path):
        self._con, self.execute = con, profiled(con, path)

    def __getattr__(self, name):
        return getattr(self._con, name)


def main() -> None:
    db, *rest = sys.argv[1:]
    scope = rest[0] if rest else "all"
    con = store.connect_read(db)
    path = Path(tempfile.mkdtemp()) / "profile.json"
    con.execute("set enable_profiling = 'json'")
    con.execute(f"set profiling_output = '{path}'")
    config = load_config()
    wrapped = Profiled(con, path)
    started = time.perf_counter()
    print("plan")
    run.plan(wrapped, config)
    layers = run.SCOPES[scope]
    for name in ("int_intervals", *layers):
        print(name)
        t = time.perf_counter()
        sqlfiles.run_script(wrapped, name)
        if name == "int_intervals":
            kind = "view" if scope == "sla" else "table"
            wrapped.execute(
                f"create or replace temp {kind} int_intervals as select * from int_intervals_v"
            )
            attributes = "stg_ticket_attributes" if scope == "all" else "stg_ticket_no_attributes"
            wrapped.execute(sqlfiles.sql(attributes))
        print(f"  = {time.perf_counter() - t:.2f} s")
    print(f"total {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
