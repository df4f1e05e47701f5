"""XES event logs (`.xes`, `.xes.gz`, IEEE 1849) flattened to one table row per event.

The XML is read as a stream (`defusedxml.ElementTree.iterparse`: entity expansion, external
entities and DTD tricks are refused, as for any file from outside): each event becomes one row
with the trace's attributes prefixed `case:` (as process-mining tools flatten them:
`case:concept:name` is the case id) and the event's own attributes under their keys
(`concept:name`, `lifecycle:transition`, `time:timestamp`, `org:resource`, ...), values kept as
the text written in the file. Nested attributes and log-level metadata are ignored. This is the
one Python loop over rows in the importers: XML has no bulk reader in DuckDB, and the loop only
copies attribute texts into two temporary JSON Lines files (events, and each trace's attributes,
which may follow its events) that DuckDB then reads in bulk and joins by trace (every column as
text). Each element is dropped once read, so memory does not grow with the log (issue 14). A row's number is the event's position in the file (1 = first event). Attribute
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
from ticketlib.ingest.rawbytes import MAX_COLUMNS, MAX_FIELD_ENV, max_field_mb, too_many_columns

ATTRIBUTES = {"string", "date", "int", "float", "boolean", "id"}


def is_xes(path: Path, head: str) -> bool:
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return True
    start = head.lstrip()[:4096]
    return start.startswith("<") and "<log" in start and "xes" in start.lower()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def refuse_long_values(path: Path) -> None:
    """One byte pass before the XML parser: a value or text longer than
    `$TICKETLIB_MAX_FIELD_MB` MiB (default 2; the cap of a CSV field) is refused naming the
    file. XML allows no `<` inside a value or a text, so the longest run of bytes without `<`
    bounds them; expat re-scans a growing token at each read, so a 30 MB attribute took 110 s
    to parse (and DuckDB then 700 MB to store it as a ticket id)."""
    limit = max_field_mb() << 20  # at least 1 MiB: a run inside one 1 MiB chunk is shorter
    gz = path.name.lower().endswith(".gz")
    run = 0
    with io.BufferedReader(CappedReader(path)) if gz else open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            first = chunk.find(b"<")
            run += len(chunk) if first < 0 else first
            if run > limit:
                raise FileError(
                    path,
                    f"valeur ou texte de plus de {limit >> 20} Mio / value or text over "
                    f"{limit >> 20} MiB ({MAX_FIELD_ENV})",
                )
            if first >= 0:
                run = len(chunk) - chunk.rfind(b"<") - 1


def events(path: Path) -> Iterator[tuple[str, int, dict[str, str]]]:
    """The log as a stream: ("event", trace number, {attribute key: value text}) as each event
    ends, and ("case", trace number, {`case:<key>`: value}) as each trace ends (its attributes
    may follow its events). Every element is dropped from the tree once read, so memory stays
    flat whatever the size of the log or of one trace (a `.xes.gz` bomb of one trace of
    millions of events is refused at the cap, never held)."""
    gz = path.name.lower().endswith(".gz")  # streamed, capped (`rawbytes.max_expanded_bytes`)
    with io.BufferedReader(CappedReader(path)) if gz else open(path, "rb") as f:
        stack: list = []
        case: dict[str, str] = {}
        trace = 0
        for kind, el in iterparse(f, events=("start", "end")):
            if kind == "start":
                stack.append(el)
                continue
            stack.pop()
            parent = stack[-1] if stack else None
            tag = _local(el.tag)
            under_trace = parent is not None and _local(parent.tag) == "trace"
            if tag == "event" and under_trace:
                row = {}
                for a in el:
                    if _local(a.tag) in ATTRIBUTES and "key" in a.attrib:
                        row[a.attrib["key"]] = a.attrib.get("value", "")
                yield "event", trace, row
            elif tag in ATTRIBUTES and under_trace and "key" in el.attrib:
                case[f"case:{el.attrib['key']}"] = el.attrib.get("value", "")
            elif tag == "trace":
                yield "case", trace, case
                case, trace = {}, trace + 1
            if parent is not None and (under_trace or len(stack) == 1):
                parent.remove(el)  # read: freed (it is the parent's last child)
                el.clear()


def read_xes(con, path: Path, table: str) -> FileTable:
    """The events of an XES file as a temp table of text columns plus `__row`: events and
    trace attributes streamed to two JSON Lines files, joined by trace in DuckDB."""
    path = Path(path)
    size, digest = file_digest(path)
    refuse_long_values(path)
    keys: dict[str, str] = {}  # attribute key -> internal column name
    event_keys: set[str] = set()
    case_keys: set[str] = set()
    rows = 0
    tmps = [tempfile.mkstemp(suffix=".jsonl", prefix="ticketlib-xes-") for _ in range(2)]
    ev_tmp, cs_tmp = tmps[0][1], tmps[1][1]
    try:
        with (
            os.fdopen(tmps[0][0], "w", encoding="utf-8") as ev,
            os.fdopen(tmps[1][0], "w", encoding="utf-8") as cs,
        ):
            try:
                for kind, trace, row in events(path):
                    for k in row:
                        if k not in keys:
                            keys[k] = f"c{len(keys) + 1}"
                            if len(keys) > MAX_COLUMNS:
                                raise too_many_columns(path, len(keys))
                    (event_keys if kind == "event" else case_keys).update(row)
                    line = {keys[k]: v for k, v in row.items()} | {"t": trace}
                    if kind == "event":
                        rows += 1
                        line["n"] = rows
                    (ev if kind == "event" else cs).write(
                        json.dumps(line, ensure_ascii=False) + "\n"
                    )
            except (ET.ParseError, DefusedXmlException, EOFError, OSError) as exc:
                raise FileError(path, f"XES illisible / unreadable XES: {exc}") from None
        internal = internal_names(len(keys))
        if rows:
            columns = dict.fromkeys(internal, "VARCHAR") | {"t": "BIGINT", "n": "BIGINT"}
            picked = []
            for key, name in zip(keys, internal):  # an event's own attribute wins
                both = [f"e.{name}"] * (key in event_keys) + [f"c.{name}"] * (key in case_keys)
                picked.append(f"coalesce({', '.join(both)}) as {name}")
            con.execute(
                f"create or replace temp table {table}_data as select {', '.join(picked)} "
                "from read_json($e, format = 'newline_delimited', columns = $columns) e "
                "left join read_json($c, format = 'newline_delimited', columns = $columns) c "
                "using (t) order by e.n",
                {"e": ev_tmp, "c": cs_tmp, "columns": columns},
            )
        else:
            con.execute(f"create or replace temp table {table}_data (c0 varchar)")
    finally:
        for _, tmp in tmps:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    # the table keeps the join's order (the file's): rowid + 1 is the event's position
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
