"""Public bug reports of SLA and time-in-status tools, recast as inputs, and the boundary cases
an independent oracle of DESIGN §2 checked, run through the commands users run (`load`, then
`sla` / `durations` to CSV in subprocesses). Every expected figure is worked out by hand in
the comments; none is read back from the product.
"""

from __future__ import annotations

from tests.test_contract_cases import LUNCH, by_id, config_file, generic, load, output

NINE_TO_FIVE = (
    "[calendar.hours]\n"
    + "\n".join(f'{d} = ["09:00-17:00"]' for d in ("mon", "tue", "wed", "thu", "fri"))
    + "\nsat = []\nsun = []\n"
)
NEW_YORK_WITH_SATURDAY = """[calendar]
timezone = "America/New_York"
holidays = "US"
[calendar.hours]
mon = ["08:00-17:00"]
tue = ["08:00-17:00"]
wed = ["08:00-17:00"]
thu = ["08:00-17:00"]
fri = ["08:00-16:30"]
sat = ["10:00-14:00"]
sun = []
[targets]
haute   = { tto = "30m", ttr = "4h" }
moyenne = { tto = "2h", ttr = "16h" }
faible  = { tto = "1h30m", ttr = "40h" }
"""
TUESDAY_ONLY = (
    '[calendar.hours]\nmon = []\ntue = ["08:00-17:00"]\nwed = []\nthu = []\nfri = []\n'
    "sat = []\nsun = []\n"
)


def _durations(db, config=None, as_of=None) -> dict[tuple[str, str], dict]:
    return {(r["ticket_id"], r["etat"]): r for r in output(db, "durations", config, as_of)}


def test_a_weekend_between_two_partial_days_counts_both_ends(tmp_path):
    # sifex/sla-timer#6: Fri 16:58 -> Mon 09:01:01 on a 09:00-17:00 schedule is 3 min 1 s (the
    # tool skipped Monday's part). Fri 1 Dec 2023 16:58-17:00 = 120 s, Mon 4 Dec 09:00-09:01:01
    # = 61 s: 181 s, under haute's 1 h, due Mon 09:00 + 58 min. chatwoot#13392: created
    # Fri 16:30 with a 1 h first-response target is due Mon 09:30 (30 min Friday, 30 min
    # Monday), not Fri 17:30.
    files = generic(
        tmp_path,
        [
            ["W1", "2023-12-01T16:58:00+01:00", "haute"],
            ["W2", "2025-06-13T16:30:00+02:00", "haute"],
        ],
        [["W1", "2023-12-04T09:01:01+01:00", "pris en compte"]],
    )
    cfg = config_file(tmp_path, NINE_TO_FIVE)
    db, _ = load(tmp_path, *files, config=cfg)
    sla = by_id(output(db, "sla", cfg, as_of="2025-06-13T16:45:00+02:00"))
    assert (sla["W1"]["tto_elapsed_s"], sla["W1"]["tto_status"]) == ("181", "met")
    assert sla["W1"]["tto_due_at"] == "2023-12-04T09:58:00+01:00"
    w2 = sla["W2"]
    assert (w2["tto_elapsed_s"], w2["tto_status"]) == ("900", "running")  # 16:30 -> 16:45
    assert w2["tto_due_at"] == "2025-06-16T09:30:00+02:00"
    assert _durations(db, cfg, "2025-06-13T16:45:00+02:00")[("W1", "ouvert")]["business_s"] == "181"


def test_business_time_across_a_dst_weekend_uses_each_instants_offset(tmp_path):
    # fivetran/dbt_zendesk#25: business minutes were computed with today's UTC offset for
    # tickets of the other side of a DST change. New York, Sat 10:00-14:00, Mon 08:00-17:00;
    # DST starts Sun 9 Mar 2025. Created Sat 8 Mar 13:00 EST (18:00Z), taken Mon 10 Mar 09:00
    # EDT (13:00Z): Sat 13:00-14:00 + Mon 08:00-09:00 = 2 h = moyenne's TTO target: met, and
    # due exactly then. With one offset for both days the Monday hour would be 0 or 2 h.
    files = generic(
        tmp_path,
        [["D1", "2025-03-08T18:00:00Z", "moyenne"]],
        [["D1", "2025-03-10T13:00:00Z", "pris en compte"]],
    )
    cfg = config_file(tmp_path, NEW_YORK_WITH_SATURDAY)
    db, _ = load(tmp_path, *files, config=cfg)
    d1 = by_id(output(db, "sla", cfg))["D1"]
    assert (d1["tto_elapsed_s"], d1["tto_status"]) == ("7200", "met")
    assert d1["created_at"] == "2025-03-08T13:00:00-05:00"
    # elapsed reaches the target at the stop, Mon 09:00, in business hours: due then
    assert d1["tto_due_at"] == "2025-03-10T09:00:00-04:00"
    assert _durations(db, cfg)[("D1", "ouvert")] == {
        "ticket_id": "D1", "etat": "ouvert", "visits": "1", "wall_s": str(43 * 3600),
        "business_s": "7200",
    }  # fmt: skip  # Sat 18:00Z -> Mon 13:00Z is 43 h of real time


