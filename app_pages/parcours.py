"""Parcours: how tickets move through the workflow, and the tickets behind any step."""

import streamlit as st

from app import choice, components, data, state, ticket_view
from app.i18n import etat_label, fmt_int, t, tr
from ticketlib.charts.flow import funnel_figure, reopen_figure, sankey_figure
from ticketlib.domain import labels
from ticketlib.domain.formats import MISSING

LABELS = labels.PARCOURS
SORTS = labels.PARCOURS_SORTS
# the step's tickets: the workflow's columns first (issue 13: the ticket table's 20 columns
# were cut at 1280 px, état and reopens out of sight), the clocks after them
STEP_COLUMNS = (
    "ticket_id",
    "title",
    "etat",
    "reopens",
    "priority",
    "customer",
    "assignee",
    "created_at",
    "resolved_at",
    "ttr_h",
    "ttr_status",
    "team",
)
LIMIT = 1000  # rows shown; the count says how many match, the full export has them all


def _step_id(kind: str, a: str | None, b: str) -> str:
    return f"etat:{b}" if kind == "etat" else f"transition:{a}:{b}"


def _parse(step_id: str) -> tuple:
    kind, *rest = step_id.split(":")
    return ("etat", None, rest[0]) if kind == "etat" else ("transition", rest[0], rest[1])


def _picked(key: str, part: str) -> list:
    """The points or rows newly chosen in chart/table `key` since the last run, else []."""
    value = st.session_state.get(key) or {}
    chosen = list((value.get("selection") or {}).get(part) or [])
    seen_key = f"_{key}_seen"
    if chosen == st.session_state.get(seen_key, []):
        return []
    st.session_state[seen_key] = chosen
    return chosen


def _follow_clicks(funnel, unexpected) -> None:
    """A funnel bar clicked or an unexpected transition chosen becomes the step (before the
    step's selectbox is drawn, so it shows the choice)."""
    points = _picked("wf_funnel", "points")
    if points:
        index = points[0].get("point_index", points[0].get("point_number"))
        if index is not None and 0 <= index < len(funnel):
            choice.set_choice("wf_step", _step_id("etat", None, funnel.etat.iloc[index]))
    rows = _picked("wf_unexpected", "rows")
    if rows and rows[0] < len(unexpected):
        r = unexpected.iloc[rows[0]]
        choice.set_choice("wf_step", _step_id("transition", r.from_etat, r.to_etat))


st.title(t("page_workflow"))
if components.empty_banner():
    st.stop()
st.caption(tr(LABELS, "intro"))
filters = state.filters()
components.period_note(filters)
words = ticket_view.words(LABELS)
funnel = data.funnel(filters)
transitions = data.transitions(filters)
unexpected = data.unexpected_transitions(filters)
_follow_clicks(funnel, unexpected)

left, right = st.columns(2)
with left:
    st.subheader(tr(LABELS, "funnel"), help=tr(LABELS, "funnel_help"))
    st.plotly_chart(
        funnel_figure(funnel, words),
        key="wf_funnel",
        on_select="rerun",
        selection_mode="points",
        config={"displayModeBar": False},
    )
with right:
    st.subheader(tr(LABELS, "sankey"), help=tr(LABELS, "sankey_help"))
    if transitions.empty:
        st.info(t("no_rows"))
    else:
        st.plotly_chart(
            sankey_figure(transitions, words), key="wf_sankey", config={"displayModeBar": False}
        )

left, right = st.columns([3, 2])
with left:
    st.subheader(tr(LABELS, "reopen"), help=tr(LABELS, "reopen_help"))
    grain = st.segmented_control(
        tr(LABELS, "grain"),
        ["week", "month"],
        format_func=lambda g: tr(LABELS, g),
        default="month",
        key="wf_grain",
        label_visibility="collapsed",
    )
    reopen = data.reopen_rate(filters, grain=grain or "month")
    if reopen.empty:
        st.info(t("no_rows"))
    else:
        st.plotly_chart(
            reopen_figure(reopen, words), key="wf_reopen", config={"displayModeBar": False}
        )
with right:
    st.subheader(tr(LABELS, "unexpected"))
    if unexpected.empty:
        st.success(tr(LABELS, "unexpected_none"))
    else:
        st.dataframe(
            components.labelled(unexpected),
            key="wf_unexpected",
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            column_config={
                c: tr(LABELS, c) for c in ("from_etat", "to_etat", "transitions", "tickets")
            },
            placeholder=MISSING,
        )

# the step: every état reached and every transition taken, with their ticket counts
options = [_step_id("etat", None, e) for e in funnel.etat[funnel.tickets > 0]] + [
    _step_id("transition", a, b) for a, b in zip(transitions.from_etat, transitions.to_etat)
]
counts = dict(zip(funnel.etat, funnel.tickets))
pairs = {
    (a, b): n
    for a, b, n in zip(transitions.from_etat, transitions.to_etat, transitions.transitions)
}


def _step_label(step_id: str) -> str:
    kind, a, b = _parse(step_id)
    if kind == "etat":
        return tr(
            LABELS,
            "step_etat",
            etat=etat_label(b),
            n=fmt_int(counts.get(b, 0)),
            plural=counts.get(b, 0),
        )
    n = pairs[(a, b)]
    return tr(LABELS, "step_transition", a=etat_label(a), b=etat_label(b), n=fmt_int(n), plural=n)


if st.session_state.get("wf_step") not in options:
    choice.set_choice(
        "wf_step",
        "etat:reouvert" if "etat:reouvert" in options else (options[0] if options else None),
    )
st.subheader(tr(LABELS, "step_tickets"))
c1, c2 = st.columns([3, 2])
step_id = choice.select(tr(LABELS, "step"), options, _step_label, "wf_step", container=c1)
order = choice.select(
    tr(LABELS, "sort"), list(SORTS), lambda k: tr(SORTS, k), "wf_sort", container=c2
)
if step_id:
    step = _parse(step_id)
    tickets = data.step_tickets(filters, step=step, order=order, limit=LIMIT)
    total = data.count_step_tickets(filters, step=step)
    selected = components.ticket_table(
        tickets,
        key="wf_tickets",
        total=total,
        name="parcours",
        columns=STEP_COLUMNS,
        export=components.TABLE_COLUMNS,  # the file keeps every column
    )
    ticket_view.show(ticket_view.follow(selected, "wf_tickets"), "wf_view")
components.as_of_caption()
