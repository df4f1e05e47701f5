"""Données page: uploads give the CLI's accounting, failures change nothing, readers never see
half an import, and every tab renders (AppTest)."""

from __future__ import annotations

import re
import threading
import tomllib
from pathlib import Path

import pytest

from tests import flow_fixture as ff
from tests.apptest import shown
from tests.helpers import load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.cli import main as cli
from ticketlib.db import store
from ticketlib.ingest import FileError
from ticketlib.marts.dataset import Dataset

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DEMO = ROOT / "data" / "demo"
PAGE = "app_pages/donnees.py"

CASES = [  # (files, format, mapping)
    *[
        ([p], "auto", None)
        for p in sorted(FIXTURES.glob("*/*"))
        if p.suffix != ".toml" and p.is_file()
    ],
    ([FIXTURES / "eventlog" / "log.csv"], "eventlog", FIXTURES / "eventlog" / "mapping.toml"),
    ([FIXTURES / "eventlog" / "log.xes"], "auto", FIXTURES / "eventlog" / "mapping.toml"),
    ([FIXTURES / "servicenow" / "audit.csv"], "servicenow", None),
    ([DEMO / "tickets.csv", DEMO / "events.csv"], "auto", None),
]


def _ids(case) -> str:
    files, fmt, mapping = case
    return "+".join(p.name for p in files) + f"-{fmt}" + ("-mapping" if mapping else "")


def _without_timing(text: str) -> str:
    return re.sub(r" (en|in) \d+[.,]\d s", "", text).strip()


def _accounting(db: Path) -> tuple:
    con = store.connect_read(db)
    try:
        files = con.execute(
            "select file_name, kind, format, rows_read, loaded, updated, duplicates, quarantined "
            "from import_files order by file_index"
        ).fetchall()
        reasons = con.execute(
            "select file_name, reason, count(*) from quarantine group by all order by all"
        ).fetchall()
        totals = con.execute(
            "select (select count(*) from tickets), (select count(*) from events)"
        ).fetchall()
    finally:
        con.close()
    return files, reasons, totals


def _upload(files: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in files]


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_upload_gives_the_cli_accounting(case, tmp_path, capsys):
    from app.data_review import import_uploads

    files, fmt, mapping = case
    cli_db, page_db = tmp_path / "cli.duckdb", tmp_path / "page.duckdb"
    argv = ["load", *map(str, files), "--db", str(cli_db), "--format", fmt]
    if mapping:
        argv += ["--mapping", str(mapping)]
    code = cli(argv)
    out = capsys.readouterr()
    try:
        report = import_uploads(
            _upload(files),
            fmt=fmt,
            mapping=(mapping.name, mapping.read_bytes()) if mapping else None,
            db=page_db,
        )
    except FileError as exc:
        assert code != 0 and str(exc) in out.err
        assert not page_db.exists()
        return
    assert code == 0, out.err
    assert _without_timing(report.summary("fr")) == _without_timing(out.out)
    assert _accounting(page_db) == _accounting(cli_db)


def test_import_function_reports_progress(tmp_path):
    from app.data_review import import_uploads

    seen = []
    import_uploads(
        _upload([DEMO / "tickets.csv"]),
        db=tmp_path / "p.duckdb",
        progress=lambda label, f: seen.append(f),
    )
    assert seen[-1] == 1.0 and seen == sorted(seen)


def test_same_file_names_are_both_kept(tmp_path):
    from app.data_review import save_uploads

    paths = save_uploads(
        [("a/t.csv", b"1"), ("b\\t.csv", b"2"), ("../../evil.csv", b"3")], tmp_path
    )
    assert [p.name for p in paths] == ["t.csv", "t-2.csv", "evil.csv"]
    assert all(p.parent == tmp_path for p in paths)


def test_config_states_the_upload_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == 1024


# --- through the page -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def review_db(tmp_path_factory):
    return load_history(tmp_path_factory.mktemp("data_page"), TICKETS, EVENTS)


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not at.exception
    assert at.title[0].value == "Données"
    assert len(at.tabs) == 5
    assert any("1\u202f024 Mo" in c.value or "Mo" in c.value for c in at.caption)
    assert at.code and "[calendar]" in at.code[0].value


def test_tabs_show_history_quarantine_and_quality(app_db, review_db):
    app_db(review_db)
    at = ff.open_page(PAGE)
    assert not at.exception
    imports = ff.frame_with(at, "Début")
    assert imports["Lues"].tolist() == [18] and imports["Quarantaine"].tolist() == [1]
    rows = ff.frame_with(at, "Ligne brute")
    assert rows["Ticket"].tolist() == ["C1"]
    assert rows["Motif"].tolist() == ["statut inconnu (à ajouter au mapping)"]
    flags = ff.frame_with(at, "Signalements")
    assert flags["Code"].tolist() == ["incomplete_history", "unexpected_transition"]
    assert flags["Signalement"].tolist() == [
        "Historique incomplet (événements en quarantaine)",
        "Transition hors du parcours prévu",
    ]


@pytest.mark.parametrize(
    "lang, lead", [("fr", "Signalements qualité"), ("en", "Data-quality flags")]
)
def test_the_ticket_view_shows_an_incomplete_history(app_db, review_db, lang, lead):
    """Issue 9, item 9: C1's 'EN COURS' event is in quarantine; its ticket view says so beside
    the figures it still shows (the quality output and the Données tab say it above)."""
    app_db(review_db)
    at = ff.open_page("app_pages/historique.py", query={"ticket": "C1"}, lang=lang)
    assert not at.exception
    flags = [c.value for c in at.caption if c.value.startswith(lead)]
    assert len(flags) == 1 and "`incomplete_history`" in flags[0], flags
    assert "`unexpected_transition`" in flags[0]
    at = ff.open_page("app_pages/historique.py", query={"ticket": "A1"}, lang=lang)
    assert not [c.value for c in at.caption if c.value.startswith(lead)]


