"""How nearly two findings say the same thing, from 0 to 100.

Two measures, the higher wins:

- Content overlap: the findings' content words (no stop words, no place names, plurals
  folded) weighted by how rare each word is across the loaded profiles (inverse document
  frequency), so that "contingency plans ... large-scale population movements" counts for
  more than "migration". Score = 100 x the weight of the words both share / the weight of
  the shorter finding's words. Words match fuzzily (rapidfuzz ratio >= 88: "processes" and
  "process", "organization" and "organisation").
- A shared name: two findings that name the same rare proper name ("Almaty Process",
  "Eurasian Economic Union") are about the same thing even when worded apart. Score = 50 +
  50 x the share of the shorter finding's rare names that both name.

SHARED_THRESHOLD (60) separates findings on one subject from findings that only share a
topic; tests/test_compare.py holds the hits and the non-hits it was chosen on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from mgi_cli.model import Profile
from mgi_cli.text import fold

if TYPE_CHECKING:
    from mgi_cli.search import Corpus

SHARED_THRESHOLD = 60.0
FUZZY_WORD = 88  # rapidfuzz ratio for two words to count as one
RARE_SHARE = 0.02  # a name is rare when at most 2% of the findings (or 3) name it

_STOP = set("""
    the a an of and or in on for to with by from at as is are was were be been has have had its
    it this that these those which who whom their there not no any all also such including
    include includes under through between within into than other some only more most can
    could may both does do yet still being very well over per since while however
""".split())
# Words that recur inside institutional names: naming one is not naming the same institution.
_INSTITUTIONAL = set("""
    department ministry committee council plan programme program law code act policy strategy
    service office centre center agency authority situation emergency national state action
    development combating inter disaster protection social management system mechanism board
    commission decree concept provision bill resolution institute unit fund network group
    forum international public federal general regional local municipal cantonal human
    migration migrant labour labor affair women convention agreement cabinet president
    presidential government republic economic border academy police guard court university
    school college centre centre institution organization organisation association union
""".split())


def _singular(word: str) -> str:
    if len(word) > 5 and word.endswith("es") and not word.endswith("ses"):
        return word[:-2] if word[-3] in "sxz" or word.endswith(("ches", "shes")) else word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class Similarity:
    """Scores pairs of findings against the vocabulary of the loaded profiles."""

    def __init__(self, profiles: Iterable[Profile], corpus: Corpus | None = None) -> None:
        """`corpus`, the search index of the same profiles, gives how many findings hold each
        word without reading them all again (it is cached with the data folder)."""
        from mgi_cli.search import Corpus

        profiles = list(profiles)
        self._corpus = corpus if corpus is not None else Corpus(profiles)
        self._places = {w[:5] for p in profiles for w in _place_words(p)} | _countries()
        self._count = max(1, self._corpus.size)
        self._rare_limit = max(3.0, RARE_SHARE * self._count)
        self._df: dict[str, int] = {}

    def score(self, first: str, second: str) -> float:
        return round(max(self._overlap(first, second), self._shared_name(first, second)), 1)

    def _content(self, text: str) -> dict[str, bool]:
        """Content words -> whether the word is written as part of a name (capitalized)."""
        words: dict[str, bool] = {}
        for position, raw in enumerate(re.findall(r"[^\W\d_]+", text)):
            word = _singular(fold(raw))
            if len(word) < 3 or word in _STOP or word[:5] in self._places:
                continue
            words[word] = words.get(word, False) or (position > 0 and raw[0].isupper())
        return words

    def _names(self, text: str) -> set[str]:
        return {w for w, named in self._content(text).items() if named and w not in _INSTITUTIONAL}

    def _frequency(self, word: str) -> int:
        """How many findings hold a word, in any of its forms (its stem)."""
        if word not in self._df:
            self._df[word] = self._corpus.frequency(word)
        return self._df[word]

    def _weight(self, word: str) -> float:
        """BM25's inverse document frequency: a word in half the findings weighs nothing."""
        held = self._frequency(word)
        return max(0.0, math.log((self._count - held + 0.5) / (held + 0.5)))

    def _overlap(self, first: str, second: str) -> float:
        from rapidfuzz import fuzz, process

        a, b = self._content(first), self._content(second)
        if not a or not b:
            return 0.0
        shared = 0.0
        for word in a:
            match = word if word in b else None
            if match is None:
                found = process.extractOne(word, list(b), scorer=fuzz.ratio,
                                           score_cutoff=FUZZY_WORD)
                match = found[0] if found else None
            if match is not None:
                shared += min(self._weight(word), self._weight(match))
        total = min(sum(map(self._weight, a)), sum(map(self._weight, b)))
        return min(100.0, 100 * shared / total) if total else 0.0

    def _shared_name(self, first: str, second: str) -> float:
        a = {w for w in self._names(first) if self._frequency(w) <= self._rare_limit}
        b = {w for w in self._names(second) if self._frequency(w) <= self._rare_limit}
        common = a & b
        return 50 + 50 * len(common) / min(len(a), len(b)) if common else 0.0


def _place_words(profile: Profile) -> set[str]:
    names = " ".join([profile.name, profile.id, profile.country or "", *profile.aliases])
    return {w for w in re.findall(r"[^\W\d_]+", fold(names)) if len(w) > 3} - {"republic"}


def _countries() -> set[str]:
    """The first five letters of every country's name words: "kazak" is Kazakhstan and
    Kazakh, "belar" Belarus and Belarusian."""
    from mgi_cli.metadata import country_words

    return {word[:5] for word in country_words()}
