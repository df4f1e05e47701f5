"""Hostile and broken inputs (issue 14): each example of the issue pinned, plus generated
variants. A refusal is one line naming the file, with the database byte for byte as it was;
odd data is quarantined with its reason or read right and said, never silently altered.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import TICKET_COLUMNS
from ticketlib.db import store, timeparse
from ticketlib.domain import timestamps
from ticketlib.domain.config import ConfigError
from ticketlib.ingest import FileError, run_import
from ticketlib.ingest.mapping import load_mapping
from ticketlib.ingest.reasons import REASONS
from ticketlib.ingest.uploads import upload_name

ROOT = Path(__file__).resolve().parents[1]
HEADER = ",".join(TICKET_COLUMNS) + "\n"
EVENTS = "ticket_id,timestamp,status,priority\n"


def rows(db: Path, sql: str) -> list[tuple]:
    con = store.connect_read(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def base_db(tmp_path) -> Path:
    """A database holding one good ticket, to check refusals leave it byte-identical."""
    db = tmp_path / "base" / "x.duckdb"
    db.parent.mkdir()
    good = tmp_path / "base" / "tickets.csv"
    good.write_text(HEADER + "T0,2025-03-01T10:00:00Z,haute,c,a,t,x\n", encoding="utf-8")
    run_import([good], db=db)
    return db


def cli_load(db: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", *args, "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


# ---- instants outside the plausible range, offsets beyond ±14:00 (items 4, 5, 9) ---------------


def test_far_instants_are_quarantined_and_never_block_the_import(tmp_path):
    folder = tmp_path / "far"
    folder.mkdir()
    (folder / "tickets.csv").write_text(
        HEADER
        + "T1,9999-12-31T23:59:59Z,haute,c,a,t,x\n"
        + "T2,2025-03-01T10:00:00Z,haute,c,a,t,y\n"
        + "T3,0001-01-01T00:00:00Z,haute,c,a,t,z\n"
        + "T4,5000-01-01,haute,c,a,t,z\n",
        encoding="utf-8",
    )
    (folder / "events.csv").write_text(
        EVENTS
        + "T2,2025-03-01T10:00:00Z,ouvert,haute\n"
        + "T2,9999-12-31T23:59:59Z,resolu,haute\n"
        + "T2,2025-03-01T11:00:00+99:00,resolu,haute\n"
        + "T2,2025-03-01T11:00:00+14:30,resolu,haute\n"
        + "T2,0001-01-01T00:00:00Z,resolu,haute\n",
        encoding="utf-8",
    )
    db = folder / "x.duckdb"
    report = run_import(sorted(folder.glob("*.csv")), db=db)
    by_name = {f.name: f for f in report.files}
    assert by_name["tickets.csv"].quarantined == {"implausible_date": 3}
    assert by_name["events.csv"].quarantined == {"bad_timestamp": 2, "implausible_date": 2}
    assert rows(db, "select ticket_id from tickets") == [("T2",)]
    assert rows(db, "select ts from events") == [(datetime(2025, 3, 1, 10, tzinfo=UTC),)]
    assert rows(
        db, "select row_number, reason from quarantine where file_name = 'tickets.csv' order by 1"
    ) == [(2, "implausible_date"), (4, "implausible_date"), (5, "implausible_date")]
    assert REASONS["implausible_date"][1].startswith("date outside the plausible range")


def test_plausible_range_is_configurable(monkeypatch):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    assert timestamps.plausible_range(now) == (
        datetime(1990, 1, 1, tzinfo=UTC),
        datetime(2036, 1, 1, tzinfo=UTC),
    )
    monkeypatch.setenv("TICKETLIB_EARLIEST", "1970-01-01")
    monkeypatch.setenv("TICKETLIB_FUTURE_YEARS", "2")
    assert timestamps.plausible_range(now) == (
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(2028, 1, 1, tzinfo=UTC),
    )
    monkeypatch.setenv("TICKETLIB_FUTURE_YEARS", "many")
    with pytest.raises(ValueError, match="TICKETLIB_FUTURE_YEARS"):
        timestamps.plausible_range(now)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    year=st.integers(1, 9999),
    hours=st.integers(0, 99),
    minutes=st.integers(0, 99),
    sign=st.sampled_from("+-"),
)
def test_generated_instants_are_read_in_range_or_not_at_all(year, hours, minutes, sign):
    """Any year and any offset: an instant inside the range with a real offset, or none."""
    con = duckdb.connect()
    con.execute("set TimeZone = 'UTC'")
    timeparse.install(con, "Europe/Paris", now=datetime(2026, 1, 1, tzinfo=UTC))
    text = f"{year:04d}-06-15T12:00:00{sign}{hours:02d}:{minutes:02d}"
    fast, plausible = con.execute(
        "select ts_fast($s), ts_plausible(ts_fast($s))", {"s": text}
    ).fetchall()[0]
    con.execute("create temp table ts_input as select $s::varchar as s", {"s": text})
    timeparse.parse_texts(con)
    slow = con.execute("select utc from ts_parsed").fetchall()[0][0]
    real_offset = minutes < 60 and hours * 60 + minutes <= 14 * 60
    if not real_offset:
        assert fast is None and slow is None
    else:
        assert fast is not None and slow is not None
        assert plausible == (1990 <= year < 2036)


# ---- one-line messages naming the file, the database unchanged (items 6, 7) -----------------------


def _hostile_files(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    good = (
        b'<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/><event>'
        b'<string key="concept:name" value="a"/><date key="time:timestamp" '
        b'value="2025-03-01T10:00:00Z"/></event></trace></log>'
    )
    (tmp_path / "cut.xes.gz").write_bytes(gzip.compress(good)[:60])
    (tmp_path / "status5.toml").write_text("status = 5\n", encoding="utf-8")
    (tmp_path / "binary.toml").write_bytes(b"\x00\x01\xff\xfe binary")
    (tmp_path / "jira.json").write_text('{"issues": []}', encoding="utf-8")
    (tmp_path / "quote.csv").write_text(
        HEADER
        + 'T1,2025-03-01T10:00:00Z,haute,"Soc,a,t,x\n'
        + "T2,2025-03-01T10:00:00Z,haute,c,a,t,x\n",
        encoding="utf-8",
    )
    return {
        "truncated xes.gz": (
            [str(tmp_path / "cut.xes.gz")],
            "cut.xes.gz: archive gzip illisible / unreadable gzip",
        ),
        "mapping status = 5": (
            [str(tmp_path / "jira.json"), "--mapping", str(tmp_path / "status5.toml")],
            "status5.toml: status: doit être une table [section] / must be a [section] table",
        ),
        "binary mapping": (
            [str(tmp_path / "jira.json"), "--mapping", str(tmp_path / "binary.toml")],
            "binary.toml: pas du texte UTF-8 / not UTF-8 text",
        ),
        "unclosed quote": (
            [str(tmp_path / "quote.csv")],
            "quote.csv: guillemet non fermé ligne 2 : la suite du fichier serait avalée / "
            "unclosed quote at line 2: it would swallow the rest of the file",
        ),
    }


@pytest.mark.parametrize(
    "case", ["truncated xes.gz", "mapping status = 5", "binary mapping", "unclosed quote"]
)
def test_cli_refuses_on_one_line_naming_the_file(tmp_path, base_db, case):
    args, expected = _hostile_files(tmp_path)[case]
    before = digest(base_db)
    done = cli_load(base_db, *args)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert digest(base_db) == before


def test_mapping_errors_name_the_file(tmp_path):
    (tmp_path / "m.toml").write_text("status = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"m\.toml: status: "):
        load_mapping("jira", tmp_path / "m.toml")
    (tmp_path / "p.toml").write_text("priority = [1]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"p\.toml: priority: "):
        load_mapping("jira", tmp_path / "p.toml")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("..", "..: nom de fichier invalide / invalid file name"),
        (".", "-: nom de fichier invalide / invalid file name"),
        ("", "-: nom de fichier invalide / invalid file name"),
        ("a\x00b.csv", "a␀b.csv: nom de fichier avec un caractère NUL / file name with a NUL"),
        ("x" * 296 + ".csv", "file name too long (300 characters, 255 bytes at most)"),
    ],
)
def test_upload_names_that_cannot_be_files(name, message):
    with pytest.raises(FileError) as caught:
        upload_name(name)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_upload_names_keep_their_base_name():
    assert upload_name("C:\\exports\\tickets.csv") == "tickets.csv"
    assert upload_name("../../etc/tickets.csv") == "tickets.csv"
    assert upload_name("é" * 125 + ".csv") == "é" * 125 + ".csv"  # 254 bytes


# ---- nothing silently altered (items 8, 10, 11) --------------------------------------------------


def _one_file(tmp_path: Path, name: str, content: bytes) -> tuple[Path, object]:
    path = tmp_path / name
    path.write_bytes(content)
    db = tmp_path / "x.duckdb"
    report = run_import([path], db=db)
    return db, report.files[0]


def test_a_stray_cp1252_byte_keeps_the_utf8_rows_right(tmp_path):
    content = (HEADER + "T1,2025-03-01T10:00:00Z,haute,Société Générale,a,t,x\n").encode()
    content += b"T2,2025-03-01T10:00:00Z,haute,Soci\xe9t\xe9,a,t,x\n"
    db, f = _one_file(tmp_path, "tickets.csv", content)
    assert rows(db, "select ticket_id, customer from tickets order by 1") == [
        ("T1", "Société Générale"),
        ("T2", "Société"),
    ]
    assert f.notes == [
        "2 octet(s) non UTF-8 lu(s) en Windows-1252 (ligne(s) 3) / "
        "2 non-UTF-8 byte(s) read as Windows-1252 (line(s) 3)"
    ]


def test_a_windows_1252_file_is_still_read_as_such(tmp_path):
    content = (HEADER + "T1,2025-03-01T10:00:00Z,haute,Société Générale,a,t,x\r\n").encode("cp1252")
    db, f = _one_file(tmp_path, "tickets.csv", content)
    assert rows(db, "select customer from tickets") == [("Société Générale",)]
    assert f.notes[0].startswith("4 octet(s) non UTF-8 lu(s) en Windows-1252 (ligne(s) 2)")


def test_nul_bytes_are_removed_and_said(tmp_path):
    db, f = _one_file(
        tmp_path, "tickets.csv", (HEADER + "T1,2025-03-01T10:00:00Z,haute,So\x00c,a,t,x\n").encode()
    )
    assert rows(db, "select customer from tickets") == [("Soc",)]
    assert f.notes == ["1 caractère(s) NUL retiré(s) / 1 NUL character(s) removed"]


def test_duplicate_header_names_are_said(tmp_path):
    db, f = _one_file(
        tmp_path,
        "tickets.csv",
        b"ticket_id,created_at,customer,customer\nT1,2025-03-01T10:00:00Z,c1,c2\n",
    )
    assert rows(db, "select customer from tickets") == [("c1",)]
    assert f.notes == [
        "colonnes en double renommées (la première est lue) : 'customer' → 'customer_2' / "
        "duplicate columns renamed (the first is read): 'customer' → 'customer_2'"
    ]


def test_more_than_256_files_are_accounted_each(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    (folder / "a_tickets.csv").write_text(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n")
    for i in range(300):
        (folder / f"e{i:03d}.csv").write_text(
            EVENTS + f"T1,2025-03-01T{10 + i // 60:02d}:{i % 60:02d}:30Z,ouvert,haute\n"
        )
    db = tmp_path / "x.duckdb"
    report = run_import([folder], db=db)
    assert len(report.files) == 301
    assert {(f.rows_read, f.loaded, f.duplicates) for f in report.files} == {(1, 1, 0)}
    assert rows(db, "select count(*), sum(loaded), min(loaded) from import_files") == [
        (301, 301, 1)
    ]
    # each event names its own file (the file index no longer wraps at 256)
    assert rows(
        db,
        "select count(*) from events e join import_files f on f.import_id = e.import_id "
        "and f.file_index = ((e.seq >> 32) & 65535) and f.file_name = 'e' || "
        "lpad((extract(hour from e.ts) * 60 + extract(minute from e.ts) - 600)::varchar, 3, '0') "
        "|| '.csv'",
    ) == [(300,)]
    again = run_import([folder], db=db)  # idempotent: the same files again are duplicates
    assert {(f.loaded, f.duplicates) for f in again.files} == {(0, 1)}


# ---- compressed inputs: streamed, capped, cleaned up (items 2, 7) --------------------------------


def test_a_gzipped_csv_imports(tmp_path):
    content = (HEADER + "T1,2025-03-01T10:00:00Z,haute,Société,a,t,x\n").encode()
    db, f = _one_file(tmp_path, "tickets.csv.gz", gzip.compress(content))
    assert (f.name, f.rows_read, f.loaded) == ("tickets.csv.gz", 1, 1)
    assert rows(db, "select customer from tickets") == [("Société",)]


@pytest.mark.parametrize("name", ["tickets.csv.gz", "log.xes.gz"])
def test_a_decompression_bomb_is_refused_and_leaves_no_temp_file(tmp_path, base_db, name):
    work = tmp_path / "tmp"
    work.mkdir()
    if name.endswith(".csv.gz"):
        body = HEADER.encode() + b"T1,2025-03-01T10:00:00Z,haute,c,a,t," + b"x" * (3 << 20) + b"\n"
    else:
        body = (
            b'<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/>'
            + (
                b'<event><string key="concept:name" value="a"/>'
                b'<date key="time:timestamp" value="2025-03-01T10:00:00Z"/></event>'
            )
            * 60000
            + b"</trace></log>"
        )
    (tmp_path / name).write_bytes(gzip.compress(body))
    before = digest(base_db)
    done = cli_load(
        base_db, str(tmp_path / name), env={"TICKETLIB_MAX_EXPANDED_MB": "2", "TMPDIR": str(work)}
    )
    assert done.returncode == 2, done.stderr
    assert f"{name}: décompressé, dépasse 2 Mio / expands beyond 2 MiB" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert digest(base_db) == before
    assert list(work.iterdir()) == []


# ---- a 20 MB quoted field: refused at once, memory bounded (item 3) -------------------------------


def _address_space(megabytes: int):
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return limit


def refused_in_one_line(path: Path, db: Path, message: str) -> None:
    """`load path` under a 2 GiB address space: exit 2, `message` as the one line on stderr,
    the database byte-identical."""
    before = digest(db)
    done = subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(path), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_address_space(2048),
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur / error: {message} ; rien n'a été importé / nothing was imported."
    ]
    assert digest(db) == before


def test_a_20_mb_quoted_field_is_refused_naming_file_and_line(tmp_path, base_db):
    path = tmp_path / "tickets.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n")
        f.write('T2,2025-03-01T10:00:00Z,haute,c,a,t,"' + "ligne de titre\n" * 1_400_000 + '"\n')
    before = digest(base_db)
    done = subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(path), "--db", str(base_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=_address_space(2048),  # before: 10.6 GB and 148 s
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert (
        "tickets.csv: champ entre guillemets de plus de 2 Mio ouvert ligne 3 (ou guillemet non "
        "fermé) / quoted field over 2 MiB opened at line 3 (or an unclosed quote)"
    ) in done.stderr
    assert digest(base_db) == before


# ---- names that are not SQL (items 6, 7) -----------------------------------------------------------


def test_headers_that_look_like_sql_or_working_columns_load(tmp_path):
    db, f = _one_file(
        tmp_path,
        "tickets.csv",
        b'"ticket""id",created_at,priority,customer,assignee,team,title,__row,rowid,'
        b"file_row_number\nT1,2025-03-01T10:00:00Z,haute,c,a,t,x,1,2,3\n",
    )
    assert (f.rows_read, f.loaded) == (1, 1)
    assert rows(db, "select ticket_id, title, source_row from tickets") == [("T1", "x", 2)]


@pytest.mark.parametrize("key", ["", "__row", "rowid", 'a"b'])
def test_xes_keys_that_are_not_sql_load(tmp_path, key):
    xes = (
        '<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/><event>'
        f'<string key="{key.replace(chr(34), "&quot;")}" value="x"/>'
        '<string key="concept:name" value="a"/>'
        '<date key="time:timestamp" value="2025-03-01T10:00:00Z"/></event></trace></log>'
    )
    db, f = _one_file(tmp_path, "log.xes", xes.encode())
    assert f.rows_read == 1
    assert rows(db, "select ticket_id from tickets") == [("C1",)]


# ---- generated variants: headers, encodings, archive sizes --------------------------------------

_NAME = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_NAME, min_size=1, max_size=6), delim=st.sampled_from([",", ";", "\t"]))
def test_generated_headers_split_as_written(names, delim):
    import csv
    import io

    from ticketlib.ingest.files import header_of

    names = [n.strip() or "x" for n in names]
    line = io.StringIO()
    csv.writer(line, delimiter=delim, quoting=csv.QUOTE_ALL).writerow(names)
    found_delim, found = header_of(line.getvalue().rstrip("\r\n"))
    assert [n.strip() for n in found] == names
    if len(names) > 1:
        assert found_delim == delim


@settings(max_examples=60, deadline=None)
@given(
    parts=st.lists(
        st.one_of(
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00")),
            # an odd byte then ASCII: never valid UTF-8 (b"\xe9\x92\x92" would be: 钒)
            st.sampled_from([b"\xe9;", b"\x92;", b"\xff;"]),
        ),
        max_size=8,
    )
)
def test_generated_mixed_encodings_keep_valid_utf8(tmp_path_factory, parts):
    """Valid UTF-8 stays as it is; each odd byte is read as Windows-1252 and counted."""
    from ticketlib.ingest.rawbytes import normalised_copy

    path = tmp_path_factory.mktemp("enc") / "x.csv"
    path.write_bytes(b"".join(p.encode() if isinstance(p, str) else p for p in parts))
    copy, _, notes = normalised_copy(path)
    try:
        text = copy.read_text(encoding="utf-8")
    finally:
        copy.unlink()
    expected = "".join(p if isinstance(p, str) else p.decode("cp1252") for p in parts).lstrip(
        "\ufeff"
    )
    assert text == expected
    odd = sum(1 for p in parts if isinstance(p, bytes))
    assert (notes[0].split()[0] if notes else "0") == str(odd)


@settings(max_examples=25, deadline=None)
@given(size=st.integers(0, 3 << 20), limit_mb=st.integers(1, 2))
def test_generated_archive_sizes_refused_past_the_cap(tmp_path_factory, size, limit_mb):
    import io

    from ticketlib.ingest.rawbytes import CappedReader

    path = tmp_path_factory.mktemp("gz") / "x.gz"
    path.write_bytes(gzip.compress(b"a" * size, compresslevel=1))
    reader = io.BufferedReader(CappedReader(path, limit_mb << 20))
    try:
        assert len(reader.read()) == size
        assert size <= limit_mb << 20
    except FileError as exc:
        assert size > limit_mb << 20
        assert f"expands beyond {limit_mb} MiB" in str(exc)
    finally:
        reader.close()


def _big_title_file(tmp_path: Path, megabytes: int) -> Path:
    path = tmp_path / "tickets.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n")
        f.write('H-2,2025-03-01T10:00:00Z,haute,c,a,t,"' + "x" * (megabytes << 20) + '"\n')
        f.write("T3,2025-03-01T10:00:00Z,haute,c,a,t,y\n")
    return path


@pytest.mark.parametrize("megabytes", [5, 15])
def test_max_field_mb_lets_a_big_quoted_field_load(tmp_path, base_db, megabytes):
    # before: DuckDB's max_line_size stayed at 2 MB, the row was quarantined with no ticket_id
    path = _big_title_file(tmp_path, megabytes)
    done = subprocess.run(
        [sys.executable, "-m", "ticketlib", "load", str(path), "--db", str(base_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TICKETLIB_MAX_FIELD_MB": str(megabytes + 1)},
        preexec_fn=_address_space(2048),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert rows(base_db, "select ticket_id, length(title) from tickets order by ticket_id") == [
        ("H-2", megabytes << 20),
        ("T0", 1),
        ("T1", 1),
        ("T3", 1),
    ]
    assert rows(base_db, "select count(*) from quarantine") == [(0,)]


@pytest.mark.parametrize("value", ["abc", "0", "17"])
def test_max_field_mb_out_of_range_is_refused_naming_it(tmp_path, base_db, value):
    path = _big_title_file(tmp_path, 0)
    before = digest(base_db)
    done = cli_load(base_db, str(path), env={"TICKETLIB_MAX_FIELD_MB": value})
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur de configuration / configuration error: TICKETLIB_MAX_FIELD_MB={value!r} invalide : un nombre entier de Mio de 1 à 16 / "
        "invalid: a whole number of MiB from 1 to 16"
    ]
    assert digest(base_db) == before


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"TICKETLIB_MAX_EXPANDED_MB": "abc"},
            "TICKETLIB_MAX_EXPANDED_MB='abc' invalide : un nombre entier de Mio (1 ou plus) / "
            "invalid: a whole number of MiB (1 or more)",
        ),
        (
            {"TICKETLIB_EARLIEST": "notadate"},
            "TICKETLIB_EARLIEST='notadate' invalide : une date ISO (AAAA-MM-JJ) de 1900 ou après "
            "/ invalid: an ISO date (YYYY-MM-DD) from 1900 on",
        ),
        (
            {"TICKETLIB_FUTURE_YEARS": "many"},
            "TICKETLIB_FUTURE_YEARS='many' invalide : un nombre entier d'années de 1 à 100 / "
            "invalid: a whole number of years from 1 to 100",
        ),
    ],
)
def test_a_bad_limit_setting_is_a_configuration_message_naming_it(tmp_path, base_db, env, message):
    # before: MAX_EXPANDED_MB=abc was ignored, EARLIEST=notadate read as a file's ValueError
    path = _big_title_file(tmp_path, 0)
    before = digest(base_db)
    done = cli_load(base_db, str(path), env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur de configuration / configuration error: {message}"
    ]
    assert digest(base_db) == before


def test_an_xes_bomb_is_streamed_memory_flat_whatever_the_cap(tmp_path, base_db):
    # one trace of ~50 MB of events: before, the trace was held whole (850 MB at an 80 MiB cap)
    event = (
        b'<event><string key="concept:name" value="a"/>'
        b'<date key="time:timestamp" value="2025-03-01T10:00:00Z"/></event>'
    )
    body = b'<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/>'
    body += event * ((50 << 20) // len(event)) + b"</trace></log>"
    (tmp_path / "log.xes.gz").write_bytes(gzip.compress(body, 1))
    peaks = {}
    for cap in ("4", "40"):
        with open(tmp_path / "err", "w") as err:
            child = subprocess.Popen(
                [sys.executable, "-m", "ticketlib", "load", str(tmp_path / "log.xes.gz")]
                + ["--db", str(base_db)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=err,
                env={**os.environ, "TICKETLIB_MAX_EXPANDED_MB": cap},
            )
            _, status, usage = os.wait4(child.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 2
        assert f"expands beyond {cap} MiB" in (tmp_path / "err").read_text()
        peaks[cap] = usage.ru_maxrss >> 10  # MiB
    assert peaks["40"] - peaks["4"] < 40, peaks


def test_xes_trace_attributes_after_their_events_still_reach_each_event(tmp_path):
    from ticketlib.ingest.eventlog.xes import read_xes

    path = tmp_path / "log.xes"
    path.write_text(
        '<?xml version="1.0"?><log><string key="concept:name" value="log"/>'
        '<trace><event><string key="concept:name" value="a"/></event>'
        '<string key="concept:name" value="C1"/>'
        '<event><string key="concept:name" value="b"/><string key="case:x" value="own"/></event>'
        '<string key="x" value="1"/></trace>'
        '<trace><string key="concept:name" value="C2"/>'
        '<event><string key="concept:name" value="c"/></event></trace></log>',
        encoding="utf-8",
    )
    con = duckdb.connect()
    ft = read_xes(con, path, "x")
    got = con.execute(f"select * exclude (__row) from {ft.table} order by __row").fetchall()
    assert list(ft.names.values()) == ["concept:name", "case:x", "case:concept:name"]
    # an event's own attribute wins over its trace's (`case:x` of event b)
    assert got == [("a", "1", "C1"), ("b", "own", "C1"), ("c", None, "C2")]
    assert ft.rows == 3


def test_a_file_name_too_long_is_one_short_line(tmp_path, base_db):
    # before: the raw OSError with the full path, the name said twice
    done = cli_load(base_db, str(tmp_path / ("a" * 300 + ".csv")))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "erreur / error: " + "a" * 40 + "…aaaaaaaa.csv: chemin inutilisable / unusable path: "
        "File name too long ; rien n'a été importé / nothing was imported."
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("fmt", [None, "csv"])
def test_a_utf16_file_is_said_to_be_utf16(tmp_path, base_db, encoding, fmt):
    # before: "format non reconnu" (or a garbled header with --format csv)
    path = tmp_path / "tickets.csv"
    path.write_text(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n", encoding=encoding)
    done = cli_load(base_db, str(path), *(["--format", fmt] if fmt else []))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "erreur / error: tickets.csv: encodé en UTF-16, non pris en charge : enregistrez-le en "
        "UTF-8 (ou CSV UTF-8 dans Excel) / UTF-16 encoded, not supported: save it as UTF-8 "
        "(CSV UTF-8 in Excel) ; rien n'a été importé / nothing was imported."
    ]


def test_a_malformed_row_keeps_its_ticket_id_in_quarantine(tmp_path):
    # before: ticket_id NULL on every malformed_row, although the line names it
    path = tmp_path / "tickets.csv"
    path.write_text(
        HEADER.replace(",", ";")
        + "T1;2025-03-01T10:00:00Z;haute;c;a;t;x\n"
        + 'H-2;2025-03-01T10:00:00Z;haute;c;a;t;"x";extra;fields\n',
        encoding="utf-8",
    )
    db = tmp_path / "x.duckdb"
    run_import([path], db=db)
    assert rows(db, "select ticket_id, reason, row_number from quarantine") == [
        ("H-2", "malformed_row", 3)
    ]


# ---- held-out variants (c14hostile): each was a traceback-like message, a silent choice or
# minutes of work before -----------------------------------------------------------------------


def test_cr_only_line_ends_load(tmp_path):
    # before: refused with the csv module's "new-line character seen in unquoted field"
    content = (
        HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\nT2,2025-03-01T11:00:00Z,haute,d,a,t,y\n"
    )
    db, f = _one_file(tmp_path, "tickets.csv", content.replace("\n", "\r").encode())
    assert (f.rows_read, f.loaded) == (2, 2)
    assert rows(db, "select ticket_id, customer, title from tickets order by 1") == [
        ("T1", "c", "x"),
        ("T2", "d", "y"),
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        # a 1 MB column name (before: "Error: field larger than field limit (131072)")
        (
            HEADER.strip() + "," + "n" * (1 << 20) + "\n",
            "tickets.csv: ligne d'en-tête de plus de 1 Mio (ou sans fin de ligne) / header line "
            "over 1 MiB (or no line end)",
        ),
        # no line end at all: the file is never read whole as its first line
        (
            HEADER.strip() + "," + "n" * (3 << 20),
            "tickets.csv: ligne d'en-tête de plus de 1 Mio (ou sans fin de ligne) / header line "
            "over 1 MiB (or no line end)",
        ),
        # a column name over the csv module's 128 KiB field limit, within the line cap
        (
            HEADER.strip() + ',"' + "n" * 200_000 + '"\n',
            "tickets.csv: en-tête illisible / unreadable header: field larger than field limit "
            "(131072)",
        ),
        # 20,000 columns: 48 s, then DuckDB out of memory
        (
            ",".join([HEADER.strip()] + [f"x{i}" for i in range(20000)]) + "\n",
            "tickets.csv: 20007 colonnes, 4096 au plus / 20007 columns, 4096 at most",
        ),
    ],
)
def test_headers_too_long_or_too_wide_are_one_line(tmp_path, base_db, header, message):
    path = tmp_path / "tickets.csv"
    path.write_text(
        header + ("T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n" if header.endswith("\n") else "")
    )
    refused_in_one_line(path, base_db, message)


@pytest.mark.parametrize(
    ("header", "note"),
    [
        ("ticket_id,created_at,Customer,customer", "'customer' (= 'Customer')"),
        ("ticket_id,created_at,customer,Ticket ID", "'Ticket ID' (= 'ticket_id')"),
        ("ticket_id,created_at,Équipe,equipe", "'equipe' (= 'Équipe')"),
    ],
)
def test_header_names_alike_but_for_case_are_said(tmp_path, header, note):
    # before: the first was read, the other ignored without a word
    db, f = _one_file(
        tmp_path, "tickets.csv", (header + "\nT1,2025-03-01T10:00:00Z,v1,v2\n").encode()
    )
    assert f.loaded == 1
    assert f.notes == [
        "colonnes de même nom à la casse, aux accents ou à l'espacement près, la première est "
        f"lue : {note} ignorée(s) / columns named alike but for case, accents or spacing, the "
        f"first is read: {note} ignored"
    ]
    assert rows(db, "select ticket_id from tickets") == [("T1",)]


_XES_EVENT = (
    '<event><string key="concept:name" value="a"/>'
    '<date key="time:timestamp" value="2025-03-01T10:00:00Z"/></event>'
)


@pytest.mark.parametrize(
    ("name", "body", "message"),
    [
        # a 30 MB case id: before, 118 s and 800 MB, stored as a 30 MB ticket id
        (
            "log.xes",
            '<?xml version="1.0"?><log><trace><string key="concept:name" value="'
            + "C" * (30 << 20)
            + '"/>'
            + _XES_EVENT
            + "</trace></log>",
            "log.xes: valeur ou texte de plus de 2 Mio / value or text over 2 MiB "
            "(TICKETLIB_MAX_FIELD_MB)",
        ),
        (
            "log.xes.gz",
            '<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/><x>'
            + "t" * (30 << 20)
            + "</x>"
            + _XES_EVENT
            + "</trace></log>",
            "log.xes.gz: valeur ou texte de plus de 2 Mio / value or text over 2 MiB "
            "(TICKETLIB_MAX_FIELD_MB)",
        ),
        # 20,000 attribute keys: before, DuckDB out of memory after 12 s
        (
            "log.xes",
            '<?xml version="1.0"?><log><trace><string key="concept:name" value="C1"/><event>'
            + "".join(f'<string key="k{i}" value="v"/>' for i in range(20000))
            + "</event></trace></log>",
            "log.xes: 4097 colonnes, 4096 au plus / 4097 columns, 4096 at most",
        ),
    ],
)
def test_xes_values_and_keys_are_capped(tmp_path, base_db, name, body, message):
    data = body.encode()
    (tmp_path / name).write_bytes(gzip.compress(data, 1) if name.endswith(".gz") else data)
    started = datetime.now(UTC)
    refused_in_one_line(tmp_path / name, base_db, message)
    assert (datetime.now(UTC) - started).total_seconds() < 30


def test_a_deeply_nested_mapping_names_the_mapping(tmp_path, base_db):
    # before: "jira.json: RecursionError: maximum recursion depth exceeded" (the wrong file)
    (tmp_path / "jira.json").write_text('{"issues": []}', encoding="utf-8")
    (tmp_path / "m.toml").write_text("a = " + "[" * 100000 + "]" * 100000, encoding="utf-8")
    before = digest(base_db)
    done = cli_load(base_db, str(tmp_path / "jira.json"), "--mapping", str(tmp_path / "m.toml"))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur de configuration / configuration error: {tmp_path / 'm.toml'}: TOML invalide / "
        "invalid TOML: imbrication trop profonde / nested too deep"
    ]
    assert digest(base_db) == before


def test_a_file_name_that_is_not_utf8_is_one_line(tmp_path, base_db):
    # before: DuckDB's "Python Conversion Failure: cannot encode str as UTF-8, surrogate ..."
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.csv", "wb") as f:
        f.write((HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n").encode())
    before = digest(base_db)
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"ticketlib", b"load", folder + b"/caf\xe9.csv"]
        + [b"--db", os.fsencode(base_db)],
        cwd=ROOT,
        capture_output=True,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        "erreur / error: caf\ufffd.csv: nom de fichier non UTF-8 : renommez-le / file name not "
        "UTF-8: rename it ; rien n'a été importé / nothing was imported."
    ]
    assert digest(base_db) == before


MEMORY_LINE = (
    "mémoire insuffisante pour lire ce fichier (budget 0,1 Go, --memory ou TICKETLIB_MEMORY) : "
    "découpez-le ou augmentez le budget / out of memory reading this file (budget 0.1 GB, "
    "--memory or TICKETLIB_MEMORY): split it or raise the budget"
)


def test_running_out_of_memory_is_said_as_such(tmp_path, base_db):
    # before: "jira.jsonl: OutOfMemoryException: Out of Memory Error: Failed to allocate block
    # of 134217728 bytes (bad allocation)", or numpy's 40-line ImportError under a memory limit
    path = tmp_path / "jira.jsonl"
    path.write_text('{"key":"A-1","fields":{"summary":"' + "a" * (40 << 20) + '"}}\n')
    before = digest(base_db)
    done = cli_load(base_db, str(path), "--format", "jira", env={"TICKETLIB_MEMORY": "100MB"})
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur / error: jira.jsonl: {MEMORY_LINE} ; rien n'a été importé / nothing was imported."
    ]
    assert digest(base_db) == before


def test_memory_errors_are_recognised_whatever_their_source():
    from ticketlib.ingest.errors import out_of_memory

    assert out_of_memory(MemoryError())
    assert out_of_memory(duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate"))
    assert out_of_memory(
        duckdb.TransactionException(
            "Failed to commit: Failed to re-allocate block (bad allocation)"
        )
    )
    assert out_of_memory(ImportError("IMPORTANT: ... Importing the numpy C-extensions failed."))
    assert not out_of_memory(ImportError("No module named 'holidays'"))
    assert not out_of_memory(duckdb.ConversionException("Could not convert string 'x'"))


@pytest.mark.parametrize("kind", ["folder", "not duckdb"])
def test_an_unusable_database_is_named_and_no_working_copy_stays(tmp_path, kind):
    # before: "tickets.csv: IsADirectoryError: ... '/full/path'" or "tickets.csv: IOException:
    # ... fake.duckdb.work-123 exists, but it is not a valid DuckDB database file!" (the input
    # blamed, the server's path shown) and the working copy left beside the database
    path = tmp_path / "tickets.csv"
    path.write_text(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n")
    db = tmp_path / "base.duckdb"
    if kind == "folder":
        db.mkdir()
        why = "Is a directory"
    else:
        db.write_bytes(b"not a database" * 100)
        why = "pas une base DuckDB lisible / not a readable DuckDB database"
    before = sorted(p.name for p in tmp_path.iterdir())
    done = cli_load(db, str(path))
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"erreur / error: base.duckdb: base inutilisable / unusable database: {why} ; rien n'a "
        "été importé / nothing was imported."
    ]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == before
    if kind == "not duckdb":
        assert db.read_bytes() == b"not a database" * 100


def test_a_json_export_that_is_not_utf8_says_so_without_server_paths(tmp_path, base_db):
    # before: DuckDB's "read_text: could not read content of file '/full/path' as valid UTF-8
    # encoded text. You may want to use read_blob instead."
    path = tmp_path / "jira.json"
    path.write_bytes(b'{"issues":[{"key":"A-\xff","fields":{}}]}')
    before = digest(base_db)
    done = cli_load(base_db, str(path), "--format", "jira")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        "erreur / error: jira.json: pas du texte UTF-8 / not UTF-8 text ; rien n'a été importé "
        "/ nothing was imported."
    ]
    assert digest(base_db) == before


def test_a_doubled_bom_is_no_duplicate_column(tmp_path):
    # before: "colonnes en double renommées : '\ufeffticket_id' → 'ticket_id'" for a file with
    # two BOMs and no duplicate column
    content = (
        b"\xef\xbb\xbf\xef\xbb\xbf" + (HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n").encode()
    )
    db, f = _one_file(tmp_path, "tickets.csv", content)
    assert (f.loaded, f.notes) == (1, [])
    assert rows(db, "select ticket_id from tickets") == [("T1",)]


def test_file_names_cannot_drive_the_terminal(tmp_path, base_db):
    # before: an ANSI escape in a name coloured the terminal, a line break split the report
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("\x1b[31mred.csv", "a\nb.csv"):
        (folder / name).write_text(HEADER + "T1,2025-03-01T10:00:00Z,haute,c,a,t,x\n")
    (folder / "empty\u202e.csv").write_bytes(b"")
    done = cli_load(base_db, str(folder / "\x1b[31mred.csv"), str(folder / "a\nb.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "\\x1b[31mred.csv (tickets, csv): 1 lues, 1 chargées, 0 doublons, 0 en quarantaine",
        "a\\nb.csv (tickets, csv): 1 lues, 0 chargées, 1 doublons, 0 en quarantaine",
    ]
    assert "\x1b" not in done.stdout
    done = cli_load(base_db, str(folder / "empty\u202e.csv"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "erreur / error: empty\\u202e.csv: fichier vide / empty file ; rien n'a été importé / "
        "nothing was imported."
    ]


def test_an_unreadable_parquet_is_named_without_the_server_path(tmp_path, base_db):
    # before: "Footer length error in file '/full/server/path/t.parquet'"
    path = tmp_path / "t.parquet"
    path.write_bytes(b"PAR1" + b"\x00" * 50 + b"PAR1")
    done = cli_load(base_db, str(path))
    assert done.returncode == 2, done.stderr
    assert str(tmp_path) not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "erreur / error: t.parquet: Parquet illisible / unreadable Parquet: Footer length error "
        "in file 't.parquet' ; rien n'a été importé / nothing was imported."
    ]
