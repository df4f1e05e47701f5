"""Panels of the Conformité SLA page that stand alone: the targets in force and the what-if
(session state only: the what-if never writes anything), and the French number formats of its
tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app import components, data
from app.i18n import etat_label, fmt_date, fmt_int, fmt_num, fmt_pct, lang, priority_label, t, tr
from ticketlib.charts import distribution as charts
from ticketlib.domain.config import WEEKDAYS
from ticketlib.domain.formats import weekday_names
from ticketlib.domain.labels import COMPLIANCE
from ticketlib.domain.vocabulary import PRIORITY_BY_CODE, PRIORITY_CODES
from ticketlib.queries import config_view
from ticketlib.queries import sla as metrics_sla
from ticketlib.queries.filters import Filters
from ticketlib.queries.sla import ALL_KEY


def L(key: str, **kw) -> str:
    return tr(COMPLIANCE, key, **kw)


def hours_text(h: float) -> str:
    """8 h, 1 h 30, 0 h 45."""
    minutes = round(h * 60)
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest:02d}" if rest else f"{whole} h"


def french(frame: pd.DataFrame):
    """Numbers shown in the reader's format (1 234 ; 84,7 %), still sorted as numbers."""
    formats = {}
    for column in frame.columns:
        if pd.api.types.is_integer_dtype(frame[column]):
            formats[column] = fmt_int
        elif pd.api.types.is_float_dtype(frame[column]):
            if "%" in str(column):
                formats[column] = lambda v: "–" if pd.isna(v) else fmt_num(v) + "\u202f%"
            elif "Δ" in str(column):
                formats[column] = lambda v: (
                    "–" if pd.isna(v) else f"{v:+.1f}".replace(".", "," if lang() == "fr" else ".")
                )
            else:
                formats[column] = lambda v: "–" if pd.isna(v) else fmt_num(v)
    return frame.style.format(formats)


# -- what-if state ------------------------------------------------------------------------------


def configured_hours(config) -> dict[str, tuple[float, float]]:
    frame = config_view.targets_frame(config)
    return {r.priority: (r.tto_h, r.ttr_h) for r in frame.itertuples()}


def reset_what_if(config) -> None:
    for p, (tto, ttr) in configured_hours(config).items():
        st.session_state[f"wi_tto_{p}"] = tto
        st.session_state[f"wi_ttr_{p}"] = ttr
    st.session_state["wi_at_risk_pct"] = round(100 * config.rules.at_risk)


def init_what_if(config) -> None:
    """Session values of the what-if widgets, the configured ones until changed."""
    for p, (tto, ttr) in configured_hours(config).items():
        st.session_state.setdefault(f"wi_tto_{p}", tto)
        st.session_state.setdefault(f"wi_ttr_{p}", ttr)
    st.session_state.setdefault("wi_at_risk_pct", round(100 * config.rules.at_risk))


def what_if_values(config) -> tuple[dict[str, tuple[float, float]], float]:
    configured = configured_hours(config)
    targets = {
        p: (
            float(st.session_state.get(f"wi_tto_{p}", configured[p][0])),
            float(st.session_state.get(f"wi_ttr_{p}", configured[p][1])),
        )
        for p in PRIORITY_CODES
    }
    pct = st.session_state.get("wi_at_risk_pct", round(100 * config.rules.at_risk))
    return targets, pct / 100


# -- panels ---------------------------------------------------------------------------------------


def targets_panel(config, names: dict[str, str]) -> None:
    """The targets per priority and the calendar and rules of sla.toml."""
    left, right = st.columns([3, 4])
    with left:
        st.markdown(f"**{L('targets_title')}**")
        targets = config_view.targets_frame(config)
        shown = pd.DataFrame(
            {
                t("priority"): [names[p] for p in targets["priority"]],
                L("tto_target"): [hours_text(h) for h in targets["tto_h"]],
                L("ttr_target"): [hours_text(h) for h in targets["ttr_h"]],
                L("meaning"): [
                    getattr(PRIORITY_BY_CODE[p], "meaning_fr" if lang() == "fr" else "meaning_en")
                    for p in targets["priority"]
                ],
            }
        )
        st.table(shown.set_index(t("priority")))
    with right:
        st.markdown(f"**{L('calendar_title')}**")
        cal = config.calendar
        weekdays = dict(zip(WEEKDAYS, weekday_names(lang())))
        if cal.is_24x7:
            hours = L("c_24x7")
        else:
            hours = (" ; " if lang() == "fr" else "; ").join(
                (weekdays[a] if a == b else f"{weekdays[a]}–{weekdays[b]}")
                + " "
                + (text or L("c_closed"))
                for a, b, text in config_view.weekly_hours(config)
            )
        first, last = data.options().get("days") or (None, None)
        closed = (
            config_view.holidays_between(config, first, last, lang())
            if first and last
            else pd.DataFrame(columns=["day", "name", "kind"])
        )
        rows = [
            (L("c_zone"), cal.timezone),
            (L("c_hours"), hours),
            (
                L("c_holidays"),
                L(
                    "c_holidays_value",
                    country=cal.holidays,
                    subdiv=f" ({cal.holidays_subdiv})" if cal.holidays_subdiv else "",
                    n=fmt_int(len(closed)),
                )
                if cal.holidays
                else L("c_holidays_none"),
            ),
            (L("c_closed_days"), ", ".join(fmt_date(d) for d in cal.closed_days) or "–"),
            (L("c_open_days"), ", ".join(fmt_date(d) for d in cal.open_days) or "–"),
            (
                L("c_pause"),
                L(
                    "c_pause_value",
                    etats=", ".join(etat_label(e) for e in config.rules.pause) or "–",
                ),
            ),
            (L("c_at_risk"), L("c_at_risk_value", pct=fmt_pct(config.rules.at_risk, 0))),
            (L("c_default"), priority_label(config.rules.default_priority)),
            (L("c_reopen"), L("c_reopen_value")),
            (L("c_source"), str(config.source)),
        ]
        st.table(pd.DataFrame(rows, columns=[L("setting"), L("value")]).set_index(L("setting")))
    if not closed.empty:
        with st.expander(L("holidays_list")):
            st.dataframe(
                pd.DataFrame(
                    {
                        L("day"): [fmt_date(d) for d in closed["day"]],
                        L("name"): closed["name"],
                        L("kind"): [L(f"kind_{k}") for k in closed["kind"]],
                    }
                ),
                hide_index=True,
                width="stretch",
                key="cf_holidays",
            )


