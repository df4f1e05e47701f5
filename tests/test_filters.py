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


# --- every filter, one by one: the exact clause and its bound values ----------------------


@pytest.mark.parametrize(
    "filters, clause, params",
    [
        (
            Filters(period_field="resolved", date_from=date(2025, 3, 1), date_to=date(2025, 3, 31)),
            "resolved_day >= $date_from and resolved_day <= $date_to",
            {"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)},
        ),
        (
            Filters(date_to=date(2025, 3, 31)),
            "created_day <= $date_to",
            {"date_to": date(2025, 3, 31)},
        ),
        (
            Filters(customers=("ACME", "Dumas")),
            "list_contains($customers, customer::varchar)",
            {"customers": ["ACME", "Dumas"]},
        ),
        (Filters(teams=("N1",)), "list_contains($teams, team::varchar)", {"teams": ["N1"]}),
        (
            Filters(agents=("Léa",)),
            "list_contains($agents, assignee::varchar)",
            {"agents": ["Léa"]},
        ),
        (
            Filters(etats=("ouvert", "reouvert")),
            "list_contains($etats, etat::varchar)",
            {"etats": ["ouvert", "reouvert"]},
        ),
        (Filters(search="   "), "true", {}),  # blanks search nothing
    ],
)
def test_each_filter(filters, clause, params):
    assert where(filters) == (clause, params)


@pytest.mark.parametrize(
    "column, sql",
    [
        ("priority", "priority"),
        ("etat", "etat"),
        ("customer", "customer"),
        ("team", "team"),
        ("assignee", "assignee"),
        ("tto_status", "tto_status"),
        ("ttr_status", "ttr_status"),
        ("tto_priority", "tto_priority"),
        ("ttr_priority", "ttr_priority"),
    ],
)
def test_each_drill_down_is_a_bound_null_safe_equality(column, sql):
    clause, params = where(Filters(extra=((column, "x"), ("team", None))), alias="t")
    assert clause == (
        f"t.{sql}::varchar is not distinct from $extra0 and "
        "t.team::varchar is not distinct from $extra1"
    )
    assert params == {"extra0": "x", "extra1": None}


def test_without_the_period_and_on_the_rows_copies():
    filters = Filters(date_from=date(2025, 1, 1), priorities=("haute",), teams=("N1",))
    assert where(filters, period=False) == (
        "list_contains($priorities, priority::varchar) and list_contains($teams, team::varchar)",
        {"priorities": ["haute"], "teams": ["N1"]},
    )
    assert where(filters, alias="i", prefix="f_") == (
        "i.f_created_day >= $date_from and list_contains($priorities, i.f_priority::varchar) "
        "and list_contains($teams, i.f_team::varchar)",
        {"date_from": date(2025, 1, 1), "priorities": ["haute"], "teams": ["N1"]},
    )
    with pytest.raises(ValueError, match="per-ticket mart only"):
        where(Filters(search="x"), prefix="f_")
    with pytest.raises(ValueError, match="per-ticket mart only"):
        where(Filters(extra=(("team", "N1"),)), prefix="f_")


def test_previous_period_has_the_same_length():
    f = Filters(date_from=date(2025, 3, 10), date_to=date(2025, 3, 16), teams=("N1",))
    assert f.previous_period() == Filters(
        date_from=date(2025, 3, 3), date_to=date(2025, 3, 9), teams=("N1",)
    )
    assert Filters(date_from=date(2025, 3, 10)).previous_period() is None
    assert f.without_period() == Filters(teams=("N1",))


# --- the rows of a ticket (intervals, état durations): copies, or a semi-join -------------


def test_ticket_filter_on_the_rows_of_a_ticket():
    from ticketlib.marts.dataset import Marts
    from ticketlib.queries.metrics import ticket_filter

    marts = Marts("store.marts.ticket_sla", "i", "d", "q", as_of=None, config="")
    assert ticket_filter(marts, Filters()) == ("true", {})
    assert ticket_filter(marts, Filters(teams=("N1",)), alias="i") == (
        "list_contains($teams, i.f_team::varchar)",
        {"teams": ["N1"]},
    )
    # a search or a drill-down reads the per-ticket mart
    assert ticket_filter(marts, Filters(extra=(("ttr_status", "breached"),)), alias="i") == (
        "i.ticket_key in (select ticket_key from marts.ticket_sla where "
        "ttr_status::varchar is not distinct from $extra0)",
        {"extra0": "breached"},
    )


# --- drill-downs of the SLA pages: a chart cell becomes filters ---------------------------


def test_drill_filters_clip_the_bucket_to_the_period_and_add_columns():
    from ticketlib.queries.sla import drill_filters

    period = Filters(date_from=date(2025, 3, 5), date_to=date(2025, 3, 20), teams=("N1",))
    week = drill_filters(period, bucket=date(2025, 3, 3), grain="week", ttr_priority="haute")
    assert week == Filters(
        date_from=date(2025, 3, 5),
        date_to=date(2025, 3, 9),
        teams=("N1",),
        extra=(("ttr_priority", "haute"),),
    )
    month = drill_filters(Filters(), bucket=date(2025, 2, 1), grain="month", team=None)
    assert (month.date_from, month.date_to, month.extra) == (
        date(2025, 2, 1),
        date(2025, 2, 28),
        (("team", None),),
    )
    clause, params = where(week)
    assert clause == (
        "created_day >= $date_from and created_day <= $date_to and "
        "list_contains($teams, team::varchar) and "
        "ttr_priority::varchar is not distinct from $extra0"
    )
    assert params["extra0"] == "haute"


@pytest.mark.parametrize(
    "kind, in_period, condition",
    [
        ("tickets", True, "true"),
        ("tto_breached", True, "tto_breached"),
        ("ttr_breached", True, "ttr_breached"),
        ("open_backlog", False, "not ttr_stopped"),
        ("breached_open", False, "not ttr_stopped and (tto_breached or ttr_breached)"),
        (
            "at_risk_open",
            False,
            "not ttr_stopped and not tto_breached and not ttr_breached "
            "and (tto_status = 'at_risk' or ttr_status = 'at_risk')",
        ),
    ],
)
def test_kpi_cards_drill_into_the_mart_columns(kind, in_period, condition):
    from ticketlib.queries.sla import KPI_KINDS

    assert KPI_KINDS[kind][:2] == (in_period, condition)


def test_workflow_steps_are_whitelisted_literals():
    from ticketlib.marts.dataset import Marts
    from ticketlib.queries.workflow import _step_where

    marts = Marts("t", "store.marts.intervals", "store.marts.etat_durations", "q", None, "")
    clause, params = _step_where(marts, Filters(teams=("N1",)), ("etat", None, "reouvert"))
    assert clause.startswith("list_contains($teams, team::varchar) and ticket_key in (")
    assert "'reouvert'" in clause and params == {"teams": ["N1"]}
    for step in (
        ("etat", None, "x'; drop"),
        ("transition", "nope", "ouvert"),
        ("sql", None, "ouvert"),
    ):
        with pytest.raises(ValueError, match="unknown step"):
            _step_where(marts, Filters(), step)
