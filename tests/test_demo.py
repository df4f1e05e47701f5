"""The demo generator: format (DESIGN §5.1), determinism, realism and its deliberate problems."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from ticketlib import demo
from ticketlib.demo import write_demo
from ticketlib.demo_world import BAD_TIMESTAMP, UNKNOWN_STATUS
from ticketlib.domain.vocabulary import ETATS, EXPECTED_TRANSITIONS, PRIORITIES, normalise_etat

TZ = ZoneInfo("Europe/Paris")
N = 3000
START = date(2025, 1, 6)
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")


def _read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _parse(ts: str) -> datetime:
    assert ISO.fullmatch(ts), ts
    moment = datetime.fromisoformat(ts)
    assert moment.utcoffset() == moment.astimezone(TZ).utcoffset(), ts
    return moment


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    calls = []
    counts = write_demo(out, tickets=N, seed=42, start=START, progress=lambda *a: calls.append(a))
    tickets, events = _read(out / "tickets.csv"), _read(out / "events.csv")
    by_ticket: dict[str, list[dict]] = {}
    for e in events:
        by_ticket.setdefault(e["ticket_id"], []).append(e)
    return {
        "out": out,
        "counts": counts,
        "calls": calls,
        "tickets": tickets,
        "events": events,
        "by": by_ticket,
    }


def test_same_seed_same_bytes_other_seed_differs(tmp_path, export):
    write_demo(tmp_path / "a", tickets=N, seed=42, start=START)
    write_demo(tmp_path / "b", tickets=N, seed=43, start=START)
    for name in ("tickets.csv", "events.csv"):
        same = (tmp_path / "a" / name).read_bytes()
        assert same == (export["out"] / name).read_bytes()
        assert same != (tmp_path / "b" / name).read_bytes()


def test_csv_format(export):
    for name, header in (
        ("tickets.csv", "ticket_id,created_at,priority,customer,assignee,team,title"),
        ("events.csv", "ticket_id,timestamp,status,priority"),
    ):
        raw = (export["out"] / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
        text = raw.decode("utf-8")
        assert text.split("\n", 1)[0] == header
        # Quoting only where needed: the csv module writes exactly the same bytes back.
        again = io.StringIO()
        csv.writer(again, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
        assert again.getvalue() == text
    titles = (export["out"] / "tickets.csv").read_text(encoding="utf-8")
    assert '"' in titles and any(c in t["title"] for t in export["tickets"] for c in ",;")
    assert export["counts"] == {"tickets": N, "events": len(export["events"])}
    assert export["calls"][-1] == (N, N)


def test_tickets(export):
    tickets = export["tickets"]
    ids = [t["ticket_id"] for t in tickets]
    assert len(tickets) == N and len(set(ids)) == N
    assert ids == sorted(ids) and all(re.fullmatch(r"SUP-\d{6}", i) for i in ids)
    created = [_parse(t["created_at"]) for t in tickets]
    assert created == sorted(created)
    assert created[0].date() >= START and created[-1] < datetime(2026, 1, 6, tzinfo=TZ)
    assert {t["priority"] for t in tickets} <= {"", *(p.label_fr for p in PRIORITIES)}
    assert 30 <= len({t["customer"] for t in tickets}) <= 45
    assert 4 <= len({t["team"] for t in tickets}) <= 6
    assert 20 <= len({t["assignee"] for t in tickets} - {""}) <= 30
    assert len({t["title"] for t in tickets}) > 50
    top = Counter(t["customer"] for t in tickets).most_common(3)
    assert top[0][1] > 10 * N / 40 / 3  # a few big customers
    for t in tickets:  # nobody assigned while never taken
        states = [e["status"] for e in export["by"][t["ticket_id"]]]
        assert (t["assignee"] == "") == (states[-1] == "OUVERT" and len(set(states)) == 1)


def test_events_consistent(export):
    tickets = {t["ticket_id"]: t for t in export["tickets"]}
    order = list(dict.fromkeys(e["ticket_id"] for e in export["events"]))
    assert order == list(tickets)  # grouped by ticket, in creation order, every ticket has events
    end = datetime(2026, 1, 6, tzinfo=TZ)
    for tid, events in export["by"].items():
        assert events[0]["status"] == "OUVERT"
        assert events[0]["timestamp"] == tickets[tid]["created_at"]
        times = [_parse(e["timestamp"]) for e in events if e["timestamp"] != BAD_TIMESTAMP]
        assert times == sorted(times) and times[-1] < end
    offsets = {e["timestamp"][-6:] for e in export["events"]}
    assert offsets == {"+01:00", "+02:00", BAD_TIMESTAMP[-6:]}


def test_vocabulary_and_mix(export):
    tickets, events, by = export["tickets"], export["events"], export["by"]
    labels = {e.label_fr for e in ETATS}
    assert {e["status"] for e in events} == labels | {UNKNOWN_STATUS}
    assert {e["priority"] for e in events} == {"", *(p.label_fr for p in PRIORITIES)}
    shares = Counter(t["priority"] for t in tickets)
    given = N - shares[""]
    for label, share in (("Haute", 0.15), ("Moyenne", 0.55), ("Faible", 0.30)):
        assert abs(shares[label] / given - share) < 0.03, (label, shares)
    assert 0.003 < shares[""] / N < 0.03
    resolved = [t for t, es in by.items() if any(e["status"] == "RÉSOLU" for e in es)]
    reopened = [t for t in resolved if any(e["status"] == "RÉOUVERT" for e in by[t])]
    assert 0.06 < len(reopened) / len(resolved) < 0.10
    still_open = [t for t, es in by.items() if es[-1]["status"] != "FERMÉ"]
    assert 10 < len(still_open) < 0.1 * N
    assert {by[t][-1]["status"] for t in still_open} >= {"OUVERT", "PRIS EN COMPTE", "RÉSOLU"}
    assert 6.5 < len(events) / N < 8.5
    # The priority is mostly set when the ticket is taken in charge.
    taken = [es[1] for es in by.values() if len(es) > 1]
    at_take = sum(e["status"] == "PRIS EN COMPTE" and e["priority"] != "" for e in taken)
    assert 0.80 < at_take / N < 0.92


def test_creations_in_business_hours(export):
    created = [_parse(t["created_at"]).astimezone(TZ) for t in export["tickets"]]
    inside = [c.weekday() < 5 and 9 <= c.hour < 18 for c in created]
    assert 0.70 < sum(inside) / N < 0.97


def test_deliberate_problems(export):
    events, by = export["events"], export["by"]
    k = N // 1000
    rows = Counter(tuple(e.values()) for e in events)
    assert sum(n - 1 for n in rows.values()) == k  # exact duplicate rows
    assert sum(e["status"] == UNKNOWN_STATUS for e in events) == k
    assert sum(e["timestamp"] == BAD_TIMESTAMP for e in events) == k
    unexpected, same_instant = Counter(), 0
    for es in by.values():
        known = [e for e in es if e["status"] != UNKNOWN_STATUS]
        for a, b in pairwise(known):
            pair = (normalise_etat(a["status"]), normalise_etat(b["status"]))
            if pair[0] != pair[1] and pair not in EXPECTED_TRANSITIONS:
                unexpected[pair] += 1
            same_instant += a["timestamp"] == b["timestamp"] and pair[0] != pair[1]
    assert unexpected == {("ouvert", "resolu"): k}
    assert same_instant >= k
    closed_without_priority = [
        t["ticket_id"]
        for t in export["tickets"]
        if t["priority"] == ""
        and by[t["ticket_id"]][-1]["status"] == "FERMÉ"
        and all(e["priority"] == "" for e in by[t["ticket_id"]])
    ]
    assert len(closed_without_priority) >= k


def test_small_exports_are_clean_and_chunks_join(tmp_path, monkeypatch):
    write_demo(tmp_path / "small", tickets=50, seed=1)
    text = (tmp_path / "small" / "events.csv").read_text(encoding="utf-8")
    assert UNKNOWN_STATUS not in text and BAD_TIMESTAMP not in text
    monkeypatch.setattr(demo, "CHUNK", 700)
    calls = []
    counts = write_demo(
        tmp_path / "chunks", tickets=2100, seed=7, progress=lambda *a: calls.append(a)
    )
    assert calls == [(700, 2100), (1400, 2100), (2100, 2100)]
    tickets = _read(tmp_path / "chunks" / "tickets.csv")
    events = _read(tmp_path / "chunks" / "events.csv")
    assert counts == {"tickets": 2100, "events": len(events)}
    created = [_parse(t["created_at"]) for t in tickets]
    assert created == sorted(created)
    assert [t["ticket_id"] for t in tickets] == list(dict.fromkeys(e["ticket_id"] for e in events))
    assert sum(e["status"] == UNKNOWN_STATUS for e in events) == 2


def test_other_start_and_width(tmp_path):
    counts = write_demo(tmp_path, tickets=120, seed=3, start=date(2024, 3, 20))
    tickets = _read(tmp_path / "tickets.csv")
    assert counts["tickets"] == 120 and tickets[0]["ticket_id"] == "SUP-000001"
    first = _parse(tickets[0]["created_at"])
    assert date(2024, 3, 20) <= first.date() < date(2024, 3, 20) + timedelta(30)
    events = _read(tmp_path / "events.csv")
    for e in events:
        if e["timestamp"] != BAD_TIMESTAMP:
            assert _parse(e["timestamp"]) < datetime(2025, 3, 20, tzinfo=TZ)
