"""The replay: business calendar, as-of plan, intervals and clocks (SQL in sql/replay)."""
