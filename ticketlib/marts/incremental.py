"""Incremental refresh of the kept marts after an import (issue 11 item 2).

A ticket's rows depend on its own history, the configuration, the calendar's origin (business
microseconds count from its first day) and the as-of instant. So after an import, when the
configuration (fingerprint), the marts' version and the calendar's origin are those the marts
were built with and the as-of instant did not move back, only these tickets are replayed:
those the import touched (new or changed ticket rows, new events, new import flags) and those
still open (their clocks move with the as-of instant). A closed ticket untouched keeps its
rows; what still moves with the as-of for it is exactly the time spent in its final état (a
stop état): its last interval ends at the as-of, so that interval, that état's durations and
the ticket's wall, business and stopped times grow by the as-of's move in wall and business
microseconds, and the interval's local end day is the as-of's. The result equals a full
rebuild (tests/test_incremental_marts.py).
"""

from __future__ import annotations

from ticketlib.domain.config import SlaConfig
from ticketlib.replay import run

SCHEMA = "marts"
# replay temp table -> kept table, as persisted.KEPT
KEPT = {
    "int_intervals": "intervals",
    "mart_ticket_sla": "ticket_sla",
    "mart_etat_durations": "etat_durations",
    "mart_quality": "quality",
}
# above this share of the tickets, a full rebuild is as cheap
MAX_SHARE = 0.5


def refresh(con, config: SlaConfig, import_id: int) -> bool:
    """Refresh the kept marts after import `import_id`; False (nothing done) when a full
    rebuild is needed instead."""
    from ticketlib.marts.persisted import (
        DERIVED_VERSION,
        config_fingerprint,
        origin_rows,
        stored_state,
    )

    stored = stored_state(con)
    needed = ("version", "config", "calendar_first_day", "as_of_us", "as_of_b_us")
    if any(k not in stored for k in needed):
        return False
    if stored["version"] != DERIVED_VERSION or stored["config"] != config_fingerprint(config):
        return False
    info = run.plan(con, config)
    if info.as_of is None or info.windows is None:
        return False
    if info.windows.first_day.isoformat() != stored["calendar_first_day"]:
        return False
    rows = dict(origin_rows(info))
    d_wall = int(rows["as_of_us"]) - int(stored["as_of_us"])
    d_bus = int(rows["as_of_b_us"]) - int(stored["as_of_b_us"])
    if d_wall < 0 or d_bus < 0:
        return False
    con.execute(
        "create or replace temp table replay_scope as "
        "select ticket_key from events where import_id = $i "
        "union select ticket_key from tickets where import_id = $i "
        "union select ticket_key from import_flags where import_id = $i "
        f"union select ticket_key from {SCHEMA}.ticket_sla where not ttr_stopped",
        {"i": import_id},
    )
    scope, total = con.execute(
        "select (select count(*) from replay_scope), (select count(*) from tickets)"
    ).fetchall()[0]
    if scope > MAX_SHARE * total:
        return False
    run.select_tickets(con, "replay_scope")
    run.run_layers(con, "all")
    run.select_partition(con, 1, 0)
    for name in KEPT.values():
        con.execute(
            f"delete from {SCHEMA}.{name} where ticket_key in (select ticket_key from replay_scope)"
        )
    # every ticket left is closed and untouched: its final état's time grows with the as-of
    params = {"w": d_wall, "b": d_bus}
    con.execute(
        f"update {SCHEMA}.etat_durations d "
        "set wall_us = d.wall_us + $w, business_us = d.business_us + $b "
        f"from {SCHEMA}.intervals i "
        "where i.is_last and i.ticket_key = d.ticket_key and i.etat = d.etat",
        params,
    )
    con.execute(
        f"update {SCHEMA}.intervals set end_us = end_us + $w, wall_us = wall_us + $w, "
        "bus_us = bus_us + $b, "
        "end_day = (select local_day(p.as_of_us, d) from cal_days d, replay_params p "
        "           where d.day = (p.as_of_us + d_origin_us()) // 86400000000) "
        "where is_last",
        params,
    )
    con.execute(
        f"update {SCHEMA}.ticket_sla set wall_us = wall_us + $w, business_us = business_us + $b, "
        "ttr_stopped_us = ttr_stopped_us + $b",
        params,
    )
    for temp, name in KEPT.items():
        con.execute(f"insert into {SCHEMA}.{name} select * from temp.{temp}")
    con.execute(f"delete from {SCHEMA}.meta where key in ('as_of', 'as_of_us', 'as_of_b_us')")
    con.executemany(
        f"insert into {SCHEMA}.meta values (?, ?)",
        [
            ["as_of", info.as_of.isoformat()],
            ["as_of_us", rows["as_of_us"]],
            ["as_of_b_us", rows["as_of_b_us"]],
        ],
    )
    return True
