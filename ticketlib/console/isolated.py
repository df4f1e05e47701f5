"""Each console query in a child process of its own, so a runaway query cannot take the app
down (issue 14 item 1): the child (`python -m ticketlib.console.isolated`) limits its own
address space (`resource.RLIMIT_AS`, where the OS has it) before DuckDB is loaded, runs the
query in the locked-down sandbox (`sqlconsole.run_here`, DuckDB `memory_limit` and its own
interrupt at the time limit), caps the result in rows and bytes, and writes it back as one
JSON header line and an Arrow IPC stream. The child interrupts its query at the time limit and
exits on its own a second later if the query did not stop; the parent kills it only past the
limit plus its start-up, and turns a child that died into a message (timeout when it died at
the time limit, out of memory otherwise). The app's process
never holds more than the capped result.

Protocol: stdin one JSON request {text, db, row_cap, byte_cap, time_limit, timezone,
batch_rows}; stdout one JSON line {"ok": true, "truncated": "" | "rows" | "bytes", "seconds"}
then the Arrow stream, or {"ok": false, "kind", "fr", "en", "detail"}.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time

ADDRESS_SPACE_MB = 4096  # the child's hard limit: DuckDB's 3 GB plus the interpreter
# The child interrupts its query at the time limit (DuckDB `interrupt()`); a query deaf to it
# (one scalar building 2 GB) is ended by the child's own watchdog STOP_SECONDS later; the
# parent kills the child only past the limit plus GRACE_SECONDS (its start-up, then that).
STOP_SECONDS = 1.0
GRACE_SECONDS = 6.0
_MEMORY_WORDS = re.compile(r"memory|bad_alloc|MemoryError|Cannot allocate", re.IGNORECASE)


def run_isolated(request: dict) -> tuple[dict, bytes]:
    """Run `request` in a child; (header, Arrow IPC bytes). Never raises for the query's
    sake: a killed or dead child is a header with ok false and kind timeout or memory."""
    limit = float(request["query"]["time_limit"])
    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "ticketlib.console.isolated"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    )
    try:
        out, err = child.communicate(json.dumps(request).encode(), timeout=limit + GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        return {"ok": False, "kind": "timeout"}, b""
    header, _, body = out.partition(b"\n")
    if child.returncode != 0 or not header:
        detail = _last_line(err)
        # a child that died after its interrupt, at the time limit, for no want of memory
        late = time.monotonic() - started >= limit and not _MEMORY_WORDS.search(detail)
        return {"ok": False, "kind": "timeout" if late else "memory", "detail": detail}, b""
    return json.loads(header), body


def _last_line(err: bytes) -> str:
    """The error's last line, without DuckDB's hint lines (`* SET ...`) nor a traceback's."""
    lines = [
        line
        for line in err.decode("utf-8", "replace").strip().splitlines()
        if line.strip() and not line.lstrip().startswith(("*", "File ", "^", "~"))
    ]
    return lines[-1][:300] if lines else ""


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: DuckDB's memory_limit and the time limit still hold
        return
    size = megabytes << 20
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    _limit_memory(int(request.get("address_space_mb") or ADDRESS_SPACE_MB))
    import pyarrow as pa

    from ticketlib.console import sqlconsole

    out = sys.stdout.buffer
    answered = threading.Lock()  # one answer: the query's or the watchdog's

    def stop() -> None:  # the query did not heed its interrupt: answer timeout, exit now
        if answered.acquire(blocking=False):
            out.write(json.dumps({"ok": False, "kind": "timeout"}).encode() + b"\n")
            out.flush()
            os._exit(0)

    watchdog = threading.Timer(float(request["query"]["time_limit"]) + STOP_SECONDS, stop)
    watchdog.daemon = True
    watchdog.start()
    try:
        table, truncated, seconds = sqlconsole.run_here(**request["query"])
    except sqlconsole.SqlError as err:
        header = {"ok": False, "kind": err.kind, "fr": err.fr, "en": err.en, "detail": err.detail}
        return _answer(answered, out, json.dumps(header).encode() + b"\n")
    except MemoryError:
        return _answer(answered, out, json.dumps({"ok": False, "kind": "memory"}).encode() + b"\n")
    if not answered.acquire(blocking=False):
        return 0
    watchdog.cancel()
    out.write(json.dumps({"ok": True, "truncated": truncated, "seconds": seconds}).encode())
    out.write(b"\n")
    with pa.ipc.new_stream(out, table.schema) as writer:
        writer.write_table(table)
    out.flush()
    return 0


def _answer(answered: threading.Lock, out, line: bytes) -> int:
    if answered.acquire(blocking=False):
        out.write(line)
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
