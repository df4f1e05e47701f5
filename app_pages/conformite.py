"""Conformité SLA: compliance per priority and period, per team / agent / customer, the
distributions of the clocks against their targets, the targets in force and a what-if panel
(session only: nothing is written). A click on a heatmap cell lists the tickets behind it."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from app import components, data, sla_panels, state, ticket_view
from app.compliance_table import compliance_table
from app.i18n import fmt_int, fmt_pct, lang, priority_label, t, tr
from ticketlib.charts import axes, distribution, heatmap
from ticketlib.domain.labels import COMPLIANCE
from ticketlib.domain.literal import markdown_literal
from ticketlib.domain.vocabulary import PRIORITY_CODES
from ticketlib.queries import sla as metrics_sla
from ticketlib.queries.sla import ALL_KEY, NONE_KEY

LABELS = COMPLIANCE
DIMS = ("team", "assignee", "customer")
TOP_ROWS = 30
LIMIT = 5000
DRILL = "cf_drill"


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


# -- drill-down state -------------------------------------------------------------------------


def _on_cell(key: str, clock: str, rows: str) -> None:
    event = st.session_state.get(key)
    try:
        points = list(event["selection"]["points"])
    except (KeyError, TypeError):
        points = []
    if points and points[0].get("customdata"):
        row, col = points[0]["customdata"][:2]
        grain = st.session_state.get("cf_grain") or "month"
        st.session_state[DRILL] = {
            "clock": clock,
            "rows": rows,
            "row": row,
            "col": col,
            "grain": grain,
        }
        ticket_view.close()  # a new list: the ticket of the previous one closes


def _close_drill() -> None:
    st.session_state[DRILL] = None
    ticket_view.close()


# -- the page ---------------------------------------------------------------------------------

st.title(t("page_compliance"))
if components.empty_banner():
    st.stop()
components.as_of_caption()

filters = state.filters()
components.period_note(filters)
config = state.config()
configured = sla_panels.configured_hours(config)
sla_panels.init_what_if(config)
wi_targets, wi_at_risk = sla_panels.what_if_values(config)
names = {code: priority_label(code) for code in PRIORITY_CODES}
names[ALL_KEY] = L("all_priorities")

c1, c2, _ = st.columns([2, 2, 3])
grain = c1.segmented_control(
    L("grain"),
    ["week", "month"],
    format_func=lambda g: L(f"grain_{g}"),
    key="cf_grain",
    default="month",
    required=True,
)
grain = grain or "month"
min_n = c2.number_input(
    L("min_n"), min_value=1, max_value=1000, value=10, step=1, key="cf_min_n", help=L("min_n_help")
)

tabs = st.tabs(
    [L("tab_priority"), L("tab_groups"), L("tab_dist"), L("tab_targets")] + [L("tab_what_if")]
)


def _col_names(frame: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    buckets = sorted(
        {metrics_sla.group_key(v) for v in frame.loc[~frame["col_total"], "col_value"]}
    )
    labels = {b: axes.bucket_label(date.fromisoformat(b), grain, lang()) for b in buckets}
    labels[ALL_KEY] = L("total")
    return buckets + [ALL_KEY], labels


# 1. per priority x week or month
with tabs[0]:
    st.caption(L("by_priority_caption", n=fmt_int(min_n)))
    grid = data.clock_compliance(filters, rows="priority", cols="bucket", grain=grain, totals=True)
    if grid.empty:
        st.info(t("no_rows"))
    else:
        col_order, col_names = _col_names(grid)
        for clock in ("tto", "ttr"):
            fig = heatmap.compliance_heatmap(
                grid[grid["clock"] == clock],
                row_order=[*PRIORITY_CODES, ALL_KEY],
                col_order=col_order,
                row_names=names,
                col_names=col_names,
                min_n=min_n,
                title=t(clock),
                few_label=L("few", n=fmt_int(min_n)),
                row_word=L("row_word_priority"),
                col_word=L(f"col_word_{grain}"),
                lang=lang(),
                goal=config.rules.goal,
                running_label=L("running", n="{n}"),
                running_legend=L("running_legend"),
                below_label=L("below_goal", pct=fmt_pct(config.rules.goal, 0)),
            )
            st.plotly_chart(
                fig,
                key=f"cf_prio_{clock}",
                on_select=lambda key=f"cf_prio_{clock}", clock=clock: _on_cell(
                    key, clock, "priority"
                ),
                selection_mode="points",
                config={"displayModeBar": False},
            )
        st.markdown(f"**{L('summary_title')}**")
        summary = metrics_sla.compliance_table(
            data.clock_compliance(filters, rows="priority", cols="all", totals=True)
        )
        compliance_table(summary, t("priority"), names, "conformite_priorites", "cf_summary")

# 2. per team / agent / customer
with tabs[1]:
    c1, c2, _ = st.columns([3, 2, 2])
    dim = (
        c1.segmented_control(
            L("dimension"),
            DIMS,
            format_func=lambda d: t(d),
            key="cf_dim",
            default="team",
            required=True,
        )
        or "team"
    )
    clock = (
        c2.segmented_control(
            L("clock"),
            ["tto", "ttr"],
            format_func=str.upper,
            key="cf_dim_clock",
            default="ttr",
            required=True,
        )
        or "ttr"
    )
    st.caption(L("by_group_caption", what=L(f"w1_{dim}"), n=fmt_int(min_n)))
    grid = data.clock_compliance(filters, rows=dim, cols="bucket", grain=grain, totals=True)
    if grid.empty:
        st.info(t("no_rows"))
    else:
        rows, count = metrics_sla.top_rows(grid, clock, TOP_ROWS)
        if count > len(rows):
            st.caption(
                L(
                    "rows_limited",
                    shown=fmt_int(len(rows)),
                    what=L(f"w_{dim}"),
                    total=fmt_int(count),
                )
            )
        col_order, col_names = _col_names(grid)
        row_names = {r: (t("none") if r == NONE_KEY else r) for r in rows}
        row_names[ALL_KEY] = L("total")
        fig = heatmap.compliance_heatmap(
            grid[grid["clock"] == clock],
            row_order=[*rows, ALL_KEY],
            col_order=col_order,
            row_names=row_names,
            col_names=col_names,
            min_n=min_n,
            title=f"{t(clock)} · {t(dim)}",
            few_label=L("few", n=fmt_int(min_n)),
            row_word=L(f"row_word_{dim}"),
            col_word=L(f"col_word_{grain}"),
            lang=lang(),
            goal=config.rules.goal,
            running_label=L("running", n="{n}"),
            running_legend=L("running_legend"),
            below_label=L("below_goal", pct=fmt_pct(config.rules.goal, 0)),
        )
        st.plotly_chart(
            fig,
            key="cf_dim_map",
            on_select=lambda: _on_cell("cf_dim_map", clock, dim),
            selection_mode="points",
            config={"displayModeBar": False},
        )
        table = metrics_sla.compliance_table(
            data.clock_compliance(filters, rows=dim, cols="all", totals=True)
        )
        compliance_table(table, t(dim), row_names, f"conformite_{dim}", "cf_dim_table")

# 3. distributions of the clocks, target drawn
with tabs[2]:
    st.caption(L("dist_caption"))
    for clock in ("tto", "ttr"):
        index = 0 if clock == "tto" else 1
        targets = {p: configured[p][index] for p in PRIORITY_CODES}
        bins = {p: targets[p] / 8 for p in PRIORITY_CODES}
        caps = {p: 3 * targets[p] for p in PRIORITY_CODES}
        frames = {
            p: data.distribution(
                metrics_sla.drill_filters(filters, **{f"{clock}_priority": p}),
                clock=clock,
                bin_h=bins[p],
                cap_h=caps[p],
            )
            for p in PRIORITY_CODES
        }
        fig = distribution.distribution_grid(
            frames,
            targets,
            bins,
            caps,
            priority_names=names,
            title=t(clock),
            x_title=L("dist_x"),
            y_title=L("dist_y"),
            target_label=L("target"),
            over_label=L("over_cap"),
            what_if_h={p: wi_targets[p][index] for p in PRIORITY_CODES},
            what_if_label=L("what_if_target"),
            lang=lang(),
        )
        st.plotly_chart(fig, key=f"cf_dist_{clock}", config={"displayModeBar": False})

# 4. the targets and calendar in force
with tabs[3]:
    sla_panels.targets_panel(config, names)

# 5. what-if: targets and at-risk threshold for this session
with tabs[4]:
    sla_panels.what_if_panel(config, filters, names)

# -- drill-down: the tickets of the clicked cell -----------------------------------------------

st.subheader(L("drill_title"))
drill = st.session_state.get(DRILL)
if not drill:
    st.caption(L("drill_hint"))
else:
    clock, rows = drill["clock"], drill["rows"]
    row, col = drill["row"], drill["col"]
    columns = {}
    if row != ALL_KEY:
        column = f"{clock}_priority" if rows == "priority" else rows
        columns[column] = None if row == NONE_KEY else row
    bucket = None if col == ALL_KEY else date.fromisoformat(col)
    narrowed = metrics_sla.drill_filters(filters, bucket, drill["grain"], **columns)
    frame = data.tickets(narrowed, order=f"{clock}_desc", limit=LIMIT)
    total = data.count_tickets(narrowed)
    row_text = (
        L("all_priorities")
        if row == ALL_KEY and rows == "priority"
        else L("total")
        if row == ALL_KEY
        else names.get(row, row)
        if rows == "priority"
        else (t("none") if row == NONE_KEY else markdown_literal(row))
    )
    col_text = (
        L("whole_period") if bucket is None else axes.bucket_label(bucket, drill["grain"], lang())
    )
    st.markdown(L("drill_cell", clock=t(clock), row=row_text, col=col_text))
    table = components.drill_key("cf_tickets", drill)
    selected = components.ticket_table(frame, key=table, total=total, name="tickets")
    st.button(L("drill_close"), key="cf_drill_close", on_click=_close_drill)
    ticket_view.show(ticket_view.follow(selected, table), "cf_view")
