"""Streamlit's own English words on our pages, replaced or hidden (issue 13, item 10).

Streamlit has no setting for the file uploader's texts (streamlit/streamlit#13500, open): its
button says "Upload" and its dropzone "1GB per file • TOML" in every language. A style sheet,
sent once per run (no space taken on the page), hides the English limit (the Données page
states it in the reader's language, from `server.maxUploadSize`) and writes the button's label
from the catalogue. Where Streamlit changes its markup, the worst case is its English again.
The "Page not found" dialog is avoided, not translated (`dashboard.py`); "Deploy" is not shown
(`client.toolbarMode = "viewer"`).
"""

from __future__ import annotations

import json

import streamlit as st

from app.i18n import t

DROPZONE = '[data-testid="stFileUploaderDropzone"]'


def style_sheet(browse: str) -> str:
    """The CSS for a button label `browse` (a CSS string literal: JSON quoting is valid CSS)."""
    return (
        "<style>"
        f'{DROPZONE} [data-testid="stFileUploaderDropzoneInstructions"]{{display:none}}'
        f"{DROPZONE} button > *{{display:none}}"
        f"{DROPZONE} button::after{{content:{json.dumps(browse)};font-size:0.875rem}}"
        "</style>"
    )


def localise() -> None:
    """Send the style sheet for the reader's language (call once per run, from the frame)."""
    st.html(style_sheet(t("uploader_browse")))
