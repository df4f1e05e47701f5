"""sla.toml: defaults, every bad value refused with the file and key named, README in step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ticketlib.domain.config import ConfigError, load_config
from ticketlib.domain.settings import SETTINGS
from ticketlib.domain.vocabulary import (
    ETAT_CODES,
    EXPECTED_TRANSITIONS,
    normalise_etat,
    normalise_priority,
)

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_config_is_design_5_2():
    config = load_config()
    assert config.calendar.timezone == "Europe/Paris"
    assert config.calendar.holidays == "FR"
    assert config.calendar.hours[0] == ((9 * 60, 18 * 60),)
    assert config.calendar.hours[5] == () and config.calendar.hours[6] == ()
    assert [str(d) for d in config.calendar.closed_days] == ["2025-12-24"]
    assert config.target("haute").tto_s == 3600 and config.target("haute").ttr_s == 8 * 3600
    assert config.target("moyenne").ttr_s == 24 * 3600
    assert config.target("faible").ttr_s == 45 * 3600
    assert config.rules.pause == ("attente_client",)
    assert (config.rules.default_priority, config.rules.at_risk) == ("moyenne", 0.75)
    assert config.rules.goal == 0.95


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "sla.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        ("[calendar]\ntimezon = 'Europe/Paris'", "calendar.timezon", "unknown key"),
        ("[calender]\n", "calender", "unknown key"),
        ("[calendar]\ntimezone = 'Europe/Pariss'", "calendar.timezone", "unknown time zone"),
        ("[calendar]\nholidays = 'XX'", "calendar.holidays", "unknown"),
        ("[calendar]\nholidays_subdiv = '99'", "calendar.holidays_subdiv", "unknown"),
        ("[calendar]\nclosed_days = ['2025-13-01']", "calendar.closed_days", "bad date"),
        ("[calendar.hours]\nmon = ['18:00-09:00']", "calendar.hours.mon", "bad range"),
        ("[calendar.hours]\nmon = ['09:00-25:00']", "calendar.hours.mon", "bad range"),
        ("[calendar.hours]\nmon = ['9h-18h']", "calendar.hours.mon", "bad range"),
        (
            "[calendar.hours]\nmon = ['09:00-13:00', '12:00-18:00']",
            "calendar.hours.mon",
            "overlapping",
        ),
        ("[calendar.hours]\nlundi = ['09:00-18:00']", "calendar.hours.lundi", "unknown key"),
        ("[calendar]\nhours = '24/7'", "calendar.hours", "24x7"),
        ("[targets]\nhaute = { tto = '8x', ttr = '8h' }", "targets.haute.tto", "bad duration"),
        ("[targets]\nhaute = { tto = '0h', ttr = '8h' }", "targets.haute.tto", "bad duration"),
        ("[targets]\nurgent = { tto = '1h', ttr = '8h' }", "targets.urgent", "unknown key"),
        ("[targets]\nhaute = { tta = '1h' }", "targets.haute.tta", "unknown key"),
        ("[rules]\npause = ['attente']", "rules.pause", "unknown état"),
        ("[rules]\npause = ['resolu']", "rules.pause", "already stops"),
        ("[rules]\nat_risk = 0", "rules.at_risk", "(0, 1]"),
        ("[rules]\nat_risk = 1.5", "rules.at_risk", "(0, 1]"),
        ("[rules]\nat_risk = true", "rules.at_risk", "(0, 1]"),
        ("[rules]\ngoal = 0", "rules.goal", "(0, 1]"),
        ("[rules]\ngoal = 95", "rules.goal", "(0, 1]"),
        ("[rules]\ndefault_priority = 'urgente'", "rules.default_priority", "unknown priority"),
        ("[rules]\nreopen = 'restart'", "rules.reopen", "unknown value"),
        ("[rules\n", "", "invalid TOML"),
    ],
)
def test_bad_values_are_refused_with_file_and_key(tmp_path, text, key, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message and key in message and words in message, message


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("8h", 28800),
        ("45m", 2700),
        ("1h30m", 5400),
        ("1h30", 5400),
        ("1.5h", 5400),
        ("90min", 5400),
    ],
)
def test_durations(tmp_path, text, seconds):
    config = load_config(write(tmp_path, f"[targets]\nfaible = {{ tto = '{text}' }}"))
    assert config.target("faible").tto_s == seconds
    assert config.target("faible").ttr_s == 45 * 3600  # the other clock keeps its default


def test_valid_variants(tmp_path):
    config = load_config(
        write(
            tmp_path,
            "[calendar]\nhours = '24x7'\nholidays = ''\n"
            "[rules]\npause = ['En attente de votre retour', 'ATTENTE_INTERNE']\n"
            "default_priority = 'Haute'\nat_risk = 1",
        )
    )
    assert config.calendar.is_24x7
    assert config.rules.pause == ("attente_client", "attente_interne")
    assert config.rules.default_priority == "haute" and config.rules.at_risk == 1.0
    ranges = load_config(write(tmp_path, "[calendar.hours]\nmon = ['13:00-24:00', '08:00-13:00']"))
    assert ranges.calendar.hours[0] == ((480, 780), (780, 1440))
    assert ranges.calendar.hours[1] == ()  # a day not given has no hours


def test_every_setting_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = {m.group(1) for m in re.finditer(r"^\|\s*`([a-z_.]+)`\s*\|", readme, re.M)}
    missing = [s.key for s in SETTINGS if s.key not in table]
    assert not missing, f"README config table lacks {missing}"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Résolu", "resolu"),
        ("RESOLU", "resolu"),
        ("  résolu ", "resolu"),
        ("resolu", "resolu"),
        ("PRIS EN COMPTE", "pris_en_compte"),
        ("pris_en_compte", "pris_en_compte"),
        ("Pris  en-compte", "pris_en_compte"),
        ("EN ATTENTE DE VOTRE RETOUR", "attente_client"),
        ("attente_client", "attente_client"),
        ("En attente retour interne", "attente_interne"),
        ("FERMÉ", "ferme"),
        ("Réouvert", "reouvert"),
        ("OUVERT", "ouvert"),
        ("EN COURS", None),
        ("", None),
        (None, None),
    ],
)
def test_etat_normaliser(text, code):
    assert normalise_etat(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Haute", "haute"),
        ("HAUTE", "haute"),
        ("moyenne", "moyenne"),
        (" Faible", "faible"),
        ("High", None),
    ],
)
def test_priority_normaliser(text, code):
    assert normalise_priority(text) == code


def test_expected_transitions_use_known_etats():
    assert {e for pair in EXPECTED_TRANSITIONS for e in pair} == set(ETAT_CODES)


def test_goal_is_read_and_moves_no_figure():
    """`rules.goal` (DESIGN §5.2) is drawn on charts only: the derived tables stay valid."""
    import tomllib

    from ticketlib.domain.config import parse_config
    from ticketlib.marts.persisted import config_fingerprint

    config = parse_config(tomllib.loads("[rules]\ngoal = 0.9"), "<t>")
    assert config.rules.goal == 0.9
    assert config_fingerprint(config) == config_fingerprint(parse_config({}, "<t>"))
