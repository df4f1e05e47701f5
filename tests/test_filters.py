"""The filter builder: input -> SQL + parameters (datasette's habit), then run on a tiny table."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from ticketlib.queries.filters import Filters, where


def test_no_filter_is_true():
    assert where(Filters()) == ("true", {})


def test_period_values_and_search_are_bound():
    clause, params = where(
        Filters(date_from=date(2025, 1, 1), priorities=("haute",), search="SUP_1"), alias="m"
    )
    assert clause == (
        "m.created_day >= $date_from and list_contains($priorities, m.priority::varchar) and "
        "(m.ticket_id ilike $search_id escape '\\' or m.title ilike $search_text escape '\\' "
        "or m.customer ilike $search_text escape '\\')"
    )
    assert params == {
        "date_from": date(2025, 1, 1),
        "priorities": ["haute"],
        "search_id": "SUP\\_1",
        "search_text": "%SUP\\_1%",
    }


def test_unknown_drill_column_is_refused():
    with pytest.raises(ValueError, match="unknown drill-down column"):
        where(Filters(extra=(("ticket_id; drop", "x"),)))


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute(
        "create table m as select * from (values "
        "('SUP_12', 'Imprimante', 'ACME'), ('SUPX12', 'Écran 100%', 'Dumas'), "
        "('A\\B', 'x_y', 'Café'), ('SUP-3', 'Réseau', 'ACME')) t(ticket_id, title, customer)"
    )
    return con


@pytest.mark.parametrize(
    "search, expected",
    [
        ("SUP_12", ["SUP_12"]),  # `_` is a letter, not a wildcard (issue 9, item 14)
        ("sup_12", ["SUP_12"]),
        ("100%", ["SUPX12"]),  # `%` too
        ("A\\B", ["A\\B"]),  # and a backslash
        ("x_y", ["A\\B"]),  # words of the title
        ("acme", ["SUP-3", "SUP_12"]),  # the customer
        ("SUP", []),  # an id is matched whole
    ],
)
def test_search_matches_literally(con, search, expected):
    clause, params = where(Filters(search=search))
    rows = con.execute(f"select ticket_id from m where {clause} order by 1", params).fetchall()
    assert [r[0] for r in rows] == expected
