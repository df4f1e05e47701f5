"""Property tests of the replay (issue 3 §7, issue 9) on random small histories.

Random tickets and events around DST changes and public holidays, on several calendars, are
loaded with one configuration and replayed by the command line with another (or the same):
every column of the `sla` and `durations` CSV files must equal the pure-Python reference
(tests/reference.py), and the invariants must hold. The histories mix instants with an offset
and naive ones (read in the replaying calendar's zone), ties, reopens with priority changes,
events dated before their ticket's creation, events placed where a clock reaches its target
exactly, and as-of instants before, at and after the events.
"""

from __future__ import annotations

import functools
import os
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import duckdb
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.cli_outputs import insert_events, run_cli, write_config
from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, config_from, write_csv
from tests.reference import MINUTE, Calendar, default_as_of, read_stamp, replay_ticket
from ticketlib import cli
from ticketlib.domain.config import DEFAULT_CONFIG
from ticketlib.outputs.cli_export import cli_frame

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
    "paris": DEFAULT_CONFIG.read_text(encoding="utf-8"),  # FR holidays, 24 Dec closed
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
    "ny24x7": '[calendar]\ntimezone = "America/New_York"\nholidays = ""\nhours = "24x7"',
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
# How a stamp is written: absolute (Z or a Paris offset), or naive, a wall time of the zone
# the import reads it in, of the zone the replay reads it in, or of Paris.
STAMPS = ["z", "paris_offset", "naive_load", "naive_replay", "naive_paris"]


@functools.cache
def config(name: str):
    return config_from(CALENDARS[name])


@functools.cache
def calendar(name: str) -> Calendar:
    return Calendar(config(name))


def reach(cal: Calendar, start: datetime, seconds: int) -> datetime:
    """The first instant at which `seconds` of business time have passed since `start`: a
    clock running from `start` is exactly at `seconds` there (at a closing time, if it is one)."""
    t, counted = start, 0
    while counted < seconds:
        counted += 60 if cal.working(t) else 0
        t += MINUTE
    return t


def stamp(t: datetime, how: str, load_tz: str, replay_tz: str) -> str:
    if how == "z":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    if how == "paris_offset":
        return t.astimezone(ZoneInfo("Europe/Paris")).isoformat()
    zone = {"naive_load": load_tz, "naive_replay": replay_tz, "naive_paris": "Europe/Paris"}[how]
    return t.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


@st.composite
def histories(draw):
    """(load calendar, replay calendar, tickets): each ticket is (id, created text or None,
    priority, [(timestamp text, état, priority)] in file order)."""
    load = draw(st.sampled_from(sorted(CALENDARS)))
    replay = draw(st.sampled_from([load, load, *sorted(CALENDARS)]))
    load_tz, replay_tz = (config(n).calendar.timezone for n in (load, replay))
    anchor = draw(st.sampled_from(ANCHORS))
    tickets = []
    for n in range(draw(st.integers(1, 3))):
        created = anchor + timedelta(minutes=draw(st.integers(0, 3 * 24 * 60)))
        with_row = draw(st.booleans())
        # the first events may come before the creation (they set the état at creation)
        early = draw(st.sampled_from([0, 0, 0, 30, 90, 1440])) if with_row else 0
        t = created - timedelta(minutes=early)
        events = []
        n_events = draw(st.integers(0 if with_row else 1, 7))
        # one event, maybe, where both clocks (running from creation) reach a target exactly
        exact = draw(st.sampled_from([-1, -1, 0, n_events - 1])) if with_row else -1
        for i in range(n_events):
            if i == exact:
                target = draw(
                    st.sampled_from(
                        [s for _, tg in config(replay).targets for s in (tg.tto_s, tg.ttr_s)]
                    )
                )
                t = max(t, reach(calendar(replay), created, target))
            elif i or not early:
                t += timedelta(
                    minutes=draw(st.sampled_from([0, 0, 1, 30, 60, 61, 240, 600, 1440, 3000]))
                )
            etat = draw(st.sampled_from(ETATS))
            priority = draw(st.sampled_from(PRIORITIES + [None] * 3))
            # (the exact one absolute, so that the replay reads the instant it was built on)
            how = "z" if i == exact else draw(st.sampled_from(STAMPS))
            events.append((stamp(t, how, load_tz, replay_tz), etat, priority))
        priority = draw(st.sampled_from(PRIORITIES)) if with_row else None
        how = "z" if exact >= 0 else draw(st.sampled_from(STAMPS))
        created_text = stamp(created, how, load_tz, replay_tz) if with_row else None
        tickets.append((f"T{n}", created_text, priority, _no_copies(events, load_tz)))
    return load, replay, tickets


