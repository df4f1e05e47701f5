"""Benchmark steps, each run in a process of its own so its peak memory is its own.

`python -m bench.steps NAME ARGS...` prints one JSON line: {"seconds": ..., "extra": ...}.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path


def floor_read_csv(folder: str, db: str) -> dict:
    """DuckDB's own read_csv of the same files into a database: the import's floor."""
    import duckdb

    Path(db).unlink(missing_ok=True)
    con = duckdb.connect(db)
    started = time.perf_counter()
    con.execute(f"create table t as select * from read_csv('{folder}/tickets.csv')")
    con.execute(f"create table e as select * from read_csv('{folder}/events.csv')")
    con.execute("checkpoint")
    seconds = time.perf_counter() - started
    con.close()
    Path(db).unlink(missing_ok=True)
    return {"seconds": seconds}


def import_files(folder: str, db: str, rebuild: str = "0") -> dict:
    from ticketlib.ingest import run_import

    Path(db).unlink(missing_ok=True)
    started = time.perf_counter()
    report = run_import(
        [f"{folder}/tickets.csv", f"{folder}/events.csv"], db=db, rebuild_derived=rebuild == "1"
    )
    return {
        "seconds": time.perf_counter() - started,
        "extra": {"tickets": report.tickets_total, "events": report.events_total},
    }


def floors(db: str) -> dict:
    """The replay's floors: scanning the events, and a bare lead() window over them."""
    from ticketlib.db import store

    con = store.connect_read(db)
    started = time.perf_counter()
    con.execute(
        "select count(*), min(ts), max(ts), sum(ticket_key), sum(seq) from events"
    ).fetchall()
    scan = time.perf_counter() - started
    started = time.perf_counter()
    con.execute(
        "create temp table lead_floor as select ticket_key, ts, "
        "lead(ts) over (partition by ticket_key order by ts, seq) as next_ts from events"
    )
    lead = time.perf_counter() - started
    return {"seconds": lead, "extra": {"scan": scan, "lead": lead}}


def replay_sla(db: str, full: str = "0") -> dict:
    """Replay + business time + SLA (the sla command's work), optionally every mart."""
    from ticketlib.db import store
    from ticketlib.domain.config import load_config
    from ticketlib.replay import run as r

    con = store.connect_read(db)
    config = load_config()
    scope = "all" if full == "1" else "sla"
    started = time.perf_counter()
    r.replay(con, config, scope=scope)
    seconds = time.perf_counter() - started
    n = con.execute("select count(*) from mart_ticket_sla").fetchall()[0][0]
    return {"seconds": seconds, "extra": {"tickets": n, "scope": scope}}


def cli(*args: str) -> dict:
    """One `python -m ticketlib` command in this process's child: its wall time (the command's
    own start-up included, as a user sees it)."""
    import subprocess

    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ticketlib", *args], check=True, capture_output=True)
    return {"seconds": time.perf_counter() - started}


def bare_copy(db: str, out: str) -> dict:
    """The start-up floor: a bare Python process opening the database with duckdb and copying
    a table out (measured from outside, like `cli`)."""
    import subprocess

    code = (
        "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
        "c.execute(f\"copy (select * from tickets) to '{sys.argv[2]}' (format csv, header)\")"
    )
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, db, out], check=True)
    return {"seconds": time.perf_counter() - started}


def one_more_day(folder: str, out: str) -> dict:
    """A copy of an export plus one more day of events: every open ticket's last event again
    one day later (a few thousand events at 1M), for the incremental import."""
    import duckdb

    Path(out).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    con.execute(
        f"copy (select * from read_csv('{folder}/tickets.csv', all_varchar = true)) "
        f"to '{out}/tickets.csv' (header)"
    )
    con.execute(
        f"create table e as select * from read_csv('{folder}/events.csv', all_varchar = true)"
    )
    con.execute(
        "create table extra as select ticket_id, "
        "strftime((max(try_cast(timestamp as timestamptz)) + interval 1 day), '%Y-%m-%dT%H:%M:%S+00:00') "
        "as timestamp, 'RÉOUVERT' as status, null as priority from e group by ticket_id "
        "having max(try_cast(timestamp as timestamptz)) >= (select max(try_cast(timestamp as timestamptz)) from e) "
        "- interval 2 day"
    )
    n = con.execute("select count(*) from extra").fetchall()[0][0]
    con.execute(
        f"copy (select * from e union all select * from extra) to '{out}/events.csv' (header)"
    )
    return {"seconds": 0.0, "extra": {"events": n}}


