"""Every query a page draws from, each one a typed, cached call (see `app.cache`).

A page writes `data.kpis(filters)` for `ticketlib.queries.metrics.kpis(cur, marts, filters)`:
the cursor, the marts and the configuration come from the session. Nothing else in `app/` or
`app_pages/` opens a cursor for a figure.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from app import state
from app.cache import cached
from ticketlib.queries import admin, metrics, review, sla, workflow
from ticketlib.queries import created_resolved as created_resolved_query
from ticketlib.queries import tickets as ticket_queries
from ticketlib.queries import time_in_status as tis
from ticketlib.queries.filters import Filters

# --- overview and compliance (ticketlib.queries.metrics, .sla) ---------------------------------
options = cached(metrics.options)
kpis = cached(metrics.kpis)
backlog = cached(metrics.backlog)
tickets = cached(ticket_queries.tickets)
count_tickets = cached(ticket_queries.count_tickets)
what_if = cached(metrics.what_if)
distribution = cached(metrics.distribution)
clock_compliance = cached(sla.clock_compliance)
kpi_tickets = cached(sla.kpi_tickets)
backlog_tickets = cached(sla.backlog_tickets)

# --- workflow, breaches, one ticket (ticketlib.queries.workflow) --------------------------------
funnel = cached(workflow.funnel)
transitions = cached(workflow.transitions)
reopen_rate = cached(workflow.reopen_rate)
step_tickets = cached(workflow.step_tickets)
count_step_tickets = cached(workflow.count_step_tickets)
breach_list = cached(workflow.breach_list)
breach_summary = cached(workflow.breach_summary)
ticket = cached(ticket_queries.ticket, max_entries=256)

# --- time in status, created vs resolved (ticketlib.queries.time_in_status, .created_resolved) -
time_in_status = cached(tis.time_in_status)
status_tickets = cached(tis.status_tickets)
created_resolved = cached(created_resolved_query.created_resolved)

# --- customer review (ticketlib.queries.review) ------------------------------------------------
customers = cached(review.customers, max_entries=256)

# --- data page (ticketlib.queries.admin) --------------------------------------------------------
imports = cached(admin.imports, max_entries=256)
import_files = cached(admin.import_files, max_entries=256)
quarantine_summary = cached(admin.quarantine_summary, max_entries=256)
quarantine = cached(admin.quarantine, max_entries=256)
quarantine_count = cached(admin.quarantine_count, max_entries=256)
quality_flags = cached(admin.quality_flags, max_entries=256)
quality_summary = cached(admin.quality_summary, max_entries=256)


def unexpected_transitions(filters: Filters) -> pd.DataFrame:
    """The unexpected rows of the (cached) transitions: no second scan of the intervals."""
    return workflow.unexpected_of(transitions(filters))


def is_empty() -> bool:
    return state.dataset().is_empty


def as_of_used() -> datetime | None:
    """The as-of instant the figures were computed at (the latest event by default)."""
    return state.marts().as_of
