"""The SQL console: only reads, in a locked instance; every other attempt gets a clear refusal."""

from __future__ import annotations

import hashlib

import duckdb
import pandas as pd
import pytest

from ticketlib.console.errors import SqlError
from ticketlib.console.examples import EXAMPLES
from ticketlib.console.sandbox import VIEWS, available_views, sandbox
from ticketlib.console.sqlconsole import run_query


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def db(demo_db):
    return demo_db


def test_views_have_friendly_names(db):
    con = sandbox(db)
    try:
        assert set(available_views(con)) == set(VIEWS)
    finally:
        con.close()


def test_select_reads_the_database(db):
    result = run_query("select count(*) as n from ticket_sla", db)
    assert result.frame.n.tolist() == [3000]
    assert not result.truncated


def test_row_cap_truncates(db):
    result = run_query("select ticket_id from tickets order by ticket_id", db, row_cap=7)
    assert len(result.frame) == 7 and result.truncated
    assert result.frame.ticket_id.iloc[0] == "SUP-000001"
    exact = run_query("select * from range(7)", db, row_cap=7)
    assert len(exact.frame) == 7 and not exact.truncated


@pytest.mark.parametrize("fr, en, sql", EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_examples_run(db, fr, en, sql):
    result = run_query(sql, db)
    assert len(result.frame) > 0


def test_types_are_plain(db):
    frame = run_query(
        "select priority, sum(ttr_elapsed_us) as total, min(created_at) as first from ticket_sla "
        "group by all",
        db,
    ).frame
    assert frame.priority.dtype != "category"
    assert pd.api.types.is_integer_dtype(frame.total)
    assert isinstance(frame["first"].dtype, pd.DatetimeTZDtype)


WRITES = [
    "insert into tickets select * from tickets limit 1",
    "insert into store.main.tickets select * from store.main.tickets limit 1",
    "update ticket_sla set title = 'x'",
    "update store.main.tickets set title = 'x'",
    "delete from events",
    "delete from store.main.events",
    "create table t as select 1",
    "create table store.main.t (a int)",
    "create temp table t (a int)",
    "create view v as select 1",
    "create macro m(a) as a + 1",
    "drop view tickets",
    "drop table store.main.tickets",
    "alter table store.main.tickets add column x int",
    "truncate store.main.events",
    "checkpoint",
    "vacuum",
    "begin transaction",
    "set variable v = 1",
    "use store",
    "explain analyze create table t as select 1",
    "pivot ticket_sla on priority using count(*)",
    "call checkpoint()",
    "call force_checkpoint()",
]
FILES = [
    "attach '/tmp/other.duckdb' as other",
    "attach ':memory:' as other",
    "detach store",
    "copy (select * from tickets) to '/tmp/ticketlib_console_out.csv'",
    "copy tickets from '/etc/passwd'",
    "export database '/tmp/ticketlib_console_export'",
    "import database '/tmp/ticketlib_console_export'",
]
EXTENSIONS = [
    "install httpfs",
    "force install httpfs",
    "install httpfs from community",
    "load httpfs",
    "load '/tmp/evil.duckdb_extension'",
]
CONFIG = [
    "set enable_external_access = true",
    "set lock_configuration = false",
    "reset enable_external_access",
    "reset lock_configuration",
    "reset memory_limit",
    "set memory_limit = '100GB'",
    "set allowed_directories = ['/']",
    "pragma memory_limit = '100GB'",
    "pragma threads = 64",
    "pragma enable_profiling",
    "pragma enable_external_access = true",
]
READS = [  # SELECTs that reach outside: refused by the engine itself
    "select * from read_csv('/etc/passwd')",
    "select * from read_csv_auto('/etc/passwd', sep = ':')",
    "select * from read_text('/etc/passwd')",
    "select * from read_blob('/etc/passwd')",
    "select * from glob('/etc/*')",
    "select * from sniff_csv('/etc/passwd')",
    "select * from read_json_auto('/etc/hostname')",
    "select * from parquet_metadata('/etc/passwd')",
    "select * from read_parquet('http://127.0.0.1:9/x.parquet')",
    "select * from read_csv('https://example.org/data.csv')",
    "select * from 'http://127.0.0.1:9/x.csv'",
    "select * from duckdb_secrets()",
    "select * from duckdb_extensions()",
]


def _refusal(db, sql, kinds):
    with pytest.raises(SqlError) as caught:
        run_query(sql, db)
    err = caught.value
    assert err.kind in kinds, (sql, err)
    for lang in ("fr", "en"):
        assert err.message(lang).strip()
    return err


@pytest.mark.parametrize("sql", WRITES + FILES + EXTENSIONS + CONFIG)
def test_statement_refused_before_running(db, sql):
    before = _digest(db)
    err = _refusal(db, sql, {"refused", "several"})
    assert "SELECT" in err.message("fr") and "SELECT" in err.message("en")
    assert _digest(db) == before


@pytest.mark.parametrize("sql", READS)
def test_outside_reads_refused_by_engine(db, sql):
    err = _refusal(db, sql, {"access", "error"})
    if "passwd" in sql or "hostname" in sql:
        assert "root:" not in err.message("en")


def test_several_statements_refused(db):
    err = _refusal(db, "select 1; drop view tickets", {"several"})
    assert "Une seule requête" in err.message("fr")


def test_query_function_cannot_write(db):
    _refusal(db, "select * from query('create table t as select 1')", {"error"})


def test_python_variables_are_not_tables(db):
    secret_frame = pd.DataFrame({"a": [42]})  # noqa: F841 - a replacement scan would find it
    _refusal(db, "select * from secret_frame", {"error"})


def test_time_limit_interrupts(db):
    with pytest.raises(SqlError) as caught:
        run_query(
            "select sum(a.range * b.range) from range(1000000) a, range(1000000) b",
            db,
            time_limit=0.5,
        )
    err = caught.value
    assert err.kind == "timeout"
    assert "0.5 s" in err.message("fr") and "interrompue" in err.message("fr")
    assert "interrupted" in err.message("en")


def test_syntax_error_is_clear(db):
    err = _refusal(db, "selec 1", {"error"})
    assert "syntax" in err.message("en").lower()


def test_empty_query(db):
    _refusal(db, "  -- nothing\n", {"empty"})


# --- the engine's own lock, without the statement check: defence in depth ----------------


@pytest.mark.parametrize(
    "sql",
    [
        "insert into store.main.tickets select * from store.main.tickets limit 1",
        "create table store.main.t (a int)",
        "attach '/tmp/ticketlib_console_other.duckdb' as other",
        "copy (select 1) to '/tmp/ticketlib_console_out.csv'",
        "copy tickets from '/etc/passwd'",
        "export database '/tmp/ticketlib_console_export'",
        "install httpfs",
        "load httpfs",
        "select * from read_csv('/etc/passwd')",
        "select * from read_text('/etc/passwd')",
        "select * from glob('/etc/*')",
        "select * from read_parquet('http://127.0.0.1:9/x.parquet')",
        "set enable_external_access = true",
        "set lock_configuration = false",
        "reset enable_external_access",
        "set allow_community_extensions = true",
        "set autoload_known_extensions = true",
        "set autoinstall_known_extensions = true",
        "pragma memory_limit = '100GB'",
        "set temp_directory = '/tmp/x'",
    ],
)
def test_engine_refuses_without_the_statement_check(db, sql, tmp_path):
    before = _digest(db)
    con = sandbox(db)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql).fetchall()
    finally:
        con.close()
    assert _digest(db) == before
    assert not (tmp_path.parent / "ticketlib_console_out.csv").exists()


def test_settings_in_force(db):
    con = sandbox(db)
    try:
        values = dict(con.execute("select name, value from duckdb_settings()").fetchall())
    finally:
        con.close()
    assert values["enable_external_access"] == "false"
    assert values["allow_community_extensions"] == "false"
    assert values["autoload_known_extensions"] == "false"
    assert values["autoinstall_known_extensions"] == "false"
    assert values["lock_configuration"] == "true"
    assert values["python_enable_replacements"] == "false"


def test_missing_database_gives_empty_views(empty_db):
    result = run_query("select count(*) as n from tickets", empty_db)
    assert result.frame.n.tolist() == [0]
    for name, _, sql in EXAMPLES:  # the derived tables exist, empty
        assert run_query(sql, empty_db).frame.empty, name
    assert not empty_db.exists()
