"""The import rules between layers that docs/ARCHITECTURE.md draws, checked on every import
statement (module level or inside a function) of the code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# what each ticketlib layer may import from ticketlib (itself always)
ALLOWED = {
    "domain": set(),
    "db": {"domain"},
    "replay": {"domain", "db"},
    "marts": {"domain", "db", "replay"},
    "ingest": {"domain", "db", "marts"},  # an import rebuilds the kept marts
    "queries": {"domain", "db", "marts"},
    "charts": {"domain", "queries"},
    "outputs": {"domain", "db", "replay", "marts", "queries", "charts"},
    "console": {"domain", "db", "marts"},
    # the distributed engine: the Spark-free partition function and the lazy pyspark driver
    "spark": {"domain", "db", "replay", "outputs", "cli"},  # submit.py: spark-submit runs the CLI
}
# never imported by ticketlib: the Streamlit side
STREAMLIT_SIDE = {"app", "app_pages", "dashboard", "streamlit"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


def _layer(path: Path) -> str | None:
    parts = path.relative_to(ROOT / "ticketlib").parts
    return parts[0] if len(parts) > 1 else None


def _files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_every_layer_is_known():
    folders = {p.name for p in (ROOT / "ticketlib").iterdir() if (p / "__init__.py").exists()}
    assert folders == set(ALLOWED)


@pytest.mark.parametrize("path", _files("ticketlib"), ids=lambda p: str(p.relative_to(ROOT)))
def test_ticketlib_imports_follow_the_layers(path):
    layer = _layer(path)
    wrong = []
    for name in _imports(path):
        top = name.split(".")[0]
        if top in STREAMLIT_SIDE:
            wrong.append(name)
        elif top == "ticketlib" and layer is not None and "." in name:
            other = name.split(".")[1]
            if other != layer and other not in ALLOWED[layer]:
                wrong.append(name)
    assert not wrong, f"{layer} may import {sorted(ALLOWED.get(layer, []))}, not {wrong}"


@pytest.mark.parametrize(
    "path", _files("app_pages") + [ROOT / "dashboard.py"], ids=lambda p: str(p.relative_to(ROOT))
)
def test_pages_draw_and_never_query_the_database(path):
    names = _imports(path)
    wrong = [
        n
        for n in names
        if n.split(".")[0] == "duckdb"
        or n.startswith(("ticketlib.db", "ticketlib.replay", "ticketlib.marts"))
    ]
    assert not wrong, f"a page asks app.data, never the database: {wrong}"


def test_the_rule_checker_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from ticketlib.ingest import run_import\n    import streamlit\n")
    assert _imports(bad) == ["ticketlib.ingest", "streamlit"]


def test_page_files_and_their_tests_are_named_like_their_url():
    tree = ast.parse((ROOT / "dashboard.py").read_text(encoding="utf-8"))
    pages = [
        (node.elts[0].value, node.elts[3].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Tuple)
        and len(node.elts) == 4
        and all(isinstance(e, ast.Constant) for e in node.elts)
    ]
    assert len(pages) == 9  # issue 13 added Temps par état
    for path, url in pages:
        name = url.replace("-", "_")
        # named like the URL (issue 10); Streamlit runs the entry point (the frame) first
        # whatever the file name, so a direct link still gets the sidebar (tests/test_browser.py)
        assert path == f"app_pages/{name}.py", (path, url)
        assert (ROOT / path).exists()
        assert (ROOT / "tests" / f"test_page_{name}.py").exists(), url


def test_no_pages_folder_beside_the_entry_script():
    """A `pages/` folder beside dashboard.py makes Streamlit run a fresh server's first session
    as a v1 multipage app (`PagesManager.uses_pages_directory`): the page asked for in the URL
    is not found and a "Page not found" dialog opens (issue 13, item 12). Pages live in
    `app_pages/`, routed by `st.navigation` only."""
    assert not (ROOT / "pages").exists()
    assert len(list((ROOT / "app_pages").glob("*.py"))) == 9
