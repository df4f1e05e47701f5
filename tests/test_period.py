"""The one default period of every page (issue 13, item 5): ticketlib.queries.period."""

from __future__ import annotations

from datetime import date

from ticketlib.queries import period
from ticketlib.queries.filters import Filters


def test_default_span_is_three_full_months_and_the_running_one():
    assert period.default_span(date(2025, 3, 18)) == (date(2024, 12, 1), date(2025, 3, 18))
    assert period.default_span(date(2025, 1, 1)) == (date(2024, 10, 1), date(2025, 1, 1))
    assert period.default_span(date(2024, 12, 31)) == (date(2024, 9, 1), date(2024, 12, 31))
    assert period.default_span(date(2025, 3, 6), months=0) == (date(2025, 3, 1), date(2025, 3, 6))


def test_scope_applies_the_default_only_without_a_date():
    last = date(2025, 3, 6)
    s = period.scope(Filters(priorities=("haute",)), last)
    assert s.defaulted and not s.whole_history
    assert (s.filters.date_from, s.filters.date_to) == (date(2024, 12, 1), last)
    assert s.filters.priorities == ("haute",)
    # a chosen date wins, either end alone too (a shared link's from= or to=)
    for chosen in (
        Filters(date_from=date(2025, 1, 1)),
        Filters(date_to=date(2024, 6, 30)),
        Filters(date_from=date(2014, 3, 1), date_to=date(2014, 12, 31)),
    ):
        s = period.scope(chosen, last)
        assert s.filters == chosen and not s.defaulted and not s.whole_history
    # the whole history asked for, or no data at all: no period
    for s in (period.scope(Filters(), last, whole_history=True), period.scope(Filters(), None)):
        assert s.filters == Filters() and s.whole_history and not s.defaulted
    # dates chosen beat the whole-history switch
    s = period.scope(Filters(date_from=date(2025, 1, 1)), last, whole_history=True)
    assert s.filters.date_from == date(2025, 1, 1) and not s.whole_history
