"""The words of the customer review: labels (the REVIEW catalogue), durations, état, priority
and clock-status names, and the configuration in force as text (`config_summary`)."""

from __future__ import annotations

from pathlib import Path

from ticketlib.domain.config import SlaConfig
from ticketlib.domain.formats import fmt_date, fmt_pct, missing, weekday_names
from ticketlib.domain.labels import REVIEW as LABELS
from ticketlib.domain.labels import text as label_text
from ticketlib.domain.vocabulary import ETAT_BY_CODE, PRIORITY_BY_CODE


def label(key: str, lang: str, **kw) -> str:
    if key not in LABELS:
        raise KeyError(key)
    return label_text(LABELS, key, lang, **kw)


_missing = missing


def fmt_duration(seconds: int, lang: str) -> str:
    """A target: 8 h, 45 min, 1 h 30."""
    h, rem = divmod(int(seconds), 3600)
    m = rem // 60
    if h and m:
        return f"{h} h {m:02d}"
    return f"{h} h" if h else f"{m} min"


def etat_name(code, lang: str) -> str:
    if not isinstance(code, str) or code not in ETAT_BY_CODE:
        return "" if _missing(code) else str(code)
    e = ETAT_BY_CODE[code]
    return e.label_fr if lang == "fr" else e.label_en


def priority_name(code, lang: str) -> str:
    if not isinstance(code, str) or code not in PRIORITY_BY_CODE:
        return label("no_priority", lang)
    p = PRIORITY_BY_CODE[code]
    return p.label_fr if lang == "fr" else p.label_en


def status_name(code, lang: str) -> str:
    return label(code, lang) if code in ("met", "breached", "at_risk", "running") else ""


def _minutes(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def config_summary(config: SlaConfig, lang: str = "fr") -> dict:
    """The calendar, targets and rules of a configuration, ready to show (texts and rows)."""
    cal = config.calendar
    if cal.is_24x7:
        hours = [[label("all_days", lang), label("hours_24x7", lang)]]
    else:
        hours = [
            [
                weekday_names(lang)[i],
                ", ".join(f"{_minutes(a)}–{_minutes(b)}" for a, b in ranges)
                or label("closed", lang),
            ]
            for i, ranges in enumerate(cal.hours)
        ]
    days = ", ".join(fmt_date(d, lang) for d in cal.closed_days) or "–"
    worked = ", ".join(fmt_date(d, lang) for d in cal.open_days) or "–"
    holidays = cal.holidays + (f" ({cal.holidays_subdiv})" if cal.holidays_subdiv else "")
    return {
        "timezone": cal.timezone,
        "hours": hours,
        "hours_short": _hours_short(config, lang),
        "holidays": holidays or label("none", lang),
        "closed_days": days,
        "open_days": worked,
        "targets": [
            [priority_name(p, lang), fmt_duration(t.tto_s, lang), fmt_duration(t.ttr_s, lang)]
            for p, t in config.targets
        ],
        "pause": ", ".join(etat_name(e, lang) for e in config.rules.pause) or "–",
        "default_priority": priority_name(config.rules.default_priority, lang),
        "at_risk": fmt_pct(config.rules.at_risk, lang),
        "reopen": config.rules.reopen,
        "source": Path(config.source).name,  # never the server's path
    }


def _hours_short(config: SlaConfig, lang: str) -> str:
    """ "lun.–ven. 09:00–18:00" when the working days share their hours, else each day."""
    cal = config.calendar
    if cal.is_24x7:
        return label("hours_24x7", lang)
    open_days = [(i, r) for i, r in enumerate(cal.hours) if r]
    if not open_days:
        return label("closed", lang)
    ranges = {r for _, r in open_days}
    idx = [i for i, _ in open_days]
    if len(ranges) == 1 and idx == list(range(idx[0], idx[-1] + 1)):
        names = weekday_names(lang)
        span = names[idx[0]] if len(idx) == 1 else f"{names[idx[0]]}–{names[idx[-1]]}"
        text = ", ".join(f"{_minutes(a)}–{_minutes(b)}" for a, b in next(iter(ranges)))
        return f"{span} {text}"
    return " · ".join(
        f"{weekday_names(lang)[i]} " + ", ".join(f"{_minutes(a)}–{_minutes(b)}" for a, b in r)
        for i, r in open_days
    )
