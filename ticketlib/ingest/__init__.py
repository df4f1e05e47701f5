"""Importing exports into the database: one atomic, idempotent write session per import.

Format readers stage rows (`staging`); `landing` parses, maps, checks and accounts for them
the same way for every format.
"""

from ticketlib.ingest.files import FileError
from ticketlib.ingest.run import ImportReport, run_import

__all__ = ["FileError", "ImportReport", "run_import"]
