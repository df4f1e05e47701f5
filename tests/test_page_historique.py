"""Historique page through AppTest: the ticket table, its exports, and the one-ticket view."""

from __future__ import annotations

from datetime import date

import pytest

from tests import flow_fixture as ff

PAGE = "app_pages/historique.py"


@pytest.fixture(scope="module")
def flow_db(tmp_path_factory):
    return ff.build(tmp_path_factory.mktemp("history_page"))


@pytest.fixture
def page(app_db, flow_db):
    app_db(flow_db)
    return ff.open_page(PAGE)


def _ids(at) -> list[str]:
    return ff.frame_of(at, "hist_table").ticket_id.tolist()


@pytest.mark.parametrize("db_name", ["demo_db", "empty_db"])
def test_loads_without_exception(request, app_db, db_name):
    app_db(request.getfixturevalue(db_name))
    at = ff.open_page(PAGE)
    assert not ff.exceptions(at)
    assert at.title[0].value == "Historique"
    if db_name == "demo_db":
        # the default period (3 full months and the running one) holds 831 of the 3 000
        assert any("831 tickets correspondent" in m.value for m in at.markdown)
        at.session_state["all"] = True  # the sidebar's switch (not in the tree after a switch)
        at.run()
        assert len(ff.frame_of(at, "hist_table")) == 1000  # capped, with the count beside
        assert any("3\u202f000 tickets correspondent" in m.value for m in at.markdown)
        assert any("1\u202f000 tickets affichés sur 3\u202f000" in c.value for c in at.caption)
    else:
        assert "La base est vide" in at.warning[0].value


def test_table_and_count(page):
    assert any("7 tickets correspondent aux filtres" in m.value for m in page.markdown)
    table = ff.frame_of(page, "hist_table")
    assert table.ticket_id.tolist()[:1] == ["F7"]  # newest first
    assert set(table.ticket_id) == {f"F{i}" for i in range(1, 8)}
    row = table.set_index("ticket_id").loc["F4"]
    assert row["priority"] == "Haute" and row["etat"] == "EN ATTENTE RETOUR INTERNE"
    assert (row["tto_h"], row["tto_status"], row["ttr_h"], row["ttr_status"]) == (
        3.0,
        "dépassé",
        18.0,
        "dépassé",
    )
    assert table.set_index("ticket_id").loc["F2", "reopens"] == 1


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("prio", ["haute"], ["F1", "F4", "F6"]),
        ("cust", ["Beta"], ["F2", "F5"]),
        ("q", "bloqué", ["F4"]),
        ("q", "f3", ["F3"]),
        ("etat", ["ferme"], ["F1", "F2", "F3"]),
        ("from", date(2025, 3, 5), ["F5", "F6", "F7"]),
    ],
)
def test_filters_change_the_table(page, key, value, expected):
    page.selectbox(key="hist_sort__fr").set_value("id")
    page.session_state[key] = value  # sidebar widgets, by key
    page.run()
    assert not ff.exceptions(page)
    assert _ids(page) == expected
    assert any(f"{len(expected)} tickets correspondent" in m.value for m in page.markdown)


@pytest.mark.parametrize(
    "order, first",
    [
        ("ttr_desc", {"F4"}),
        ("tto_desc", {"F3"}),
        ("created", {"F1", "F3"}),  # both created Mon 3 at 09:00
        ("id", {"F1"}),
        ("due", {"F1"}),  # TTR due Mon 3 17:00
    ],
)
def test_sort_choice(page, order, first):
    page.selectbox(key="hist_sort__fr").set_value(order).run()
    assert _ids(page)[0] in first


def test_selecting_a_row_opens_the_ticket(page):
    page.selectbox(key="hist_sort__fr").set_value("id").run()
    page.session_state["hist_table"] = {"selection": {"rows": [1], "columns": []}}
    page.run()
    assert not ff.exceptions(page)
    assert page.query_params["ticket"] in ("F2", ["F2"])
    assert page.main.subheader[0].value == "F2 — Lenteur du portail"
    events = ff.frame_with(page, "status_raw")
    assert events.status_raw.tolist() == [
        "PRIS EN COMPTE",
        "EN ATTENTE DE VOTRE RETOUR",
        "Pris en compte",
        "RÉSOLU",
        "RÉOUVERT",
        "PRIS EN COMPTE",
        "RÉSOLU",
        "FERMÉ",
    ]
    assert events.etat.tolist()[2] == "PRIS EN COMPTE"
    assert events.source_row.tolist() == list(range(5, 13))
    assert set(events.file_name) == {"events.csv"}
    # clocks: progress bars with elapsed / target and the due instant
    bars = page.get("progress")
    assert [round(b.proto.value) for b in bars] == [25, 25]
    assert "1,0 h sur 4,0 h (25\u202f%)" in bars[0].proto.text
    assert "6,0 h sur 24,0 h (25\u202f%)" in bars[1].proto.text
    assert any("Échéance : 06/03/2025 15:00" in c.value for c in page.caption)
    assert any("En pause : 7,0 h" in c.value for c in page.caption)
    # time per état, wall and business
    durations = ff.frame_with(page, "wall_h")
    assert durations.set_index("etat").loc["EN ATTENTE DE VOTRE RETOUR"].tolist() == [1, 22.0, 7.0]
    # the Gantt: one bar per visit, in the calendar's local time
    gantt = next(f for f in ff.figures(page) if f["data"] and f["data"][0].get("base"))
    bars_per_etat = {t["name"]: len(t["x"]) for t in gantt["data"]}
    assert bars_per_etat == {
        "OUVERT": 1,
        "PRIS EN COMPTE": 3,
        "EN ATTENTE DE VOTRE RETOUR": 1,
        "RÉSOLU": 2,
        "FERMÉ": 1,
        "RÉOUVERT": 1,
    }
    assert gantt["data"][0]["base"][0].startswith("2025-03-03T10:00")


