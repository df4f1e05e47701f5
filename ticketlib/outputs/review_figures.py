"""The customer review's plotly figures, keyed by section (drawn in the HTML file and on the
Revue client page), their words from `review_words`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ticketlib.charts import review as charts
from ticketlib.domain.formats import fmt_pct
from ticketlib.domain.vocabulary import PRIORITY_CODES
from ticketlib.outputs.review_words import label, priority_name

if TYPE_CHECKING:
    from ticketlib.outputs.report import Review


def review_figures(review: Review, lang: str = "fr", width: int | None = None) -> dict:
    """The review's plotly figures (also drawn on the page), keyed by section."""
    clocks = {"tto": label("tto", lang), "ttr": label("ttr", lang)}
    goal = {
        "goal": review.config.rules.goal,
        "goal_label": label("goal", lang, pct=fmt_pct(review.config.rules.goal, lang, 0)),
    }
    figures = {}
    if not review.priority.empty:
        figures["priority"] = charts.priority_compliance(
            review.priority,
            priority_names={p: priority_name(p, lang) for p in (*PRIORITY_CODES, "")},
            clock_names=clocks,
            y_title=label("compliance_axis", lang),
            lang=lang,
            width=width,
            **goal,
        )
    if not review.trend.empty:
        figures["trend"] = charts.trend(
            review.trend,
            clock_names=clocks,
            tickets_name=label("tickets_created", lang),
            y_title=label("compliance_axis", lang),
            y2_title=label("tickets_axis", lang),
            lang=lang,
            width=width,
            **goal,
        )
    total = review.waits[review.waits.is_total]
    if not total.empty and total.iloc[0].tickets:
        wait_labels = {k: label(k, lang) for k in _WAIT_KEYS}
        figures["waits"] = charts.waits_balance(
            total.iloc[0],
            labels=wait_labels,
            x_title=label("business_hours", lang),
            lang=lang,
            width=width,
        )
        figures["waits_month"] = charts.waits_by_month(
            review.waits,
            labels=wait_labels,
            y_title=label("business_hours", lang),
            lang=lang,
            width=width,
        )
    return figures


_WAIT_KEYS = ("desk_waited", "customer_waited", "customer_wait", "agent_work", "internal_wait")
