"""The trilingual glossary (glossary.txt): MGI and GCM concepts, each with its English, French
and Spanish terms. Search uses it to find a concept in every language ("trafficking" finds
"traite des personnes" and "trata de personas").

Terms are compared by the stems of their words in their own language (stems.py), so a query
meets a term in any inflection; a term written "=traite des personnes" is compared by its
words as written, where a stem would also be another word's ("traite" and "traitement" are
both "trait"). The file is parsed and stemmed once into each store's `glossary` table, when
the store is built (parsing and stemming its 3,000 terms on every search would cost a tenth
of mgi's startup); a search looks terms up by their first word.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from mgi_cli.record import frozen
from mgi_cli.stems import LANGUAGES, WORD, Respelling, indexed, lowered, stems
from mgi_cli.text import fold

GLOSSARY = Path(__file__).with_name("glossary.txt")
LONGEST_TERM = 6  # words: longer runs of a query are not looked up


@frozen()
class Term:
    """One term of a concept, as written, in its language."""

    concept: str
    language: str
    text: str
    exact: bool = False  # matched by its words as written, not by their stems
    words: tuple[str, ...] = ()  # folded words for an exact term, else stems (the store's)


class GlossaryError(ValueError):
    """glossary.txt does not follow its format (a developer's mistake, caught by the tests)."""


class Glossary:
    """The glossary as a table of the store (store/schema.py: concept, language, term, exact,
    words, first), filled from glossary.txt when the store is built: a lookup is an indexed
    query for the terms whose first word is the query's, not a parse of 3,000 terms."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def lookup(self, lower: tuple[str, ...], respell: Respelling | None = None
               ) -> list[Term]:
        """The terms that a run of query words (in lower case) is, in any language (English
        stems respelled in American, as the glossary's are)."""
        found: list[Term] = []
        folded = tuple(fold(word) for word in lower)
        for language in LANGUAGES:
            stemmed = tuple(stems(list(lower), language, respell))
            for concept, term, exact, words in self.connection.execute(
                    "SELECT concept, term, exact, words FROM glossary WHERE language = ? AND "
                    "first IN (?, ?)", (language, stemmed[0], folded[0])):
                if tuple(words.split()) == (folded if exact else stemmed):
                    found.append(Term(concept, language, term, bool(exact),
                                      tuple(words.split())))
        return found

    def terms_of(self, concept: str) -> list[Term]:
        """Every term of a concept, in the three languages."""
        return [Term(concept, language, term, bool(exact), tuple(words.split()))
                for language, term, exact, words in self.connection.execute(
                    "SELECT language, term, exact, words FROM glossary WHERE concept = ? "
                    "ORDER BY rowid", (concept,))]


def rows() -> list[tuple[str, str, str, bool, str, str]]:
    """The glossary's rows for the store: (concept, language, term, exact, words, first)."""
    rows = []
    for term in _parse(GLOSSARY.read_text(encoding="utf-8")):
        words = _words(term.text, term.language, term.exact)
        if words:
            rows.append((term.concept, term.language, term.text, term.exact, " ".join(words),
                         words[0]))
    return rows


@cache
def from_file() -> Glossary:
    """The glossary without a store (a query planned before any folder is read)."""
    from mgi_cli.store.indexes import keep_glossary
    from mgi_cli.store.schema import create

    connection = sqlite3.connect(":memory:")
    create(connection, None)
    keep_glossary(connection)
    return Glossary(connection)


def _words(text: str, language: str, exact: bool) -> tuple[str, ...]:
    if exact:
        return tuple(WORD.findall(fold(text)))
    return tuple(indexed(lowered(text), language))


def concepts() -> dict[str, list[Term]]:
    """Every concept with its terms: the whole file read strictly (tests, and checks)."""
    found: dict[str, list[Term]] = {}
    for term in _parse(GLOSSARY.read_text(encoding="utf-8")):
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
