"""What the SLA charts share: number and date texts per language, date ticks, the frame
(margins, legend, title) and the goal line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from ticketlib.domain.formats import month_label, month_names


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: 1 234,5 in French, 1,234.5 in English."""
    return ",\u202f" if lang == "fr" else ".,"


def day_format(lang: str) -> str:
    return "%d/%m/%Y" if lang == "fr" else "%Y-%m-%d"


def bucket_label(day: date, grain: str, lang: str = "fr") -> str:
    """A week as its Monday (06/01/2025), a month as "janv. 2025", a day as its date."""
    day = pd.Timestamp(day).date()
    if grain == "month":
        return month_label(day, lang)
    return day.strftime(day_format(lang))


def pct_text(x: float | None, lang: str = "fr", digits: int = 0) -> str:
    if x is None or pd.isna(x):
        return ""
    text = f"{100 * x:.{digits}f}"
    return (text.replace(".", ",") + "\u202f%") if lang == "fr" else text + "%"


def _frame(fig: go.Figure, lang: str, height: int, title: str | None) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        separators=separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 50 if title else 20, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        hovermode="closest",
        clickmode="event+select",
        dragmode=False,
    )
    return fig


def _date_ticks(days: Sequence, lang: str) -> dict:
    """Month ticks in the reader's language over a date axis (plotly's own are English)."""
    days = sorted(pd.Timestamp(d) for d in days)
    if not days:
        return {}
    first, last = days[0], days[-1]
    months = pd.date_range(first.replace(day=1), last, freq="MS")
    months = [m for m in months if m >= first] or [first]
    if len(months) < 3:  # a short range: every bucket, by date
        step = max(1, len(days) // 8)
        vals = days[::step]
        if lang == "fr":
            text = [v.strftime("%d/%m") for v in vals]
        else:
            text = [f"{month_names('en')[v.month - 1]} {v.day}" for v in vals]
        return {"tickvals": vals, "ticktext": text, "tickangle": 0}
    step = max(1, -(-len(months) // 6))
    vals = months[::step]
    return {
        "tickvals": vals,
        "ticktext": [bucket_label(v, "month", lang) for v in vals],
        "tickangle": 0,
    }


GOAL_COLOUR = "#B91C1C"


def _goal_line(fig: go.Figure, goal: float, label: str, **where) -> None:
    """The compliance goal (`rules.goal`, a share) as a red dashed line, named at its right."""
    fig.add_hline(
        y=100 * goal,
        line={"color": GOAL_COLOUR, "dash": "dash", "width": 1.5},
        annotation_text=label,
        annotation_position="bottom right",
        annotation_font={"color": GOAL_COLOUR, "size": 11},
        **where,
    )


def _vline(fig: go.Figure, col: int, x: float, colour: str, dash, text: str, y: float) -> None:
    """A vertical line across subplot `col` with its label (add_vline is slow on subplots)."""
    axis = "" if col == 1 else str(col)
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        y0=0,
        y1=1,
        xref=f"x{axis}",
        yref=f"y{axis} domain",
        line={"color": colour, "width": 2, "dash": dash},
    )
    fig.add_annotation(
        text=text,
        x=x,
        y=y,
        xref=f"x{axis}",
        yref=f"y{axis} domain",
        xanchor="left",
        yanchor="top",
        showarrow=False,
        font={"size": 11, "color": colour},
    )


def _num(x: float, lang: str) -> str:
    text = f"{x:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "fr" else text
