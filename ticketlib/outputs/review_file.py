"""The customer review written to a file, for `python -m ticketlib review` (DESIGN §5.3).

The same file as the Revue client page's download: `report.build_review` then `review_html`
(and `print_pdf.review_pdf` for a `.pdf`). Errors are `ValueError` (unknown customer, bad extension,
dates in the wrong order) and `print_pdf.PdfUnavailable` (no chromium), each one line in French
then English, so the CLI prints them as they are.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ticketlib.db import store
from ticketlib.domain.config import SlaConfig
from ticketlib.marts.dataset import Dataset
from ticketlib.outputs import print_pdf, report
from ticketlib.queries import review as metrics_review

SUFFIXES = (".html", ".pdf")


def write_review(
    out: Path | str,
    customer: str,
    *,
    db: Path | str | None = None,
    config: SlaConfig,
    date_from: date | None = None,
    date_to: date | None = None,
    as_of: datetime | str | None = None,
    summary: bool = False,
    lang: str = "fr",
) -> Path:
    """Write the review of `customer` (tickets created `date_from`..`date_to`, local dates,
    inclusive) as of `as_of` to `out` (.html, or .pdf printed by chromium); return `out`.

    Nothing is written when the customer is unknown or the PDF cannot be printed.
    """
    out = Path(out)
    if out.suffix.lower() not in SUFFIXES:
        raise ValueError(f"{out.name}: extension .html ou .pdf attendue / expected")
    if date_from and date_to and date_from > date_to:
        raise ValueError(
            f"période vide : {date_from} est après {date_to} / "
            f"empty period: {date_from} is after {date_to}"
        )
    if out.suffix.lower() == ".pdf" and print_pdf.chromium_path() is None:
        raise print_pdf.PdfUnavailable(
            "PDF indisponible : chromium n'est pas installé (apt-get install chromium) ; "
            "écrivez un .html / PDF unavailable: chromium is not installed "
            "(apt-get install chromium); write an .html"
        )
    path = Path(db) if db else store.default_db()
    if not path.exists():
        raise ValueError(f"{path}: base introuvable / database not found")
    ds = Dataset(path)
    try:
        marts = ds.marts(config, as_of)
        with ds.cursor() as cur:
            known = metrics_review.customers(cur, marts).customer.tolist()
            if customer not in known:
                raise ValueError(
                    f"client inconnu / unknown customer: {customer!r} "
                    f"({len(known)} clients, ex. / e.g. {', '.join(map(repr, known[:3]))})"
                )
            rv = report.build_review(cur, marts, config, customer, date_from, date_to)
    finally:
        ds.close()
    html = report.review_html(rv, lang, summary=summary)
    content = print_pdf.review_pdf(html) if out.suffix.lower() == ".pdf" else html.encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    return out