def same_as_rebuild(db: str, out: str) -> dict:
    """Whether the kept marts (after an incremental import) give the files a full replay at the
    same as-of gives: `sla`, `durations` and `quality`, byte for byte."""
    from ticketlib.db import store
    from ticketlib.domain.config import load_config
    from ticketlib.outputs.cli_export import write_cli_export

    Path(out).mkdir(parents=True, exist_ok=True)
    config = load_config()
    con = store.connect_read(db)
    as_of = con.execute("select value from marts.meta where key = 'as_of'").fetchall()[0][0]
    con.close()
    started = time.perf_counter()
    differ = []
    for kind in ("sla", "durations", "quality"):
        kept, replayed = Path(out) / f"{kind}.kept.csv", Path(out) / f"{kind}.replayed.csv"
        write_cli_export(kind, kept, db=db, config=config)
        write_cli_export(kind, replayed, db=db, config=config, as_of=as_of)
        if kept.read_bytes() != replayed.read_bytes():
            differ.append(kind)
    return {
        "seconds": time.perf_counter() - started,
        "extra": {"equal": not differ, "differ": differ},
    }


def pages(db: str, rounds: str = "20") -> dict:
    """The dashboard's queries at this size: first render of each page, then filter changes."""
    import random
    from datetime import timedelta

    from ticketlib.domain.config import load_config
    from ticketlib.marts.dataset import Dataset
    from ticketlib.queries import metrics as m
    from ticketlib.queries.filters import Filters

    config = load_config()
    started = time.perf_counter()
    ds = Dataset(db)
    marts = ds.marts(config)
    open_s = time.perf_counter() - started
    cur = ds.cursor()
    opts = m.options(cur, marts)
    first, last = opts["days"]

    import importlib

    def page_queries(f: Filters) -> dict[str, float]:
        timings = {}
        for page, calls in PAGE_QUERIES.items():
            t0 = time.perf_counter()
            for module, name, kwargs in calls:
                fn = getattr(importlib.import_module(f"ticketlib.queries.{module}"), name)
                needs = ("backlog", "reopen_rate", "breach_summary", "breach_list")
                args = [cur, marts, f] + ([config] if name in needs else [])
                if name == "what_if":
                    kwargs = {
                        "targets": {p: (t.tto_s, t.ttr_s) for p, t in config.targets},
                        "at_risk": 0.5,
                    }
                fn(*args, **kwargs)
            timings[page] = time.perf_counter() - t0
        return timings

    first_render = page_queries(Filters(date_from=last - timedelta(days=90), date_to=last))
    rng = random.Random(1)
    changes: dict[str, list[float]] = {p: [] for p in PAGE_QUERIES}
    for _ in range(int(rounds)):
        start = first + timedelta(days=rng.randrange(0, max(1, (last - first).days - 30)))
        f = Filters(
            date_from=start,
            date_to=start + timedelta(days=rng.choice([7, 30, 90])),
            priorities=tuple(rng.sample(["haute", "moyenne", "faible"], rng.randint(0, 2))),
            teams=tuple(rng.sample(opts["team"], rng.randint(0, 1))),
            customers=tuple(rng.sample(opts["customer"], rng.randint(0, 1))),
        )
        for page, seconds in page_queries(f).items():
            changes[page].append(seconds)
    p95 = {p: sorted(v)[int(0.95 * (len(v) - 1))] for p, v in changes.items()}
    median = {p: statistics.median(v) for p, v in changes.items()}
    return {
        "seconds": open_s,
        "extra": {
            "open": open_s,
            "first_render": first_render,
            "change_p95": p95,
            "change_median": median,
        },
    }


# The queries each page runs on a filter change (as the pages call them), module and name.
PAGE_QUERIES = {
    "vue_ensemble": [
        ("metrics", "kpis", {}),
        ("metrics", "backlog", {}),
        (
            "sla",
            "clock_compliance",
            {"rows": "bucket", "cols": "priority", "grain": "week"},
        ),
    ],
    "conformite": [
        ("sla", "clock_compliance", {"rows": "priority", "cols": "all", "totals": True}),
        ("sla", "clock_compliance", {"rows": "team", "cols": "all", "totals": True}),
        ("metrics", "distribution", {"clock": "tto"}),
        ("metrics", "distribution", {"clock": "ttr"}),
        ("metrics", "what_if", {}),
    ],
    "parcours": [
        ("workflow", "funnel", {}),
        ("workflow", "transitions", {}),
        ("metrics", "reopen_rate", {"grain": "month"}),
    ],
    "historique": [("tickets", "tickets", {"limit": 1000}), ("tickets", "count_tickets", {})],
    "depassements": [
        ("workflow", "breach_summary", {}),
        ("workflow", "breach_list", {"limit": 1000}),
    ],
}


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    print(json.dumps(globals()[name](*args), default=str))
