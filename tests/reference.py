"""A tiny, obviously-correct replay of DESIGN §2 in pure Python, for tests only.

It walks time minute by minute (histories and calendars in the tests are minute-aligned), asks
zoneinfo for each minute's local wall time, and applies the rules literally. Slow, but with no
cleverness to get wrong: the SQL engine must give exactly the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

from ticketlib.config import SlaConfig

MINUTE = timedelta(minutes=1)
STOP = {"resolu", "ferme"}


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

    def due_after(self, start: datetime, seconds: int) -> datetime:
        """First instant at which `seconds` of business time have passed since `start`; a target
        reached at a closing time falls due at the next opening."""
        t, left = start, seconds
        while True:
            if self.working(t):
                if left == 0:
                    return t
                left -= 60
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


def replay_ticket(config: SlaConfig, cal: Calendar, created, ticket_priority, events, as_of):
    """events: [(ts, etat, priority or None)] in file order. None if created after as_of."""
    if created is None:
        created = min(e[0] for e in events)
    if created > as_of:
        return None
    visible = sorted((e for e in events if e[0] <= as_of), key=lambda e: e[0])  # stable
    given = any(e[2] for e in visible)
    rows = [Row(created, "ouvert", None if given else ticket_priority, True)]
    rows += [Row(*e) for e in visible]
    ends = [r.ts for r in rows[1:]] + [as_of]
    pause = set(config.rules.pause)
    r = Result(status=rows[-1].etat, created_at=created)

    tto_stop = next((x.ts for x in rows if x.etat != "ouvert"), None)
    run_bus = []  # (row index, business seconds) of the running rows, in order
    stop_entries = []
    for i, (row, end) in enumerate(zip(rows, ends)):
        prev = rows[i - 1].etat if i else None
        bus = cal.business(row.ts, end)
        visits, wall, b = r.durations.get(row.etat, (0, 0, 0))
        r.durations[row.etat] = (
            visits + (prev != row.etat),
            wall + int((end - row.ts).total_seconds()),
            b + bus,
        )
        if row.etat in STOP:
            if prev not in STOP:
                stop_entries.append(i)
        elif row.etat in pause:
            r.ttr_paused_s += bus
        else:
            r.ttr_elapsed_s += bus
            run_bus.append((i, bus))
        if prev in STOP and row.etat != prev and row.etat != "ferme":
            r.reopens += 1
        if row.etat == "ferme" and prev != "ferme":
            r.closed_at = row.ts
    stopped = r.status in STOP
    r.tto_elapsed_s = cal.business(created, tto_stop or as_of)
    r.first_resolved_at = rows[stop_entries[0]].ts if stop_entries else None
    r.resolved_at = rows[stop_entries[-1]].ts if stopped else None
    r.closed_at = r.closed_at if r.status == "ferme" else None

    marks = [(x.ts, x.priority) for x in rows if x.priority]
    r.priority = marks[-1][1] if marks else None

    def priority_for(ref):
        before = [p for t, p in marks if t <= ref]
        after = [p for t, p in marks if t > ref]
        return before[-1] if before else after[0] if after else config.rules.default_priority

    tto_target = config.target(priority_for(tto_stop or as_of)).tto_s
    ttr_ref = rows[stop_entries[-1]].ts if stopped else as_of
    ttr_target = config.target(priority_for(ttr_ref)).ttr_s
    r.tto_target_s, r.ttr_target_s = tto_target, ttr_target
    r.tto_status = _status(r.tto_elapsed_s, tto_target, tto_stop is not None, config)
    r.ttr_status = _status(r.ttr_elapsed_s, ttr_target, stopped, config)

    # due instants: the crossing if the target was reached, else as if running on
    r.tto_due_at = cal.due_after(created, tto_target)
    if r.ttr_elapsed_s >= ttr_target:
        before = 0
        for i, bus in run_bus:
            if before < ttr_target <= before + bus:
                r.ttr_due_at = cal.due_after(rows[i].ts, ttr_target - before)
                break
            before += bus
    else:
        r.ttr_due_at = cal.due_after(ttr_ref, ttr_target - r.ttr_elapsed_s)

    if stopped:
        r.ttr_ever_breached = r.ttr_elapsed_s > ttr_target
    elif stop_entries:
        at_stop = sum(bus for i, bus in run_bus if i < stop_entries[-1])
        r.ttr_ever_breached = at_stop > ttr_target
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
