"""Charts of the customer review (page and downloadable report): a DataFrame in, a Figure out.

Labels come in as arguments (the page and the report translate them), colours from `palette`;
months are written in the reader's language on a category axis (plotly's own date ticks are
English). No ticket text goes into a figure. `width` fixes the size for the printed report.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ticketlib.charts.palette import etat_colour
from ticketlib.domain.formats import month_label

CLOCK_COLOURS = {"tto": "#4C78A8", "ttr": "#E45756"}
GOAL_COLOUR = "#B91C1C"


def _goal_line(fig: go.Figure, goal: float, label: str, yref: str = "y") -> None:
    """The compliance goal (`rules.goal`, a share) as a red dashed line named at its right."""
    fig.add_shape(
        type="line",
        xref="paper",
        x0=0,
        x1=1,
        yref=yref,
        y0=100 * goal,
        y1=100 * goal,
        line={"color": GOAL_COLOUR, "dash": "dash", "width": 1.5},
    )
    fig.add_annotation(
        xref="paper",
        x=1,
        xanchor="right",
        yref=yref,
        y=100 * goal,
        yanchor="top",
        text=label,
        showarrow=False,
        font={"color": GOAL_COLOUR, "size": 11},
        bgcolor="rgba(255,255,255,0.8)",
    )


def _pct(x, lang: str) -> str:
    if x is None or pd.isna(x):
        return "–"
    text = f"{100 * x:.0f}"
    return f"{text}\u202f%" if lang == "fr" else f"{text}%"


def _pct_ticks(lang: str) -> dict:
    """0 %, 25 %... 100 % (a suffix alone is lost once tick values are set)."""
    values = (0, 25, 50, 75, 100)
    suffix = "\u202f%" if lang == "fr" else "%"
    return {"tickmode": "array", "tickvals": values, "ticktext": [f"{v}{suffix}" for v in values]}


def _layout(fig: go.Figure, lang: str, height: int, width: int | None) -> go.Figure:
    """Size, fonts and margins that hold whatever plotly template is the default.

    Every axis gets `automargin`, so its tick labels and title push the margins instead of
    falling outside the figure: the "plotly" template sets it, but Streamlit makes its own
    template (which does not) the process's default, and a figure exported from the page
    (`to_html` in the review file) then had its ticks, months and right axis cut (issue 13).
    """
    fig.update_layout(
        separators=",\u202f" if lang == "fr" else ".,",
        height=height,
        width=width,
        autosize=width is None,
        margin={"l": 10, "r": 10, "t": 30, "b": 10, "pad": 2, "autoexpand": True},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        plot_bgcolor="white",
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12},
        dragmode=False,
    )
    fig.update_xaxes(automargin=True, title_standoff=8)
    fig.update_yaxes(
        automargin=True, title_standoff=8, gridcolor="#E5E7EB", zerolinecolor="#9CA3AF"
    )
    return fig


def priority_compliance(
    frame: pd.DataFrame,
    *,
    priority_names: Mapping[str, str],
    clock_names: Mapping[str, str],
    y_title: str,
    lang: str = "fr",
    height: int = 320,
    width: int | None = None,
    goal: float | None = None,
    goal_label: str = "",
) -> go.Figure:
    """Grouped bars: TTO and TTR compliance per priority, the % and met/decided written on them.

    `frame` is `metrics_review.priority_compliance`; customdata: [priority code, met, n].
    `goal` (a share, `rules.goal`): a red dashed line; bars below it get a red outline.
    """
    fig = go.Figure()
    rows = frame.copy()
    codes = [p if isinstance(p, str) else "" for p in rows["priority"]]
    names = [priority_names.get(c, c) for c in codes]
    for clock in ("tto", "ttr"):
        pct = rows[f"{clock}_pct"]
        fig.add_trace(
            go.Bar(
                x=names,
                y=100 * pct.fillna(0),
                name=clock_names[clock],
                marker={
                    "color": CLOCK_COLOURS[clock],
                    "line": {
                        "color": GOAL_COLOUR,
                        "width": [
                            2 if goal is not None and n and p < goal - 1e-9 else 0
                            for p, n in zip(pct, rows[f"{clock}_n"])
                        ],
                    },
                },
                text=[_pct(p, lang) if n else "–" for p, n in zip(pct, rows[f"{clock}_n"])],
                textposition="outside",
                textfont={"size": 11},
                cliponaxis=False,
                customdata=list(zip(codes, rows[f"{clock}_met"], rows[f"{clock}_n"])),
                hovertemplate=(
                    f"<b>{clock_names[clock]}</b> · %{{x}}<br>%{{y:.1f}} %"
                    " (%{customdata[1]} / %{customdata[2]})<extra></extra>"
                ),
            )
        )
    fig.update_yaxes(title=y_title, range=[0, 119], **_pct_ticks(lang))
    fig.update_layout(barmode="group", bargap=0.3)
    if goal is not None:
        _goal_line(fig, goal, goal_label)
    return _layout(fig, lang, height, width)


def trend(
    frame: pd.DataFrame,
    *,
    clock_names: Mapping[str, str],
    tickets_name: str,
    y_title: str,
    y2_title: str,
    lang: str = "fr",
    height: int = 320,
    width: int | None = None,
    goal: float | None = None,
    goal_label: str = "",
) -> go.Figure:
    """Per month: tickets created (bars, right axis) and TTO / TTR compliance (lines, %).

    `frame` is `metrics.compliance(grain="month", by=None)` (bucket, tto_pct, ttr_pct, tickets).
    """
    rows = frame.sort_values("bucket")
    labels = [month_label(b, lang) for b in rows["bucket"]]
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=labels,
            y=rows["tickets"],
            name=tickets_name,
            marker_color="#D1D5DB",
            hovertemplate=f"%{{x}}<br>%{{y}} {tickets_name}<extra></extra>",
        )
    )
    for clock in ("tto", "ttr"):
        fig.add_trace(
            go.Scatter(
                x=labels,
                y=100 * rows[f"{clock}_pct"],
                name=clock_names[clock],
                yaxis="y2",
                mode="lines+markers",
                line={"color": CLOCK_COLOURS[clock], "width": 2.5},
                marker={"size": 7},
                connectgaps=True,
                customdata=list(zip(rows[f"{clock}_met"], rows[f"{clock}_n"])),
                hovertemplate=(
                    f"<b>{clock_names[clock]}</b> · %{{x}}<br>%{{y:.1f}} %"
                    " (%{customdata[0]} / %{customdata[1]})<extra></extra>"
                ),
            )
        )
    fig.update_layout(
        yaxis2={
            "title": y_title,
            "range": [0, 105],
            **_pct_ticks(lang),
            "overlaying": "y",
            "side": "left",
            "gridcolor": "#E5E7EB",
        },
        yaxis={
            "title": y2_title,
            "side": "right",
            "rangemode": "tozero",
            "showgrid": False,
            "tickformat": ",d",
        },
        xaxis={"type": "category", "tickangle": 0 if len(labels) <= 6 else -45},
    )
    if goal is not None:
        _goal_line(fig, goal, goal_label, yref="y2")
    return _layout(fig, lang, height, width)


def waits_balance(
    total: Mapping,
    *,
    labels: Mapping[str, str],
    x_title: str,
    lang: str = "fr",
    height: int = 220,
    width: int | None = None,
) -> go.Figure:
    """Two horizontal bars in business hours: the desk waiting for the customer, against the
    customer waiting for the desk (agent work stacked with the desk's internal waits).

    `total` is the total row of `metrics_review.waits`; `labels` names the keys
    desk_waited, customer_waited, customer_wait, agent_work, internal_wait.
    """
    rows = [labels["customer_waited"], labels["desk_waited"]]
    parts = [
        ("agent_work", [float(total["agent_work_h"] or 0), 0.0], etat_colour("pris_en_compte")),
        (
            "internal_wait",
            [float(total["internal_wait_h"] or 0), 0.0],
            etat_colour("attente_interne"),
        ),
        (
            "customer_wait",
            [0.0, float(total["customer_wait_h"] or 0)],
            etat_colour("attente_client"),
        ),
    ]
    longest = max(sum(v[i] for _, v, _ in parts) for i in range(2)) or 1.0
    fig = go.Figure()
    for key, values, colour in parts:
        fig.add_trace(
            go.Bar(
                y=rows,
                x=values,
                orientation="h",
                name=labels[key],
                marker_color=colour,
                text=[_hours(v, lang) if v >= 0.12 * longest else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=f"<b>{labels[key]}</b><br>%{{x:,.1f}} h<extra></extra>",
            )
        )
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_xaxes(
        title=x_title,
        rangemode="tozero",
        gridcolor="#E5E7EB",
        tickformat="~s" if longest >= 100_000 else ",.0f",  # 2M rather than 2 000 000
        nticks=5,
    )
    fig.update_yaxes(automargin=True, ticksuffix="  ")
    return _layout(fig, lang, height, width)


def waits_by_month(
    frame: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    y_title: str,
    lang: str = "fr",
    height: int = 300,
    width: int | None = None,
) -> go.Figure:
    """Per month of creation: hours the desk waited for the customer beside the hours the
    customer waited for the desk. `frame`: the month rows of `metrics_review.waits`."""
    rows = frame[~frame["is_total"]].sort_values("month")
    x = [month_label(m, lang) for m in rows["month"]]
    fig = go.Figure()
    for key, column, colour in (
        ("desk_waited", "customer_wait_h", etat_colour("attente_client")),
        ("customer_waited", "requester_wait_h", etat_colour("pris_en_compte")),
    ):
        fig.add_trace(
            go.Bar(
                x=x,
                y=rows[column],
                name=labels[key],
                marker_color=colour,
                hovertemplate=f"<b>{labels[key]}</b> · %{{x}}<br>%{{y:,.1f}} h<extra></extra>",
            )
        )
    fig.update_layout(barmode="group", bargap=0.25, xaxis={"type": "category"})
    fig.update_xaxes(tickangle=0 if len(x) <= 6 else -45)
    fig.update_yaxes(title=y_title, rangemode="tozero", tickformat=",.0f")
    return _layout(fig, lang, height, width)


def _hours(h: float, lang: str) -> str:
    text = f"{h:,.1f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return f"{text} h"
