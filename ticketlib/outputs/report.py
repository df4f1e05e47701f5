"""The customer review as a file: one self-contained HTML page (charts included), and its PDF.

`build_review` gathers the figures of one customer over a period (the same queries as the
page); `review_html` renders them through a Jinja2 template with autoescaping, so every ticket
text (title, customer, agent) is escaped; plotly's JavaScript is embedded once in the page, so
it opens offline with working charts. `print_pdf.review_pdf` prints that page with Debian's headless
chromium (`--print-to-pdf`): the PDF is exactly the HTML, charts drawn by the same JavaScript.
Nothing here knows about Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
import pandas as pd
import plotly.offline

from ticketlib.domain.config import SlaConfig
from ticketlib.domain.formats import (  # noqa: F401 (the review's formatters)
    fmt_date,
    fmt_datetime,
    fmt_hours,
    fmt_int,
    fmt_num,
    fmt_pct,
    missing,
    weekday_names,
)
from ticketlib.domain.labels import REVIEW as LABELS
from ticketlib.marts.dataset import Marts
from ticketlib.outputs.review_figures import review_figures
from ticketlib.outputs.review_words import (
    config_summary,
    etat_name,
    label,
    priority_name,
    status_name,
)
from ticketlib.queries import metrics
from ticketlib.queries import review as metrics_review
from ticketlib.queries import tickets as ticket_queries

TEMPLATES = Path(__file__).resolve().parent / "templates"
CHART_WIDTH = 680  # px: the printable width of an A4 page with the template's margins
TICKET_LIMIT = 500  # rows of the tickets table in the file (the page exports them all)
BREACH_LIMIT = 500


@dataclass
class Review:
    customer: str
    date_from: date | None
    date_to: date | None
    as_of: datetime | None
    config: SlaConfig
    kpis: metrics.Kpis
    priority: pd.DataFrame
    trend: pd.DataFrame
    waits: pd.DataFrame
    breaches: pd.DataFrame
    tickets: pd.DataFrame
    tickets_total: int
    generated_at: datetime
    breaches_truncated: bool = False


def build_review(
    cur,
    marts: Marts,
    config: SlaConfig,
    customer: str,
    date_from: date | None = None,
    date_to: date | None = None,
    ticket_limit: int = TICKET_LIMIT,
    breach_limit: int = BREACH_LIMIT,
) -> Review:
    filters = metrics_review.review_filters(customer, date_from, date_to)
    breaches = metrics_review.breaches(cur, marts, filters, config, limit=breach_limit + 1)
    return Review(
        customer=customer,
        date_from=date_from,
        date_to=date_to,
        as_of=marts.as_of,
        config=config,
        kpis=metrics.kpis(cur, marts, filters),
        priority=metrics_review.priority_compliance(cur, marts, filters),
        trend=metrics.compliance(cur, marts, filters, grain="month", by=None),
        waits=metrics_review.waits(cur, marts, filters),
        breaches=breaches.head(breach_limit),
        tickets=metrics_review.tickets(cur, marts, filters, limit=ticket_limit),
        tickets_total=ticket_queries.count_tickets(cur, marts, filters),
        generated_at=datetime.now(UTC),
        breaches_truncated=len(breaches) > breach_limit,
    )


# --- HTML ------------------------------------------------------------------------------------

_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(["html", "j2"], default=True),
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def review_html(review: Review, lang: str = "fr", summary: bool = False) -> str:
    """The review as one HTML document that opens offline (plotly's JS embedded once).

    `summary=True` leaves out the two long tables (breached clocks, tickets) and says how many
    rows the full version lists: a few pages whatever the customer's volume (issue 13).
    """
    tz = review.config.calendar.timezone
    figures = {
        key: fig.to_html(
            full_html=False,
            include_plotlyjs=False,
            config={"displayModeBar": False, "responsive": False},
        )
        for key, fig in review_figures(review, lang, width=CHART_WIDTH).items()
    }
    k = review.kpis
    total = review.waits[review.waits.is_total]
    waits = total.iloc[0] if not total.empty else None
    context = {
        "lang": lang,
        "colon": "\u00a0:" if lang == "fr" else ":",
        "L": {key: label(key, lang) for key in LABELS},
        "customer": review.customer,
        "period": _period_text(review, lang),
        "as_of": fmt_datetime(review.as_of, tz, lang) or "–",
        "generated": fmt_datetime(review.generated_at, tz, lang),
        "config": config_summary(review.config, lang),
        "kpis": [
            (label("k_tickets", lang), fmt_int(k.tickets, lang), ""),
            (
                label("k_tto", lang),
                fmt_pct(k.tto_compliance, lang),
                label("met_of", lang, met=fmt_int(k.tto_met, lang), n=fmt_int(k.tto_n, lang)),
            ),
            (
                label("k_ttr", lang),
                fmt_pct(k.ttr_compliance, lang),
                label("met_of", lang, met=fmt_int(k.ttr_met, lang), n=fmt_int(k.ttr_n, lang)),
            ),
            (label("k_median_tto", lang), fmt_hours(k.median_tto_h, lang), label("bh", lang)),
            (label("k_median_ttr", lang), fmt_hours(k.median_ttr_h, lang), label("bh", lang)),
            (label("k_open", lang), fmt_int(k.open_backlog, lang), label("at_as_of", lang)),
            (
                label("k_breached_open", lang),
                fmt_int(k.breached_open, lang),
                label("at_as_of", lang),
            ),
            (label("k_at_risk_open", lang), fmt_int(k.at_risk_open, lang), label("at_as_of", lang)),
        ],
        "priority_rows": [
            [
                priority_name(r.priority, lang),
                fmt_int(r.tickets, lang),
                _met(r.tto_met, r.tto_n, r.tto_pct, lang),
                _met(r.ttr_met, r.ttr_n, r.ttr_pct, lang),
                fmt_hours(r.median_tto_h, lang),
                fmt_hours(r.median_ttr_h, lang),
            ]
            for r in review.priority.itertuples()
        ],
        "waits": None
        if waits is None or not waits.tickets
        else {
            "desk": fmt_hours(waits.customer_wait_h, lang),
            "desk_avg": fmt_hours(waits.customer_wait_avg_h, lang),
            "customer": fmt_hours(waits.requester_wait_h, lang),
            "customer_avg": fmt_hours(waits.requester_wait_avg_h, lang),
            "agent": fmt_hours(waits.agent_work_h, lang),
            "internal": fmt_hours(waits.internal_wait_h, lang),
        },
        "breach_rows": [
            {
                "id": r.ticket_id,
                "title": r.title or "",
                "clock": label(f"{r.clock}_short", lang),
                "running": bool(r.is_open),
                "priority": priority_name(r.clock_priority, lang),
                "target": fmt_hours(r.target_h, lang),
                "elapsed": fmt_hours(r.elapsed_h, lang),
                "overrun": fmt_hours(r.overrun_h, lang),
                "due": fmt_datetime(r.due_at, tz, lang),
                "etat": etat_name(r.consumed_by, lang) if isinstance(r.consumed_by, str) else "–",
                "etat_hours": fmt_hours(r.consumed_h, lang),
            }
            for r in review.breaches.itertuples()
        ],
        "ticket_rows": [
            {
                "id": r.ticket_id,
                "title": r.title or "",
                "priority": priority_name(r.priority, lang),
                "etat": etat_name(r.etat, lang),
                "created": fmt_datetime(r.created_at, tz, lang),
                "tto": fmt_hours(r.tto_h, lang),
                "tto_status": r.tto_status,
                "tto_label": status_name(r.tto_status, lang),
                "ttr": fmt_hours(r.ttr_h, lang),
                "ttr_status": r.ttr_status,
                "ttr_label": status_name(r.ttr_status, lang),
                "customer_wait": fmt_hours(r.customer_wait_h, lang),
                "requester_wait": fmt_hours(r.requester_wait_h, lang),
            }
            for r in review.tickets.itertuples()
        ],
        "summary": summary,
        "breaches_count": fmt_int(len(review.breaches), lang)
        + ("+" if review.breaches_truncated else ""),
        "tickets_truncated": review.tickets_total > len(review.tickets),
        "breaches_truncated": review.breaches_truncated,
        "breaches_shown": fmt_int(len(review.breaches), lang),
        "tickets_total": fmt_int(review.tickets_total, lang),
        "tickets_shown": fmt_int(len(review.tickets), lang),
        "figures": {
            k: jinja2.utils.markupsafe.Markup(figures.get(k, ""))
            for k in ("priority", "trend", "waits", "waits_month")
        },
        "plotly_js": jinja2.utils.markupsafe.Markup(plotly.offline.get_plotlyjs())
        if figures
        else "",
    }
    return _ENV.get_template("review.html.j2").render(**context)


def _met(met, n, pct, lang: str) -> str:
    if not n:
        return "–"
    return f"{fmt_pct(pct, lang)} ({fmt_int(met, lang)}/{fmt_int(n, lang)})"


def _period_text(review: Review, lang: str) -> str:
    if review.date_from and review.date_to:
        key = "period_between"
    elif review.date_from:
        key = "period_from"
    elif review.date_to:
        key = "period_to"
    else:
        key = "period_all"
    return label(
        key, lang, start=fmt_date(review.date_from, lang), end=fmt_date(review.date_to, lang)
    )


def file_stem(customer: str, date_from: date | None, date_to: date | None) -> str:
    """A safe file name: revue-sla_<customer>_<from>_<to>."""
    import re
    import unicodedata

    bare = "".join(
        c for c in unicodedata.normalize("NFKD", customer) if not unicodedata.combining(c)
    )
    slug = re.sub(r"[^A-Za-z0-9]+", "-", bare).strip("-").lower() or "client"
    parts = ["revue-sla", slug[:60]]
    if date_from or date_to:
        parts.append(f"{date_from or ''}_{date_to or ''}".strip("_"))
    return "_".join(parts)