def _no_copies(events, load_tz):
    """Leave out an event equal to an earlier one of its ticket as the import reads it (same
    instant, état, priority): the import drops such copies, and they change no figure."""
    seen, out = set(), []
    for text, etat, priority in events:
        key = (read_stamp(text, load_tz), etat, priority)
        if key not in seen:
            seen.add(key)
            out.append((text, etat, priority))
    return out


def load(folder, load_name: str, tickets) -> tuple:
    """Load through the command line with the load calendar's sla.toml. Events dated before
    their ticket's creation that this branch's import still quarantines are stored as the
    import will keep them (tests/cli_outputs.insert_events), after the others. Returns the
    database and each ticket's events in the order the database holds them (its file order)."""
    folder.mkdir(parents=True, exist_ok=True)
    ticket_rows = [[tid, c, p or ""] for tid, c, p, _ in tickets if c is not None]
    event_rows = [
        [tid, text, LABELS[e], p or ""] for tid, _, _, evs in tickets for text, e, p in evs
    ]
    paths = []
    if ticket_rows:
        paths.append(str(write_csv(folder / "tickets.csv", TICKET_COLUMNS, ticket_rows)))
    if event_rows:
        paths.append(str(write_csv(folder / "events.csv", EVENT_COLUMNS, event_rows)))
    db = folder / "t.duckdb"
    cfg = write_config(folder, CALENDARS[load_name], "load.toml")
    assert cli.main(["load", *paths, "--db", str(db), "--config", str(cfg)]) == 0
    con = duckdb.connect(str(db), read_only=True)
    rejected = con.execute(
        "select row_number, reason from quarantine where file_name = 'events.csv'"
    ).fetchall()
    con.close()
    assert {reason for _, reason in rejected} <= {"event_before_creation"}, rejected
    late = sorted(row - 2 for row, _ in rejected)  # header = row 1
    kept = [r for i, r in enumerate(event_rows) if i not in set(late)]
    if late:
        insert_events(
            db,
            [[r[0], r[1], e, r[3]] for i in late for r in [event_rows[i]] for e in [_code(r[2])]],
            config(load_name),
        )
    stored = kept + [event_rows[i] for i in late]
    order = {
        tid: [(text, _code(label), p or None) for t, text, label, p in stored if t == tid]
        for tid, *_ in tickets
    }
    return db, order


def _code(label: str) -> str:
    return next(code for code, text in LABELS.items() if text == label)


def reference(replay_name: str, tickets, order, as_of_text):
    """The reference's rows, every instant read as the replay reads it; and the as-of used."""
    cfg, tz = config(replay_name), config(replay_name).calendar.timezone
    history = [
        (
            tid,
            read_stamp(c, tz) if c else None,
            p,
            [(read_stamp(text, tz), e, prio) for text, e, prio in order[tid]],
        )
        for tid, c, p, _ in tickets
    ]
    if as_of_text is None:
        as_of = default_as_of([c for _, c, _, _ in history], [t for h in history for t, *_ in h[3]])
    else:
        as_of = read_stamp(as_of_text, tz)
    out = {}
    for tid, created, priority, events in history:
        r = replay_ticket(cfg, calendar(replay_name), created, priority, events, as_of)
        if r is not None:
            out[tid] = r
    return out, as_of


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
    "tto_due_at",
    "ttr_due_at",
    "reopens",
    "ttr_ever_breached",
    "first_resolved_at",
    "resolved_at",
    "closed_at",
]


def check(folder, db, replay_name: str, tickets, order, as_of_text):
    """The CLI's CSV files equal the reference in every column."""
    want, as_of = reference(replay_name, tickets, order, as_of_text)
    _label(replay_name, tickets, order, want, as_of)
    cfg_path = write_config(folder, CALENDARS[replay_name], "replay.toml")
    zone = ZoneInfo(config(replay_name).calendar.timezone)
    rows = run_cli("sla", db, cfg_path, as_of_text, folder / "sla.csv")
    assert [r["ticket_id"] for r in rows] == sorted(want)
    for row in rows:
        assert list(row) == SLA_COLUMNS
        r = want[row["ticket_id"]]
        for col in SLA_COLUMNS[1:]:
            value, expected = row[col], getattr(r, col)
            assert value == expected, (row["ticket_id"], col, value, expected)
            if isinstance(value, datetime):  # written in the calendar's zone, with its offset
                assert value.utcoffset() == value.astimezone(zone).utcoffset(), (col, value)
    got_d = {
        (d["ticket_id"], d["etat"]): (d["visits"], d["wall_s"], d["business_s"])
        for d in run_cli("durations", db, cfg_path, as_of_text, folder / "durations.csv")
    }
    want_d = {(t, e): v for t, r in want.items() for e, v in r.durations.items()}
    assert got_d == want_d


