"""A selectbox whose choice survives the language switch.

A selectbox shows its options through `format_func`; when the language changes, a selectbox
kept under the same key goes on showing the label of the old language. So the widget's key
carries the language (`<key>__fr`), and the choice itself is kept under `<key>`, from which a
widget of the other language starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from app.i18n import LANGS, lang


def widget_key(key: str) -> str:
    return f"{key}__{lang()}"


def set_choice(key: str, value) -> None:
    """Choose `value` (before the selectbox is drawn in this run)."""
    st.session_state[key] = value
    st.session_state[widget_key(key)] = value


def select(
    label: str,
    options: Sequence,
    format_func: Callable,
    key: str,
    container=None,
    **kwargs,
):
    """`st.selectbox` keyed `<key>__<lang>`, its value kept in `st.session_state[key]`."""
    wkey = widget_key(key)
    kept = st.session_state.get(key)
    if wkey not in st.session_state and kept in options:
        st.session_state[wkey] = kept
    for other in LANGS:
        if other != lang() and f"{key}__{other}" in st.session_state:
            del st.session_state[f"{key}__{other}"]

    def _keep() -> None:
        st.session_state[key] = st.session_state[wkey]

    value = (container or st).selectbox(
        label, options, format_func=format_func, key=wkey, on_change=_keep, **kwargs
    )
    st.session_state[key] = value
    return value
