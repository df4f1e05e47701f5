"""The review file in a real browser: no chart text falls outside its chart (issue 13).

The review of the demo's largest customer (13 months, angled month labels, a right axis) is
rendered to HTML under both plotly default templates a process can have: "plotly" (the CLI)
and "streamlit" (the Revue client page: Streamlit makes its own template the default, and that
one has no `automargin`, which cut every axis of the downloaded file). Headless Debian
chromium opens the file; for each chart, every tick label, axis title and legend entry must lie
inside the chart's SVG, and no axis title may overlap its tick labels (DOM bounding
boxes). The PDF's first page is also rendered to PNG under test-output/ for a human look.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import plotly.io as pio
import pytest

from ticketlib.domain.config import load_config
from ticketlib.marts.dataset import Dataset
from ticketlib.outputs import print_pdf, report

CHROMIUM = print_pdf.chromium_path()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run does)"),
]
CUSTOMER = "Groupe Hexagone"  # 701 tickets over 13 months in the demo

# Per chart: the SVG's box, then every text that must sit inside it, and the overlaps.
CHECK_JS = """
() => {
  const box = (el) => el.getBoundingClientRect();
  const inside = (r, o) => r.left >= o.left - 0.5 && r.right <= o.right + 0.5
                        && r.top >= o.top - 0.5 && r.bottom <= o.bottom + 0.5;
  const out = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const svg = box(plot.querySelector('svg.main-svg'));
    const texts = plot.querySelectorAll(
      '.xtick text, .ytick text, .y2tick text, text.xtitle, text.ytitle, text.y2title, ' +
      '.legendtext');
    let n = 0;
    texts.forEach((t) => {
      const r = box(t);
      if (r.width === 0 || !t.textContent.trim()) return;
      n += 1;
      if (!inside(r, svg)) out.push(`chart ${i}: "${t.textContent}" outside its chart`);
    });
    if (n === 0) out.push(`chart ${i}: no text found`);
    const ticks = (sel) => [...plot.querySelectorAll(sel)].map(box).filter((r) => r.width);
    const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
                        && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    [['text.xtitle', '.xtick text'], ['text.ytitle', '.ytick text'],
     ['text.y2title', '.y2tick text']].forEach(([title, tick]) => {
      const t = plot.querySelector(title);
      if (!t || !t.textContent) return;
      if (ticks(tick).some((r) => meet(box(t), r)))
        out.push(`chart ${i}: "${t.textContent}" over its tick labels`);
    });
  });
  return out;
}
"""


@pytest.fixture(scope="module")
def hexagone(demo_db):
    ds = Dataset(demo_db)
    config = load_config()
    with ds.cursor() as cur:
        rv = report.build_review(cur, ds.marts(config), config, CUSTOMER)
    ds.close()
    return rv


@pytest.fixture(params=["plotly", "streamlit"])
def template(request):
    """The process-wide plotly template, as the CLI and as the Streamlit page have it."""
    before = pio.templates.default
    if request.param == "streamlit":
        from streamlit.elements.lib.streamlit_plotly_theme import (
            configure_streamlit_plotly_theme,
        )

        configure_streamlit_plotly_theme()
    else:
        pio.templates.default = "plotly"
    yield request.param
    pio.templates.default = before


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_chart_text_outside_its_chart(hexagone, template, lang, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    path = tmp_path / "review.html"
    path.write_text(report.review_html(hexagone, lang), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 800, "height": 1000})
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .xtick').length >= 4")
        assert page.locator(".js-plotly-plot").count() == 4
        # the trend chart has 13 months, all labelled, and a right axis
        assert page.locator(".js-plotly-plot").nth(1).locator(".xtick text").count() == 13
        assert page.locator(".js-plotly-plot").nth(1).locator(".y2tick text").count() >= 3
        problems = page.evaluate(CHECK_JS)
        browser.close()
    assert problems == []


def test_pdf_first_pages_as_png(hexagone, template, tmp_path):
    """For a human look: test-output/review-<template>-1.png, -2.png (needs pdftoppm)."""
    if template != "streamlit":
        pytest.skip("one look is enough: the page's template is the one that cut the axes")
    pdf = print_pdf.review_pdf(report.review_html(hexagone, "fr", summary=True))
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (poppler-utils)")
    (tmp_path / "r.pdf").write_bytes(pdf)
    out = Path(__file__).resolve().parents[1] / "test-output"
    out.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "2", tmp_path / "r.pdf", out / "review"],
        check=True,
    )
    assert sorted(p.name for p in out.glob("review-*.png"))[:2] == ["review-1.png", "review-2.png"]
