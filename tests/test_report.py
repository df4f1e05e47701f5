"""The downloadable review: self-contained HTML (escaped, charts embedded, opens offline) and PDF."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from tests.helpers import config_from, load_history
from tests.review_fixture import EVENTS, TICKETS
from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.outputs import print_pdf, report

HOSTILE_TITLE = "<script>alert('titre')</script> & <img src=x onerror=alert(1)>"
HOSTILE_CUSTOMER = 'Evil "Corp" <b>bold</b>'
CHROMIUM = print_pdf.chromium_path()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)"
)


@pytest.fixture(scope="module")
def review_db(tmp_path_factory):
    tickets = [
        *TICKETS,
        ["H1", "2025-03-04T09:00:00+01:00", "haute", HOSTILE_CUSTOMER, "", "", HOSTILE_TITLE],
    ]
    events = [*EVENTS, ["H1", "2025-03-04T11:00:00+01:00", "PRIS EN COMPTE", "haute"]]
    return load_history(tmp_path_factory.mktemp("report"), tickets, events)


@pytest.fixture(scope="module")
def build(review_db):
    ds = Dataset(review_db)
    config = load_config()
    marts = ds.marts(config)

    def make(customer="Alpha", date_from=None, date_to=None):
        with ds.cursor() as cur:
            return report.build_review(cur, marts, config, customer, date_from, date_to)

    yield make
    ds.close()


@pytest.fixture(scope="module")
def alpha_html(build):
    return report.review_html(build("Alpha"), "fr")


def test_review_figures(build):
    rv = build("Alpha", date(2025, 3, 1), date(2025, 3, 31))
    assert (rv.kpis.tickets, rv.kpis.tto_met, rv.kpis.ttr_breached) == (2, 1, 1)
    assert rv.tickets.ticket_id.tolist() == ["A1", "A2"]
    assert rv.tickets_total == 2
    assert rv.breaches.clock.tolist() == ["tto", "ttr"]
    assert set(report.review_figures(rv, "fr")) == {"priority", "trend", "waits", "waits_month"}


def test_html_is_self_contained(alpha_html):
    html = alpha_html
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script[^>]+src=", html), "no external script"
    assert "<link" not in html and "@import" not in html
    assert html.count("Plotly.newPlot(") == 4  # four charts ...
    assert html.count("<script>") == 1 + 4  # ... and plotly.js embedded once
    assert len(html) > 3_000_000  # the bundle is in the file


def test_html_states_how_it_was_computed(alpha_html):
    html = alpha_html
    assert "Calculé au <strong>02/04/2025 09:00</strong> (Europe/Paris)" in html
    assert "lun.–ven. 09:00–18:00" in html
    assert "Europe/Paris" in html and "24/12/2025" in html  # closed day of data/sla.toml
    for row in (("Haute", "1 h", "8 h"), ("Moyenne", "4 h", "24 h"), ("Faible", "8 h", "45 h")):
        assert re.search(
            r"<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>".format(*row), html
        )
    assert "EN ATTENTE DE VOTRE RETOUR" in html  # the pause état
    assert "/work/" not in html and "sla.toml" in html  # the file, never the server's path


def test_html_figures_in_french(alpha_html):
    html = alpha_html
    assert 'Revue SLA · <span class="customer">Alpha</span>' in html
    assert "tous les tickets du client" in html
    assert "66,7\u202f%" in html  # TTO compliance 2/3
    assert "2 respectés sur 3" in html
    # who waited for whom: desk 2 h, customer 40 h (39 h of work, 1 h internal)
    assert "pendant 2,0 h" in html and "pendant 40,0 h" in html
    assert "dont 39,0 h de traitement et 1,0 h" in html
    # the breached clocks, with the état that consumed them
    assert 'PRIS EN COMPTE<br><span class="small">21,0 h</span>' in html
    assert 'OUVERT<br><span class="small">6,0 h</span>' in html


def test_html_in_english(build):
    html = report.review_html(build("Alpha", date(2025, 3, 1), date(2025, 3, 31)), "en")
    assert '<html lang="en">' in html
    assert "tickets created 2025-03-01 to 2025-03-31" in html
    assert "Computed as of <strong>2025-04-02 09:00</strong>" in html
    assert "TAKEN IN CHARGE" in html and "50.0%" in html


def test_every_ticket_text_is_escaped(build):
    html = report.review_html(build(HOSTILE_CUSTOMER), "fr")
    assert "<script>alert(" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt; &amp; &lt;img src=x" in html
    assert "Evil &#34;Corp&#34; &lt;b&gt;bold&lt;/b&gt;" in html
    alpha = report.review_html(build("Alpha"), "fr")
    assert "Export &lt;b&gt;cassé&lt;/b&gt;" in alpha and "<b>cassé</b>" not in alpha


def test_empty_period(build):
    rv = build("Alpha", date(2030, 1, 1), date(2030, 12, 31))
    html = report.review_html(rv, "fr")
    assert rv.kpis.tickets == 0 and "Aucun ticket sur la période." in html
    assert "<script>" not in html  # no chart, so no plotly either


def test_config_summary_24x7_and_ranges():
    config = config_from(
        '[calendar]\nhours = "24x7"\nholidays = ""\n[targets]\nhaute = { tto = "30m", ttr = "1h30m" }'
    )
    summary = report.config_summary(config, "fr")
    assert summary["hours_short"] == "24 h/24, 7 j/7" and summary["holidays"] == "aucun"
    assert summary["targets"][0] == ["Haute", "30 min", "1 h 30"]
    split = config_from(
        '[calendar.hours]\nmon = ["08:00-12:00", "14:00-18:00"]\ntue = ["09:00-17:00"]\n'
        "wed = []\nthu = []\nfri = []\nsat = []\nsun = []"
    )
    assert report.config_summary(split, "en")["hours_short"] == (
        "Mon 08:00–12:00, 14:00–18:00 · Tue 09:00–17:00"
    )


def test_file_stem():
    assert report.file_stem("Éditions du Parvis", date(2025, 1, 1), date(2025, 3, 31)) == (
        "revue-sla_editions-du-parvis_2025-01-01_2025-03-31"
    )
    assert report.file_stem("../../etc", None, None) == "revue-sla_etc"


def test_pdf_needs_chromium_says_so(monkeypatch):
    monkeypatch.setenv("TICKETLIB_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(print_pdf.PdfUnavailable, match="apt-get install chromium"):
        print_pdf.review_pdf("<html></html>")


@needs_chromium
def test_pdf(alpha_html, tmp_path):
    pdf = print_pdf.review_pdf(alpha_html)
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages >= 2
    if shutil.which("pdftotext"):
        import subprocess

        (tmp_path / "r.pdf").write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
        ).stdout
        assert "Revue SLA · Alpha" in text and "Délais dépassés" in text
        assert "Le support attendait le client" in text  # a chart's text: drawn before printing


@needs_chromium
def test_html_opens_offline_with_every_chart(alpha_html, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = tmp_path / "review.html"
    path.write_text(alpha_html, encoding="utf-8")
    errors, requests = [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.route(
            "**/*",
            lambda route: (
                (requests.append(route.request.url), route.continue_())
                if route.request.url.startswith("file:")
                else route.abort()
            ),
        )
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('.plot-container').length === 4")
        assert page.locator(".plot-container .main-svg").count() >= 4
        assert "Le support attendait le client" in page.inner_text("body")
        browser.close()
    assert not errors, errors
    assert all(u.startswith("file:") for u in requests)


def test_summary_leaves_out_the_long_tables(build):
    rv = build("Alpha")
    full = report.review_html(rv, "fr")
    short = report.review_html(rv, "fr", summary=True)
    for html in (full, short):
        assert "Conformité par priorité" in html and "Qui attendait qui" in html
    assert "Délais dépassés</h2>" in full and "Tickets de la période</h2>" in full
    assert 'class="id">A2</td>' in full
    assert "Délais dépassés</h2>" not in short and "Tickets de la période</h2>" not in short
    assert 'class="id">' not in short
    assert (
        "Version résumée : la liste des délais dépassés (2) et celle des tickets (3) sont dans "
        "la version complète." in short
    )
    english = report.review_html(rv, "en", summary=True)
    assert "the list of breached clocks (2) and the list of tickets (3)" in english
