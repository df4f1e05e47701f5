"""Vue d'ensemble: the manager's first look.

KPI cards with their change against the previous period, compliance per week and priority,
the backlog by état; a click on a chart point or a KPI lists the tickets behind it.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from app import components, created_resolved_panel, data, state, ticket_view
from app.deltas import delta_hours, delta_int, delta_pts, delta_style
from app.i18n import etat_label, fmt_date, fmt_int, fmt_num, fmt_pct, lang, priority_label, t, tr
from ticketlib.charts import axes
from ticketlib.charts import sla as charts
from ticketlib.domain.labels import OVERVIEW
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES
from ticketlib.queries import sla as metrics_sla

LABELS = OVERVIEW
KPI_DRILLS = ("breached_open", "at_risk_open", "open_backlog", "tto_breached", "ttr_breached")
DRILL = "ov_drill"
LIMIT = 5000
GRAINS = ("month", "week")  # compliance over time: by month by default (issue 13, item 9)
DEFAULT_GRAIN = "month"
SMALL_N = 10  # a point decided on fewer clocks is faded (as the heatmaps' small cells)


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


# -- drill-down state: the last KPI or chart point chosen wins ------------------------------


def _on_kpi() -> None:
    kind = st.session_state.get("ov_kpi")
    st.session_state[DRILL] = {"kind": "kpi", "what": kind} if kind else None
    ticket_view.close()  # a new list: the ticket of the previous one closes


def _points(key: str) -> list:
    event = st.session_state.get(key)
    try:
        return list(event["selection"]["points"])
    except (KeyError, TypeError):
        return []


def _on_trend(clock: str) -> None:
    points = _points(f"ov_trend_{clock}")
    if points and points[0].get("customdata"):
        bucket, priority = points[0]["customdata"][:2]
        st.session_state[DRILL] = {
            "kind": "trend",
            "clock": clock,
            "bucket": bucket,
            "grain": st.session_state.get("ov_grain") or DEFAULT_GRAIN,
            "priority": priority,
        }
        st.session_state["ov_kpi"] = None
        ticket_view.close()


def _on_backlog() -> None:
    points = _points("ov_backlog")
    if points and points[0].get("customdata"):
        day, etat = points[0]["customdata"][:2]
        st.session_state[DRILL] = {"kind": "backlog", "day": day, "etat": etat}
        st.session_state["ov_kpi"] = None
        ticket_view.close()


def _on_flow() -> None:
    points = _points(created_resolved_panel.KEY)
    grain = st.session_state.get("ov_grain") or DEFAULT_GRAIN
    drill = created_resolved_panel.drill_of(points[0], grain) if points else None
    if drill:
        st.session_state[DRILL] = drill
        st.session_state["ov_kpi"] = None
        ticket_view.close()


def _close_drill() -> None:
    st.session_state[DRILL] = None
    st.session_state["ov_kpi"] = None
    ticket_view.close()


# -- the page --------------------------------------------------------------------------------

st.title(t("page_overview"))
if components.empty_banner():
    st.stop()
components.as_of_caption()

filters = state.filters()
config = state.config()
tz = config.calendar.timezone
as_of = data.as_of_used()
as_of_day = pd.Timestamp(as_of).tz_convert(tz).date() if as_of is not None else None
window = metrics_sla.comparison(filters, None)  # the default period is already applied
what = L(f"what_{filters.period_field}")
cur_f, prev_f = window.current, window.previous

components.period_note(filters)
if prev_f is not None:
    st.caption(
        L(
            "window_compare",
            n=fmt_int(window.days),
            c=fmt_date(prev_f.date_from),
            d=fmt_date(prev_f.date_to),
        )
    )
elif filters.date_from or filters.date_to:
    st.caption(L("window_open"))

k = data.kpis(cur_f)
p = data.kpis(prev_f) if prev_f is not None else None
backlog = data.backlog(filters)
backlog_before = None
if window.days and as_of_day is not None:
    backlog_before = metrics_sla.open_backlog_on(backlog, as_of_day - timedelta(days=window.days))


row1 = st.columns(4)
row1[0].metric(
    L("k_tickets"),
    fmt_int(k.tickets),
    delta_int(k.tickets, p.tickets if p else None),
    delta_color="off",
    help=L("h_tickets"),
    border=True,
)
row1[1].metric(
    L("k_backlog"),
    fmt_int(k.open_backlog),
    **delta_style(delta_int(k.open_backlog, backlog_before), inverse=True),
    delta_description=L("vs_days_ago", n=fmt_int(window.days)) if backlog_before else None,
    help=L("h_backlog"),
    border=True,
)
for col, clock in ((row1[2], "tto"), (row1[3], "ttr")):
    now = getattr(k, f"{clock}_compliance")
    before = getattr(p, f"{clock}_compliance") if p else None
    col.metric(
        L(f"k_{clock}"),
        fmt_pct(now),
        **delta_style(delta_pts(now, before)),
        delta_description=L("n_decided", n=fmt_int(getattr(k, f"{clock}_n"))),
        help=L("h_compliance"),
        border=True,
    )
row2 = st.columns(4)
row2[0].metric(
    L("k_breached_open"),
    fmt_int(k.breached_open),
    help=L("h_breached_open"),
    border=True,
)
row2[1].metric(
    L("k_at_risk_open"),
    fmt_int(k.at_risk_open),
    help=L("h_at_risk_open", pct=fmt_pct(config.rules.at_risk, 0)),
    border=True,
)
for col, clock in ((row2[2], "tto"), (row2[3], "ttr")):
    now = getattr(k, f"median_{clock}_h")
    before = getattr(p, f"median_{clock}_h") if p else None
    col.metric(
        L(f"k_median_{clock}"),
        "–" if now is None else f"{fmt_num(now)} h",
        **delta_style(delta_hours(now, before), inverse=True),
        help=L("h_median"),
        border=True,
    )

counts = {
    "breached_open": k.breached_open,
    "at_risk_open": k.at_risk_open,
    "open_backlog": k.open_backlog,
    "tto_breached": k.tto_breached,
    "ttr_breached": k.ttr_breached,
}
st.pills(
    L("see_tickets"),
    KPI_DRILLS,
    format_func=lambda kind: f"{L('d_' + kind)} ({fmt_int(counts[kind])})",
    key="ov_kpi",
    on_change=_on_kpi,
)

# -- charts ------------------------------------------------------------------------------------

st.subheader(L("trend_title_grain"))
grain = (
    st.segmented_control(
        L("trend_grain"),
        list(GRAINS),
        format_func=lambda g: L(f"trend_grain_{g}"),
        key="ov_grain",
        default=DEFAULT_GRAIN,
    )
    or DEFAULT_GRAIN
)
st.caption(L("trend_caption_grain"))
goal = state.config().rules.goal
st.caption(L("trend_marks_grain", pct=fmt_pct(goal, 0), n=SMALL_N))
trend = data.clock_compliance(filters, rows="bucket", cols="priority", grain=grain)
names = {code: priority_label(code) for code in PRIORITY_CODES}
left, right = st.columns(2)
for col, clock in ((left, "tto"), (right, "ttr")):
    fig = charts.compliance_trend(
        trend,
        clock,
        priority_names=names,
        all_label=L("all_priorities"),
        title=t(clock),
        y_title=L("compliance_axis"),
        bucket_word=L(f"bucket_of_{grain}"),
        lang=lang(),
        goal=goal,
        goal_label=L("goal", pct=fmt_pct(goal, 0)),
        running_word=L("running_clocks"),
        small_n=SMALL_N,
    )
    col.plotly_chart(
        fig,
        key=f"ov_trend_{clock}",
        on_select=lambda clock=clock: _on_trend(clock),
        selection_mode="points",
        config={"displayModeBar": False},
    )

st.subheader(L("backlog_title"))
st.caption(L("backlog_caption"))
x_range = None
if (filters.date_from or filters.date_to) and not backlog.empty:
    x_range = (
        filters.date_from or pd.to_datetime(backlog["day"]).min().date(),
        filters.date_to or as_of_day,
    )
left, right = st.columns([3, 2])
fig = charts.backlog_area(
    backlog,
    etat_names={code: etat_label(code) for code in ETAT_CODES},
    title=None,
    y_title=L("tickets_axis"),
    lang=lang(),
    x_range=x_range,
)
left.plotly_chart(
    fig,
    key="ov_backlog",
    on_select=_on_backlog,
    selection_mode="points",
    config={"displayModeBar": False},
)
# created vs resolved beside the backlog (issue 13), at the trend's time step
created_resolved_panel.draw(right, filters, grain, _on_flow)

# -- drill-down: the tickets behind the chosen point -----------------------------------------

st.subheader(L("drill_title"))
drill = st.session_state.get(DRILL)
if not drill:
    st.caption(L("drill_hint"))
else:
    if drill["kind"] == "kpi":
        kind = drill["what"]
        frame = data.kpi_tickets(cur_f, kind=kind, limit=LIMIT)
        total = counts.get(kind)
        st.markdown(L("drill_kpi", what=L("d_" + kind)))
    elif drill["kind"] == "trend":
        bucket = date.fromisoformat(drill["bucket"])
        column = {f"{drill['clock']}_priority": drill["priority"]} if drill["priority"] else {}
        drill_grain = drill.get("grain", "week")
        narrowed = metrics_sla.drill_filters(filters, bucket, drill_grain, **column)
        frame = data.tickets(narrowed, order=f"{drill['clock']}_desc", limit=LIMIT)
        total = data.count_tickets(narrowed)
        prio = (
            L("drill_prio", p=priority_label(drill["priority"]))
            if drill["priority"]
            else L("all_priorities")
        )
        st.markdown(
            L(
                f"drill_trend_{drill_grain}",
                clock=t(drill["clock"]),
                week=fmt_date(bucket),
                month=axes.bucket_label(bucket, "month", lang()),
                prio=prio,
                what=what,
            )
        )
    elif drill["kind"] == "flow":
        frame, total, heading = created_resolved_panel.tickets(filters, drill, LIMIT)
        st.markdown(heading)
    else:
        day = date.fromisoformat(drill["day"])
        frame = data.backlog_tickets(filters, day=day, etat=drill["etat"], limit=LIMIT)
        total = None
        st.markdown(L("drill_backlog", etat=etat_label(drill["etat"]), day=fmt_date(day)))
    table = components.drill_key("ov_tickets", drill)
    selected = components.ticket_table(frame, key=table, total=total, name="tickets")
    st.button(L("drill_close"), key="ov_drill_close", on_click=_close_drill)
    ticket_view.show(ticket_view.follow(selected, table), "ov_view")
