"""Duplicates and zones (issue 9 item 5, DESIGN §4 and §5.1), through the commands users run.

A naive time is read in the zone of the command that replays, whatever zone was in force at
`load`; so is the judgment of duplicates. A naive row and a row with an offset may be one
instant in one zone and two in another: the replay must see exactly the events it would have
seen had the load used its zone, and re-importing the same files with any config adds nothing.
"""

from __future__ import annotations

from tests.test_contract_cases import NEW_YORK, by_id, config_file, generic, load, output

CREATED = "2025-06-02T08:00:00+02:00"


def _outputs(db, config=None) -> dict[str, list]:
    return {kind: output(db, kind, config) for kind in ("sla", "durations", "quality")}


def test_a_naive_row_equal_to_an_offset_row_only_in_the_load_zone_is_kept(tmp_path):
    # 10:00-04:00 is 16:00 Paris; naive 10:00 is 16:00 in New York but 10:00 in Paris
    tickets = [["Z1", CREATED, "haute"]]
    events = [
        ["Z1", "2025-06-02T10:00:00-04:00", "pris en compte"],
        ["Z1", "2025-06-02 10:00", "pris en compte"],
    ]
    ny = config_file(tmp_path, NEW_YORK)
    ny_db, done = load(tmp_path / "ny", *generic(tmp_path / "ny", tickets, events), config=ny)
    # in its own zone the import sees one copy, and says the replay decides
    assert "events.csv (events, csv): 2 lues, 1 chargées, 1 doublons" in done.stdout
    assert "1 row(s) a copy of another in some zones only" in done.stdout
    paris_db, done = load(tmp_path / "paris", *generic(tmp_path / "paris", tickets, events))
    assert "events.csv (events, csv): 2 lues, 2 chargées, 0 doublons" in done.stdout
    # replayed in Paris: the pec at 10:00 Paris counts, as if the load had used Paris
    z1 = by_id(output(ny_db, "sla"))["Z1"]
    assert (z1["tto_elapsed_s"], z1["tto_status"]) == ("3600", "met")  # 08:00 -> 10:00, opens 09:00
    assert (z1["ttr_elapsed_s"], z1["ttr_status"]) == ("25200", "at_risk")  # 09:00 -> 16:00
    assert output(ny_db, "durations") == [
        {"ticket_id": "Z1", "etat": "ouvert", "visits": "1", "wall_s": "7200", "business_s": "3600"},
        {"ticket_id": "Z1", "etat": "pris_en_compte", "visits": "1", "wall_s": "21600",
         "business_s": "21600"},
    ]  # fmt: skip
    # either load, either replay zone: the same figures
    assert _outputs(ny_db) == _outputs(paris_db)
    assert _outputs(ny_db, ny) == _outputs(paris_db, ny)
    # replayed in New York: one instant, 02:00 -> 10:00 EDT
    z1 = by_id(output(ny_db, "sla", ny))["Z1"]
    assert (z1["tto_elapsed_s"], z1["tto_status"]) == ("28800", "breached")
    assert output(ny_db, "durations", ny)[1]["visits"] == "1"


def test_a_b_a_at_one_instant_of_the_replay_zone_is_history(tmp_path):
    # naive 10:30 and 10:30+02:00 are one instant in Paris (résolu, attente_client, résolu:
    # history, all kept) and two in New York (the naive résolu twice in a row: one copy)
    tickets = [["Y1", CREATED, "haute"]]
    events = [
        ["Y1", "2025-06-02 10:00", "pris en compte"],
        ["Y1", "2025-06-02 10:30", "résolu"],
        ["Y1", "2025-06-02T10:30:00+02:00", "attente_client"],
        ["Y1", "2025-06-02 10:30", "résolu"],
    ]
    ny = config_file(tmp_path, NEW_YORK)
    ny_db, done = load(tmp_path / "ny", *generic(tmp_path / "ny", tickets, events), config=ny)
    assert "events.csv (events, csv): 4 lues, 3 chargées, 1 doublons" in done.stdout
    paris_db, done = load(tmp_path / "paris", *generic(tmp_path / "paris", tickets, events))
    assert "events.csv (events, csv): 4 lues, 4 chargées, 0 doublons" in done.stdout
    y1 = by_id(output(ny_db, "sla"))["Y1"]
    assert y1["status"] == "resolu"
    assert y1["resolved_at"] == y1["first_resolved_at"] == "2025-06-02T10:30:00+02:00"
    # TTR 09:00 -> 10:30 (opens 09:00), stopped in résolu; the 0 s in attente_client is a reopen
    assert (y1["ttr_elapsed_s"], y1["ttr_paused_s"], y1["ttr_status"]) == ("5400", "0", "met")
    assert (y1["tto_elapsed_s"], y1["tto_status"], y1["reopens"]) == ("3600", "met", "1")
    assert _outputs(ny_db) == _outputs(paris_db)
    assert _outputs(ny_db, ny) == _outputs(paris_db, ny)
    # in New York: attente_client at 04:30 EDT, then résolu at 10:30 EDT once
    y1 = by_id(output(ny_db, "sla", ny))["Y1"]
    assert (y1["status"], y1["reopens"]) == ("resolu", "0")
    assert y1["resolved_at"] == "2025-06-02T10:30:00-04:00"


def test_reimporting_naive_files_with_another_zone_adds_nothing(tmp_path):
    tickets = [["W2", "2025-06-02 09:00", "haute"]]
    events = [["W2", "2025-06-02 10:00", "pris en compte"], ["W2", "2025-06-02 10:00", "résolu"]]
    ny = config_file(tmp_path, NEW_YORK)
    files = generic(tmp_path / "in", tickets, events)
    for first, second in ((None, ny), (ny, None)):
        folder = tmp_path / ("paris-first" if first is None else "ny-first")
        db, done = load(folder, *files, config=first)
        assert "events.csv (events, csv): 2 lues, 2 chargées, 0 doublons" in done.stdout
        before = {None: _outputs(db), ny: _outputs(db, ny)}
        _, done = load(folder, *files, config=second)
        assert "tickets.csv (tickets, csv): 1 lues, 0 chargées, 1 doublons" in done.stdout
        assert "events.csv (events, csv): 2 lues, 0 chargées, 2 doublons" in done.stdout
        assert "base : 1 tickets, 2 événements" in done.stdout
        assert {None: _outputs(db), ny: _outputs(db, ny)} == before
        w2 = by_id(before[None]["sla"])["W2"]
        assert (w2["status"], w2["reopens"], w2["tto_elapsed_s"]) == ("resolu", "0", "3600")
        assert w2["resolved_at"] == "2025-06-02T10:00:00+02:00"
        assert [r["flag"] for r in before[None]["quality"]] == ["same_instant"]


def test_reimporting_mixed_files_with_another_zone_adds_nothing(tmp_path):
    # the rows kept for the replay to decide are copies of themselves on a second import
    tickets = [["Z1", CREATED, "haute"]]
    events = [
        ["Z1", "2025-06-02T10:00:00-04:00", "pris en compte"],
        ["Z1", "2025-06-02 10:00", "pris en compte"],
        ["Z1", "2025-06-02 11:00", "résolu"],
    ]
    ny = config_file(tmp_path, NEW_YORK)
    files = generic(tmp_path / "in", tickets, events)
    db, _ = load(tmp_path, *files, config=ny)
    before = {None: _outputs(db), ny: _outputs(db, ny)}
    _, done = load(tmp_path, *files)
    assert "events.csv (events, csv): 3 lues, 0 chargées, 3 doublons" in done.stdout
    assert {None: _outputs(db), ny: _outputs(db, ny)} == before
