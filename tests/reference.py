"""A tiny, obviously-correct replay of DESIGN §2 and §5.1 in pure Python, for tests only.

It walks time minute by minute (histories and calendars in the tests are minute-aligned), asks
zoneinfo for each minute's local wall time, and applies the rules literally. Slow, but with no
cleverness to get wrong: the SQL engine must give exactly the same numbers.

The rules it spells out (DESIGN §2, §5.1, issue 9):
- a naive timestamp is the wall time of the replaying calendar's zone, read with fold=0 (the
  first of two equal wall times in autumn, the offset before the gap in spring): `read_stamp`;
- an event dated before its ticket's creation takes effect at the creation instant, after the
  creation row, the clamped events in their original time order, then file order;
- the default as-of instant is the latest of every event and every creation: `default_as_of`;
- each stop of TTR is judged against the target of the priority in force at that stop;
- a clock's due instant is the last instant at which elapsed <= target, the clock counting
  business time only while it runs and running again after its last stop (or after as-of).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

from ticketlib.domain.config import SlaConfig

MINUTE = timedelta(minutes=1)
STOP = {"resolu", "ferme"}


def read_stamp(text: str, tz: str) -> datetime:
    """An ISO 8601 text as an instant: its offset if it has one, else a wall time of `tz`
    (zoneinfo's fold=0 is exactly the importer's rule for repeated and skipped wall times)."""
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if t.tzinfo is None:
        t = t.replace(tzinfo=ZoneInfo(tz))  # fold=0
    return t.astimezone(UTC)


class Calendar:
    def __init__(self, config: SlaConfig):
        self.cal = config.calendar
        self.zone = ZoneInfo(self.cal.timezone)
        self._cache: dict[datetime, bool] = {}
        self._holidays = (
            holidays.country_holidays(
                self.cal.holidays, subdiv=self.cal.holidays_subdiv or None, years=range(2020, 2031)
            )
            if self.cal.holidays
            else {}
        )

    def working(self, minute: datetime) -> bool:
        """Is the minute starting at this UTC instant business time?"""
        if self.cal.is_24x7:
            return True
        hit = self._cache.get(minute)
        if hit is None:
            local = minute.astimezone(self.zone)
            day = local.date()
            closed = day in self.cal.closed_days or (
                day in self._holidays and day not in self.cal.open_days
            )
            m = local.hour * 60 + local.minute
            hit = not closed and any(s <= m < e for s, e in self.cal.hours[day.weekday()])
            self._cache[minute] = hit
        return hit

    def business(self, a: datetime, b: datetime) -> int:
        """Business seconds of [a, b)."""
        n, t = 0, a
        while t < b:
            n += 60 if self.working(t) else 0
            t += MINUTE
        return n

    def due(self, start: datetime, target: int, runs) -> datetime:
        """The last instant at which the clock started at `start` has counted <= `target`
        business seconds, the clock counting the minutes m where `runs(m)` and working(m):
        the start of the first such minute met once `target` seconds have been counted."""
        t, counted = start, 0
        while True:
            if runs(t) and self.working(t):
                if counted >= target:
                    return t
                counted += 60
            t += MINUTE


@dataclass
class Row:
    ts: datetime
    etat: str
    priority: str | None
    creation: bool = False


@dataclass
class Result:
    status: str = ""
    priority: str | None = None
    created_at: datetime | None = None
    tto_elapsed_s: int = 0
    tto_target_s: int = 0
    tto_status: str = ""
    ttr_elapsed_s: int = 0
    ttr_paused_s: int = 0
    ttr_target_s: int = 0
    ttr_status: str = ""
    tto_due_at: datetime | None = None
    ttr_due_at: datetime | None = None
    reopens: int = 0
    ttr_ever_breached: bool = False
    first_resolved_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    durations: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # visits, wall, bus


def default_as_of(created: list[datetime | None], events: list[datetime]) -> datetime:
    """The latest instant in the data, events and creations alike (DESIGN §2)."""
    return max([c for c in created if c is not None] + list(events))


def replay_ticket(config: SlaConfig, cal: Calendar, created, ticket_priority, events, as_of):
    """events: [(instant, etat, priority or None)] in file order, instants already read (naive
    ones in the replaying calendar's zone). None if the ticket is created after as_of."""
    if created is None:
        created = min(e[0] for e in events)
    if created > as_of:
        return None
    # events after as-of are ignored; a stable sort keeps file order among equal instants;
    # one dated before creation takes effect at creation, after the creation row
    visible = sorted((e for e in events if e[0] <= as_of), key=lambda e: e[0])
    given = any(e[2] for e in visible)
    rows = [Row(created, "ouvert", None if given else ticket_priority, True)]
    rows += [Row(max(t, created), etat, p) for t, etat, p in visible]
    ends = [r.ts for r in rows[1:]] + [as_of]
    pause = set(config.rules.pause)
    r = Result(status=rows[-1].etat, created_at=created)

    def role(etat: str) -> str:
        return "stop" if etat in STOP else "pause" if etat in pause else "run"

    tto_stop = next((x.ts for x in rows if x.etat != "ouvert"), None)
    stops = []  # (row index, TTR business seconds counted before it) of each entry into a stop
    for i, (row, end) in enumerate(zip(rows, ends)):
        prev = rows[i - 1].etat if i else None
        bus = cal.business(row.ts, end)
        visits, wall, b = r.durations.get(row.etat, (0, 0, 0))
        r.durations[row.etat] = (
            visits + (prev != row.etat),
            wall + int((end - row.ts).total_seconds()),
            b + bus,
        )
        if role(row.etat) == "stop" and prev not in STOP:
            stops.append((i, r.ttr_elapsed_s))
        if role(row.etat) == "pause":
            r.ttr_paused_s += bus
        if role(row.etat) == "run":
            r.ttr_elapsed_s += bus
        if prev in STOP and row.etat != prev and row.etat != "ferme":
            r.reopens += 1
        if row.etat == "ferme" and prev != "ferme":
            r.closed_at = row.ts
    stopped = r.status in STOP
    r.tto_elapsed_s = cal.business(created, tto_stop or as_of)
    r.first_resolved_at = rows[stops[0][0]].ts if stops else None
    r.resolved_at = rows[stops[-1][0]].ts if stopped else None
    r.closed_at = r.closed_at if r.status == "ferme" else None

    marks = [(x.ts, x.priority) for x in rows if x.priority]
    r.priority = marks[-1][1] if marks else None

    def priority_for(ref):
        """In force at `ref`, else the first given afterwards (up to as-of), else the default."""
        before = [p for t, p in marks if t <= ref]
        after = [p for t, p in marks if t > ref]
        return before[-1] if before else after[0] if after else config.rules.default_priority

    tto_target = config.target(priority_for(tto_stop or as_of)).tto_s
    ttr_ref = rows[stops[-1][0]].ts if stopped else as_of
    ttr_target = config.target(priority_for(ttr_ref)).ttr_s
    r.tto_target_s, r.ttr_target_s = tto_target, ttr_target
    r.tto_status = _status(r.tto_elapsed_s, tto_target, tto_stop is not None, config)
    r.ttr_status = _status(r.ttr_elapsed_s, ttr_target, stopped, config)

    # due instants: TTO runs from creation on (it is supposed to run again after its stop);
    # TTR runs as the history says until its last stop (stopped at as-of) or until as-of,
    # and runs from then on
    r.tto_due_at = cal.due(created, tto_target, lambda m: True)
    resume = ttr_ref

    def ttr_runs(m: datetime) -> bool:
        if m >= resume:
            return True
        in_force = [x for x in rows if x.ts <= m][-1]  # the last row at or before m
        return role(in_force.etat) == "run"

    r.ttr_due_at = cal.due(created, ttr_target, ttr_runs)

    # each stop judged against the target of the priority in force at that stop
    r.ttr_ever_breached = any(
        counted > config.target(priority_for(rows[i].ts)).ttr_s for i, counted in stops
    )
    return r


def _status(elapsed: int, target: int, stopped: bool, config: SlaConfig) -> str:
    if elapsed > target:
        return "breached"
    if stopped:
        return "met"
    if elapsed >= config.rules.at_risk * target:
        return "at_risk"
    return "running"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)
