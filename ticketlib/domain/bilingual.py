"""Bilingual one-liners: the command line prints French and English on one line ("fichier vide /
empty file"); a page shows its reader's language only (issue 13, item 10).

`said(fr, en)` is a `str` (so every caller, log and test that reads the CLI's text keeps it:
`"fr / en"`, or the interleaved `cli` text when given) that also knows each language alone;
`in_language(text, lang)` picks one; a plain one-liner with a single " / " ("fichier vide /
empty file", as most are written) is split there; any other text is left as it is.
"""

from __future__ import annotations


class Said(str):
    """A message in both languages; `str()` is the command line's one-liner."""

    fr: str
    en: str

    def __new__(cls, fr: str, en: str, cli: str | None = None) -> Said:
        text = super().__new__(cls, cli if cli is not None else f"{fr} / {en}")
        text.fr, text.en = fr, en
        return text

    def __add__(self, other):  # "a" + said stays bilingual when both sides are
        if isinstance(other, Said):
            return Said(self.fr + other.fr, self.en + other.en, str.__add__(self, other))
        return str.__add__(self, other)


def said(fr: str, en: str, cli: str | None = None) -> Said:
    return Said(fr, en, cli)


def in_language(text, lang: str) -> str:
    """`text` in `lang` ("fr" or "en"): a `Said`'s own side, a plain "fr / en" one-liner's side
    of its single " / "; any other text unchanged."""
    if isinstance(text, Said):
        return text.en if lang == "en" else text.fr
    text = "" if text is None else str(text)
    sides = text.split(" / ")
    if len(sides) == 2:
        return sides[1] if lang == "en" else sides[0]
    return text
