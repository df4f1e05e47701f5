"""The frame's shared state: the database, the configuration, the global filters.

The sidebar's widgets are bound to the URL (`bind="query-params"`), so a copied link reopens
the same view on any page. One `Dataset` per version of the database file is cached for every
session; when an import replaces the file, the next run opens the new version.
"""

from __future__ import annotations

from datetime import date, datetime, time

import streamlit as st

from app.i18n import etat_label, priority_label, t
from ticketlib.db import store
from ticketlib.domain import labels, vocabulary
from ticketlib.domain.config import DEFAULT_CONFIG, SlaConfig, load_config
from ticketlib.domain.vocabulary import ETAT_CODES, PRIORITY_CODES
from ticketlib.marts.dataset import Dataset, Marts
from ticketlib.queries import period
from ticketlib.queries.filters import Filters
from ticketlib.queries.period import Scope

FILTER_KEYS = (
    "period",
    "from",
    "to",
    "prio",
    "cust",
    "team",
    "agent",
    "etat",
    "asof",
    "asof_t",
    "q",
    "all",
)

# the value of each filter widget when nothing is chosen (None for the others)
FILTER_DEFAULTS = {
    "period": "created",
    "prio": [],
    "cust": [],
    "team": [],
    "agent": [],
    "etat": [],
    "q": "",
    "all": False,
}


@st.cache_resource(max_entries=2, show_spinner=False)
def _dataset(path: str, version) -> Dataset:
    return Dataset(path)


def dataset() -> Dataset:
    path = store.default_db()
    return _dataset(str(path), store.database_version(path))


@st.cache_resource(max_entries=4, show_spinner=False)
def _config(path: str, mtime: float) -> SlaConfig:
    return load_config(path)


def config_path():
    import os

    return os.environ.get("TICKETLIB_CONFIG", str(DEFAULT_CONFIG))


def config() -> SlaConfig:
    path = config_path()
    import os

    return _config(path, os.path.getmtime(path))


def as_of() -> datetime | None:
    """The as-of instant chosen in the sidebar (local wall time made absolute), or None."""
    day = st.session_state.get("asof")
    if not isinstance(day, date):
        return None
    moment = st.session_state.get("asof_t") or time(23, 59, 59)
    from zoneinfo import ZoneInfo

    return datetime.combine(day, moment).replace(tzinfo=ZoneInfo(config().calendar.timezone))


def marts() -> Marts:
    return dataset().marts(config(), as_of())


def last_day() -> date | None:
    """The data's last day: the as-of instant's local day (None for an empty database)."""
    if dataset().is_empty:
        return None
    moment = marts().as_of
    if moment is None:
        return None
    import pandas as pd

    return pd.Timestamp(moment).tz_convert(config().calendar.timezone).date()


def scope() -> Scope:
    """The sidebar's filters with the one default period applied (`ticketlib.queries.period`):
    what every page with a period uses, and whether the period was defaulted."""
    return period.scope(chosen_filters(), last_day(), bool(st.session_state.get("all")))


def filters() -> Filters:
    """The filters every page uses: the sidebar's, the default period applied (see `scope`)."""
    return scope().filters


def chosen_filters() -> Filters:
    """The sidebar's filters as chosen (no period when no date is chosen)."""
    s = st.session_state
    period = s.get("period") or "created"
    return Filters(
        period_field=period,
        date_from=s.get("from") if isinstance(s.get("from"), date) else None,
        date_to=s.get("to") if isinstance(s.get("to"), date) else None,
        priorities=tuple(s.get("prio") or ()),
        customers=tuple(s.get("cust") or ()),
        teams=tuple(s.get("team") or ()),
        agents=tuple(s.get("agent") or ()),
        etats=tuple(s.get("etat") or ()),
        search=s.get("q") or "",
    )


def reset_filters() -> None:
    """Clear every global filter, in the widgets and in the URL: a widget bound to the query
    string reads it back on the next run, so deleting the session state did nothing (issue 13);
    setting each widget to its default does both (Streamlit drops a default from the URL).
    The language and the page's own parameters (e.g. `ticket`) stay."""
    for key in FILTER_KEYS:
        st.session_state[key] = FILTER_DEFAULTS.get(key)


