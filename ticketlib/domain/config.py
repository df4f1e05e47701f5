"""`sla.toml` read into frozen dataclasses (DESIGN §5.2).

Every key has a default and a help text in `settings.SETTINGS` (the README's table is checked
against it).
Every bad value is refused with a `ConfigError` naming the file and the key, never guessed.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES, STOP_ETATS, normalise_priority

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = PROJECT_ROOT / "data" / "sla.toml"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REOPEN_POLICIES = ("continue",)


class ConfigError(ValueError):
    """A bad sla.toml: the message names the file, the key and what is wrong."""


DEFAULT_HOURS = {d: ((9 * 60, 18 * 60),) for d in WEEKDAYS[:5]} | {"sat": (), "sun": ()}
DEFAULT_TARGETS = {
    "haute": (3600, 8 * 3600),
    "moyenne": (4 * 3600, 24 * 3600),
    "faible": (8 * 3600, 45 * 3600),
}


@dataclass(frozen=True)
class CalendarConfig:
    timezone: str = "Europe/Paris"
    holidays: str = "FR"
    holidays_subdiv: str = ""
    closed_days: tuple[date, ...] = ()
    open_days: tuple[date, ...] = ()
    # Working ranges per weekday (0 = Monday) as (start, end) minutes; None means 24x7.
    hours: tuple[tuple[tuple[int, int], ...], ...] | None = tuple(
        DEFAULT_HOURS[d] for d in WEEKDAYS
    )

    @property
    def is_24x7(self) -> bool:
        return self.hours is None


@dataclass(frozen=True)
class Target:
    tto_s: int
    ttr_s: int


@dataclass(frozen=True)
class Rules:
    pause: tuple[str, ...] = ("attente_client",)
    default_priority: str = "moyenne"
    at_risk: float = 0.75
    reopen: str = "continue"
    goal: float = 0.95  # a compliance goal for charts; moves no figure of the replay


@dataclass(frozen=True)
class SlaConfig:
    calendar: CalendarConfig = field(default_factory=CalendarConfig)
    targets: tuple[tuple[str, Target], ...] = tuple(
        (p, Target(*DEFAULT_TARGETS[p])) for p in PRIORITY_CODES
    )
    rules: Rules = field(default_factory=Rules)
    source: str = "<defaults>"

    def target(self, priority: str) -> Target:
        return dict(self.targets)[priority]


# each default is written once, in the dataclasses above (settings.SETTINGS derives its texts)
_CAL, _RULES = CalendarConfig(), Rules()


def load_config(path: Path | str | None = None) -> SlaConfig:
    """Read and check an sla.toml (default: data/sla.toml)."""
    path = Path(path) if path else DEFAULT_CONFIG
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: fichier introuvable / file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML invalide / invalid TOML: {exc}") from None
    return parse_config(raw, str(path))


def parse_config(raw: dict, source: str = "<config>") -> SlaConfig:
    def fail(key: str, why: str) -> ConfigError:
        return ConfigError(f"{source}: {key}: {why}")

    _only(raw, {"calendar", "targets", "rules"}, "", fail)
    calendar = _calendar(raw.get("calendar", {}), fail)
    targets = _targets(raw.get("targets", {}), fail)
    rules = _rules(raw.get("rules", {}), fail)
    return SlaConfig(calendar=calendar, targets=targets, rules=rules, source=source)


def _only(table, allowed, prefix, fail):
    if not isinstance(table, dict):
        raise fail(prefix.rstrip(".") or "(racine)", "doit être une table / must be a table")
    for key in table:
        if key not in allowed:
            raise fail(
                f"{prefix}{key}",
                f"clé inconnue / unknown key (attendu / expected: {', '.join(sorted(allowed))})",
            )


def _calendar(table, fail) -> CalendarConfig:
    keys = {"timezone", "holidays", "holidays_subdiv", "closed_days", "open_days", "hours"}
    _only(table, keys, "calendar.", fail)
    tz = _string(table, "timezone", _CAL.timezone, "calendar.", fail)
    try:
        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise fail(
            "calendar.timezone", f"fuseau horaire inconnu / unknown time zone {tz!r}"
        ) from None
    country = _string(table, "holidays", _CAL.holidays, "calendar.", fail)
    subdiv = _string(table, "holidays_subdiv", _CAL.holidays_subdiv, "calendar.", fail)
    if country:
        import holidays

        try:
            holidays.country_holidays(country, subdiv=subdiv or None, years=2025)
        except NotImplementedError as exc:
            key = (
                "calendar.holidays_subdiv"
                if subdiv and "subdivision" in str(exc)
                else "calendar.holidays"
            )
            raise fail(key, f"inconnu du paquet holidays / unknown to holidays: {exc}") from None
    elif subdiv:
        raise fail("calendar.holidays_subdiv", "sans pays / needs calendar.holidays")
    return CalendarConfig(
        timezone=tz,
        holidays=country,
        holidays_subdiv=subdiv,
        closed_days=_dates(table, "closed_days", fail),
        open_days=_dates(table, "open_days", fail),
        hours=_hours(table.get("hours", None), fail),
    )


def _string(table, key, default, prefix, fail) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise fail(f"{prefix}{key}", f"texte attendu / expected a string, got {value!r}")
    return value.strip()


def _dates(table, key, fail) -> tuple[date, ...]:
    values = table.get(key, [])
    if not isinstance(values, list):
        raise fail(f"calendar.{key}", "liste de dates attendue / expected a list of dates")
    out = []
    for value in values:
        if isinstance(value, date):
            out.append(value)
            continue
        try:
            out.append(date.fromisoformat(str(value)))
        except ValueError:
            raise fail(
                f"calendar.{key}", f"date invalide / bad date {value!r} (YYYY-MM-DD)"
            ) from None
    return tuple(sorted(set(out)))


_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def _hours(value, fail):
    if value is None:
        return _CAL.hours
    if isinstance(value, str):
        if value.strip().lower() == "24x7":
            return None
        raise fail(
            "calendar.hours", f'"24x7" ou une table par jour / or a table per weekday: {value!r}'
        )
    _only(value, set(WEEKDAYS), "calendar.hours.", fail)
    return tuple(_day_ranges(value.get(day, []), f"calendar.hours.{day}", fail) for day in WEEKDAYS)


def _day_ranges(values, key, fail) -> tuple[tuple[int, int], ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise fail(
            key, f'liste de plages attendue / expected a list like ["09:00-18:00"]: {values!r}'
        )
    ranges = []
    for text in values:
        match = _RANGE.match(str(text))
        if not match:
            raise fail(key, f"plage invalide / bad range {text!r} (HH:MM-HH:MM)")
        h1, m1, h2, m2 = map(int, match.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if m1 > 59 or m2 > 59 or start > 24 * 60 or end > 24 * 60 or start >= end:
            raise fail(key, f"plage invalide / bad range {text!r}: début < fin, fin ≤ 24:00")
        ranges.append((start, end))
    ranges.sort()
    for (_, e1), (s2, _) in zip(ranges, ranges[1:]):
        if s2 < e1:
            raise fail(key, f"plages qui se chevauchent / overlapping ranges {values!r}")
    return tuple(ranges)


_DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+)\s*(?:m|min)?)?\s*$")


def parse_duration(text, key: str, fail) -> int:
    """Seconds of a duration like "8h", "45m", "1h30m", "1h30" or "1.5h"."""
    if isinstance(text, str):
        match = _DURATION.match(text)
        if (
            match
            and any(match.groups())
            and (match.group(1) or text.strip().endswith(("m", "min")))
        ):
            hours, minutes = match.groups()
            seconds = round(float(hours or 0) * 3600) + int(minutes or 0) * 60
            if seconds > 0:
                return seconds
    raise fail(key, f'durée invalide / bad duration {text!r} (ex. "8h", "45m", "1h30m")')


def _targets(table, fail) -> tuple[tuple[str, Target], ...]:
    _only(table, set(PRIORITY_CODES), "targets.", fail)
    out = []
    for priority in PRIORITY_CODES:
        tto, ttr = DEFAULT_TARGETS[priority]
        spec = table.get(priority, {})
        key = f"targets.{priority}"
        _only(spec, {"tto", "ttr"}, f"{key}.", fail)
        if "tto" in spec:
            tto = parse_duration(spec["tto"], f"{key}.tto", fail)
        if "ttr" in spec:
            ttr = parse_duration(spec["ttr"], f"{key}.ttr", fail)
        out.append((priority, Target(tto, ttr)))
    return tuple(out)


def _rules(table, fail) -> Rules:
    _only(table, {"pause", "default_priority", "at_risk", "reopen", "goal"}, "rules.", fail)
    pause = table.get("pause", list(_RULES.pause))
    if not isinstance(pause, list):
        raise fail("rules.pause", "liste d'états attendue / expected a list of états")
    from ticketlib.domain.vocabulary import normalise_etat

    codes = []
    for text in pause:
        code = normalise_etat(str(text))
        if code is None:
            raise fail(
                "rules.pause", f"état inconnu / unknown état {text!r} ({', '.join(ETAT_CODES)})"
            )
        if code in STOP_ETATS:
            raise fail("rules.pause", f"{code} arrête déjà le TTR / already stops the TTR clock")
        codes.append(code)
    default = table.get("default_priority", _RULES.default_priority)
    default_code = normalise_priority(str(default))
    if default_code is None:
        raise fail(
            "rules.default_priority",
            f"priorité inconnue / unknown priority {default!r} ({', '.join(PRIORITY_CODES)})",
        )
    at_risk = _share(table, "at_risk", _RULES.at_risk, fail)
    goal = _share(table, "goal", _RULES.goal, fail)
    reopen = table.get("reopen", _RULES.reopen)
    if reopen not in REOPEN_POLICIES:
        raise fail(
            "rules.reopen",
            f"valeur inconnue / unknown value {reopen!r} ({', '.join(REOPEN_POLICIES)})",
        )
    return Rules(
        pause=tuple(dict.fromkeys(codes)),
        default_priority=default_code,
        at_risk=at_risk,
        reopen=reopen,
        goal=goal,
    )


def _share(table, key: str, default: float, fail) -> float:
    """A number in (0, 1], e.g. 0.75."""
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise fail(
            f"rules.{key}",
            f"nombre dans ]0, 1] attendu / expected a number in (0, 1]: {value!r}",
        )
    return float(value)
