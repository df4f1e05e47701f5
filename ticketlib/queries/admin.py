"""Queries of the data page: imports, their files, the quarantine and the data-quality flags.

The imports, files and quarantine are raw tables of the database (no marts); the quality flags
are the `marts.quality` mart of the marts in force. SQL in `sql/queries/`.
"""

from __future__ import annotations

import pandas as pd

from ticketlib.db.sqlfiles import bound, sql
from ticketlib.marts.dataset import Marts
from ticketlib.queries import runner


def _raw(cur, name: str, params: dict | None = None) -> pd.DataFrame:
    text = sql(name)
    return cur.execute(text, bound(text, params or {})).df()


def imports(cur) -> pd.DataFrame:
    """One row per import, newest first."""
    return _raw(cur, "metric_review_imports")


def import_files(cur) -> pd.DataFrame:
    return _raw(cur, "metric_review_import_files")


def quarantine_summary(cur) -> pd.DataFrame:
    return _raw(cur, "metric_review_quarantine_summary")


def quarantine(
    cur, reason: str | None = None, import_id: int | None = None, limit: int = 5000
) -> pd.DataFrame:
    return _raw(
        cur,
        "metric_review_quarantine",
        {"reason": reason, "import_id": import_id, "limit": limit},
    )


def quarantine_count(cur, reason: str | None = None, import_id: int | None = None) -> int:
    frame = _raw(cur, "metric_review_quarantine_count", {"reason": reason, "import_id": import_id})
    return int(frame["rows"].iloc[0])


def quality_flags(cur, marts: Marts, flag: str | None = None, limit: int = 5000) -> pd.DataFrame:
    """The flagged tickets (of one `flag`, or all), with the flag's detail."""
    return runner.run(cur, marts, "metric_review_quality_flags", {"flag": flag, "limit": limit})


def quality_summary(cur, marts: Marts) -> pd.DataFrame:
    """Per data-quality flag: flags and distinct tickets, most frequent first."""
    return runner.run(cur, marts, "metric_quality_summary", {})
