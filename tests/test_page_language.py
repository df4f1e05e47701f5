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

PAGE = "app_pages/donnees.py"


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


def test_uploader_button_in_the_readers_language_and_english_limit_hidden(app_db, demo_db):
    from app.streamlit_text import style_sheet

    assert style_sheet("Choisir des fichiers") == (
        '<style>[data-testid="stFileUploaderDropzone"] '
        '[data-testid="stFileUploaderDropzoneInstructions"]{display:none}'
        '[data-testid="stFileUploaderDropzone"] button > *{display:none}'
        '[data-testid="stFileUploaderDropzone"] button::after{content:"Choisir des fichiers";'
        "font-size:0.875rem}</style>"
    )
    app_db(demo_db)
    at = ff.open_page(PAGE)
    sheets = [element.proto.body for element in at.get("html")]
    assert style_sheet("Choisir des fichiers") in sheets
    # the limit the hidden English text gave, in French on the page
    assert any(
        c.value.startswith("Taille maximale par fichier : **1\u202f024 Mo**") for c in at.caption
    ), [c.value for c in at.caption]


@pytest.mark.parametrize(
    ("lang", "n", "text"),
    [
        ("fr", 0, "0 ligne en 0,1 s."),
        ("fr", 1, "1 ligne en 0,1 s."),
        ("fr", 2, "2 lignes en 0,1 s."),
        ("en", 0, "0 rows in 0.1 s."),
        ("en", 1, "1 row in 0.1 s."),
        ("en", 2, "2 rows in 0.1 s."),
    ],
)
def test_plural_by_cldr_rule(monkeypatch, lang, n, text):
    from app import i18n
    from ticketlib.domain import labels

    monkeypatch.setattr(i18n, "lang", lambda: lang)
    s = "0,1" if lang == "fr" else "0.1"
    assert i18n.tr(labels.REQUETES_SQL, "result", rows=str(n), s=s, plural=n) == text


def test_percent_ticks_follow_the_language():
    """English charts said "100 %" (the French spacing): the suffix is the language's."""
    from tests.test_charts_sla import PRIO, trend_frame
    from ticketlib.charts import sla

    words = {"priority_names": PRIO, "title": "T", "y_title": "%", "bucket_word": "w"}
    fr = sla.compliance_trend(trend_frame(), "tto", all_label="Toutes", **words)
    en = sla.compliance_trend(trend_frame(), "tto", all_label="All", lang="en", **words)
    assert (fr.layout.yaxis.ticksuffix, en.layout.yaxis.ticksuffix) == ("\u202f%", "%")
