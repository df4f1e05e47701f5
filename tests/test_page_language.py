"""Pages speak their reader's language only (issue 13, item 10): the command line keeps its
bilingual one-liners, a page shows the French or the English side; Streamlit's own English
strings are replaced on French pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import flow_fixture as ff
from tests.apptest import shown
from ticketlib.domain.bilingual import in_language, said
from ticketlib.ingest import FileError
from ticketlib.ingest.formats import detect

PAGE = "pages/page_donnees.py"


def test_said_is_the_cli_line_and_each_language_alone():
    text = said("fichier vide", "empty file")
    assert text == "fichier vide / empty file"
    assert (in_language(text, "fr"), in_language(text, "en")) == ("fichier vide", "empty file")
    interleaved = said("a b", "c d", cli="a / c b / d")
    assert str(interleaved) == "a / c b / d" and in_language(interleaved, "en") == "c d"
    # a plain one-liner is split at its single " / "; any other text stays whole
    assert in_language("n'est pas un fichier / not a file", "en") == "not a file"
    assert in_language("a / b / c", "fr") == "a / b / c"
    assert in_language(None, "fr") == ""


def test_unrecognised_format_one_language_each_side(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"hello\nworld\n")
    with pytest.raises(FileError) as caught:
        detect(path)
    # the command line's line is unchanged
    assert str(caught.value) == (
        "notes.txt: format non reconnu / format not recognised (csv générique, jira, zendesk, "
        "servicenow, eventlog); précisez --format / give --format"
    )
    assert caught.value.message("fr") == (
        "notes.txt: format non reconnu (csv générique, jira, zendesk, servicenow, eventlog) : "
        "choisissez le format (menu Format, ou --format en ligne de commande)"
    )
    assert caught.value.message("en") == (
        "notes.txt: format not recognised (generic csv, jira, zendesk, servicenow, eventlog): "
        "choose the format (Format menu, or --format on the command line)"
    )


def test_failed_upload_in_the_pages_language_only(app_db, demo_db):
    """French page: the French side only (the English side is `FileError.message("en")`,
    pinned above)."""
    app_db(demo_db)
    at = ff.open_page(PAGE)
    at.file_uploader(key="dt_files").set_value([("notes.txt", b"hello\nworld\n", "text/plain")])
    at.run()
    at.button(key="dt_run").click()
    at.run()
    assert not at.exception
    message = shown(at.error[0].value)
    assert "format non reconnu" in message and "menu Format" in message
    assert "not recognised" not in message and " / " not in message
