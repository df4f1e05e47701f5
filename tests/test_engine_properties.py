"""Property tests of the replay (issue 3 §7) on random small histories.

Random tickets and events around DST changes and public holidays, on several calendars, are
imported through the real CSV path; the SQL engine's `sla` and `durations` rows must equal the
pure-Python reference (tests/reference.py) in every column, and the invariants must hold.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import config_from, load_history
from tests.reference import Calendar, replay_ticket
from ticketlib.exports import cli_frame

ETATS = [
    "ouvert",
    "pris_en_compte",
    "attente_client",
    "attente_interne",
    "resolu",
    "ferme",
    "reouvert",
]
LABELS = {
    "ouvert": "OUVERT",
    "pris_en_compte": "Pris en compte",
    "attente_client": "EN ATTENTE DE VOTRE RETOUR",
    "attente_interne": "attente_interne",
    "resolu": "RÉSOLU",
    "ferme": "fermé",
    "reouvert": "RÉOUVERT",
}
PRIORITIES = [None, "haute", "moyenne", "faible"]

CALENDARS = {
    "paris": "",
    "lunch": '[calendar.hours]\nmon = ["08:30-12:00", "13:30-18:00"]\ntue = ["08:30-12:00", "13:30-18:00"]\n'
    'wed = ["08:30-12:00"]\nthu = ["08:30-12:00", "13:30-18:00"]\nfri = ["08:30-12:00", "13:30-17:00"]\n'
    'sat = ["10:00-12:00"]\nsun = []',
    "always": '[calendar]\nholidays = ""\nhours = "24x7"',
    "days24": "[calendar.hours]\n"
    + "\n".join(
        f'{d} = ["00:00-24:00"]' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    ),
    "newyork": '[calendar]\ntimezone = "America/New_York"\nholidays = "US"\n[calendar.hours]\n'
    + "\n".join(f'{d} = ["07:00-20:30"]' for d in ("mon", "tue", "wed", "thu", "fri"))
    + '\nsun = ["22:00-24:00"]',
    "pause2": '[rules]\npause = ["attente_client", "attente_interne"]\nat_risk = 0.5\n'
    'default_priority = "haute"\n[targets]\nhaute = { tto = "30m", ttr = "3h" }\n'
    'faible = { tto = "2h", ttr = "1h30m" }',
}
# Starting days near DST changes and holidays, in UTC.
ANCHORS = [
    datetime(2025, 3, 28, 8, tzinfo=UTC),  # Paris spring forward on Sun 30
    datetime(2025, 10, 24, 8, tzinfo=UTC),  # Paris fall back on Sun 26
    datetime(2025, 4, 30, 8, tzinfo=UTC),  # 1 May, 8 May (FR)
    datetime(2025, 3, 7, 12, tzinfo=UTC),  # New York spring forward on Sun 9
    datetime(2025, 10, 31, 12, tzinfo=UTC),  # New York fall back on Sun 2 Nov
    datetime(2025, 12, 23, 8, tzinfo=UTC),  # Christmas
]


@st.composite
def histories(draw):
    calendar = draw(st.sampled_from(sorted(CALENDARS)))
    anchor = draw(st.sampled_from(ANCHORS))
    tickets = []
    for n in range(draw(st.integers(1, 3))):
        created = anchor + timedelta(minutes=draw(st.integers(0, 3 * 24 * 60)))
        events, t = [], created
        for _ in range(draw(st.integers(0, 7))):
            t += timedelta(minutes=draw(st.sampled_from([0, 0, 1, 30, 61, 600, 1440, 3000])))
            events.append(
                (t, draw(st.sampled_from(ETATS)), draw(st.sampled_from(PRIORITIES + [None] * 3)))
            )
        with_row = draw(st.booleans()) or not events
        priority = draw(st.sampled_from(PRIORITIES)) if with_row else None
        tickets.append((f"T{n}", created if with_row else None, priority, events))
    return calendar, tickets


def stamp(t: datetime, i: int) -> str:
    """Some instants in UTC with Z, others in Paris time with their offset: both absolute."""
    if i % 2:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.astimezone(ZoneInfo("Europe/Paris")).isoformat()


def build(tmp_path, tickets, config):
    ticket_rows = [[tid, stamp(c, 0), p or ""] for tid, c, p, _ in tickets if c is not None]
    event_rows = [
        [tid, stamp(t, i), LABELS[e], p or ""]
        for tid, _, _, evs in tickets
        for i, (t, e, p) in enumerate(evs)
    ]
    return load_history(tmp_path, ticket_rows, event_rows, config)


def reference(config, tickets, as_of):
    cal = Calendar(config)
    out = {}
    for tid, created, priority, events in tickets:
        r = replay_ticket(config, cal, created, priority, events, as_of)
        if r is not None:
            out[tid] = r
    return out


def default_as_of(tickets):
    times = [t for _, _, _, evs in tickets for t, _, _ in evs]
    return max(times) if times else max(c for _, c, _, _ in tickets if c)


def check(db, config, tickets, as_of):
    got = cli_frame("sla", db, config, as_of)
    want = reference(config, tickets, as_of)
    assert sorted(got.ticket_id) == sorted(want)
    for row in got.to_dict("records"):
        r = want[row["ticket_id"]]
        for col in (
            "status",
            "priority",
            "tto_elapsed_s",
            "tto_target_s",
            "tto_status",
            "ttr_elapsed_s",
            "ttr_paused_s",
            "ttr_target_s",
            "ttr_status",
            "reopens",
            "ttr_ever_breached",
        ):
            value = None if pd.isna(row[col]) else row[col]
            assert value == getattr(r, col), (row["ticket_id"], col, value, getattr(r, col))
        for col in (
            "created_at",
            "tto_due_at",
            "ttr_due_at",
            "first_resolved_at",
            "resolved_at",
            "closed_at",
        ):
            value = None if pd.isna(row[col]) else row[col].to_pydatetime()
            assert value == getattr(r, col), (row["ticket_id"], col, value, getattr(r, col))
    durations = cli_frame("durations", db, config, as_of)
    want_d = {(t, e): v for t, r in want.items() for e, v in r.durations.items()}
    got_d = {
        (d["ticket_id"], d["etat"]): (d["visits"], d["wall_s"], d["business_s"])
        for d in durations.to_dict("records")
    }
    assert got_d == want_d
    return got, durations


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories(), st.integers(0, 4 * 24 * 60))
def test_engine_equals_reference(tmp_path_factory, history, as_of_minutes):
    calendar, tickets = history
    config = config_from(CALENDARS[calendar]) if CALENDARS[calendar] else config_from()
    db = build(tmp_path_factory.mktemp("h"), tickets, config)
    check(db, config, tickets, default_as_of(tickets))
    first = min(c if c else evs[0][0] for _, c, _, evs in tickets)
    as_of = first + timedelta(minutes=as_of_minutes)
    check(db, config, tickets, as_of)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories(), st.lists(st.integers(0, 6 * 24 * 60), min_size=2, max_size=4))
def test_invariants(tmp_path_factory, history, offsets):
    calendar, tickets = history
    config = config_from(CALENDARS[calendar]) if CALENDARS[calendar] else config_from()
    db = build(tmp_path_factory.mktemp("h"), tickets, config)
    first = min(c if c else evs[0][0] for _, c, _, evs in tickets)
    previous = None
    for minutes in sorted(offsets):
        as_of = first + timedelta(minutes=minutes)
        sla = cli_frame("sla", db, config, as_of).set_index("ticket_id")
        d = cli_frame("durations", db, config, as_of)
        per_ticket = d.groupby("ticket_id")[["wall_s", "business_s"]].sum()
        for tid, row in sla.iterrows():
            # état wall seconds add up to as-of minus creation
            assert per_ticket.loc[tid, "wall_s"] == int((as_of - row["created_at"]).total_seconds())
            # TTR elapsed + paused + stopped (resolu, ferme) = all business time
            stopped = d[(d.ticket_id == tid) & d.etat.isin(["resolu", "ferme"])].business_s.sum()
            assert (
                row["ttr_elapsed_s"] + row["ttr_paused_s"] + stopped
                == per_ticket.loc[tid, "business_s"]
            )
        assert (d.business_s <= d.wall_s).all()
        if previous is not None:
            # moving as-of forward never decreases an elapsed value
            both = sla.join(previous.add_suffix("_before"), how="inner")
            for col in ("tto_elapsed_s", "ttr_elapsed_s", "ttr_paused_s"):
                assert (both[col] >= both[col + "_before"]).all(), col
        previous = sla
