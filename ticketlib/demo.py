"""Deterministic, realistic demo exports in the generic CSV format (DESIGN §5.1).

The dashboard, the importer and the benchmarks need data that looks like the desk's Jira export
(French états and priorities, a business-hours rhythm, SLA breaches, reopenings, tickets still open
at the end, a few deliberate data problems) at any size and byte-identical for one seed. Each chunk
of tickets is simulated with numpy, one column per possible event "slot" of the workflow; agent
delays are counted in business seconds of the SLA calendar (cumulative business time, as the SLA
engine does), and CSV lines are assembled by pyarrow, so 1M tickets stay fast and bounded in memory.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ticketlib.demo_world import _CUSTOMERS, _TEAMS, BAD_TIMESTAMP, H, _World

CHUNK = 50_000
OUV, PEC, ATC, ATI, RES, FER, REO, UNK = range(8)  # indexes of ETATS, then the unknown status
HAUTE, MOYENNE, FAIBLE = range(3)

_TTO = np.array([0.25, 1.0, 2.5]) * H  # median business time to take charge, per priority
_WORK = np.array([2.5, 8.0, 14.0]) * H  # median business work time to resolution, per priority
_INTERNAL = np.array([1.5, 4.0, 6.0]) * H  # median wait for another team, per priority


def _simulate(w: _World, rng: np.random.Generator, lo: int, hi: int, prev: int):
    """Tickets lo..hi-1: creation times and a (tickets x slots) event plan."""
    n = hi - lo
    q = (np.arange(lo, hi) + rng.random(n)) / w.n * w.cum_w[-1]
    b = np.minimum(np.searchsorted(w.cum_w, q, "right") - 1, len(w.weight) - 1)
    t0 = (w.hours[b] + (q - w.cum_w[b]) / w.weight[b] * H).astype(np.int64)
    t0 = np.maximum.accumulate(np.maximum(t0, prev))
    pr = rng.choice(3, n, p=[0.14, 0.56, 0.30])
    mode = rng.choice(3, n, p=[0.89, 0.10, 0.01])  # priority set at PEC, a bit later, never
    late_next = (mode == 1) & (rng.random(n) < 0.3)
    change = (mode != 2) & ~late_next & (rng.random(n) < 0.05)
    new_pr = np.where(pr == MOYENNE, np.where(rng.random(n) < 0.7, HAUTE, FAIBLE), MOYENNE)
    cycles = rng.choice(4, n, p=[0.14, 0.32, 0.38, 0.16])
    reopen, cycles2 = rng.random(n) < 0.08, rng.random(n) < 0.5
    slots = 17
    when = np.zeros((n, slots), np.int64)
    state = np.zeros((n, slots), np.int8)
    pri = np.full((n, slots), -1, np.int8)
    on = np.zeros((n, slots), bool)
    cur = t0 - 1

    def dur(median, sigma, cap=40 * 9 * H):
        return np.clip(rng.lognormal(np.log(median), sigma, n), 60, cap).astype(np.int64)

    def agent(t, secs):  # agents mostly act in business hours
        return np.where(rng.random(n) < 0.03, t + secs, w.business(t, secs))

    def customer(t):
        wall = rng.random(n) < 0.3
        return np.where(wall, t + dur(20 * H, 1.0), w.business(t, dur(5 * H, 1.2)))

    def close(t):
        wall = rng.random(n) < 0.3
        bus = w.business(t, rng.integers(9 * H, 45 * H, n))
        return np.where(wall, t + rng.integers(86400, 5 * 86400, n), bus)

    def put(s, status, present, t, prio=None):
        nonlocal cur
        cur = np.where(present, np.maximum(t, cur + 1), cur)
        when[:, s], state[:, s], on[:, s] = cur, status, present
        if prio is not None:
            pri[:, s] = prio

    everyone = np.ones(n, bool)
    put(0, OUV, everyone, t0)
    put(1, PEC, everyone, agent(cur, dur(_TTO[pr], 1.1)), np.where(mode == 0, pr, -1))
    put(2, PEC, (mode == 1) & ~late_next, cur + rng.integers(60, 1200, n), pr)
    base, seg = cur, dur(_WORK[pr] / (cycles + 1), 0.9)
    put(3, PEC, change, w.business(cur, (seg * rng.uniform(0.2, 0.8, n)).astype(np.int64)), new_pr)
    t = agent(base, seg)
    for k in range(3):
        client = rng.random(n) < 0.8
        pk = np.where(late_next & (k == 0), pr, -1)
        put(4 + 2 * k, np.where(client, ATC, ATI), cycles > k, t, pk)
        back = np.where(client, customer(cur), w.business(cur, dur(_INTERNAL[pr], 1.0)))
        put(5 + 2 * k, PEC, cycles > k, back)
        t = agent(cur, dur(_WORK[pr] / (cycles + 1), 0.9))
    put(10, RES, everyone, t, np.where(late_next & (cycles == 0), pr, -1))
    put(11, np.where(reopen, REO, FER), everyone, np.where(reopen, customer(cur), close(cur)))
    put(12, PEC, reopen, agent(cur, dur(H, 1.0)))
    put(13, ATC, reopen & cycles2, agent(cur, dur(_WORK[pr] / 2, 0.9)))
    put(14, PEC, reopen & cycles2, customer(cur))
    put(15, RES, reopen, agent(cur, dur(_WORK[pr] / 2, 0.9)))
    put(16, FER, reopen, close(cur))
    mine = {p: pos[(pos >= lo) & (pos < hi)] - lo for p, pos in w.problems.items()}
    r = mine["unexpected_transition"]  # OUVERT -> RÉSOLU directly, priority given there
    on[r, 1:10] = False
    pri[r, 10] = np.where(mode[r] == 2, -1, np.where(change[r], new_pr[r], pr[r]))
    r = mine["same_instant"]
    when[r, 1] = when[r, 0]
    pri[mine["no_priority"]] = -1
    on &= when < w.end
    return t0, on, when, state, pri, mine


def _chunk(w: _World, rng: np.random.Generator, lo: int, hi: int, prev: int):
    n = hi - lo
    t0, on, when, state, pri, mine = _simulate(w, rng, lo, hi, prev)
    team = rng.choice(len(_TEAMS), n, p=w.team_w)
    title = w.title_off[team] + (rng.random(n) * w.title_n[team]).astype(np.int64)
    agent = 1 + w.agent_off[team] + (rng.random(n) * w.agent_n[team]).astype(np.int64)
    customer = rng.choice(len(_CUSTOMERS), n, p=w.cust_w)
    col = np.where(on & (pri >= 0), np.arange(pri.shape[1]), -1).max(axis=1)
    final = np.where(col >= 0, pri[np.arange(n), np.maximum(col, 0)], -1)
    agent = np.where(on[:, 1:].any(axis=1), agent, 0)
    ids = w.ids(np.arange(lo, hi))
    tickets = pc.binary_join_element_wise(
        ids, w.iso(t0), w.prio.take(final + 1), w.customers.take(customer),
        w.agents.take(agent), w.teams.take(team), w.titles.take(title), ",",
    )  # fmt: skip
    # Events in file order, then the event-level deliberate problems.
    row, slot = np.nonzero(on)
    et, es, ep = when[row, slot], state[row, slot], pri[row, slot]
    count = on.sum(axis=1)
    first = np.cumsum(count) - count
    rep = np.ones(len(row), np.int64)
    dup = first[mine["duplicate_event"]] + np.minimum(1, count[mine["duplicate_event"]] - 1)
    unk = first[mine["unknown_status"]] + np.minimum(1, count[mine["unknown_status"]] - 1)
    bad = first[mine["bad_timestamp"]] + count[mine["bad_timestamp"]] - 1
    rep[dup] += 1
    rep[unk] += 1
    pos = np.cumsum(rep) - rep
    # The unknown status lands a few minutes after its predecessor, before the next event.
    alone = unk == first[row[unk]] + count[row[unk]] - 1
    nxt = np.where(alone, w.end - 1, et[np.minimum(unk + 1, len(et) - 1)])
    gap = np.minimum((nxt - et[unk]) // 2, 600)
    row, et, es, ep = (np.repeat(a, rep) for a in (row, et, es, ep))
    et[pos[unk] + 1] = et[pos[unk]] + gap
    es[pos[unk] + 1], ep[pos[unk] + 1] = UNK, -1
    stamp = w.iso(et)
    if len(bad):
        mask = np.zeros(len(et), bool)
        mask[pos[bad]] = True
        stamp = pc.if_else(pa.array(mask), pa.scalar(BAD_TIMESTAMP), stamp)
    events = pc.binary_join_element_wise(
        ids.take(row), stamp, w.status.take(es), w.prio_nl.take(ep + 1), ","
    )
    return tickets, events, int(t0[-1]) if n else prev


def _write(f, lines: pa.Array) -> None:
    end = np.frombuffer(lines.buffers()[1], np.int32)[lines.offset + len(lines)]
    start = np.frombuffer(lines.buffers()[1], np.int32)[lines.offset]
    f.write(memoryview(lines.buffers()[2])[start:end])


def write_demo(
    out_dir: Path,
    tickets: int = 3000,
    seed: int = 42,
    start: date = date(2025, 1, 6),
    progress=None,
) -> dict:
    """Writes out_dir/tickets.csv and out_dir/events.csv; returns counts {"tickets": n, "events": m}."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    w = _World(start, tickets)
    events, prev = 0, w.t0
    with open(out_dir / "tickets.csv", "wb") as ft, open(out_dir / "events.csv", "wb") as fe:
        ft.write(b"ticket_id,created_at,priority,customer,assignee,team,title\n")
        fe.write(b"ticket_id,timestamp,status,priority\n")
        for c, lo in enumerate(range(0, tickets, CHUNK)):
            hi = min(lo + CHUNK, tickets)
            t_lines, e_lines, prev = _chunk(w, np.random.default_rng([seed, c]), lo, hi, prev)
            _write(ft, t_lines)
            _write(fe, e_lines)
            events += len(e_lines)
            if progress is not None:
                progress(hi, tickets)
    return {"tickets": tickets, "events": events}
