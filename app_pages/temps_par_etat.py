"""Temps par état: average or median business time per état, by a grouping of the tickets.

Rows: assignee, team, priority, customer or month (of the period field) and a total row;
columns: the états; a click on a cell lists the tickets of that row that went through that
état (a click on a row: its longest état), a click on a ticket opens it.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import choice, components, data, state, ticket_view
from app.i18n import etat_label, lang, priority_label, t, tr
from ticketlib.domain import labels
from ticketlib.domain.formats import MISSING, month_label
from ticketlib.domain.vocabulary import ETAT_CODES
from ticketlib.queries import time_in_status as tis

LABELS = labels.TIME_IN_STATUS
GROUPS = tuple(tis.GROUPS)
STATS = ("avg", "median")
DRILL = "tis_drill"
LIMIT = 5000
DRILL_COLUMNS = (
    "ticket_id",
    "state_business_h",
    "state_wall_h",
    "state_visits",
    "title",
    "customer",
    "priority",
    "etat",
    "assignee",
    "team",
    "created_at",
    "ttr_status",
    "resolved_at",
)


def L(key: str, **kw) -> str:
    return tr(LABELS, key, **kw)


def row_label(value, total: bool, group: str) -> str:
    """A row's name: the total, a missing value, a priority, a month or the value as text."""
    if total:
        return L("total_row")
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return L("no_value")
    if group == "priority":
        return priority_label(value)
    if group == "month":
        return month_label(pd.Timestamp(value).date(), lang())
    return str(value)


def _close_drill() -> None:
    st.session_state[DRILL] = None
    ticket_view.close()


st.title(t("page_time_in_status"))
if components.empty_banner():
    st.stop()
st.caption(L("intro"))
filters = state.filters()
components.period_note(filters)

c1, c2, _ = st.columns([2, 2, 3])
group = choice.select(
    L("group_by"), list(GROUPS), lambda g: L(f"group_{g}"), "tis_group", container=c1
)
stat = (
    c2.segmented_control(
        L("statistic"),
        list(STATS),
        format_func=lambda s: L(f"stat_{s}"),
        key="tis_stat",
        default="avg",
    )
    or "avg"
)

frame = data.time_in_status(filters, group=group)
if frame.empty:
    st.info(t("no_rows"))
    components.as_of_caption()
    st.stop()

# one row per group value (total last), one column per état met, hours of the statistic
rows = frame.drop_duplicates(["group_value", "is_total"])[["group_value", "is_total"]]
rows = rows.reset_index(drop=True)
etats = [e for e in ETAT_CODES if e in set(frame["etat"])]
hours = pd.DataFrame(index=rows.index, columns=etats, dtype="float64")
counts = pd.DataFrame(0, index=rows.index, columns=etats, dtype="int64")


def _key(value, total) -> tuple:
    missing = value is None or (not isinstance(value, str) and pd.isna(value))
    return ("", True) if total else (None if missing else str(value), False)


index = {_key(v, tot): i for i, (v, tot) in enumerate(zip(rows.group_value, rows.is_total))}
for record in frame.to_dict("records"):
    i = index[_key(record["group_value"], record["is_total"])]
    hours.loc[i, record["etat"]] = record[f"{stat}_s"] / 3600
    counts.loc[i, record["etat"]] = record["tickets"]

labels_shown = [row_label(v, bool(tot), group) for v, tot in zip(rows.group_value, rows.is_total)]
table = pd.concat([pd.DataFrame({"group": labels_shown}), hours.astype("float64").round(1)], axis=1)
unit = L(f"unit_{stat}")
config = {"group": st.column_config.TextColumn(L(f"group_{group}"), pinned=True)}
for etat in etats:
    # short headers (the full état in the help) so the table fits at 1280 px in both languages
    config[etat] = st.column_config.NumberColumn(
        L(f"short_{etat}"), help=L("cell_help", etat=etat_label(etat), unit=unit)
    )
st.caption(L("table_caption", unit=unit))
# shown in the reader's language (1,5 / 1.5); an empty cell (no ticket went through the état)
# shows the table placeholder (–), as every table does
fr = lang() == "fr"
styled = table.style.format(
    precision=1,
    decimal="," if fr else ".",
    thousands="\u202f" if fr else ",",
    subset=etats,
    na_rep=MISSING,
)
event = st.dataframe(
    styled,
    key=f"tis_table_{group}_{stat}",
    hide_index=True,
    column_config=config,
    on_select="rerun",
    selection_mode=["single-row", "single-cell"],
    width="stretch",
    placeholder=MISSING,
    height=min(35 * (len(table) + 1) + 3, 640),  # every row at once, up to ~17
)
with st.expander(L("counts_title")):
    shown_counts = pd.concat([pd.DataFrame({"group": labels_shown}), counts], axis=1)
    st.dataframe(
        shown_counts,
        hide_index=True,
        column_config={"group": st.column_config.TextColumn(L(f"group_{group}"), pinned=True)}
        | {e: st.column_config.NumberColumn(L(f"short_{e}"), help=etat_label(e)) for e in etats},
        width="stretch",
        placeholder=MISSING,
    )

export = frame.assign(
    group=[row_label(v, bool(tot), group) for v, tot in zip(frame.group_value, frame.is_total)],
    avg_business_h=(frame["avg_s"] / 3600).round(2),
    median_business_h=(frame["median_s"] / 3600).round(2),
)[["group", "etat", "tickets", "avg_business_h", "median_business_h"]]
components.downloads(
    export.rename(columns={"group": L(f"group_{group}")}), "temps_par_etat", "tis_export"
)

# -- drill-down: a cell (row and état) or a row (its longest état) ----------------------------


def _selected() -> dict | None:
    selection = getattr(event, "selection", None) if event is not None else None
    if not selection:
        return None
    cells = list(selection.get("cells") or [])
    chosen_rows = list(selection.get("rows") or [])
    if cells:
        i, column = cells[0]
        etat = column if column in etats else None
    elif chosen_rows:
        i, etat = chosen_rows[0], None
    else:
        return None
    if etat is None:  # the row's longest état
        line = hours.loc[i].dropna()
        if line.empty:
            return None
        etat = str(line.idxmax())
    value, total = rows.group_value[i], bool(rows.is_total[i])
    missing = value is None or (not isinstance(value, str) and pd.isna(value))
    value = None if missing else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    return {"group": group, "value": value, "total": total, "etat": etat}


picked = _selected()  # a table keeps its selection: only a new pick opens a drill
if picked and picked != st.session_state.get("_tis_last_pick"):
    st.session_state[DRILL] = picked
    ticket_view.close()
st.session_state["_tis_last_pick"] = picked
drill = st.session_state.get(DRILL)
if drill and drill.get("group") != group:
    drill = None

st.subheader(L("drill_title"))
if not drill:
    st.caption(L("drill_hint"))
else:
    narrowed = tis.cell_filters(filters, group, drill["value"], total=drill["total"])
    name = row_label(drill["value"], drill["total"], group)
    st.markdown(L("drill_what", etat=etat_label(drill["etat"]), group=ticket_view.safe(name)))
    tickets = data.status_tickets(narrowed, etat=drill["etat"], limit=LIMIT)
    key = components.drill_key("tis_tickets", drill)
    selected = components.ticket_table(
        tickets, key=key, name="temps_par_etat_tickets", columns=DRILL_COLUMNS
    )
    st.button(L("drill_close"), key="tis_drill_close", on_click=_close_drill)
    ticket_view.show(ticket_view.follow(selected, key), "tis_view")
components.as_of_caption()
