"""A small history for the workflow pages' exact-value tests (Parcours, Historique, Dépassements).

Default calendar: Europe/Paris, Mon-Fri 09:00-18:00 (+01:00 in March 2025: Mon 3 .. Thu 6).
Targets: haute 1h/8h, moyenne 4h/24h, faible 8h/45h; at_risk 0.75; pause attente_client.
The as-of instant is the latest event: F5 taken in charge on Thu 6 March 09:00.

F1 haute   Alpha  ouvert 09:00 -> pris en compte 09:30 -> résolu 10:30 -> fermé 11:00 (Mon 3)
F2 moyenne Beta   ouvert Mon 10:00 -> pec 11:00 -> attente client 12:00 -> pec Tue 10:00
                  -> résolu 11:00 -> réouvert 12:00 -> pec 13:00 -> résolu 15:00 -> fermé Wed
                  TTO 1h met; TTR 1+1+1+1+2 = 6h met, paused 7h, 1 reopen
F3 faible  Alpha  ouvert Mon 09:00 -> résolu Tue 12:00 (unexpected) -> fermé Tue 13:00
                  TTO 9h+3h = 12h > 8h breached (closed, overrun 4h, consumed by ouvert 12h)
F4 haute   Gamma  ouvert Tue 09:00 -> pec 12:00 -> attente interne Wed 09:00 (still there)
                  TTO 3h breached; TTR 3+6+9 = 18h > 8h breached, open: overrun 10h, consumed by
                  attente interne 9h; TTR due Tue 17:00
F5 moyenne Beta   ouvert Wed 15:00 -> pec Thu 09:00: TTO 3h met, TTR 3h running
F6 haute   Gamma  ouvert Wed 12:00 -> pec 12:30: TTR 6h >= 0.75 x 8h at risk, consumed by
                  pris en compte 5.5h; due Thu 11:00
F7 moyenne Delta  created Thu 08:00, no event: ouvert, 0h
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import load_history

TITLE_F3 = "<script>alert(1)</script>"

TICKETS = [
    ["F1", "2025-03-03T09:00:00+01:00", "Haute", "Alpha", "Ann", "N1", "Panne messagerie"],
    ["F2", "2025-03-03T10:00:00+01:00", "Moyenne", "Beta", "Bob", "N2", "Lenteur du portail"],
    ["F3", "2025-03-03T09:00:00+01:00", "Faible", "Alpha", "Ann", "N1", TITLE_F3],
    ["F4", "2025-03-04T09:00:00+01:00", "Haute", "Gamma", "Cid", "N2", "Bloqué à la connexion"],
    ["F5", "2025-03-05T15:00:00+01:00", "Moyenne", "Beta", "Bob", "N1", "Question facture"],
    ["F6", "2025-03-05T12:00:00+01:00", "Haute", "Gamma", "Cid", "N2", "Erreur 500"],
    ["F7", "2025-03-06T08:00:00+01:00", "Moyenne", "Delta", "", "N1", "=1+1 formule"],
]

EVENTS = [
    ["F1", "2025-03-03T09:30:00+01:00", "PRIS EN COMPTE", ""],
    ["F1", "2025-03-03T10:30:00+01:00", "RÉSOLU", ""],
    ["F1", "2025-03-03T11:00:00+01:00", "FERMÉ", ""],
    ["F2", "2025-03-03T11:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F2", "2025-03-03T12:00:00+01:00", "EN ATTENTE DE VOTRE RETOUR", ""],
    ["F2", "2025-03-04T10:00:00+01:00", "Pris en compte", ""],
    ["F2", "2025-03-04T11:00:00+01:00", "RÉSOLU", ""],
    ["F2", "2025-03-04T12:00:00+01:00", "RÉOUVERT", ""],
    ["F2", "2025-03-04T13:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F2", "2025-03-04T15:00:00+01:00", "RÉSOLU", ""],
    ["F2", "2025-03-05T09:00:00+01:00", "FERMÉ", ""],
    ["F3", "2025-03-04T12:00:00+01:00", "RÉSOLU", ""],
    ["F3", "2025-03-04T13:00:00+01:00", "FERMÉ", ""],
    ["F4", "2025-03-04T12:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F4", "2025-03-05T09:00:00+01:00", "EN ATTENTE RETOUR INTERNE", ""],
    ["F5", "2025-03-06T09:00:00+01:00", "PRIS EN COMPTE", ""],
    ["F6", "2025-03-05T12:30:00+01:00", "PRIS EN COMPTE", ""],
]


def build(tmp_path: Path) -> Path:
    return load_history(tmp_path, TICKETS, EVENTS, name="flow")


# --- page tests -------------------------------------------------------------------------------

APP = Path(__file__).resolve().parents[1] / "dashboard.py"


def open_page(page: str, query: dict | None = None, lang: str | None = None):
    """Run the dashboard (TICKETLIB_DB set by the caller) and switch to `page`."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    at.switch_page(page)
    if query:
        at.query_params.update(query)
    return at.run()


def capture_downloads(monkeypatch) -> dict:
    """Record what every st.download_button would serve: file name -> bytes; deferred ones
    (built on click) are kept as the callable and called on lookup."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: dict = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self, data, mimetype, coordinates, file_name=None, **kw):
        files[file_name] = data
        return add(self, data, mimetype, coordinates, file_name=file_name, **kw)

    def record_deferred(self, fn, mimetype, coordinates, file_name=None, **kw):
        files[file_name] = fn
        return add_deferred(self, fn, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return files


def download(files: dict, name: str) -> bytes:
    data = files[name]
    data = data() if callable(data) else data
    return data.encode() if isinstance(data, str) else bytes(data)


def csv_rows(data: bytes, sep: str = ";") -> list[list[str]]:
    import csv
    import io

    text = data.decode("utf-8")
    assert text.startswith("\ufeff"), "French Excel needs the BOM"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=sep))


def frame_of(at, key: str):
    """The DataFrame shown by st.dataframe `key` (a key is only kept on selectable tables)."""
    for element in at.dataframe:
        if element.key == key:
            return element.value
    raise KeyError(key)


def frame_with(at, column: str):
    """The first DataFrame shown that has `column`."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise KeyError(column)


def figures(at) -> list[dict]:
    """The plotly figures drawn, as JSON with plotly's typed arrays decoded to lists."""
    import json

    return [_decode(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def _decode(value):
    import base64

    import numpy as np

    if isinstance(value, dict) and "bdata" in value and "dtype" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    if isinstance(value, dict):
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def exceptions(at) -> list[str]:
    return [e.value for e in at.exception]
