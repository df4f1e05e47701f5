"""The memory budget of a process's DuckDB connections, and where they spill beyond it.

Every connection the package opens gets DuckDB's `memory_limit` from the budget (default: 1 GB,
or half the machine's physical memory when that is less; `--memory 2GB` on the CLI, or the
`TICKETLIB_MEMORY` variable) and a `temp_directory` to spill to, so a large import or replay
writes to disk instead of failing. The default keeps a process near 1.5 GB whatever the data
size (the import and the replay spill, and the replay runs in more ticket partitions): measured
at 2M tickets in docs/PERFORMANCE.md; a larger budget buys speed on large data. Units as DuckDB reads them: KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024,
bare numbers are bytes.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

_UNITS = {
    "": 1,
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "tb": 10**12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?b|b)?\s*$", re.IGNORECASE)
MINIMUM = 64 * 10**6  # below this DuckDB cannot run the replay at all
# The default budget's ceiling: a process's peak resident memory is about the budget plus
# 0.3-0.5 GB (Python, DuckDB's allocations outside its buffer pool; docs/PERFORMANCE.md).
DEFAULT = 10**9

_budget: int | None = None
_partitions: int | None = None


def parse_size(text: str) -> int:
    """Bytes in `text` ('2GB', '512 MiB', '1.5gb', '1000000'); ValueError otherwise or when
    below 64 MB."""
    match = _SIZE.match(str(text))
    if not match:
        raise ValueError(
            f"--memory {text!r}: taille attendue, p. ex. 2GB ou 512MB / "
            "a size expected, e.g. 2GB or 512MB"
        )
    size = int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower()])
    if size < MINIMUM:
        raise ValueError(f"--memory {text!r}: au moins / at least 64MB")
    return size


def physical_memory() -> int:
    """The machine's physical memory in bytes (8 GB when the system does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * 10**9


def set_budget(text: str | int | None) -> None:
    """Set this process's budget (None: back to the default)."""
    global _budget
    _budget = None if text is None else text if isinstance(text, int) else parse_size(text)


def budget() -> int:
    """The budget in bytes: `set_budget`, else `TICKETLIB_MEMORY`, else `DEFAULT` (1 GB) or half
    the machine's physical memory when that is less."""
    if _budget is not None:
        return _budget
    env = os.environ.get("TICKETLIB_MEMORY")
    return parse_size(env) if env else min(DEFAULT, physical_memory() // 2)


def set_partitions(count: int | None) -> None:
    """Force the replay's number of ticket partitions in this process (None: from the data
    size and the budget)."""
    global _partitions
    if count is not None and count < 1:
        raise ValueError(f"--partitions {count}: au moins / at least 1")
    _partitions = count


def partitions() -> int | None:
    """The forced number of replay partitions: `set_partitions`, else `TICKETLIB_PARTITIONS`,
    else None (chosen from the data size and the budget)."""
    if _partitions is not None:
        return _partitions
    env = os.environ.get("TICKETLIB_PARTITIONS", "")
    return int(env) if env.strip().isdigit() and int(env) > 0 else None


def spill_directory(db: Path | str | None) -> Path:
    """Where a connection spills: beside the database file (`<file>.tmp`, DuckDB's own
    convention), or in the system's temp folder for an in-memory database."""
    if db is None or str(db) == ":memory:":
        return Path(tempfile.gettempdir()) / f"ticketlib-{os.getpid()}.tmp"
    return Path(str(db) + ".tmp")


def apply(con, db: Path | str | None = None) -> None:
    """Set `memory_limit` and `temp_directory` on a DuckDB connection."""
    con.execute(f"set memory_limit = '{budget()}B'")
    con.execute(f"set temp_directory = '{_quote(spill_directory(db))}'")


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
