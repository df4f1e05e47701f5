"""XES event logs (`.xes`, `.xes.gz`, IEEE 1849) flattened to one table row per event.

The XML is read as a stream (`defusedxml.ElementTree.iterparse`: entity expansion, external
entities and DTD tricks are refused, as for any file from outside): each event becomes one row
with the trace's attributes prefixed `case:` (as process-mining tools flatten them:
`case:concept:name` is the case id) and the event's own attributes under their keys
(`concept:name`, `lifecycle:transition`, `time:timestamp`, `org:resource`, ...), values kept as
the text written in the file. Nested attributes and log-level metadata are ignored. This is the
one Python loop over rows in the importers: XML has no bulk reader in DuckDB, and the loop only
copies attribute texts into a temporary JSON Lines file that DuckDB then reads in bulk (every
column as text). A row's number is the event's position in the file (1 = first event). Attribute
keys are stored under internal column names (`files.py`), never pasted into SQL. A log with no
event is an empty file: 0 rows, no columns.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from ticketlib.ingest.files import (
    CappedReader,
    FileError,
    FileTable,
    _fold_names,
    file_digest,
    internal_names,
)

ATTRIBUTES = {"string", "date", "int", "float", "boolean", "id"}


def is_xes(path: Path, head: str) -> bool:
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return True
    start = head.lstrip()[:4096]
    return start.startswith("<") and "<log" in start and "xes" in start.lower()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def events(path: Path) -> Iterator[dict[str, str]]:
    """Each event of the log as {attribute key: value text}, trace attributes as `case:<key>`.

    A trace is handled whole when it ends (its attributes may follow its events), then freed.
    """
    gz = path.name.lower().endswith(".gz")  # streamed, capped (`files.max_expanded_bytes`)
    with io.BufferedReader(CappedReader(path)) if gz else open(path, "rb") as f:
        for _, el in iterparse(f, events=("end",)):
            if _local(el.tag) != "trace":
                continue
            case = {}
            traced = []
            for child in el:
                tag = _local(child.tag)
                if tag == "event":
                    traced.append(child)
                elif tag in ATTRIBUTES and "key" in child.attrib:
                    case[f"case:{child.attrib['key']}"] = child.attrib.get("value", "")
            for event in traced:
                row = dict(case)
                for a in event:
                    if _local(a.tag) in ATTRIBUTES and "key" in a.attrib:
                        row[a.attrib["key"]] = a.attrib.get("value", "")
                yield row
            el.clear()


def read_xes(con, path: Path, table: str) -> FileTable:
    """The events of an XES file as a temp table of text columns plus `__row`."""
    path = Path(path)
    size, digest = file_digest(path)
    fd, tmp = tempfile.mkstemp(suffix=".jsonl", prefix="ticketlib-xes-")
    keys: dict[str, str] = {}  # attribute key -> internal column name
    rows = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            try:
                for row in events(path):
                    for k in row:
                        if k not in keys:
                            keys[k] = f"c{len(keys) + 1}"
                    line = {keys[k]: v for k, v in row.items()}
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
                    rows += 1
            except (ET.ParseError, DefusedXmlException, EOFError, OSError) as exc:
                raise FileError(path, f"XES illisible / unreadable XES: {exc}") from None
        internal = internal_names(len(keys))
        if rows:
            con.execute(
                f"create or replace temp table {table}_data as select * from read_json($p, "
                "format = 'newline_delimited', columns = $columns)",
                {"p": tmp, "columns": dict.fromkeys(internal, "VARCHAR")},
            )
        else:
            con.execute(f"create or replace temp table {table}_data (c0 varchar)")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    # the reader keeps the file's order: rowid + 1 is the event's position
    con.execute(
        f"create or replace temp view {table} as select d.*, rowid + 1 as __row from {table}_data d"
    )
    names = list(keys)
    return FileTable(
        path,
        table,
        _fold_names(names, internal),
        dict(zip(internal, names)),
        rows,
        size=size,
        sha256=digest,
    )
