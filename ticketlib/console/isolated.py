"""Each console query in a child process of its own, so a runaway query cannot take the app
down (issue 14 item 1): the child (`python -m ticketlib.console.isolated`) limits its own
address space (`resource.RLIMIT_AS`, where the OS has it) before DuckDB is loaded, runs the
query in the locked-down sandbox (`sqlconsole.run_here`, DuckDB `memory_limit` and its own
interrupt at the time limit), caps the result in rows and bytes, and writes it back as one
JSON header line and an Arrow IPC stream. The parent kills the child past the time limit plus a
grace period, and turns a child that died (out of memory) into a message. The app's process
never holds more than the capped result.

Protocol: stdin one JSON request {text, db, row_cap, byte_cap, time_limit, timezone,
batch_rows}; stdout one JSON line {"ok": true, "truncated": "" | "rows" | "bytes", "seconds"}
then the Arrow stream, or {"ok": false, "kind", "fr", "en", "detail"}.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

ADDRESS_SPACE_MB = 4096  # the child's hard limit: DuckDB's 3 GB plus the interpreter
# the child's start-up (imports, attach) and its own clean interrupt, before the parent kills it
GRACE_SECONDS = 20.0


def run_isolated(request: dict) -> tuple[dict, bytes]:
    """Run `request` in a child; (header, Arrow IPC bytes). Never raises for the query's
    sake: a killed or dead child is a header with ok false and kind timeout or memory."""
    limit = float(request["query"]["time_limit"])
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
        return {"ok": False, "kind": "memory", "detail": _last_line(err)}, b""
    return json.loads(header), body


def _last_line(err: bytes) -> str:
    lines = err.decode("utf-8", "replace").strip().splitlines()
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
    try:
        table, truncated, seconds = sqlconsole.run_here(**request["query"])
    except sqlconsole.SqlError as err:
        header = {"ok": False, "kind": err.kind, "fr": err.fr, "en": err.en, "detail": err.detail}
        out.write(json.dumps(header).encode() + b"\n")
        return 0
    except MemoryError:
        out.write(json.dumps({"ok": False, "kind": "memory"}).encode() + b"\n")
        return 0
    out.write(json.dumps({"ok": True, "truncated": truncated, "seconds": seconds}).encode())
    out.write(b"\n")
    with pa.ipc.new_stream(out, table.schema) as writer:
        writer.write_table(table)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
