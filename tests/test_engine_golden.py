"""Hand-computed SLA cases (issue 3 §7): every figure worked out in the comment beside it.

Default calendar unless said: Europe/Paris, Mon-Fri 09:00-18:00, French holidays, 2025-12-24
closed. Targets: haute 1h/8h, moyenne 4h/24h, faible 8h/45h; at_risk 0.75; pause attente_client.
March 2025: Mon 3, Fri 7, Mon 10. CET is +01:00 until 2025-03-30, CEST +02:00 until 2025-10-26.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.helpers import config_from, durations, load_history, sla_rows

H = 3600


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def run(tmp_path, tickets, events, config=None, as_of=None):
    db = load_history(tmp_path, tickets, events, config)
    return sla_rows(db, config, as_of), db


def cfg(hours: str, extra: str = "", holidays: str = "FR") -> object:
    return config_from(
        f'[calendar]\ntimezone = "Europe/Paris"\nholidays = "{holidays}"\n{extra}\n{hours}\n'
    )


ALL_DAYS_24 = "[calendar.hours]\n" + "\n".join(
    f'{d} = ["00:00-24:00"]' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)
ALL_DAYS_9_18 = "[calendar.hours]\n" + "\n".join(
    f'{d} = ["09:00-18:00"]' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


def test_night_and_weekend(tmp_path):
    rows, _ = run(
        tmp_path,
        [["N1", "2025-03-07T17:00:00+01:00", "Haute"]],
        [
            ["N1", "2025-03-07T17:00:00+01:00", "OUVERT", ""],
            ["N1", "2025-03-10T10:00:00+01:00", "PRIS EN COMPTE", "Haute"],
            ["N1", "2025-03-10T12:00:00+01:00", "RÉSOLU", ""],
        ],
    )
    r = rows["N1"]
    # TTO: Fri 17:00-18:00 (1h) + Mon 09:00-10:00 (1h) = 2h > 1h target
    assert (r["tto_elapsed_s"], r["tto_target_s"], r["tto_status"]) == (2 * H, H, "breached")
    # TTR: ouvert 2h + pris en compte Mon 10:00-12:00 (2h) = 4h <= 8h, stopped in resolu
    assert (r["ttr_elapsed_s"], r["ttr_paused_s"], r["ttr_status"]) == (4 * H, 0, "met")
    # TTO due: Fri 17:00 + 1h ends at the Fri 18:00 closing -> next opening Mon 09:00
    assert r["tto_due_at"] == ts("2025-03-10T09:00:00+01:00")
    # TTR due: stopped at Mon 12:00 with 4h left -> Mon 16:00
    assert r["ttr_due_at"] == ts("2025-03-10T16:00:00+01:00")
    assert r["status"] == "resolu" and r["priority"] == "haute"
    assert r["resolved_at"] == r["first_resolved_at"] == ts("2025-03-10T12:00:00+01:00")
    assert pd.isna(r["closed_at"]) and r["reopens"] == 0 and not r["ttr_ever_breached"]


def test_lunch_break_two_ranges(tmp_path):
    hours = "[calendar.hours]\n" + "\n".join(
        f'{d} = ["09:00-12:00", "13:00-18:00"]' for d in ("mon", "tue", "wed", "thu", "fri")
    )
    config = cfg(hours)
    rows, _ = run(
        tmp_path,
        [["L1", "2025-03-03T11:00:00+01:00", "Moyenne"]],
        [
            ["L1", "2025-03-03T14:00:00+01:00", "PRIS EN COMPTE", "Moyenne"],
            ["L1", "2025-03-04T10:00:00+01:00", "RÉSOLU", ""],
        ],
        config,
    )
    r = rows["L1"]
    # TTO: 11:00-12:00 (1h) + 13:00-14:00 (1h) = 2h
    assert r["tto_elapsed_s"] == 2 * H
    # TTR: 2h + Mon 14:00-18:00 (4h) + Tue 09:00-10:00 (1h) = 7h
    assert (r["ttr_elapsed_s"], r["ttr_status"]) == (7 * H, "met")
    # TTO due: 11:00 + 4h = 11-12 (1h) + 13-16 (3h) -> Mon 16:00
    assert r["tto_due_at"] == ts("2025-03-03T16:00:00+01:00")
    # TTR due: 17h left from Tue 10:00: Tue 7h (10-12, 13-18), Wed 8h, Thu 09:00-11:00 -> Thu 11:00
    assert r["ttr_due_at"] == ts("2025-03-06T11:00:00+01:00")


def test_dst_spring_forward_day_is_23h_with_24h_ranges(tmp_path):
    config = cfg(ALL_DAYS_24, holidays="")
    rows, _ = run(
        tmp_path,
        [["S1", "2025-03-29T12:00:00+01:00", "Faible"]],
        [
            ["S1", "2025-03-30T12:00:00+02:00", "PRIS EN COMPTE", "Faible"],
            ["S1", "2025-03-31T12:00:00+02:00", "RÉSOLU", ""],
        ],
        config,
    )
    r = rows["S1"]
    # TTO: Sat 12:00-24:00 (12h) + Sun 00:00-12:00 local, 02:00-03:00 skipped (11h) = 23h
    assert r["tto_elapsed_s"] == 23 * H
    # TTR: 23h + Sun 12:00-24:00 (12h) + Mon 00:00-12:00 (12h) = 47h
    assert r["ttr_elapsed_s"] == 47 * H


def test_dst_days_keep_nine_working_hours(tmp_path):
    config = cfg(ALL_DAYS_9_18, holidays="")
    rows, _ = run(
        tmp_path,
        [
            ["D1", "2025-03-30T08:00:00+02:00", "Faible"],
            ["D2", "2025-10-26T08:00:00+01:00", "Faible"],
        ],
        [
            ["D1", "2025-03-30T20:00:00+02:00", "PRIS EN COMPTE", ""],
            ["D2", "2025-10-26T20:00:00+01:00", "PRIS EN COMPTE", ""],
        ],
        config,
    )
    # a 09:00-18:00 day is 9h of business time on both DST days (DESIGN §2)
    assert rows["D1"]["tto_elapsed_s"] == 9 * H
    assert rows["D2"]["tto_elapsed_s"] == 9 * H


def test_dst_fall_back_day_is_25h_with_24h_ranges(tmp_path):
    config = cfg(ALL_DAYS_24, holidays="")
    rows, _ = run(
        tmp_path,
        [["F1", "2025-10-26T00:00:00+02:00", "Faible"]],
        [["F1", "2025-10-27T00:00:00+01:00", "PRIS EN COMPTE", ""]],
        config,
    )
    # Sun 2025-10-26 00:00 CEST to Mon 00:00 CET: 02:00-03:00 lived twice = 25h
    assert rows["F1"]["tto_elapsed_s"] == 25 * H


def test_24x7_across_the_fall_back_night(tmp_path):
    config = config_from('[calendar]\nhours = "24x7"\nholidays = ""')
    rows, _ = run(
        tmp_path,
        [["W1", "2025-10-25T12:00:00+02:00", "Haute"]],
        [["W1", "2025-10-26T12:00:00+01:00", "RÉSOLU", ""]],
        config,
    )
    r = rows["W1"]
    # wall time 10:00Z -> 11:00Z next day = 25h; 24x7 counts every second
    assert r["tto_elapsed_s"] == 25 * H and r["ttr_elapsed_s"] == 25 * H
    assert r["tto_status"] == "breached" and r["ttr_status"] == "breached"
    # due: created + 1h and + 8h of wall time
    assert r["tto_due_at"] == ts("2025-10-25T13:00:00+02:00")
    assert r["ttr_due_at"] == ts("2025-10-25T20:00:00+02:00")


def test_public_holiday_and_closed_days(tmp_path):
    rows, _ = run(
        tmp_path,
        [
            ["P1", "2025-04-30T17:00:00+02:00", "Moyenne"],
            ["P2", "2025-12-23T17:00:00+01:00", "Moyenne"],
        ],
        [
            ["P1", "2025-05-02T10:00:00+02:00", "PRIS EN COMPTE", ""],
            ["P2", "2025-12-26T10:00:00+01:00", "PRIS EN COMPTE", ""],
        ],
    )
    # Thu 1 May is a holiday: Wed 17-18 (1h) + Fri 09-10 (1h)
    assert rows["P1"]["tto_elapsed_s"] == 2 * H
    # Wed 24 Dec closed (sla.toml), Thu 25 Dec a holiday: Tue 17-18 + Fri 09-10
    assert rows["P2"]["tto_elapsed_s"] == 2 * H


def test_open_day_overrides_a_holiday(tmp_path):
    events = [["M1", "2025-06-09T10:00:00+02:00", "PRIS EN COMPTE", ""]]
    tickets = [["M1", "2025-06-06T17:00:00+02:00", "Moyenne"]]
    rows, _ = run(tmp_path, tickets, events, as_of="2025-06-10T18:00")
    # Pentecost Monday 9 June is a holiday: Fri 17-18 only
    assert rows["M1"]["tto_elapsed_s"] == 1 * H
    worked = config_from('[calendar]\nopen_days = ["2025-06-09"]')
    rows = sla_rows(tmp_path / "db" / "t.duckdb", worked, "2025-06-10T18:00")
    # worked anyway: Fri 17-18 + Mon 09-10
    assert rows["M1"]["tto_elapsed_s"] == 2 * H


PAUSE_EVENTS = [
    ["A1", "2025-03-03T09:00:00+01:00", "OUVERT", ""],
    ["A1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", "Moyenne"],
    ["A1", "2025-03-03T11:00:00+01:00", "EN ATTENTE DE VOTRE RETOUR", ""],
    ["A1", "2025-03-04T10:00:00+01:00", "PRIS EN COMPTE", ""],
    ["A1", "2025-03-04T12:00:00+01:00", "RÉSOLU", ""],
]


def test_pause_in_attente_client(tmp_path):
    rows, db = run(tmp_path, [["A1", "2025-03-03T09:00:00+01:00"]], PAUSE_EVENTS)
    r = rows["A1"]
    # TTR: ouvert 1h + pris en compte 1h + Tue 10-12 (2h) = 4h; paused Mon 11-18 + Tue 9-10 = 8h
    assert (r["ttr_elapsed_s"], r["ttr_paused_s"], r["ttr_status"]) == (4 * H, 8 * H, "met")
    d = durations(db)
    assert (d[("A1", "pris_en_compte")]["visits"], d[("A1", "pris_en_compte")]["business_s"]) == (
        2,
        3 * H,
    )
    # wall time in attente_client: Mon 11:00 -> Tue 10:00 = 23h
    assert d[("A1", "attente_client")]["wall_s"] == 23 * H
    # ouvert: one visit (the OUVERT event repeats the creation's état), 1h
    assert (d[("A1", "ouvert")]["visits"], d[("A1", "ouvert")]["wall_s"]) == (1, H)


def test_as_of_in_the_middle_of_a_pause(tmp_path):
    rows, _ = run(
        tmp_path, [["A1", "2025-03-03T09:00:00+01:00"]], PAUSE_EVENTS, as_of="2025-03-03T15:00"
    )
    r = rows["A1"]
    assert r["status"] == "attente_client"
    # TTR stands still since 11:00: 2h elapsed, 4h paused (11:00-15:00), still running
    assert (r["ttr_elapsed_s"], r["ttr_paused_s"], r["ttr_status"]) == (2 * H, 4 * H, "running")
    # due as if it ran again from as-of: 22h from Mon 15:00 = Mon 3h, Tue 9h, Wed 9h, Thu 1h
    assert r["ttr_due_at"] == ts("2025-03-06T10:00:00+01:00")
    assert (r["tto_elapsed_s"], r["tto_status"]) == (H, "met")
    assert pd.isna(r["resolved_at"])


def test_internal_wait_counts_for_ttr(tmp_path):
    events = [
        e[:2] + ["EN ATTENTE RETOUR INTERNE" if "ATTENTE" in e[2] else e[2], e[3]]
        for e in PAUSE_EVENTS
    ]
    rows, _ = run(tmp_path, [["A1", "2025-03-03T09:00:00+01:00"]], events)
    # 1h + 1h + internal wait Mon 11-18 (7h) + Tue 9-10 (1h) + Tue 10-12 (2h) = 12h, no pause
    assert (rows["A1"]["ttr_elapsed_s"], rows["A1"]["ttr_paused_s"]) == (12 * H, 0)


def test_reopen_continues_the_clock(tmp_path):
    rows, db = run(
        tmp_path,
        [["R1", "2025-03-03T09:00:00+01:00"]],
        [
            ["R1", "2025-03-03T09:30:00+01:00", "PRIS EN COMPTE", "Haute"],
            ["R1", "2025-03-03T11:00:00+01:00", "RÉSOLU", ""],
            ["R1", "2025-03-04T09:00:00+01:00", "RÉOUVERT", ""],
            ["R1", "2025-03-04T09:30:00+01:00", "PRIS EN COMPTE", ""],
            ["R1", "2025-03-04T12:00:00+01:00", "RÉSOLU", ""],
            ["R1", "2025-03-05T10:00:00+01:00", "FERMÉ", ""],
        ],
    )
    r = rows["R1"]
    # TTR: 0.5h + 1.5h, stopped Mon 11:00 -> Tue 09:00, then reouvert 0.5h + 2.5h = 5h
    assert (r["ttr_elapsed_s"], r["ttr_status"], r["reopens"]) == (5 * H, "met", 1)
    assert r["first_resolved_at"] == ts("2025-03-03T11:00:00+01:00")
    assert r["resolved_at"] == ts("2025-03-04T12:00:00+01:00")
    assert r["closed_at"] == ts("2025-03-05T10:00:00+01:00")
    assert r["status"] == "ferme" and not r["ttr_ever_breached"]
    d = durations(db)
    # resolu: two visits, Mon 11-18 (7h) + Tue 12-18 (6h) + Wed 9-10 (1h) = 14h
    assert (d[("R1", "resolu")]["visits"], d[("R1", "resolu")]["business_s"]) == (2, 14 * H)


def test_ever_breached_at_a_stop_then_reopened(tmp_path):
    rows, _ = run(
        tmp_path,
        [["B1", "2025-03-03T09:00:00+01:00"]],
        [
            ["B1", "2025-03-03T09:00:00+01:00", "PRIS EN COMPTE", "Haute"],
            ["B1", "2025-03-04T09:00:00+01:00", "RÉSOLU", ""],
            ["B1", "2025-03-04T10:00:00+01:00", "RÉOUVERT", ""],
        ],
        as_of="2025-03-04T11:00",
    )
    r = rows["B1"]
    # stopped Tue 09:00 after Mon's 9h > 8h; reopened at 10:00, 1h more by 11:00 = 10h
    assert (r["ttr_elapsed_s"], r["ttr_status"], r["ttr_ever_breached"]) == (
        10 * H,
        "breached",
        True,
    )
    assert pd.isna(r["resolved_at"]) and r["reopens"] == 1
    # crossed 8h at Mon 17:00
    assert r["ttr_due_at"] == ts("2025-03-03T17:00:00+01:00")


def test_priority_set_after_prise_en_compte(tmp_path):
    rows, _ = run(
        tmp_path,
        [["Q1", "2025-03-03T09:00:00+01:00"]],
        [
            ["Q1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""],
            ["Q1", "2025-03-03T10:30:00+01:00", "PRIS EN COMPTE", "Haute"],
        ],
        as_of="2025-03-03T12:00",
    )
    r = rows["Q1"]
    # TTO stopped at 10:00 with no priority yet: the first one given after counts (haute, 1h);
    # elapsed equal to the target is met
    assert (r["tto_elapsed_s"], r["tto_target_s"], r["tto_status"]) == (H, H, "met")
    # TTR runs: 3h of haute's 8h, below 0.75 x 8h = 6h
    assert (r["ttr_elapsed_s"], r["ttr_target_s"], r["ttr_status"]) == (3 * H, 8 * H, "running")
    assert r["priority"] == "haute"


def test_priority_change_uses_the_priority_at_the_stop(tmp_path):
    rows, _ = run(
        tmp_path,
        [["C1", "2025-03-03T09:00:00+01:00", "Faible"]],
        [
            ["C1", "2025-03-03T09:10:00+01:00", "PRIS EN COMPTE", "Haute"],
            ["C1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", "Moyenne"],
            ["C1", "2025-03-03T15:00:00+01:00", "RÉSOLU", ""],
        ],
    )
    r = rows["C1"]
    # TTO stopped at 09:10 under haute (the tickets file's Faible is ignored: events give one)
    assert (r["tto_elapsed_s"], r["tto_target_s"], r["tto_status"]) == (600, H, "met")
    # TTR stopped at 15:00 under moyenne: 6h of 24h
    assert (r["ttr_elapsed_s"], r["ttr_target_s"], r["ttr_status"]) == (6 * H, 24 * H, "met")
    assert r["priority"] == "moyenne"


def test_no_priority_at_all_uses_the_default_and_is_flagged(tmp_path):
    from ticketlib.outputs.cli_export import cli_frame

    rows, db = run(
        tmp_path,
        [["Z1", "2025-03-03T09:00:00+01:00"]],
        [["Z1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", ""]],
    )
    r = rows["Z1"]
    assert pd.isna(r["priority"])
    assert (r["tto_target_s"], r["ttr_target_s"]) == (4 * H, 24 * H)  # default moyenne
    flags = cli_frame("quality", db, config_from())
    assert list(flags.loc[flags.ticket_id == "Z1", "flag"]) == ["no_priority"]


def test_target_reached_exactly_at_a_closing_time(tmp_path):
    rows, _ = run(
        tmp_path,
        [["X1", "2025-03-03T17:00:00+01:00", "Haute"]],
        [["X1", "2025-03-04T09:00:00+01:00", "PRIS EN COMPTE", "Haute"]],
    )
    r = rows["X1"]
    # Mon 17:00-18:00 = 1h = target: met; due at the closing time -> next opening Tue 09:00
    assert (r["tto_elapsed_s"], r["tto_status"]) == (H, "met")
    assert r["tto_due_at"] == ts("2025-03-04T09:00:00+01:00")


def test_at_risk_threshold(tmp_path):
    rows, _ = run(
        tmp_path,
        [["K1", "2025-03-03T09:00:00+01:00", "Moyenne"]],
        [["K1", "2025-03-03T09:00:00+01:00", "OUVERT", ""]],
        as_of="2025-03-03T12:00",
    )
    # 3h of 4h = 0.75 x target: at risk (elapsed >= at_risk x target)
    assert rows["K1"]["tto_status"] == "at_risk"


@pytest.mark.parametrize(
    ("as_of", "tto_status", "ttr_status"),
    [
        ("2025-03-03T09:30", "running", "running"),
        ("2025-03-03T12:00", "at_risk", "running"),
        ("2025-03-03T14:00", "breached", "running"),
    ],
)
def test_clock_status_moves_with_as_of(tmp_path, as_of, tto_status, ttr_status):
    rows, _ = run(tmp_path, [["K1", "2025-03-03T09:00:00+01:00", "Moyenne"]], [], as_of=as_of)
    assert (rows["K1"]["tto_status"], rows["K1"]["ttr_status"]) == (tto_status, ttr_status)


def test_ticket_without_tickets_row_is_created_at_its_first_event(tmp_path):
    rows, db = run(tmp_path, [], [["E1", "2025-03-03T10:00:00+01:00", "PRIS EN COMPTE", "Haute"]])
    r = rows["E1"]
    assert r["created_at"] == ts("2025-03-03T10:00:00+01:00")
    assert (r["tto_elapsed_s"], r["tto_status"]) == (0, "met")
    # the ticket was ouvert for zero seconds
    assert durations(db)[("E1", "ouvert")]["wall_s"] == 0


def test_naive_local_times_and_as_of(tmp_path):
    rows, _ = run(
        tmp_path,
        [["N1", "03/03/2025 09:00"]],
        [["N1", "2025-03-03 10:00", "PRIS EN COMPTE", "Moyenne"]],
        as_of="2025-03-03 11:00",
    )
    assert rows["N1"]["created_at"] == ts("2025-03-03T09:00:00+01:00")
    assert rows["N1"]["ttr_elapsed_s"] == 2 * H
