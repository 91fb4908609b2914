"""Small text helpers shared by the loader, the catalog and search: folding and cleaning."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "«": '"', "»": '"', "„": '"'})
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Characters that would act on a terminal or reorder text: C0/C1 controls (except \n and
# \t), bidi overrides and isolates, and zero-width characters.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def clean(text: str) -> str:
    """Remove characters that could act on a terminal; make every space a plain space."""
    return _SPACES.sub(" ", _UNSAFE.sub("", text))


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes and quotes: for matching, never display."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped."""
    return re.findall(r"\w+", fold(text))


def slugify(text: str) -> str:
    """'Municipality of La Cruz' -> 'municipality-of-la-cruz'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))
