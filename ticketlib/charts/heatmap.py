"""The compliance heatmap: compliance per period and group, cells below the goal marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ticketlib.charts.axes import GOAL_COLOUR, _frame, pct_suffix, pct_text
from ticketlib.charts.palette import COMPLIANCE_SCALE
from ticketlib.domain.literal import plotly_literal
from ticketlib.queries.sla import ALL_KEY, group_key


def compliance_heatmap(
    frame: pd.DataFrame,
    *,
    row_order: Sequence,
    col_order: Sequence,
    row_names: Mapping,
    col_names: Mapping,
    min_n: int,
    title: str,
    few_label: str,
    row_word: str,
    col_word: str,
    lang: str = "fr",
    height: int | None = None,
    goal: float | None = None,
    below_label: str = "",
    running_label: str = "",
    running_legend: str = "",
) -> go.Figure:
    """Compliance % per row value x column value, n in the hover, thin cells (n < min_n)
    marked with a small dark triangle in their corner. `frame`: row_value, col_value, met, n (one clock), and the
    row_total / col_total flags of `clock_compliance(totals=True)`: totals have the key ALL_KEY
    in `row_order` / `col_order`. With a `clocks` column (decided + still running) and a
    `running_label` ("{n} still running", the hover) and `running_legend`, a cell whose clocks are not all decided (an
    unfinished month, issue 13 item 6) gets a hollow ring in its corner and the count in its
    hover: its percentage is not final.

    Plotly heatmaps send no selection events, so an invisible marker sits on every cell to
    carry the hover and the click: customdata [row code, column code, met, n, "87,5 %",
    row label, column label].
    """
    data = frame.copy()
    data["r"] = data["row_value"].map(group_key)
    data["c"] = data["col_value"].map(group_key)
    if "row_total" in data:
        data.loc[data["row_total"], "r"] = ALL_KEY
        data.loc[data["col_total"], "c"] = ALL_KEY
    rows = [group_key(r) for r in row_order]
    cols = [group_key(c) for c in col_order]
    data = data[data["r"].isin(rows) & data["c"].isin(cols)]
    clocks = data["clocks"] if "clocks" in data and running_label else data["n"]
    cells = {
        (r, c): (int(met), int(n), int(k) - int(n))
        for r, c, met, n, k in zip(data["r"], data["c"], data["met"], data["n"], clocks)
    }
    # team, agent or customer names from the data: literal on the axes and in the hover
    row_text = [plotly_literal(row_names.get(r, str(r))) for r in row_order]
    col_text = [plotly_literal(col_names.get(c, str(c))) for c in col_order]

    # numeric axes (labels as ticks) so a mark can sit in a cell's corner
    z, text, cells_xy, custom, few = [], [], [], [], []
    for y, (r, rt) in enumerate(zip(rows, row_text)):
        zr, tr = [], []
        for x, (c, ct) in enumerate(zip(cols, col_text)):
            met, n, running = cells.get((r, c), (0, 0, 0))
            if n > 0:
                zr.append(100 * met / n)
                tr.append(pct_text(met / n, lang))
                cells_xy.append((x, y))
                still = running_label.format(n=running) if running > 0 else ""
                custom.append([r, c, met, n, pct_text(met / n, lang, 1), rt, ct, still])
                few.append(n < min_n)
            else:
                zr.append(None)
                tr.append("")
        z.append(zr)
        text.append(tr)
    show_text = len(cols) <= 16 and len(rows) <= 40
    # numpy arrays: plotly checks them at once instead of value by value (10x faster here)
    z = np.array([[np.nan if v is None else v for v in r] for r in z], dtype=float)
    text = np.array(text, dtype=object)
    custom = np.array(custom, dtype=object).reshape(len(custom), 8)
    fig = go.Figure(
        go.Heatmap(
            x=list(range(len(cols))),
            y=list(range(len(rows))),
            z=z,
            text=text,
            texttemplate="%{text}" if show_text else None,
            textfont={"size": 11},
            colorscale=COMPLIANCE_SCALE,
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            hoverinfo="skip",
            colorbar={"ticksuffix": pct_suffix(lang), "thickness": 12, "len": 0.9},
            name="heatmap",
        )
    )
    hover = (
        f"{row_word} %{{customdata[5]}}<br>{col_word} %{{customdata[6]}}<br>"
        "<b>%{customdata[4]}</b> (%{customdata[2]:,} / %{customdata[3]:,})<br>%{customdata[7]}"
        "<extra></extra>"
    )
    fig.add_trace(
        go.Scatter(
            x=[x for x, _ in cells_xy],
            y=[y for _, y in cells_xy],
            mode="markers",
            marker={"size": 22, "opacity": 0, "symbol": "square"},
            customdata=custom,
            hovertemplate=hover,
            showlegend=False,
            name="cells",
        )
    )
    thin = [i for i, f in enumerate(few) if f]
    fig.add_trace(
        go.Scatter(
            x=[cells_xy[i][0] + 0.36 for i in thin],
            y=[cells_xy[i][1] - 0.26 for i in thin],
            mode="markers",
            marker={"symbol": "triangle-ne", "size": 8, "color": "#263238"},
            customdata=custom[thin] if thin else None,
            hovertemplate=hover,
            name=few_label,
            showlegend=bool(thin),
        )
    )
    if running_label:  # cells whose clocks are not all decided: a hollow ring, corner
        open_cells = [i for i, row in enumerate(custom) if row[7]]
        fig.add_trace(
            go.Scatter(
                x=[cells_xy[i][0] + 0.36 for i in open_cells],
                y=[cells_xy[i][1] + 0.24 for i in open_cells],
                mode="markers",
                marker={
                    "symbol": "circle-open",
                    "size": 8,
                    "color": "#263238",
                    "line": {"width": 2},
                },
                customdata=custom[open_cells] if open_cells else None,
                hovertemplate=hover,
                name=running_legend,
                showlegend=bool(open_cells),
            )
        )
    if goal is not None:  # cells below the compliance goal (`rules.goal`): a red dot, corner
        low = [i for i, row in enumerate(custom) if row[2] < goal * row[3] - 1e-9]
        fig.add_trace(
            go.Scatter(
                x=[cells_xy[i][0] - 0.36 for i in low],
                y=[cells_xy[i][1] + 0.24 for i in low],
                mode="markers",
                marker={"symbol": "circle", "size": 6, "color": GOAL_COLOUR},
                customdata=custom[low] if low else None,
                hovertemplate=hover,
                name=below_label,
                showlegend=bool(low),
            )
        )
    # a thin line sets the total row and column apart
    if rows and rows[-1] == ALL_KEY and len(rows) > 1:
        fig.add_hline(y=len(rows) - 1.5, line={"color": "#FFFFFF", "width": 4})
    if cols and cols[-1] == ALL_KEY and len(cols) > 1:
        fig.add_vline(x=len(cols) - 1.5, line={"color": "#FFFFFF", "width": 4})
    fig.update_yaxes(
        tickvals=list(range(len(rows))),
        ticktext=row_text,
        autorange="reversed",
        automargin=True,
        showgrid=False,
        zeroline=False,
    )
    fig.update_xaxes(
        tickvals=list(range(len(cols))),
        ticktext=col_text,
        automargin=True,
        showgrid=False,
        zeroline=False,
        tickangle=-45 if len(cols) > 14 else 0,
        range=[-0.5, len(cols) - 0.5],
    )
    height = height or max(240, 110 + 30 * len(rows))
    fig = _frame(fig, lang, height, title)
    fig.update_layout(plot_bgcolor="#FFFFFF")
    return fig