def what_if_panel(config, filters: Filters, names: dict[str, str]) -> None:
    """Targets and at-risk share for this session, every figure beside the configured one."""
    configured = configured_hours(config)
    st.info(L("wi_intro"), icon="🧪")
    st.markdown(f"**{L('wi_targets')}**")
    head = st.columns([2, 3, 3])
    head[1].markdown(f"*{t('tto')}*")
    head[2].markdown(f"*{t('ttr')}*")
    for p in PRIORITY_CODES:
        row = st.columns([2, 3, 3])
        row[0].markdown(f"**{names[p]}**")
        for i, clock in enumerate(("tto", "ttr")):
            row[i + 1].number_input(
                f"{clock.upper()} {names[p]} (h)",
                min_value=0.25,
                max_value=10000.0,
                step=0.25 if configured[p][i] < 8 else 1.0,
                format="%g",
                key=f"wi_{clock}_{p}",
                label_visibility="collapsed",
            )
    c1, c2 = st.columns([3, 2])
    c1.slider(
        L("wi_at_risk"),
        min_value=5,
        max_value=100,
        step=1,
        format="%d %%",
        key="wi_at_risk_pct",
    )
    c2.button(L("wi_reset"), key="wi_reset", on_click=reset_what_if, args=(config,))
    wi_targets, wi_at_risk = what_if_values(config)
    changes = [
        f"{clock.upper()} {names[p]} {hours_text(configured[p][i])} → {hours_text(wi_targets[p][i])}"
        for p in PRIORITY_CODES
        for i, clock in enumerate(("tto", "ttr"))
        if abs(wi_targets[p][i] - configured[p][i]) > 1e-9
    ]
    if abs(wi_at_risk - config.rules.at_risk) > 1e-9:
        changes.append(
            f"{L('c_at_risk')} {fmt_pct(config.rules.at_risk, 0)} → {fmt_pct(wi_at_risk, 0)}"
        )
    if changes:
        st.warning(L("wi_changed", what=" ; ".join(changes)), icon="🧪")
    else:
        st.caption(L("wi_same"))

    raw = data.what_if(
        filters,
        targets=metrics_sla.what_if_targets_s(wi_targets),
        at_risk=wi_at_risk,
    )
    summary = metrics_sla.what_if_summary(raw)
    if summary.empty:
        st.info(t("no_rows"))
    else:
        total = summary[summary["priority"] == ALL_KEY].iloc[0]
        cards = st.columns(4)
        for col, clock in zip(cards[:2], ("tto", "ttr")):
            col.metric(
                f"{clock.upper()} · {L('simulated')}",
                fmt_pct(total[f"new_{clock}_pct"]),
                (
                    ("+" if total[f"{clock}_delta_pts"] > 0 else "")
                    + fmt_num(total[f"{clock}_delta_pts"])
                    + " pt"
                )
                if abs(total[f"{clock}_delta_pts"]) > 1e-9
                else None,
                delta_description=f"{L('configured')} {fmt_pct(total[f'{clock}_pct'])}",
                border=True,
            )
        for col, what in zip(cards[2:], ("breached_open", "at_risk_open")):
            d = int(total[f"new_{what}"] - total[what])
            col.metric(
                f"{L(what)} · {L('simulated')}",
                fmt_int(total[f"new_{what}"]),
                (("+" if d > 0 else "") + fmt_int(d)) if d else None,
                delta_color="inverse",
                delta_description=f"{L('configured')} {fmt_int(total[what])}",
                border=True,
            )
        fig = charts.what_if_bars(
            summary,
            priority_names=names,
            all_label=L("all_priorities"),
            clock_titles={"tto": t("tto"), "ttr": t("ttr")},
            configured_label=L("configured"),
            what_if_label=L("simulated"),
            y_title=L("wi_y"),
            lang=lang(),
        )
        st.plotly_chart(fig, key="cf_what_if_chart", config={"displayModeBar": False})
        conf, sim = L("configured").lower(), L("simulated").lower()
        table = pd.DataFrame(
            {
                t("priority"): [names.get(p, p) for p in summary["priority"]],
                f"TTO % {conf}": (100 * summary["tto_pct"]).round(1),
                f"TTO % {sim}": (100 * summary["new_tto_pct"]).round(1),
                f"Δ TTO {L('pts')}": summary["tto_delta_pts"].round(1),
                f"TTR % {conf}": (100 * summary["ttr_pct"]).round(1),
                f"TTR % {sim}": (100 * summary["new_ttr_pct"]).round(1),
                f"Δ TTR {L('pts')}": summary["ttr_delta_pts"].round(1),
                f"{L('breached_open')} ({conf})": summary["breached_open"],
                f"{L('breached_open')} ({sim})": summary["new_breached_open"],
                f"{L('at_risk_open')} ({conf})": summary["at_risk_open"],
                f"{L('at_risk_open')} ({sim})": summary["new_at_risk_open"],
            }
        )
        st.table(french(table.set_index(t("priority"))))
        components.downloads(table, "simulation", "cf_what_if_dl")