def test_the_url_opens_a_ticket_and_close_forgets_it(page):
    page.query_params["ticket"] = "F4"
    page.run()
    assert page.main.subheader[0].value.startswith("F4 — ")
    assert any("Délais SLA" in m.value for m in page.markdown)
    page.button(key="hist_view_close").click().run()
    assert "ticket" not in page.query_params
    assert not page.main.subheader


def test_an_unknown_ticket_in_the_url(page):
    page.query_params["ticket"] = "NOPE"
    page.run()
    assert not ff.exceptions(page)
    assert "NOPE n'existe pas" in page.warning[0].value


def test_ticket_text_is_shown_as_text(page):
    page.query_params["ticket"] = "F3"
    page.run()
    title = page.main.subheader[0].value
    assert "<script>" not in title and "&lt;script&gt;" in title
    for element in list(page.markdown) + list(page.caption):
        assert "<script>" not in element.value
    table = ff.frame_of(page, "hist_table")
    assert ff.TITLE_F3 in table.title.tolist()  # data in the grid, which shows text


def test_exports(monkeypatch, app_db, flow_db):
    files = ff.capture_downloads(monkeypatch)
    app_db(flow_db)
    at = ff.open_page(PAGE)
    at.selectbox(key="hist_sort__fr").set_value("id").run()
    rows = ff.csv_rows(ff.download(files, "historique.csv"))
    header = rows[0]
    assert header[:5] == ["Ticket", "Titre", "Client", "Priorité", "État"]
    assert [r[0] for r in rows[1:]] == [f"F{i}" for i in range(1, 8)]
    f4 = dict(zip(header, rows[4]))
    assert f4["TTR (h ouvrées)"] == "18,0" and f4["Statut TTR"] == "dépassé"
    assert f4["Créé le"] == "04/03/2025 09:00:00"  # local time, French format
    f7 = dict(zip(header, rows[7]))
    assert f7["Titre"] == "'=1+1 formule"  # a formula is neutralised
    assert ff.download(files, "historique.xlsx")[:2] == b"PK"
    # the full export (built on click) has every filtered ticket
    full = ff.csv_rows(ff.download(files, "historique_complet.csv"))
    assert full[0] == header
    assert sorted(r[0] for r in full[1:]) == [f"F{i}" for i in range(1, 8)]
    assert dict(zip(header, [r for r in full if r[0] == "F7"][0]))["Titre"] == "'=1+1 formule"


def test_full_export_follows_the_filters(monkeypatch, app_db, flow_db):
    files = ff.capture_downloads(monkeypatch)
    app_db(flow_db)
    at = ff.open_page(PAGE)
    at.session_state["prio"] = ["haute"]
    at.run()
    full = ff.csv_rows(ff.download(files, "historique_complet.csv"))
    assert sorted(r[0] for r in full[1:]) == ["F1", "F4", "F6"]
    assert at.download_button(key="hist_full_csv").label == "Exporter les 3 tickets (CSV Excel)"


def test_in_english(app_db, flow_db):
    app_db(flow_db)
    at = ff.open_page(PAGE, query={"ticket": "F2"}, lang="en")
    assert not ff.exceptions(at)
    assert at.title[0].value == "Ticket history"
    assert any("7 tickets match the filters" in m.value for m in at.markdown)
    assert "1.0 h of 4.0 h (25%)" in at.get("progress")[0].proto.text
    assert ff.frame_with(at, "status_raw").etat.tolist()[0] == "TAKEN IN CHARGE"


def test_the_sort_choice_survives_the_language_switch(page):
    page.selectbox(key="hist_sort__fr").set_value("ttr_desc").run()
    page.session_state["lang"] = "en"
    page.run()
    assert not ff.exceptions(page)
    sort = page.selectbox(key="hist_sort__en")
    assert sort.value == "ttr_desc" and "Longest TTR" in sort.options
    assert _ids(page)[0] == "F4"
