"""Importing exports into the database: one atomic, idempotent write session per import.

Format readers stage rows (`staging`); `landing` parses, maps, checks and accounts for them
the same way for every format.
"""

from ticketlib.importers.files import FileError
from ticketlib.importers.run import ImportReport, run_import

__all__ = ["FileError", "ImportReport", "run_import"]