def _label(replay_name, tickets, order, want, as_of):
    """What the example exercises (`pytest --hypothesis-show-statistics`)."""
    tz = config(replay_name).calendar.timezone
    for tid, created, _, _ in tickets:
        if created and any(read_stamp(t, tz) < read_stamp(created, tz) for t, *_ in order[tid]):
            event("event before creation")
    for r in want.values():
        if r.ttr_elapsed_s == r.ttr_target_s or r.tto_elapsed_s == r.tto_target_s:
            event("elapsed = target")
        if r.reopens:
            event("reopened")
        if r.ttr_ever_breached and r.ttr_status != "breached":
            event("ever breached at an earlier stop only")
    if not want:
        event("as-of before every creation")


def as_of_choices(draw, replay_name, tickets, order):
    """As-of texts: the default (None), at an event, between events, before or after them all;
    with an offset or naive (read in the replay zone)."""
    tz = config(replay_name).calendar.timezone
    instants = sorted(
        {read_stamp(text, tz) for tid, *_ in tickets for text, *_ in order[tid]}
        | {read_stamp(c, tz) for _, c, _, _ in tickets if c}
    )
    kind = draw(st.sampled_from(["at", "at", "shift", "shift", "shift", "before", "after"]))
    base = draw(st.sampled_from(instants))
    if kind == "at":
        t = base
    elif kind == "shift":
        t = base + timedelta(minutes=draw(st.integers(-600, 600)))
    elif kind == "before":
        t = instants[0] - timedelta(minutes=draw(st.integers(1, 600)))
    else:
        t = instants[-1] + timedelta(minutes=draw(st.integers(1, 6 * 24 * 60)))
    if draw(st.booleans()):
        return t.astimezone(ZoneInfo(tz)).isoformat()
    return t.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


@settings(
    max_examples=int(os.environ.get("ENGINE_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories(), st.data())
def test_cli_equals_reference(tmp_path_factory, history, data):
    load_name, replay_name, tickets = history
    if config(load_name).calendar.timezone != config(replay_name).calendar.timezone:
        event("replayed in another zone than loaded")
    folder = tmp_path_factory.mktemp("h")
    db, order = load(folder, load_name, tickets)
    check(folder, db, replay_name, tickets, order, None)
    as_of = as_of_choices(data.draw, replay_name, tickets, order)
    check(folder, db, replay_name, tickets, order, as_of)


@settings(
    max_examples=int(os.environ.get("ENGINE_EXAMPLES", 40)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories(), st.lists(st.integers(0, 6 * 24 * 60), min_size=2, max_size=4))
def test_invariants(tmp_path_factory, history, offsets):
    load_name, replay_name, tickets = history
    db, order = load(tmp_path_factory.mktemp("h"), load_name, tickets)
    replay_config = config(replay_name)
    first = min(
        read_stamp(text, replay_config.calendar.timezone)
        for tid, c, *_ in tickets
        for text in ([c] if c else []) + [e[0] for e in order[tid]]
    )
    previous = None
    for minutes in sorted(offsets):
        as_of = first + timedelta(minutes=minutes)
        sla = cli_frame("sla", db, replay_config, as_of).set_index("ticket_id")
        d = cli_frame("durations", db, replay_config, as_of)
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
            # a due instant is never before the creation
            assert row["tto_due_at"] >= row["created_at"]
            assert row["ttr_due_at"] >= row["created_at"]
        assert (d.business_s <= d.wall_s).all()
        if previous is not None:
            # moving as-of forward never decreases an elapsed value
            both = sla.join(previous.add_suffix("_before"), how="inner")
            for col in ("tto_elapsed_s", "ttr_elapsed_s", "ttr_paused_s"):
                assert (both[col] >= both[col + "_before"]).all(), col
        previous = sla
