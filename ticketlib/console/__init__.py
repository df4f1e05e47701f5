"""The analysts' read-only SQL console."""
