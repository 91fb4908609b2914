"""Words -> search terms: folded (lower case, no accents) and cut to their Snowball stem in the
language of the text, so that "returns" and "returning", "retornos" and "retorno",
"transferts" and "transfert" are one term each.

The stemmers are PyStemmer's (Snowball compiled to C: a word in a microsecond, against 45 for
the pure-Python snowballstemmer, measured on the seeds; the store stems every word of every
finding). Words are stemmed in lower case with their accents, which French and Spanish
endings need, and the stems folded: "santé" and a query typed "sante" meet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Protocol

from mgi_cli.text import fold

LANGUAGES = ("en", "fr", "es")
_SNOWBALL = {"en": "english", "fr": "french", "es": "spanish"}
# What FTS5's unicode61 tokenizer calls a word: letters and digits; the rest separates.
WORD = re.compile(r"[^\W_]+")


class Snowball(Protocol):
    """What mgi uses of a PyStemmer stemmer (PyStemmer ships no type information)."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802 (PyStemmer's names)

    def stemWords(self, words: list[str]) -> list[str]: ...  # noqa: N802


@cache
def _stemmer(language: str) -> Snowball:
    import Stemmer

    stemmer: Snowball = Stemmer.Stemmer(_SNOWBALL.get(language, "english"))
    return stemmer


def words(text: str) -> list[tuple[str, int, int]]:
    """Each word of a text: (folded word, start, end), the offsets in the text as written."""
    return [(fold(m.group(0)), m.start(), m.end()) for m in WORD.finditer(text)]


SHORTEST_STEM = 4  # French and Spanish stems cut shorter lose the word: "visa", "visant": "vis"


Respelling = Mapping[str, str]  # a British English stem -> its American spelling's stem


def stem(word: str, language: str, respell: Respelling | None = None) -> str:
    """The stem of one lower-case word, folded."""
    return stems([word], language, respell)[0]


def stems(lower: list[str], language: str, respell: Respelling | None = None) -> list[str]:
    """The stems of lower-case words, folded. Snowball reads the accents, which French and
    Spanish endings need ("rapatriés" and "rapatriement" are "rapatri"); the stems lose them
    after, so a query typed without accents meets them. English stems are respelled in
    American (`respell`, from spelling_map()): "labour" and "labor" are one term."""
    cuts = _stemmer(language).stemWords(lower)
    if language != "en":
        cuts = [cut if len(cut) >= SHORTEST_STEM else _kept(word, cut, language)
                for word, cut in zip(lower, cuts, strict=True)]
    elif respell:
        cuts = [respell.get(cut, cut) for cut in cuts]
    return [cut if cut.isascii() else fold(cut) for cut in cuts]


@cache
def spelling_map() -> dict[str, str]:
    """Every British English stem of breame's lists (about 1,700 word pairs with their
    inflections, kept by its authors rather than by hand here) -> the American one. Read when
    the store is written; a search reads the map from the store (breame's lists cost a
    search a fiftieth of mgi's startup)."""
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

    british = list(BRITISH_ENGLISH_SPELLINGS)
    american = [BRITISH_ENGLISH_SPELLINGS[word] for word in british]
    stemmer = _stemmer("en")
    return {b: a for b, a in zip(stemmer.stemWords(british), stemmer.stemWords(american),
                                 strict=True) if b != a}


def _kept(word: str, cut: str, language: str) -> str:
    """A stem; but where Snowball cuts a French or Spanish word below SHORTEST_STEM letters,
    the word without its plural ending ("visas" and "visa" stay "visa", "leyes" "ley")."""
    if len(cut) == len(word):
        return cut
    if language == "es" and word.endswith("es") and len(word) > 3 and word[-3] not in "aeiou":
        return word[:-2]
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def lowered(text: str) -> list[str]:
    """The words of a text in lower case, accents kept: what stems() reads."""
    return WORD.findall(text.lower())


def indexed(lower: list[str], language: str) -> list[str]:
    """Stems as the store indexes them: English ones respelled by breame's lists."""
    return stems(lower, language, spelling_map() if language == "en" else None)


def terms(text: str, language: str) -> str:
    """A finding as the store indexes it: its stems, in order, separated by spaces."""
    return " ".join(indexed(lowered(text), language))
