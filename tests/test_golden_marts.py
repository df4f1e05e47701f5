"""Golden snapshot: the committed demo export in, the CLI outputs and the marts out, compared
exactly with `tests/golden/*.csv` (a tenth of the tickets: those whose id ends in 0).

A changed figure shows as a readable diff. To refresh the files deliberately, after checking
the change: `TICKETLIB_UPDATE_GOLDEN=1 python -m pytest tests/test_golden_marts.py`.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from ticketlib.db import store
from ticketlib.domain.config import load_config
from ticketlib.outputs.cli_export import write_cli_export
from ticketlib.replay import run

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TICKETLIB_UPDATE_GOLDEN") == "1"
# each mart -> the replay scope that builds it
MARTS = {
    "mart_ticket_sla": "sla",
    "mart_etat_durations": "durations",
    "mart_quality": "quality",
}


def compare(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    want = path.read_text(encoding="utf-8")
    if text != want:
        diff = "".join(
            list(
                difflib.unified_diff(
                    want.splitlines(True), text.splitlines(True), f"golden/{name}", "now"
                )
            )[:60]
        )
        pytest.fail(f"{name} differs from its golden snapshot:\n{diff}")


def tenth(text: str) -> str:
    """The header and the rows whose first field (the ticket id) ends in 0."""
    lines = text.splitlines(True)
    return "".join([lines[0], *(line for line in lines[1:] if line.split(",")[0].endswith("0"))])


@pytest.mark.parametrize("kind", ["sla", "durations", "quality"])
def test_cli_outputs_equal_golden(demo_db, tmp_path, kind):
    out = tmp_path / f"{kind}.csv"
    write_cli_export(kind, out, db=demo_db, config=load_config())
    compare(f"{kind}.csv", tenth(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize("mart", sorted(MARTS))
def test_marts_equal_golden(demo_db, tmp_path, mart):
    con = store.connect_read(demo_db)
    try:
        run.replay(con, load_config(), None, scope=MARTS[mart], partitions=1)
        out = tmp_path / f"{mart}.csv"
        con.execute(
            f"copy (select * exclude (ticket_key) from {mart} where ticket_id like '%0' "
            f"order by all) to '{out}' (format csv, header)"
        )
    finally:
        con.close()
    compare(f"{mart}.csv", out.read_text(encoding="utf-8"))
