"""The workflow pages' queries (ticketlib.queries.workflow, and the metrics they build on) with
exact values on the small history of tests/flow_fixture.py (every figure worked out there)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from app.components import TABLE_COLUMNS
from tests import flow_fixture
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.queries import metrics
from ticketlib.queries import tickets as ticket_queries
from ticketlib.queries import workflow as metrics_flow
from ticketlib.queries.filters import Filters

CONFIG = load_config()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    db = flow_fixture.build(tmp_path_factory.mktemp("flow"))
    ds = Dataset(db)
    marts = ds.marts(CONFIG)
    yield ds, marts
    ds.close()


def q(ctx, fn, *args, **kw):
    ds, marts = ctx
    with ds.cursor() as cur:
        return fn(cur, marts, *args, **kw)


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text).tz_convert("UTC")


def test_as_of_is_the_latest_event(ctx):
    assert pd.Timestamp(ctx[1].as_of) == utc("2025-03-06T09:00:00+01:00")


# --- funnel -----------------------------------------------------------------------------------


def test_funnel_every_etat_in_workflow_order(ctx):
    f = q(ctx, metrics_flow.funnel, Filters())
    assert list(f.etat) == [
        "ouvert",
        "pris_en_compte",
        "attente_client",
        "attente_interne",
        "resolu",
        "ferme",
        "reouvert",
    ]
    assert list(f.tickets) == [7, 5, 1, 1, 3, 3, 1]
    assert list(f.visits) == [7, 7, 1, 1, 4, 3, 1]
    assert f.share.round(6).tolist() == [
        1.0,
        0.714286,
        0.142857,
        0.142857,
        0.428571,
        0.428571,
        0.142857,
    ]
    # conversion from the step each état follows, counting only the tickets that went through
    # it: 5/7, 1/5, 1/5, 2/5 (F3 was resolved straight from OUVERT: issue 13 changed this from
    # 3/5, which on real data read "RÉSOLU 173 % de PRIS EN COMPTE"), 3/3, 1/3
    assert f.conversion.isna().tolist() == [True] + [False] * 6
    assert f.conversion.iloc[1:].round(6).tolist() == [0.714286, 0.2, 0.2, 0.4, 1.0, 0.333333]
    assert f.skipped.tolist() == [0, 0, 0, 0, 1, 0, 0]  # F3 skipped PRIS EN COMPTE
    assert f.parent.iloc[1:].tolist() == [
        "ouvert",
        "pris_en_compte",
        "pris_en_compte",
        "pris_en_compte",
        "resolu",
        "resolu",
    ]


def test_funnel_follows_the_filters(ctx):
    f = q(ctx, metrics_flow.funnel, Filters(priorities=("haute",)))
    # F1, F4, F6: all taken in charge; F4 waits internally; F1 resolved and closed
    assert list(f.tickets) == [3, 3, 0, 1, 1, 1, 0]
    assert f.conversion.iloc[1:].tolist() == [1.0, 0.0, 1 / 3, 1 / 3, 1.0, 0.0]
    empty = q(ctx, metrics_flow.funnel, Filters(customers=("Nobody",)))
    assert list(empty.tickets) == [0] * 7 and empty.conversion.isna().all()


def test_funnel_counts_the_reached_etats_only(ctx):
    f = q(ctx, metrics_flow.funnel, Filters(customers=("Beta",)))  # F2, F5
    assert dict(zip(f.etat, f.tickets)) == {
        "attente_interne": 0,
        "ouvert": 2,
        "pris_en_compte": 2,
        "attente_client": 1,
        "resolu": 1,
        "ferme": 1,
        "reouvert": 1,
    }


# --- transitions ------------------------------------------------------------------------------


def test_transitions_counts_and_expected(ctx):
    t = q(ctx, metrics_flow.transitions, Filters())
    rows = list(zip(t.from_etat, t.to_etat, t.transitions, t.expected))
    assert rows == [
        ("ouvert", "pris_en_compte", 5, True),
        ("pris_en_compte", "resolu", 3, True),  # F2 twice
        ("resolu", "ferme", 3, True),
        ("attente_client", "pris_en_compte", 1, True),
        ("ouvert", "resolu", 1, False),  # F3 skipped the desk
        ("pris_en_compte", "attente_client", 1, True),
        ("pris_en_compte", "attente_interne", 1, True),
        ("reouvert", "pris_en_compte", 1, True),
        ("resolu", "reouvert", 1, True),
    ]
    # distinct tickets are counted for the unexpected transitions only
    assert t.tickets.isna().tolist() == [True] * 4 + [False] + [True] * 4
    assert t.tickets.iloc[4] == 1
    haute = q(ctx, metrics_flow.transitions, Filters(priorities=("haute",)))
    assert dict(zip(zip(haute.from_etat, haute.to_etat), haute.transitions)) == {
        ("ouvert", "pris_en_compte"): 3,
        ("pris_en_compte", "resolu"): 1,
        ("resolu", "ferme"): 1,
        ("pris_en_compte", "attente_interne"): 1,
    }
    assert q(ctx, metrics_flow.transitions, Filters(customers=("Nobody",))).empty


def test_metrics_transitions_with_filters(ctx):
    t = q(ctx, metrics_flow.transitions, Filters(teams=("N1",)))  # F1, F3, F5, F7
    got = {(a, b): n for a, b, n in zip(t.from_etat, t.to_etat, t.transitions)}
    assert got == {
        ("ouvert", "pris_en_compte"): 2,
        ("pris_en_compte", "resolu"): 1,
        ("resolu", "ferme"): 2,
        ("ouvert", "resolu"): 1,
    }


def test_unexpected_transitions(ctx):
    u = metrics_flow.unexpected_of(q(ctx, metrics_flow.transitions, Filters()))
    assert u.to_dict("records") == [
        {"from_etat": "ouvert", "to_etat": "resolu", "transitions": 1, "tickets": 1}
    ]
    none = metrics_flow.unexpected_of(
        q(ctx, metrics_flow.transitions, Filters(priorities=("haute",)))
    )
    assert none.empty and list(none.columns) == ["from_etat", "to_etat", "transitions", "tickets"]


# --- drill-down: the tickets behind a step ---------------------------------------------------


@pytest.mark.parametrize(
    "step, filters, expected",
    [
        (("etat", None, "reouvert"), Filters(), ["F2"]),
        (("etat", None, "pris_en_compte"), Filters(), ["F1", "F2", "F4", "F5", "F6"]),
        (("etat", None, "ouvert"), Filters(customers=("Alpha",)), ["F1", "F3"]),
        (("transition", "ouvert", "resolu"), Filters(), ["F3"]),
        (("transition", "pris_en_compte", "resolu"), Filters(), ["F1", "F2"]),
        (("transition", "pris_en_compte", "resolu"), Filters(priorities=("haute",)), ["F1"]),
        (("transition", "resolu", "ferme"), Filters(date_from=date(2025, 3, 4)), []),
        (("transition", "ferme", "reouvert"), Filters(), []),
    ],
)
def test_step_tickets(ctx, step, filters, expected):
    frame = q(ctx, metrics_flow.step_tickets, filters, step=step, order="id")
    assert list(frame.ticket_id) == expected
    assert q(ctx, metrics_flow.count_step_tickets, filters, step=step) == len(expected)


def test_step_tickets_order_and_limit(ctx):
    step = ("etat", None, "pris_en_compte")
    frame = q(ctx, metrics_flow.step_tickets, Filters(), step=step, order="ttr_desc", limit=2)
    assert list(frame.ticket_id) == ["F4", "F2"]  # 18h, 6h
    assert list(frame.columns[:5]) == ["ticket_id", "title", "customer", "priority", "etat"]


@pytest.mark.parametrize(
    "step", [("etat", None, "nope"), ("transition", None, "ferme"), ("x", "ouvert", "ferme")]
)
def test_unknown_step_is_refused(ctx, step):
    with pytest.raises(ValueError):
        q(ctx, metrics_flow.step_tickets, Filters(), step=step)


# --- reopen rate ------------------------------------------------------------------------------


def test_reopen_rate_by_week_and_month(ctx):
    ds, marts = ctx
    with ds.cursor() as cur:
        week = metrics_flow.reopen_rate(cur, marts, Filters(), CONFIG, grain="week")
        month = metrics.reopen_rate(cur, marts, Filters(), CONFIG, grain="month")
        haute = metrics.reopen_rate(cur, marts, Filters(priorities=("haute",)), CONFIG)
    # first resolutions: F1 Mon 3, F2 Tue 4 (then reopened), F3 Tue 4
    assert week[["resolved", "reopened"]].values.tolist() == [[3, 1]]
    assert pd.Timestamp(week.bucket.iloc[0]) == pd.Timestamp("2025-03-03")
    assert pd.Timestamp(month.bucket.iloc[0]) == pd.Timestamp("2025-03-01")
    assert month.rate.tolist() == [1 / 3]
    assert haute[["resolved", "reopened"]].values.tolist() == [[1, 0]]


# --- the ticket table -------------------------------------------------------------------------


def test_tickets_and_count(ctx):
    frame = q(ctx, ticket_queries.tickets, Filters(), order="id")
    assert list(frame.ticket_id) == ["F1", "F2", "F3", "F4", "F5", "F6", "F7"]
    assert frame.tto_h.tolist() == [0.5, 1.0, 12.0, 3.0, 3.0, 0.5, 0.0]
    assert frame.ttr_h.tolist() == [1.5, 6.0, 12.0, 18.0, 3.0, 6.0, 0.0]
    assert frame.tto_status.tolist() == [
        "met",
        "met",
        "breached",
        "breached",
        "met",
        "met",
        "running",
    ]
    assert frame.ttr_status.tolist()[3:6] == ["breached", "running", "at_risk"]
    assert frame.reopens.tolist() == [0, 1, 0, 0, 0, 0, 0]
    assert frame.paused_h.tolist()[1] == 7.0
    assert q(ctx, ticket_queries.count_tickets, Filters()) == 7
    assert q(ctx, ticket_queries.count_tickets, Filters(search="bloqué")) == 1
    assert q(ctx, ticket_queries.count_tickets, Filters(search="script")) == 1
    newest = q(ctx, ticket_queries.tickets, Filters(), order="created_desc", limit=3)
    assert list(newest.ticket_id) == ["F7", "F5", "F6"]


# --- breaches ---------------------------------------------------------------------------------


def test_breach_list_open_first(ctx):
    ds, marts = ctx
    with ds.cursor() as cur:
        frame = metrics_flow.breach_list(cur, marts, Filters(), CONFIG)
    assert list(frame.ticket_id) == ["F4", "F6", "F3"]
    assert frame.is_open.tolist() == [True, True, False]
    assert frame.clock.tolist() == ["TTR", "TTR", "TTO"]
    assert frame.clock_status.tolist() == ["breached", "at_risk", "breached"]
    assert frame.overrun_h.tolist() == [10.0, -2.0, 4.0]
    assert frame.consumed_by.tolist() == ["attente_interne", "pris_en_compte", "ouvert"]
    assert frame.consumed_h.tolist() == [9.0, 5.5, 12.0]
    assert list(frame.due_at) == [
        utc("2025-03-04T17:00:00+01:00"),
        utc("2025-03-06T11:00:00+01:00"),
        utc("2025-03-03T17:00:00+01:00"),
    ]
    assert frame.title.iloc[2] == flow_fixture.TITLE_F3


@pytest.mark.parametrize(
    "order, expected",
    [
        ("due", ["F4", "F6", "F3"]),
        ("overrun_desc", ["F4", "F6", "F3"]),
        ("created_desc", ["F6", "F4", "F3"]),
        ("team", ["F4", "F6", "F3"]),
        ("customer", ["F4", "F6", "F3"]),
    ],
)
def test_breach_list_orders(ctx, order, expected):
    ds, marts = ctx
    with ds.cursor() as cur:
        frame = metrics_flow.breach_list(cur, marts, Filters(), CONFIG, order=order)
    assert list(frame.ticket_id) == expected


def test_breach_list_refuses_an_unknown_order(ctx):
    ds, marts = ctx
    with ds.cursor() as cur, pytest.raises(ValueError):
        metrics_flow.breach_list(cur, marts, Filters(), CONFIG, order="ticket_id; drop")


def test_breaches_and_summary_follow_the_filters(ctx):
    ds, marts = ctx
    with ds.cursor() as cur:
        summary = metrics_flow.breach_summary(cur, marts, Filters(), CONFIG)
        # the period keeps the open ones and drops F3 (created Mon 3)
        later = Filters(date_from=date(2025, 3, 4))
        in_period = metrics_flow.breach_list(cur, marts, later, CONFIG)
        later_summary = metrics_flow.breach_summary(cur, marts, later, CONFIG)
        faible = metrics_flow.breach_list(cur, marts, Filters(priorities=("faible",)), CONFIG)
    assert summary == {
        "total": 3,
        "open_breached": 1,
        "open_at_risk": 1,
        "closed_breached": 1,
        "ttr_overrun_h": 10.0,
    }
    assert list(in_period.ticket_id) == ["F4", "F6"]
    assert later_summary["total"] == 2 and later_summary["closed_breached"] == 0
    assert list(faible.ticket_id) == ["F3"]


# --- one ticket -------------------------------------------------------------------------------


def test_ticket_view_of_a_reopened_ticket(ctx):
    view = q(ctx, ticket_queries.ticket, "F2")
    assert view["sla"].ticket_id.iloc[0] == "F2"
    timeline = view["timeline"]
    assert timeline.etat.tolist() == [
        "ouvert",
        "pris_en_compte",
        "attente_client",
        "pris_en_compte",
        "resolu",
        "reouvert",
        "pris_en_compte",
        "resolu",
        "ferme",
    ]
    assert timeline.business_h.tolist() == [1.0, 1.0, 7.0, 1.0, 1.0, 1.0, 2.0, 3.0, 9.0]
    assert timeline.wall_h.tolist() == [1.0, 1.0, 22.0, 1.0, 1.0, 1.0, 2.0, 18.0, 24.0]
    assert timeline.start_ts.iloc[2] == utc("2025-03-03T12:00:00+01:00")
    assert timeline.end_ts.iloc[-1] == utc("2025-03-06T09:00:00+01:00")  # the as-of
    events = view["events"]
    assert events.status_raw.tolist()[:3] == [
        "PRIS EN COMPTE",
        "EN ATTENTE DE VOTRE RETOUR",
        "Pris en compte",  # raw spelling kept beside the état
    ]
    assert events.etat.tolist()[2] == "pris_en_compte"
    assert events.file_name.unique().tolist() == ["events.csv"]
    assert events.source_row.tolist() == list(range(5, 13))  # file lines, header = line 1
    assert not events.after_as_of.any()
    durations = view["durations"]
    assert durations.to_dict("records") == [
        {"etat": "ouvert", "visits": 1, "wall_h": 1.0, "business_h": 1.0},
        {"etat": "pris_en_compte", "visits": 3, "wall_h": 4.0, "business_h": 4.0},
        {"etat": "attente_client", "visits": 1, "wall_h": 22.0, "business_h": 7.0},
        {"etat": "resolu", "visits": 2, "wall_h": 19.0, "business_h": 4.0},
        {"etat": "ferme", "visits": 1, "wall_h": 24.0, "business_h": 9.0},
        {"etat": "reouvert", "visits": 1, "wall_h": 1.0, "business_h": 1.0},
    ]
    clocks = view["clocks"].set_index("clock")
    assert clocks.loc["tto", ["elapsed_h", "target_h", "used", "status"]].tolist() == [
        1.0,
        4.0,
        0.25,
        "met",
    ]
    assert clocks.loc["ttr", ["elapsed_h", "target_h", "used", "paused_h"]].tolist() == [
        6.0,
        24.0,
        0.25,
        7.0,
    ]
    assert clocks.loc["ttr", "due_at"] == utc("2025-03-06T15:00:00+01:00")


def test_ticket_view_of_an_open_ticket_and_unknown_ones(ctx):
    view = q(ctx, ticket_queries.ticket, "F4")
    clocks = view["clocks"].set_index("clock")
    assert clocks.loc["ttr", "used"] == 18 / 8 and not clocks.loc["ttr", "stopped"]
    assert clocks.loc["ttr", "status"] == "breached"
    assert clocks.loc["tto", "due_at"] == utc("2025-03-04T10:00:00+01:00")
    no_event = q(ctx, ticket_queries.ticket, "F7")
    assert no_event["events"].empty and no_event["timeline"].etat.tolist() == ["ouvert"]
    assert q(ctx, ticket_queries.ticket, "NOPE") is None


def test_events_after_the_as_of_are_flagged(ctx):
    ds, _ = ctx
    earlier = ds.marts(CONFIG, "2025-03-04T11:30:00+01:00")
    with ds.cursor() as cur:
        view = ticket_queries.ticket(cur, earlier, "F2")
    assert view["events"].after_as_of.tolist() == [False] * 4 + [True] * 4
    # résolu at 11:00, reopened only at 12:00
    assert view["timeline"].etat.tolist()[-1] == "resolu"
    assert view["sla"].etat.iloc[0] == "resolu"


def test_ticket_detail_of_the_shared_metrics(ctx):
    detail = q(ctx, ticket_queries.ticket_detail, "F3")
    assert detail["sla"].title.iloc[0] == flow_fixture.TITLE_F3
    assert detail["events"].etat.tolist() == ["resolu", "ferme"]
    assert detail["intervals"].etat.tolist() == ["ouvert", "resolu", "ferme"]
    assert q(ctx, ticket_queries.ticket_detail, "NOPE")["sla"].empty


# --- the full export of the ticket table -------------------------------------------------------

# the columns the Historique page exports: the shared ticket table's
EXPORT_COLUMNS = list(TABLE_COLUMNS)


def _labels(lang):
    from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES, etat_label, priority_label

    words = {"met": "respecté", "breached": "dépassé", "at_risk": "à risque", "running": "en cours"}
    if lang == "en":
        words = {k: k.replace("_", " ") for k in words}
    return {
        "priority": {p: priority_label(p, lang) for p in PRIORITY_CODES} | {"": "(aucune)"},
        "etat": {e: etat_label(e, lang) for e in ETAT_CODES},
        "tto_status": words,
        "ttr_status": words,
    }


def _through_pandas(cur, marts, filters, order, lang):
    from ticketlib.domain.vocabulary import etat_label, priority_label
    from ticketlib.outputs.exports import to_excel_csv

    labels = _labels(lang)
    frame = ticket_queries.tickets(cur, marts, filters, order=order, limit=10**9)[EXPORT_COLUMNS]
    frame["priority"] = frame.priority.map(
        lambda v: priority_label(v, lang) if isinstance(v, str) else "(aucune)"
    )
    frame["etat"] = frame.etat.map(lambda v: etat_label(v, lang))
    for clock in ("tto_status", "ttr_status"):
        frame[clock] = frame[clock].map(labels[clock])
    return to_excel_csv(frame.rename(columns=str.upper), "Europe/Paris", lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("filters", [Filters(), Filters(priorities=("haute",), search="e")])
def test_full_export_is_the_excel_csv_of_the_table(demo_db, tmp_path, lang, filters):
    from ticketlib.outputs.exports_flow import tickets_csv

    for db in (demo_db, flow_fixture.build(tmp_path)):
        ds = Dataset(db)
        try:
            marts = ds.marts(CONFIG)
            with ds.cursor() as cur:
                fast = tickets_csv(
                    cur,
                    marts,
                    filters,
                    "id",
                    EXPORT_COLUMNS,
                    {c: c.upper() for c in EXPORT_COLUMNS},
                    _labels(lang),
                    "Europe/Paris",
                    lang,
                )
                slow = _through_pandas(cur, marts, filters, "id", lang)
        finally:
            ds.close()
        assert fast == slow
        assert fast.count(b"\r\n") > 1


def test_full_export_neutralises_formulas_and_quotes(ctx):
    from ticketlib.outputs.exports_flow import tickets_csv

    with ctx[0].cursor() as cur:
        data = tickets_csv(
            cur,
            ctx[1],
            Filters(),
            "id",
            ["ticket_id", "title", "priority", "ttr_h"],
            {"ticket_id": "N°; id", "title": "Titre"},
            _labels("fr"),
            "Europe/Paris",
        )
    lines = data.decode("utf-8").split("\r\n")
    assert lines[0] == '\ufeff"N°; id";Titre;priority;ttr_h'
    assert lines[7] == "F7;'=1+1 formule;Moyenne;0,0"
    assert lines[3] == "F3;<script>alert(1)</script>;Faible;12,0"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_full_breaches_export_is_the_excel_csv_of_the_list(demo_db, lang):
    from ticketlib.domain.vocabulary import etat_label, priority_label
    from ticketlib.outputs.exports import to_excel_csv
    from ticketlib.outputs.exports_flow import breaches_csv

    columns = ["ticket_id", "clock", "clock_status", "overrun_h", "due_at", "consumed_by"]
    columns += ["consumed_h", "priority", "etat", "title", "is_open", "resolved_at"]
    labels = _labels(lang) | {"clock_status": _labels(lang)["tto_status"]}
    labels["consumed_by"] = labels["etat"]
    ds = Dataset(demo_db)
    try:
        marts = ds.marts(CONFIG)
        with ds.cursor() as cur:
            fast = breaches_csv(
                cur, marts, Filters(), CONFIG, "overrun_desc", columns, {}, labels, lang
            )
            frame = metrics_flow.breach_list(cur, marts, Filters(), CONFIG, "overrun_desc", 10**9)
    finally:
        ds.close()
    frame = frame[columns].copy()
    frame["priority"] = frame.priority.map(
        lambda v: priority_label(v, lang) if isinstance(v, str) else "(aucune)"
    )
    for column in ("etat", "consumed_by"):
        frame[column] = frame[column].map(lambda v: etat_label(v, lang))
    frame["clock_status"] = frame.clock_status.map(labels["clock_status"])
    slow = to_excel_csv(frame, "Europe/Paris", lang)
    assert len(frame) == 808
    assert fast == slow
