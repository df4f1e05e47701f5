"""The one way a name that comes from a file enters SQL (STYLE §11, datasette's lesson).

Column names of an export (`Ticket "ID"`, `"ticket""id"`, `rowid`, `__row`, a name with `;` or
a newline) are text the user chose: they are never pasted into SQL as they are. Readers give
a file's columns internal names of their own (`importers/files.py`), so user columns never share
a name with a working column, and any original name that must still appear in SQL goes through
`quote_ident`. Values are bound as parameters, never formatted.
"""

from __future__ import annotations


def quote_ident(name: str) -> str:
    """Any text as one SQL identifier: double quotes around it, inner double quotes doubled.

    `Ticket "ID"` becomes `"Ticket ""ID"` followed by the closing quote (standard SQL, as DuckDB
    reads it); the result always names exactly the column `name`. Raises ValueError for an
    empty name or one holding a NUL character, which no SQL identifier can be.
    """
    text = str(name)
    if not text or "\x00" in text:
        raise ValueError(f"nom de colonne invalide / invalid column name {text!r}")
    return '"' + text.replace('"', '""') + '"'
