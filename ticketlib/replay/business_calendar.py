"""The business calendar as working windows in UTC with cumulative business time.

Business time of [a, b) is the measure of the instants in it whose local wall-clock time, in the
calendar's zone, falls in a working range of a working day (DESIGN §2). Each working range of
each working day becomes the UTC intervals where that holds (one, or two around a DST change),
computed exactly from the zone's offset changes. With the business microseconds before each
window, B(t) = cum + clamp(t - start, 0, length) for the last window starting at or before t,
and business time of [a, b) = B(b) - B(a): one ASOF lookup per instant, for all rows at once.
"""

from __future__ import annotations

import bisect
import calendar as _cal
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from ticketlib.domain.config import CalendarConfig
from ticketlib.domain.timestamps import transitions_between

if TYPE_CHECKING:  # numpy is imported where windows are computed: not at start-up
    import numpy as np

US = 1_000_000
DAY_US = 86400 * US
SLOTS = 4  # windows per UTC day held in columns; any more go to a list (rare, slower)
# Day keys are (t_us + DAY_ORIGIN_US) // DAY_US: positive for any instant we accept, so SQL's
# truncating integer division agrees with Python's floor division.
DAY_ORIGIN_US = 200 * 365 * DAY_US


@dataclass(frozen=True)
class Windows:
    """Working windows in UTC microseconds, sorted, disjoint, with business time before each."""

    start_us: np.ndarray
    end_us: np.ndarray
    cum_us: np.ndarray
    first_day: date
    last_day: date
    timezone: str = "UTC"

    def frame(self):
        """The windows as a pandas DataFrame (start_us, end_us, cum_us): for tests and tools."""
        import pandas as pd

        return pd.DataFrame(
            {"start_us": self.start_us, "end_us": self.end_us, "cum_us": self.cum_us}
        )

    def day_frame(self):
        """`day_columns` as a pandas DataFrame, `more` a list of {s, e} or None: for tests."""
        import pandas as pd

        columns, more = self.day_columns()
        extra: dict[int, list] = {}
        for d, a, b in more:
            extra.setdefault(d, []).append({"s": a, "e": b})
        frame = pd.DataFrame(columns)
        frame.insert(10, "more", [extra.get(d) for d in columns["day"]])
        return frame

    def day_columns(self) -> tuple[dict[str, list[int]], list[tuple[int, int, int]]]:
        """One row per UTC day of the calendar: business time before the day, and its windows.

        B(t) is then a hash join on t's UTC day plus arithmetic, much faster than an ASOF join
        over millions of rows: cum0 + sum of clamp(t - s, 0, e - s) over the day's windows.
        Returns the columns (day, cum0, s1, e1, ..., s4, e4, tz_before, tz_switch, tz_after; UTC
        microseconds, day keys of `day_key`) and the windows beyond the fourth of a day as
        (day, s, e) rows (rare). Plain lists: no pandas in the replay's start-up.
        """
        first = day_key(_cal.timegm(self.first_day.timetuple()) * US) - 2
        last = day_key(_cal.timegm(self.last_day.timetuple()) * US) + 2
        if len(self.start_us):
            first = min(first, day_key(int(self.start_us[0])))
            last = max(last, day_key(int(self.end_us[-1])) + 1)
        days: dict[int, list[tuple[int, int]]] = {}
        for s, e in zip(self.start_us.tolist(), self.end_us.tolist()):
            d = day_key(s)
            while s < e:  # split at UTC midnights
                cut = min(e, (d + 1) * DAY_US - DAY_ORIGIN_US)
                days.setdefault(d, []).append((s, cut))
                s, d = cut, d + 1
        # the zone's offsets over the days' span only (not 1900-2200)
        changes = transitions_between(
            self.timezone,
            (first * DAY_US - DAY_ORIGIN_US) // US - 86400,
            ((last + 2) * DAY_US - DAY_ORIGIN_US) // US,
        )
        starts = [c[0] for c in changes]
        names = ["day", "cum0", *(f"{k}{i}" for i in range(1, SLOTS + 1) for k in ("s", "e"))]
        columns: dict[str, list[int]] = {
            n: [] for n in (*names, "tz_before", "tz_switch", "tz_after")
        }
        more: list[tuple[int, int, int]] = []
        running = 0
        for d in range(first, last + 1):
            ws = days.get(d, [])
            slots = ws[:SLOTS] + [(0, 0)] * (SLOTS - len(ws[:SLOTS]))
            more.extend((d, a, b) for a, b in ws[SLOTS:])
            # the zone's UTC offset over the day: before, and after a change within it (if any)
            day_start = (d * DAY_US - DAY_ORIGIN_US) // US
            i = bisect.bisect_right(starts, day_start) - 1
            before = changes[i][2]
            nxt = changes[i + 1] if i + 1 < len(changes) else None
            if nxt is not None and nxt[0] < day_start + 86400:
                switch, after = nxt[0] * US, nxt[2]
            else:
                switch, after = (day_start + 86400) * US, before
            row = [d, running, *[x for w in slots for x in w], before * US, switch, after * US]
            for name, value in zip(columns, row):
                columns[name].append(value)
            running += sum(b - a for a, b in ws)
        return columns, more

    def business_at(self, t_us: int) -> int:
        """B(t), for checks and small computations in Python."""
        import numpy as np

        i = int(np.searchsorted(self.start_us, t_us, side="right")) - 1
        if i < 0:
            return 0
        return int(self.cum_us[i] + min(t_us, self.end_us[i]) - self.start_us[i])


