"""The configuration in force, ready to show: targets per priority, working hours, closed days.

Read by the SLA pages' "rules in force" panel (`app.sla_panels`); figures come from the
parsed `SlaConfig` (`ticketlib.domain.config`), never from the database.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ticketlib.domain.config import WEEKDAYS, SlaConfig
from ticketlib.domain.vocabulary import PRIORITY_CODES


def targets_frame(config: SlaConfig, targets: dict[str, tuple[float, float]] | None = None):
    """One row per priority: TTO and TTR targets in hours (configured, or `targets` in hours)."""
    rows = []
    for p in PRIORITY_CODES:
        if targets is None:
            t = config.target(p)
            tto, ttr = t.tto_s / 3600, t.ttr_s / 3600
        else:
            tto, ttr = targets[p]
        rows.append({"priority": p, "tto_h": float(tto), "ttr_h": float(ttr)})
    return pd.DataFrame(rows)


def hours_by_weekday(config: SlaConfig) -> list[tuple[str, str]]:
    """(weekday code, "09:00-12:00, 14:00-18:00" or "") for each day; [] for a 24x7 calendar."""
    hours = config.calendar.hours
    if hours is None:
        return []

    def hhmm(m: int) -> str:
        return f"{m // 60:02d}:{m % 60:02d}"

    return [
        (day, ", ".join(f"{hhmm(a)}-{hhmm(b)}" for a, b in ranges))
        for day, ranges in zip(WEEKDAYS, hours)
    ]


def weekly_hours(config: SlaConfig) -> list[tuple[str, str, str]]:
    """Runs of consecutive weekdays with the same hours: (first day, last day, "09:00-18:00"
    or "" when closed); [] for a 24x7 calendar."""
    runs: list[list[str]] = []
    for day, text in hours_by_weekday(config):
        if runs and runs[-1][2] == text:
            runs[-1][1] = day
        else:
            runs.append([day, day, text])
    return [tuple(r) for r in runs]


def holidays_between(config: SlaConfig, first: date, last: date, lang: str = "fr") -> pd.DataFrame:
    """Closed dates of the calendar in [first, last]: public holidays (minus open days) with
    their name in `lang` where the holidays package has it, and the extra closed days."""
    import holidays as _holidays

    cal = config.calendar
    rows = []
    if cal.holidays:
        years = range(first.year, last.year + 1)
        subdiv = cal.holidays_subdiv or None
        public = _holidays.country_holidays(cal.holidays, subdiv=subdiv, years=years)
        wanted = {"fr": "fr", "en": "en_US"}.get(lang)
        if wanted in public.supported_languages:
            public = _holidays.country_holidays(
                cal.holidays, subdiv=subdiv, years=years, language=wanted
            )
        for day, name in sorted(public.items()):
            if first <= day <= last and day not in cal.open_days:
                rows.append({"day": day, "name": name, "kind": "holiday"})
    for day in cal.closed_days:
        if first <= day <= last:
            rows.append({"day": day, "name": "", "kind": "closed"})
    frame = pd.DataFrame(rows, columns=["day", "name", "kind"])
    return frame.sort_values("day").reset_index(drop=True)