def date_bounds(days) -> dict:
    """`min_value` / `max_value` for a date field from the data's first and last creation days
    (`options["days"]`), a year of slack each side and today included: Streamlit's own default
    refuses dates over 10 years old, which dropped the 2013-2016 public samples and a shared
    link's `from=` (issue 13). Empty data: Streamlit's defaults."""
    first, last = days or (None, None)
    if not isinstance(first, date) or not isinstance(last, date):
        return {}
    last = max(last, date.today())
    return {"min_value": date(first.year - 1, 1, 1), "max_value": date(last.year + 1, 12, 31)}


def _spellings(key: str) -> dict[str, str]:
    """Every spelling a link may carry for a choice of `key` (code, French or English label,
    any case) -> the code."""
    if key == "prio":
        pairs = {
            c: (vocabulary.priority_label(c, "fr"), vocabulary.priority_label(c, "en"))
            for c in PRIORITY_CODES
        }
    elif key == "etat":
        pairs = {
            c: (vocabulary.etat_label(c, "fr"), vocabulary.etat_label(c, "en")) for c in ETAT_CODES
        }
    else:
        pairs = {c: labels.COMMON[f"period_{c}"] for c in ("created", "resolved")}
    return {s.casefold(): code for code, names in pairs.items() for s in (code, *names)}


def url_choices_in_language() -> None:
    """Read the URL's priority, état and period choices in any spelling (code, French or
    English label, any case) before the widgets do. Streamlit writes a bound choice by its
    shown label and drops what no option shows, so a link copied in French (`prio=Haute`)
    lost its filter when opened in English, and a code (`prio=haute`) was never read
    (issue 13). The choices go to the widgets' state on the session's first run; unknown
    values are left for Streamlit to drop."""
    for key in ("prio", "etat", "period"):
        values = st.query_params.get_all(key)
        if not values or key in st.session_state:
            continue
        spelling = _spellings(key)
        codes = [spelling[v.casefold()] for v in values if v.casefold() in spelling]
        if codes:
            codes = list(dict.fromkeys(codes))
            st.session_state[key] = codes[0] if key == "period" else codes


def sidebar(options: dict) -> None:
    """The global filters, shared by every page and kept in the URL."""
    url_choices_in_language()
    with st.sidebar:
        st.subheader(t("filters"))
        st.segmented_control(
            t("period_field"),
            ["created", "resolved"],
            format_func=lambda v: t(f"period_{v}"),
            key="period",
            default="created",
            bind="query-params",
        )
        bounds = date_bounds(options.get("days"))
        # one date field per row: side by side they were too narrow to read ("01/0", issue 13)
        st.date_input(
            "Du" if _fr() else "From",
            value=None,
            key="from",
            bind="query-params",
            format=_fmt(),
            **bounds,
        )
        st.date_input(
            "Au" if _fr() else "To",
            value=None,
            key="to",
            bind="query-params",
            format=_fmt(),
            **bounds,
        )
        st.toggle(t("whole_history"), key="all", bind="query-params", help=t("whole_history_help"))
        pick = t("choose")
        st.multiselect(
            t("priorities"),
            list(PRIORITY_CODES),
            format_func=priority_label,
            key="prio",
            bind="query-params",
            placeholder=pick,
        )
        for label, name, key in (
            ("customers", "customer", "cust"),
            ("teams", "team", "team"),
            ("agents", "assignee", "agent"),
        ):
            st.multiselect(
                t(label), options.get(name, []), key=key, bind="query-params", placeholder=pick
            )
        st.multiselect(
            t("etats"),
            list(ETAT_CODES),
            format_func=etat_label,
            key="etat",
            bind="query-params",
            placeholder=pick,
        )
        st.text_input(t("search"), key="q", bind="query-params")
        st.date_input(
            t("as_of"),
            value=None,
            key="asof",
            bind="query-params",
            help=t("as_of_help"),
            format=_fmt(),
            **bounds,
        )
        st.time_input(t("as_of_time"), value=None, key="asof_t", bind="query-params", step=900)
        st.button(t("reset"), on_click=reset_filters, width="stretch", key="reset_filters")


def _fr() -> bool:
    from app.i18n import lang

    return lang() == "fr"


def _fmt() -> str:
    return "DD/MM/YYYY" if _fr() else "YYYY/MM/DD"
