"""KPI deltas: a change that rounds to zero is no arrow (outside check, issue 13)."""

from __future__ import annotations

import pytest

from app.deltas import delta_style


@pytest.mark.parametrize("text", ["0", "+0,0 h", "-0,0 pt", "+0.0 pts"])
def test_a_change_that_rounds_to_zero_has_no_arrow_nor_colour(text):
    assert delta_style(text, inverse=True) == {
        "delta": text,
        "delta_color": "off",
        "delta_arrow": "off",
    }


@pytest.mark.parametrize(
    ("text", "inverse", "colour"),
    [("+0,1 pt", False, "normal"), ("+1,2 h", True, "inverse"), ("-3", True, "inverse")],
)
def test_a_real_change_keeps_its_arrow_and_direction(text, inverse, colour):
    assert delta_style(text, inverse) == {
        "delta": text,
        "delta_color": colour,
        "delta_arrow": "auto",
    }


def test_no_previous_period_is_no_delta():
    assert delta_style(None)["delta"] is None
