"""Names and ticket ids from data or the URL are shown as text on every page (issue 14 item
12): the escaping helpers alone, then hostile names fed through every page (AppTest)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests import apptest
from tests.helpers import load_history
from ticketlib.domain.literal import markdown_literal, plotly_literal

LINK = "[text](http://host/login)"
IMAGE = "![x](http://host/p.png)"
ANCHOR = '<a href="http://host/x">clic</a>'
ROOT = Path(__file__).resolve().parents[1]


rendered = apptest.shown  # what escaped Markdown shows


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        (LINK, r"\[text\]\(http\://host/login\)"),
        (IMAGE, r"\!\[x\]\(http\://host/p\.png\)"),
        (ANCHOR, r'&lt;a href="http\://host/x"&gt;clic&lt;/a&gt;'),
        (
            "**gras** _it_ `code` $x$ :red[r] :smile:",
            r"\*\*gras\*\* \_it\_ \`code\` \$x\$ \:red\[r\] \:smile\:",
        ),
        ("# titre\n> cité\r\n- point", r"\# titre &gt; cité \- point"),
        ("www.host.com &amp; é", r"www\.host\.com &amp;amp; é"),
        # held-out variants (c14hostile): LaTeX, icons, strike-through, HTML events, js links
        (r"$\frac{a}{b}$", r"\$\\frac\{a\}\{b\}\$"),
        ("~~s~~ :material/home:", r"\~\~s\~\~ \:material/home\:"),
        ("<img src=x onerror=alert(1)>", r"&lt;img src=x onerror=alert\(1\)&gt;"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
        (None, ""),
        (float("nan"), ""),
        (42, "42"),
    ],
)
def test_markdown_literal(text, escaped):
    assert markdown_literal(text) == escaped
    if isinstance(text, str):
        assert rendered(escaped) == " ".join(text.split()).replace("\r", "")


def test_plotly_literal():
    assert plotly_literal(ANCHOR) == '&lt;a href="http://host/x"&gt;clic&lt;/a&gt;'
    assert plotly_literal("<b>Équipe</b> & co\n2") == "&lt;b&gt;Équipe&lt;/b&gt; &amp; co 2"
    assert plotly_literal(None) == ""


# ---- every page -------------------------------------------------------------------------------

HOSTILE = {
    "customer": f"Client {LINK}",
    "team": f"Équipe {ANCHOR}",
    "assignee": f"Agent {IMAGE}",
    "title": f"Titre <script>x</script> {LINK}",
}
TICKET = f"T{IMAGE}"
# every page of the app, read from its folder so a new page is fed hostile names too (Temps par
# état was missing from a list written by hand)
PAGES = sorted(f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py"))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_names")
    h = HOSTILE
    tickets = [
        [
            TICKET,
            "2025-03-03T09:00:00+01:00",
            "haute",
            h["customer"],
            h["assignee"],
            h["team"],
            h["title"],
        ],
        [
            "T2",
            "2025-03-03T10:00:00+01:00",
            "moyenne",
            h["customer"],
            h["assignee"],
            h["team"],
            LINK,
        ],
    ]
    events = [
        [TICKET, "2025-03-03T09:00:00+01:00", "ouvert", ""],
        [TICKET, "2025-03-03T12:00:00+01:00", "pris_en_compte", ""],
        ["T2", "2025-03-03T10:00:00+01:00", "ouvert", ""],
        ["T2", "2025-03-05T10:00:00+01:00", "resolu", ""],
    ]
    return load_history(folder, tickets, events)


def _shown(value):
    """A figure without its `customdata` (codes carried for clicks, never drawn)."""
    if isinstance(value, dict):
        return {k: _shown(v) for k, v in value.items() if k != "customdata"}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    return value


def _texts(at) -> list[str]:
    kinds = ("markdown", "caption", "warning", "info", "error", "success", "subheader", "title")
    return [e.value for kind in kinds for e in at.get(kind)]


@pytest.mark.parametrize(
    ("page", "ticket"),
    [(page, TICKET) for page in PAGES]
    + [("app_pages/historique.py", LINK), ("app_pages/depassements.py", LINK)],
)
def test_hostile_names_and_ids_are_literal_on_every_page(app_db, hostile_db, page, ticket):
    app_db(hostile_db)
    at = apptest.open_page(page, query={"ticket": ticket})
    assert not apptest.exceptions(at)
    for text in _texts(at):
        # no Markdown link or image, no raw HTML tag: every mark escaped
        assert not re.search(r"(?<!\\)\]\((?!\\)", text), text
        assert "<a " not in text and "<script" not in text, text
    for figure in apptest.figures(at):
        assert "<a href" not in json.dumps(_shown(figure)), page
    shown = " ".join(rendered(t) for t in _texts(at))
    if ticket == LINK:
        assert f"{LINK} n'existe pas" in shown  # the app's own warning, as text
    if page == "app_pages/historique.py" and ticket == TICKET:
        assert f"{TICKET} — {HOSTILE['title']}" in shown
        assert HOSTILE["customer"] in shown and HOSTILE["team"] in shown