def test_a_calendar_open_one_day_a_week(tmp_path):
    # osTicket#6739: a schedule with Tuesday only counted nothing. Created Mon 2 Jun 2025
    # 10:00, taken Wed 4 Jun 10:00: all of Tue 3 Jun 08:00-17:00 = 9 h > faible's 8 h;
    # due Tue 08:00 + 8 h = 16:00.
    files = generic(
        tmp_path,
        [["O1", "2025-06-02T10:00:00+02:00", "faible"]],
        [["O1", "2025-06-04T10:00:00+02:00", "pris en compte"]],
    )
    cfg = config_file(tmp_path, TUESDAY_ONLY)
    db, _ = load(tmp_path, *files, config=cfg)
    o1 = by_id(output(db, "sla", cfg))["O1"]
    assert (o1["tto_elapsed_s"], o1["tto_status"]) == ("32400", "breached")
    assert o1["tto_due_at"] == "2025-06-03T16:00:00+02:00"


def test_paused_time_is_business_time_without_holidays(tmp_path):
    # glpi#14937: waiting time counted closing hours and holidays. Default calendar (Paris
    # 09:00-18:00, FR holidays). Created Wed 30 Apr 2025 09:00, taken 10:00, attente_client
    # 17:00 -> Mon 5 May 10:00, résolu 11:00. Paused: Wed 17-18 (1 h) + Thu 1 May holiday (0)
    # + Fri 2 May (9 h) + Mon 09-10 (1 h) = 11 h. TTR: Wed 09-17 (8 h) + Mon 10-11 (1 h) = 9 h.
    files = generic(
        tmp_path,
        [["P1", "2025-04-30T09:00:00+02:00", "faible"]],
        [
            ["P1", "2025-04-30T10:00:00+02:00", "pris en compte"],
            ["P1", "2025-04-30T17:00:00+02:00", "en attente de votre retour"],
            ["P1", "2025-05-05T10:00:00+02:00", "pris en compte"],
            ["P1", "2025-05-05T11:00:00+02:00", "résolu"],
        ],
    )
    db, _ = load(tmp_path, *files)
    p1 = by_id(output(db, "sla"))["P1"]
    assert (p1["ttr_paused_s"], p1["ttr_elapsed_s"], p1["ttr_status"]) == ("39600", "32400", "met")
    # faible 45 h: 36 h left from the stop, Mon 5 May 11:00: Mon 7 h, Tue 9 h, Wed 9 h, Thu 8 May
    # holiday, Fri 9 h (2 h left), Mon 12 May 09:00 + 2 h
    assert p1["ttr_due_at"] == "2025-05-12T11:00:00+02:00"
    attente = _durations(db)[("P1", "attente_client")]
    assert (attente["wall_s"], attente["business_s"]) == (str(113 * 3600), "39600")


def test_time_resolved_or_closed_before_a_reopen_is_not_resolution_time(tmp_path):
    # glpi#9267: the time a ticket spent closed was counted in TTR after a reopen (résolu was
    # not). constructorfabric/insight#3108: a reopened ticket that is open now still carried
    # its resolution. R1 résolu 09:05 then réouvert 2 days later; R2 the same but closed at
    # 09:05 too. As of Wed 4 Jun 09:10: TTR = 5 min + 10 min for both, running, one reopen,
    # no resolved_at nor closed_at; haute 8 h due 09:10 + 7 h 45 = 16:55.
    files = generic(
        tmp_path,
        [
            ["R1", "2025-06-02T09:00:00+02:00", "haute"],
            ["R2", "2025-06-02T09:00:00+02:00", "haute"],
        ],
        [
            ["R1", "2025-06-02T09:05:00+02:00", "résolu"],
            ["R1", "2025-06-04T09:00:00+02:00", "réouvert"],
            ["R2", "2025-06-02T09:05:00+02:00", "résolu"],
            ["R2", "2025-06-02T09:05:00+02:00", "fermé"],
            ["R2", "2025-06-04T09:00:00+02:00", "réouvert"],
        ],
    )
    db, _ = load(tmp_path, *files)
    sla = by_id(output(db, "sla", as_of="2025-06-04T09:10:00+02:00"))
    for tid in ("R1", "R2"):
        row = sla[tid]
        assert (row["status"], row["ttr_elapsed_s"], row["ttr_status"]) == (
            "reouvert", "900", "running",
        )  # fmt: skip
        assert (row["reopens"], row["resolved_at"], row["closed_at"]) == ("1", "", "")
        assert row["first_resolved_at"] == "2025-06-02T09:05:00+02:00"
        assert row["ttr_due_at"] == "2025-06-04T16:55:00+02:00"
    durations = _durations(db, as_of="2025-06-04T09:10:00+02:00")
    # R2: résolu for 0 s (a visit), fermé 09:05 Mon -> 09:00 Wed
    assert durations[("R2", "resolu")]["visits"] == "1"
    assert durations[("R2", "resolu")]["wall_s"] == "0"
    assert durations[("R2", "ferme")]["business_s"] == str(9 * 3600 - 300 + 9 * 3600)


