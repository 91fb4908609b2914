"""The trilingual glossary (glossary.txt): MGI and GCM concepts, each with its English, French
and Spanish terms. Search uses it to find a concept in every language ("trafficking" finds
"traite des personnes" and "trata de personas").

Terms are compared by the stems of their words in their own language (stems.py), so a query
meets a term in any inflection; a term written "=traite des personnes" is compared by its
words as written, where a stem would also be another word's ("traite" and "traitement" are
both "trait"). The file is read once per process, on the first search, and searched as text: a
term is parsed and stemmed only when a query's first letters meet it (parsing and stemming
all 3,000 terms would cost every search a tenth of mgi's startup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mgi_cli.stems import LANGUAGES, WORD, stems
from mgi_cli.text import fold

GLOSSARY = Path(__file__).with_name("glossary.txt")
LONGEST_TERM = 6  # words: longer runs of a query are not looked up
KEY_LETTERS = 3  # a word's first letters, which its stem keeps: how terms are found


@dataclass(frozen=True)
class Term:
    """One term of a concept, as written, in its language."""

    concept: str
    language: str
    text: str
    exact: bool = False  # matched by its words as written, not by their stems

    @property
    def words(self) -> tuple[str, ...]:
        """Folded words for an exact term, else stems: what a query's words are held to."""
        return _words(self.text, self.language, self.exact)


class GlossaryError(ValueError):
    """glossary.txt does not follow its format (a developer's mistake, caught by the tests)."""


class Glossary:
    """The glossary's text, searched as it is: a lookup finds the terms that begin with the
    query's first letters by one scan of the text, and stems only those."""

    def __init__(self, text: str) -> None:
        self.text = text

    def lookup(self, folded: tuple[str, ...]) -> list[Term]:
        """The terms that a run of query words (folded) is, in any language."""
        found: list[Term] = []
        by_language: dict[str, tuple[str, ...]] = {}
        for term in self._beginning(folded[0][:KEY_LETTERS], len(folded[0]) < KEY_LETTERS):
            if term.exact:
                wanted = folded
            else:
                wanted = by_language.setdefault(
                    term.language, tuple(stems(list(folded), term.language)))
            if term.words == wanted:
                found.append(term)
        return found

    def terms_of(self, concept: str) -> list[Term]:
        """Every term of a concept, in the three languages."""
        at = self.text.index(f"\n[{concept}]\n")
        block = self.text[at + len(concept) + 4:].split("\n\n", 1)[0]
        return _parse(f"[{concept}]\n{block}")

    def _beginning(self, letters: str, whole: bool) -> list[Term]:
        """The terms whose first word begins with these (folded) letters, or is them."""
        pattern = _pattern(letters, whole)
        terms = []
        for match in pattern.finditer(self.text):
            line = self.text.rfind("\n", 0, match.start()) + 1
            concept = self.text.rfind("\n[", 0, match.start()) + 2
            terms.append(Term(self.text[concept:self.text.index("]", concept)],
                              self.text[line:line + 2], match.group(2).strip(),
                              bool(match.group(1))))
        return terms


_ACCENTED = {"a": "aàáâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "c": "cç",
             "n": "nñ", "y": "yÿ"}


@cache
def _pattern(letters: str, whole: bool) -> re.Pattern[str]:
    """A term (after a language label or a ';') whose first word begins with the letters, in
    any case and with or without accents."""
    first = "".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in letters)
    end = r"(?![^\W_])" if whole else ""
    return re.compile(rf"(?:^(?:en|fr|es):|;)[ \t]*(=?)({first}{end}[^;\n]*)",
                      re.IGNORECASE | re.MULTILINE)


@cache
def glossary() -> Glossary:
    return Glossary(GLOSSARY.read_text(encoding="utf-8"))


@cache
def _words(text: str, language: str, exact: bool) -> tuple[str, ...]:
    folded = WORD.findall(fold(text))
    return tuple(folded if exact else stems(folded, language))


def concepts() -> dict[str, list[Term]]:
    """Every concept with its terms: the whole file read strictly (tests, and checks)."""
    found: dict[str, list[Term]] = {}
    for term in _parse(glossary().text):
        found.setdefault(term.concept, []).append(term)
    return found


def _parse(text: str) -> list[Term]:
    """Blocks of '[key]' then 'en: a; b', 'fr: ...', 'es: ...' lines; '#' starts a comment."""
    terms: list[Term] = []
    concept = None
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            concept = line[1:-1].strip()
            if not concept or concept in seen:
                raise GlossaryError(f"line {number}: empty or repeated concept {concept!r}")
            seen.add(concept)
            continue
        language, _, values = line.partition(":")
        language = language.strip()
        if concept is None or language not in LANGUAGES or not values.strip():
            raise GlossaryError(f"line {number}: expected 'en|fr|es: term; term', got {raw!r}")
        terms += [Term(concept, language, value.strip().lstrip("=").strip(),
                       value.strip().startswith("=")) for value in values.split(";")
                  if value.strip()]
    return terms