def test_upload_through_the_page(app_db, empty_db, tmp_path, capsys):
    db = app_db(empty_db)
    files = [DEMO / "tickets.csv", DEMO / "events.csv"]
    at = ff.open_page(PAGE)
    at.file_uploader(key="dt_files").set_value(
        [(p.name, p.read_bytes(), "text/csv") for p in files]
    )
    at.run()
    at.button(key="dt_run").click()
    at.run()
    assert not at.exception
    assert cli(["load", *map(str, files), "--db", str(tmp_path / "cli.duckdb")]) == 0
    capsys.readouterr()
    assert _accounting(db) == _accounting(tmp_path / "cli.duckdb")
    message = at.success[0].value
    assert "25\u202f527 lignes lues" in message and "25\u202f518 chargées" in message
    assert "3 doublons" in message and "6 en quarantaine" in message
    per_file = ff.frame_with(at, "Chargées")
    assert per_file.set_index("Fichier")["Chargées"].to_dict() == {
        "tickets.csv": 3000,
        "events.csv": 22518,
    }
    reasons = ff.frame_with(at, "Motif")
    assert dict(zip(reasons["Code"], reasons["Lignes"])) == {
        "bad_timestamp": 3,
        "unknown_status": 3,
    }
    # the history tab of the same run already shows the new import
    assert ff.frame_with(at, "Début")["Chargées"].tolist() == [25518]


def test_failed_upload_changes_nothing(app_db, review_db):
    db = app_db(review_db)
    before = db.read_bytes()
    at = ff.open_page(PAGE)
    at.file_uploader(key="dt_files").set_value([("notes.txt", b"hello\nworld\n", "text/plain")])
    at.run()
    at.button(key="dt_run").click()
    at.run()
    assert not at.exception
    assert at.error and "Rien n'a été importé" in at.error[0].value
    assert "notes.txt" in shown(at.error[0].value)
    assert db.read_bytes() == before


def test_bad_mapping_is_refused_clearly(app_db, review_db):
    db = app_db(review_db)
    before = db.read_bytes()
    at = ff.open_page(PAGE)
    at.file_uploader(key="dt_files").set_value(
        [("log.csv", (FIXTURES / "eventlog" / "log.csv").read_bytes(), "text/csv")]
    )
    at.file_uploader(key="dt_mapping").set_value(("m.toml", b"[status\n", "text/plain"))
    at.run()
    at.button(key="dt_run").click()
    at.run()
    assert not at.exception
    assert at.error and "Rien n'a été importé" in at.error[0].value
    assert "m.toml: TOML invalide" in shown(at.error[0].value)
    assert "ticketlib-upload" not in at.error[0].value  # no server path
    assert db.read_bytes() == before


# --- readers while an import lands ------------------------------------------------------------


def test_readers_never_see_half_an_import(tmp_path):
    """A thread imports batches of 40 tickets (each with 3 events) again and again while the
    main thread opens the database as the app does and counts: every answer is a whole number
    of batches, raw and derived tables agree, and no query fails."""
    from tests.helpers import EVENT_COLUMNS, TICKET_COLUMNS, write_csv
    from ticketlib.ingest import run_import

    db = tmp_path / "live.duckdb"
    batches = []
    for b in range(4):
        tickets, events = [], []
        for i in range(40):
            tid = f"B{b}-{i:03d}"
            tickets.append([tid, f"2025-03-{3 + b:02d}T09:00:00+01:00", "haute", "X", "", "", ""])
            events.append([tid, f"2025-03-{3 + b:02d}T10:00:00+01:00", "PRIS EN COMPTE", ""])
            events.append([tid, f"2025-03-{3 + b:02d}T11:00:00+01:00", "RÉSOLU", ""])
            events.append([tid, f"2025-03-{3 + b:02d}T12:00:00+01:00", "FERMÉ", ""])
        folder = tmp_path / f"batch{b}"
        folder.mkdir()
        batches.append(
            [
                write_csv(folder / "tickets.csv", TICKET_COLUMNS, tickets),
                write_csv(folder / "events.csv", EVENT_COLUMNS, events),
            ]
        )
    run_import(batches[0], db=db)
    errors: list[BaseException] = []
    done = threading.Event()

    def writer():
        try:
            for files in batches[1:]:
                run_import(files, db=db)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    seen, reads, kept = set(), 0, Dataset(db)
    while not done.is_set() or reads < 5:
        ds = Dataset(db)  # what app/state.dataset() opens when the file changed
        try:
            with ds.cursor() as cur:
                t, e, d = cur.execute(
                    "select (select count(*) from tickets), (select count(*) from events), "
                    "(select count(*) from marts.ticket_sla)"
                ).fetchall()[0]
        finally:
            ds.close()
        assert t % 40 == 0 and e == 3 * t and d == t, (t, e, d)
        seen.add(t)
        with kept.cursor() as cur:  # a reader opened before the imports keeps its snapshot
            assert cur.execute("select count(*) from tickets").fetchall()[0][0] == 40
        reads += 1
    thread.join()
    kept.close()
    assert not errors, errors
    final = Dataset(db)
    with final.cursor() as cur:
        assert cur.execute("select count(*) from marts.ticket_sla").fetchall()[0][0] == 160
    final.close()
    assert len(seen) >= 2  # the reader saw the database change under it
