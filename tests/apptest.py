"""Driving the dashboard in page tests (AppTest): open a page, read its tables, charts and
downloads."""

from __future__ import annotations

from pathlib import Path

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


def exceptions(at) -> list[str]:
    return [e.value for e in at.exception]


def frame_of(at, key: str):
    """The DataFrame shown by st.dataframe `key` (a key is only kept on selectable tables)."""
    for element in at.dataframe:
        if element.key == key or (element.key or "").startswith(key + "@"):  # drill tables
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


def downloads(at) -> list[str]:
    """The labels of the download buttons shown."""
    return [b.proto.label for b in at.get("download_button")]


def capture_downloads(monkeypatch) -> dict:
    """Record what every st.download_button serves: file name -> list of contents (files built
    on click are kept as their callable; `served` calls it)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    files: dict = {}
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self, data, mimetype, coordinates, file_name=None, **kw):
        files.setdefault(file_name, []).append(data)
        return add(self, data, mimetype, coordinates, file_name=file_name, **kw)

    def record_deferred(self, fn, mimetype, coordinates, file_name=None, **kw):
        files.setdefault(file_name, []).append(fn)
        return add_deferred(self, fn, mimetype, coordinates, file_name=file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return files


def served(files: dict, name: str) -> bytes:
    """The latest content served under that file name."""
    data = files[name][-1]
    data = data() if callable(data) else data
    return data.encode() if isinstance(data, str) else bytes(data)


def csv_rows(data, sep: str = ";") -> list[list[str]]:
    import csv
    import io

    text = data.decode("utf-8") if isinstance(data, bytes) else data
    assert text.startswith("\ufeff"), "French Excel needs the BOM"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=sep))


def shown(markdown: str) -> str:
    """The text a Markdown value shows once escaped by `literal.markdown_literal`: its
    backslash escapes and HTML entities read (messages naming files are escaped, issue 14)."""
    import html
    import re

    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))