def day_key(t_us: int) -> int:
    return (t_us + DAY_ORIGIN_US) // DAY_US


def working_days(cal: CalendarConfig, first: date, last: date) -> list[date]:
    """Local dates with working hours: weekday ranges, minus holidays and closed days."""
    closed = set(cal.closed_days)
    if cal.holidays:
        import holidays as _holidays  # here only: a second at start-up (its countries)

        years = range(first.year, last.year + 1)
        public = _holidays.country_holidays(
            cal.holidays, subdiv=cal.holidays_subdiv or None, years=years
        )
        closed |= set(public) - set(cal.open_days)
    days, d = [], first
    while d <= last:
        if cal.hours[d.weekday()] and d not in closed:
            days.append(d)
        d += timedelta(days=1)
    return days


def build_windows(cal: CalendarConfig, first: date, last: date) -> Windows:
    """The calendar's windows for local dates first..last (inclusive)."""
    if cal.is_24x7:
        a = _cal.timegm(first.timetuple()) - 86400
        b = _cal.timegm(last.timetuple()) + 2 * 86400
        spans = [(a * US, b * US)]
    else:
        changes = transitions_between(
            cal.timezone,
            _cal.timegm(first.timetuple()) - 3 * 86400,
            _cal.timegm(last.timetuple()) + 3 * 86400,
        )
        spans = []
        for day in working_days(cal, first, last):
            midnight = _cal.timegm(day.timetuple())  # local wall time read as if UTC
            for start_min, end_min in cal.hours[day.weekday()]:
                spans.extend(
                    _utc_spans(changes, midnight + start_min * 60, midnight + end_min * 60)
                )
        spans = [(a * US, b * US) for a, b in spans]
    return _cumulate(_merge(spans), first, last, cal.timezone)


def _utc_spans(changes, wall_start: int, wall_end: int) -> list[tuple[int, int]]:
    """UTC seconds whose local wall time is in [wall_start, wall_end) (walls as naive epochs)."""
    lo, hi = wall_start - 26 * 3600, wall_end + 26 * 3600
    # constant-offset segments of UTC time overlapping [lo, hi)
    idx = max(i for i, c in enumerate(changes) if c[0] <= lo) if changes[0][0] <= lo else 0
    segments = []
    seg_start, offset = lo, changes[idx][2]
    for t, _before, after in changes[idx + 1 :]:
        if t >= hi:
            break
        segments.append((seg_start, t, offset))
        seg_start, offset = t, after
    segments.append((seg_start, hi, offset))
    out = []
    for a, b, off in segments:
        s, e = max(a, wall_start - off), min(b, wall_end - off)
        if s < e:
            out.append((s, e))
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _cumulate(spans, first: date, last: date, timezone: str) -> Windows:
    import numpy as np

    start = np.array([a for a, _ in spans], dtype=np.int64)
    end = np.array([b for _, b in spans], dtype=np.int64)
    cum = np.concatenate([[0], np.cumsum(end - start)[:-1]]).astype(np.int64) if spans else end
    return Windows(start, end, cum, first, last, timezone)


def windows_for(cal: CalendarConfig, first_us: int, last_us: int, horizon_us: int) -> Windows:
    """Windows covering [first_us, last_us] and at least `horizon_us` of business time beyond.

    The horizon lets due instants be found after the as-of time; a calendar with no working
    time at all stops extending after ten years (due instants are then empty).
    """
    first = (
        datetime.fromtimestamp(first_us / US, UTC).replace(tzinfo=None) - timedelta(days=2)
    ).date()
    last = (
        datetime.fromtimestamp(last_us / US, UTC).replace(tzinfo=None) + timedelta(days=2)
    ).date()
    extra = 14
    while True:
        w = build_windows(cal, first, last + timedelta(days=extra))
        beyond = (
            (w.cum_us[-1] + w.end_us[-1] - w.start_us[-1]) - w.business_at(last_us)
            if len(w.cum_us)
            else 0
        )
        if beyond > horizon_us or extra > 3660:
            return w
        extra *= 2