def test_a_zero_second_visit_is_a_row_and_an_unvisited_etat_is_none(tmp_path):
    # Time in Status FAQ ("0" vs "–"): a visit that lasts 0 s is a visit with 0 s; an état
    # never entered has no row. Z1 résolu and réouvert at 10:00 (file order), résolu again 11:00.
    files = generic(
        tmp_path,
        [["Z1", "2025-06-02T09:00:00+02:00", "moyenne"]],
        [
            ["Z1", "2025-06-02T10:00:00+02:00", "résolu"],
            ["Z1", "2025-06-02T10:00:00+02:00", "réouvert"],
            ["Z1", "2025-06-02T11:00:00+02:00", "résolu"],
        ],
    )
    db, _ = load(tmp_path, *files)
    durations = _durations(db)
    assert sorted(e for _, e in durations) == ["ouvert", "reouvert", "resolu"]
    assert (durations[("Z1", "resolu")]["visits"], durations[("Z1", "resolu")]["wall_s"]) == (
        "2", "0",
    )  # fmt: skip  # default as-of is the last event, 11:00
    assert durations[("Z1", "reouvert")]["wall_s"] == "3600"
    z1 = by_id(output(db, "sla"))["Z1"]
    # TTR 09:00-10:00 + 10:00-11:00 = 7200; one reopen; both stops judged against 24 h
    assert (z1["ttr_elapsed_s"], z1["reopens"], z1["ttr_ever_breached"]) == ("7200", "1", "false")


def test_due_when_the_target_is_reached_at_a_closing_and_the_clock_pauses(tmp_path):
    # DESIGN §2 due instant, the pause kind of issue 9 item 4 (lunch calendar, 8 h a day).
    # L1 haute (TTR 8 h): created and taken Mon 2 Jun 2025 09:00; 09:00-12:30 + 13:30-18:00 =
    # 8 h exactly at 18:00, attente_client from 18:00.
    #   as of Tue 12:00, still paused: the clock would run again after the as-of: due Tue 12:00
    #   (12:00 is in business hours), at_risk (elapsed = target is not past it).
    #   back to pris en compte Tue 14:00: due then (it runs at 14:00), not Tue 09:00.
    # L2: the TTO target (haute 1 h) reached at 12:30, taken at 12:45 in the lunch break: the
    #   clock, supposed to run after its stop, runs again at 13:30: due 13:30.
    files = generic(
        tmp_path,
        [
            ["L1", "2025-06-02T09:00:00+02:00", "haute"],
            ["L2", "2025-06-02T11:30:00+02:00", "haute"],
        ],
        [
            ["L1", "2025-06-02T09:00:00+02:00", "pris en compte"],
            ["L1", "2025-06-02T18:00:00+02:00", "en attente de votre retour"],
            ["L1", "2025-06-03T14:00:00+02:00", "pris en compte"],
            ["L2", "2025-06-02T12:45:00+02:00", "pris en compte"],
        ],
    )
    cfg = config_file(tmp_path, LUNCH)
    db, _ = load(tmp_path, *files, config=cfg)
    paused = by_id(output(db, "sla", cfg, as_of="2025-06-03T12:00:00+02:00"))["L1"]
    assert (paused["ttr_elapsed_s"], paused["ttr_status"]) == ("28800", "at_risk")
    assert paused["ttr_paused_s"] == str(3 * 3600)  # Tue 09:00-12:00
    assert paused["ttr_due_at"] == "2025-06-03T12:00:00+02:00"
    sla = by_id(output(db, "sla", cfg, as_of="2025-06-03T14:00:00+02:00"))
    # paused Tue 09:00-12:30 + 13:30-14:00 = 4 h
    assert (sla["L1"]["ttr_elapsed_s"], sla["L1"]["ttr_paused_s"]) == ("28800", "14400")
    assert sla["L1"]["ttr_due_at"] == "2025-06-03T14:00:00+02:00"
    assert (sla["L2"]["tto_elapsed_s"], sla["L2"]["tto_status"]) == ("3600", "met")
    assert sla["L2"]["tto_due_at"] == "2025-06-02T13:30:00+02:00"
