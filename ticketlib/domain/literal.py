"""Text from data or a URL shown as text, never as markup (issue 14 item 12, STYLE: "text that
comes from data or a URL is shown as text").

Two renderers read markup in our texts: Streamlit's Markdown (`st.markdown`, captions, warnings,
subheaders: links, images, emphasis, `:red[...]` directives, LaTeX, raw HTML) and plotly's
labels (axis ticks, hover and annotation texts: a subset of HTML, `<a href>` included). Each has
one helper here; pure functions, no Streamlit.
"""

from __future__ import annotations

import html
import math
import re

# The ASCII punctuation marks (but `&<>`, already entities) that Markdown, GFM (autolinks need
# `:` or `.`: `http://`, `www.`, `a@b.c`) or Streamlit (`:emoji:`, `:red[..]`, `$latex$`) reads.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$:])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def markdown_literal(value) -> str:
    """`value` (any object; None and NaN as "") as Markdown that renders as exactly its text,
    on one line: line breaks and control characters become one space, HTML's `&<>` entities,
    every Markdown, GFM and Streamlit mark backslash-escaped. `[x](http://h/login)` stays that
    text, never a link; `![x](http://h/p.png)` never an image the browser fetches."""
    text = html.escape(_CONTROL.sub(" ", _text(value)), quote=False)  # `&<>` as entities
    return _MARKDOWN.sub(r"\\\1", text)


def plotly_literal(value) -> str:
    """`value` as a plotly label (tick, hover, annotation, legend) that shows exactly its text:
    `&`, `<`, `>` as HTML entities, so `<a href=...>` or `<b>` in a name stays literal text."""
    return html.escape(_CONTROL.sub(" ", _text(value)), quote=False)
