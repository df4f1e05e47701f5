"""Every `sla.toml` key with its default as TOML text and a help text (`SETTINGS`): the README's
table is checked against it (tests/test_config.py). The defaults themselves are written once, in
the dataclasses of `config.py`; the texts here are derived from them."""

from __future__ import annotations

from dataclasses import dataclass

from ticketlib.domain.config import _CAL, _RULES, DEFAULT_TARGETS, WEEKDAYS


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    help: str


def _toml(value) -> str:
    """A default as the TOML text an sla.toml would hold (the README's table shows it)."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return str(value)


def _duration_text(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return (f"{hours}h" if hours else "") + (f"{rest // 60}m" if rest else "")


def _hours_text(hours) -> str:
    """Default working hours as the README writes them: "mon-fri 09:00-18:00"."""
    open_days = [d for d, ranges in zip(WEEKDAYS, hours) if ranges]
    ranges = ", ".join(
        f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}" for a, b in hours[0]
    )
    return f"{open_days[0]}-{open_days[-1]} {ranges}"


def _target_text(priority: str) -> str:
    tto, ttr = DEFAULT_TARGETS[priority]
    return f'{{ tto = "{_duration_text(tto)}", ttr = "{_duration_text(ttr)}" }}'


# each default is written once, in config.py's dataclasses; the texts below are derived from them
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "calendar.timezone", _toml(_CAL.timezone), "IANA time zone of the desk's working hours."
    ),
    Setting(
        "calendar.holidays",
        _toml(_CAL.holidays),
        'Country of the public holidays (`holidays`); `""` none.',
    ),
    Setting(
        "calendar.holidays_subdiv",
        _toml(_CAL.holidays_subdiv),
        'Subdivision for regional holidays, e.g. `"57"`.',
    ),
    Setting(
        "calendar.closed_days", _toml(_CAL.closed_days), "Extra closed local dates, `YYYY-MM-DD`."
    ),
    Setting("calendar.open_days", _toml(_CAL.open_days), "Public holidays the desk works anyway."),
    Setting(
        "calendar.hours",
        _hours_text(_CAL.hours),
        'Working ranges per weekday (`mon`…`sun`, `"HH:MM-HH:MM"`, end up to 24:00), or `"24x7"`.',
    ),
    Setting("targets.haute", _target_text("haute"), "Business-time targets, priority haute."),
    Setting("targets.moyenne", _target_text("moyenne"), "Targets for priority moyenne."),
    Setting("targets.faible", _target_text("faible"), "Targets for priority faible."),
    Setting(
        "rules.pause", _toml(_RULES.pause), "États where TTR stands still (besides resolu, ferme)."
    ),
    Setting(
        "rules.default_priority",
        _toml(_RULES.default_priority),
        "Priority used for a ticket that never gets one.",
    ),
    Setting(
        "rules.at_risk",
        _toml(_RULES.at_risk),
        "A running clock is at risk from this share of its target, (0, 1].",
    ),
    Setting(
        "rules.reopen", _toml(_RULES.reopen), "On reopen the TTR clock resumes where it stood."
    ),
    Setting(
        "rules.goal",
        _toml(_RULES.goal),
        "Compliance goal drawn on every compliance chart, (0, 1]; periods below it are marked.",
    ),
)
