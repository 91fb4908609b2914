"""Query -> ranked findings, in English, French and Spanish.

What a query means is query.py's job (words, phrases, prefixes, and the forms each is searched
in: stems, spellings, compounds, glossary synonyms and translations, typos). Here each form is
looked up in the store's FTS5 indexes (store/indexes.py), and the findings that match every term are
ranked by relevance: BM25, SQLite FTS5's own bm25() (k1 = 1.2, b = 0.75) over the stems,
summed over the query's terms, each term counting at its best form times the form's weight (a
finding matched as typed ranks above one matched by its stem, a synonym, a translation or a
typo). Ties go to the newest profile, then by id. Only the findings shown are read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from mgi_cli.errors import NothingFound
from mgi_cli.model import KINDS, LISTS, Domain, DomainFindings, Kind, Profile, ordered_findings
from mgi_cli.query import WORDS, Form, Term, plan
from mgi_cli.record import frozen
from mgi_cli.stems import LANGUAGES, stem, stems, words

if TYPE_CHECKING:
    from mgi_cli.glossary import Glossary
    from mgi_cli.store import Store

Key = tuple[int, int]  # a finding: (its profile's key in the store, its ordinal)
T = TypeVar("T")


@frozen()
class Hit:
    """One finding that matches a query: where it is, how relevant, and what matched."""

    profile: Profile
    domain: Domain
    kind: Kind
    position: int  # 1-based, within its list
    text: str
    score: float  # relevance (BM25, weighted by how each term matched): more is better
    spans: tuple[tuple[int, int], ...]  # the characters that matched
    matched: tuple[str, ...] = ()  # those words as the finding writes them


class Found(NamedTuple):
    """The hits to show (at most the limit asked for), how many findings matched in all, and
    the terms searched with their forms (for --explain)."""

    hits: list[Hit]
    total: int
    terms: list[Term]


def check_query(query: str) -> None:
    """A query mgi cannot search (empty, too long, no words) is a usage error, raised before
    any file is read."""
    from mgi_cli.query import parts

    parts(query)


class Corpus:
    """The findings of some profiles, searchable: through their store's indexes, or, for
    profiles read without one (or a store damaged since), an index built in memory."""

    def __init__(self, profiles: Iterable[Profile], store: Store | None = None) -> None:
        self.profiles = list(profiles)
        keys = _stored_keys(self.profiles)
        if store is None or store.is_damaged or keys is None:
            store, keys = _memory_store(self.profiles)
        self._attach(store, keys)

    def _attach(self, store: Store, keys: list[int]) -> None:
        """Search this store, whose keys are the profiles' in order; what was read of the
        previous one is forgotten."""
        self._store = store
        self._by_key = dict(zip(keys, self.profiles, strict=True))
        self._language = {key: profile.language for key, profile in self._by_key.items()}
        self._vocabulary: dict[str, int] | None = None
        self._words: dict[str, int] | None = None
        self._spellings: dict[str, str] | None = None

    @property
    def size(self) -> int:
        """How many findings the profiles hold (a stored profile knows without reading)."""
        return sum(_finding_count(profile) for profile in self.profiles)

    @property
    def vocabulary(self) -> dict[str, int]:
        """Every stem of the findings -> how many findings hold it."""
        if self._vocabulary is None:
            self._vocabulary = self._guarded(lambda: self._store.vocabulary())
        return self._vocabulary

    def frequency(self, word: str) -> int:
        """How many findings hold a (folded) word, in its stem in the language that has most."""
        return max(self.vocabulary.get(stem(word, language), 0) for language in LANGUAGES)

    def search(self, query: str, domain: Domain | None = None,
               profiles: Sequence[Profile] | None = None, kinds: Sequence[Kind] = KINDS,
               limit: int | None = None, language: str | None = None,
               exact: bool = False) -> Found:
        """The findings that match every term of the query, most relevant first."""
        terms = plan(query, self, exact)
        where, parameters = self._filters(domain, profiles, kinds)
        scores = self._guarded(lambda: self._scores(terms, where, parameters, language))
        ranked = self._ranked(scores)
        shown = ranked[:limit] if limit else ranked
        return Found([self._hit(key, scores[key], terms) for key in shown], len(ranked), terms)

    @property
    def words(self) -> dict[str, int]:
        """Every word of the findings as written (folded) -> how many hold it: typos."""
        if self._words is None:
            self._words = self._guarded(lambda: self._store.vocabulary("words"))
        return self._words

    @property
    def spellings(self) -> dict[str, str]:
        """British English stems -> American, as the store's stems were respelled."""
        if self._spellings is None:
            self._spellings = self._guarded(lambda: self._store.spellings())
        return self._spellings

    @property
    def glossary(self) -> Glossary:
        from mgi_cli.glossary import Glossary

        return Glossary(self._store.connection)

    def written_in(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The languages whose findings hold these words as written (a phrase, in order)."""
        expression = '"' + " ".join(words) + '"'
        return tuple(language for language in LANGUAGES if self._holds(expression, language))

    def _holds(self, expression: str, language: str) -> bool:
        """Whether any finding in the language matches an FTS5 expression of words."""
        return self._guarded(lambda: self._store.connection.execute(
            "SELECT 1 FROM findings_fts JOIN findings AS f ON f.id = findings_fts.rowid "
            "WHERE findings_fts MATCH ? AND f.language = ? LIMIT 1",
            (expression, language)).fetchone() is not None)

    def _guarded(self, read: Callable[[], T]) -> T:
        """A read of the store; one that fails marks the store damaged and is done again on
        an index built in memory (this run's answer stays right)."""
        try:
            return read()
        except sqlite3.DatabaseError:
            self._store.damaged()
            self._attach(*_memory_store(self.profiles))
            return read()

    def _filters(self, domain: Domain | None, profiles: Sequence[Profile] | None,
                 kinds: Sequence[Kind]) -> tuple[str, tuple[object, ...]]:
        where = ""
        parameters: tuple[object, ...] = ()
        if domain is not None:
            where, parameters = " AND f.domain = ?", (domain.key,)
        if set(kinds) != set(KINDS):  # both lists: the unsorted findings too
            where += f" AND f.kind IN ({', '.join('?' * len(kinds))})"
            parameters += tuple(kinds)
        if profiles is not None:
            wanted = {id(profile) for profile in profiles}  # this corpus's own profiles
            keys = [key for key, profile in self._by_key.items() if id(profile) in wanted]
            where += f" AND f.profile_key IN ({', '.join('?' * len(keys))})"
            parameters += tuple(keys)
        return where, parameters

    def _scores(self, terms: list[Term], where: str, parameters: tuple[object, ...],
                language: str | None) -> dict[Key, float]:
        """Each finding that matches every term -> the sum of its terms' best weighted BM25."""
        scores: dict[Key, float] | None = None
        for term in terms:
            best: dict[Key, float] = {}
            for (table, languages, weight), expression in _grouped(term.forms, language):
                clause = (f" AND f.language IN ({', '.join('?' * len(languages))})"
                          if languages and where else "")  # else checked here, by profile
                for key, ordinal, relevance in self._store.matching(
                        expression, table, where + clause, parameters + languages * bool(where)):
                    if languages and not where and self._language.get(key) not in languages:
                        continue
                    value = weight * relevance
                    if value > best.get((key, ordinal), -1.0):
                        best[(key, ordinal)] = value
            scores = best if scores is None else {
                key: value + best[key] for key, value in scores.items() if key in best}
        return {key: value for key, value in (scores or {}).items() if key[0] in self._by_key}

    def _ranked(self, scores: dict[Key, float]) -> list[Key]:
        """Most relevant first; ties: the newest profile first, then by id, then in order."""
        ranked = sorted(scores, key=lambda key: (self._by_key[key[0]].id, key[1]))
        ranked.sort(key=lambda key: self._by_key[key[0]].published or "", reverse=True)
        ranked.sort(key=lambda key: round(scores[key], 6), reverse=True)
        return ranked

    def _hit(self, key: Key, score: float, terms: list[Term]) -> Hit:
        profile = self._by_key[key[0]]
        block, kind, position, text = _finding(profile, key[1])
        spans = _spans(text, profile.language, terms, self.spellings)
        return Hit(profile, block.domain, kind, position, text, round(score, 2), spans,
                   tuple(dict.fromkeys(text[a:b] for a, b in spans)))


def _finding_count(profile: Profile) -> int:
    known = getattr(profile.domains, "finding_count", None)
    return known if known is not None else sum(profile.count(kind) for kind in LISTS)


def _grouped(forms: tuple[Form, ...], language: str | None
             ) -> list[tuple[tuple[str, tuple[str, ...], float], str]]:
    """The forms of a term as one FTS5 query per index, languages and weight: a term's
    synonyms or translations in one language are one query ("a" OR "b"), whose bm25() is
    BM25 of the query so expanded."""
    groups: dict[tuple[str, tuple[str, ...], float], list[str]] = {}
    for form in forms:
        languages = _languages(form, language)
        if languages is not None:
            groups.setdefault((form.table, languages, form.weight), []).append(
                f"({form.expression()})")
    return [(key, " OR ".join(expressions)) for key, expressions in groups.items()]


def _languages(form: Form, wanted: str | None) -> tuple[str, ...] | None:
    """The languages to search a form in (() for all); None when --lang rules it out."""
    if wanted is None:
        return form.languages
    return (wanted,) if not form.languages or wanted in form.languages else None


def _finding(profile: Profile, ordinal: int) -> tuple[DomainFindings, Kind, int, str]:
    for number, finding in enumerate(ordered_findings(profile)):
        if number == ordinal:
            return finding
    raise IndexError(ordinal)


def _spans(text: str, language: str, terms: list[Term], respell: Mapping[str, str]
           ) -> tuple[tuple[int, int], ...]:
    """The characters of each word or phrase of the text that a form of a term matched."""
    tokens = words(text)
    folded = [token[0] for token in tokens]
    stemmed = stems([text[start:end].lower() for _, start, end in tokens], language, respell)
    found: set[tuple[int, int]] = set()
    for term in terms:
        for form in term.forms:
            if form.languages and language not in form.languages:
                continue
            sequence = folded if form.table == WORDS else stemmed
            for first, last in _places(form, sequence):
                found.add((tokens[first][1], tokens[last][2]))
    return _merged(sorted(found))


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Overlapping spans as one: "diaspora" inside "diaspora engagement" is that phrase."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _places(form: Form, sequence: list[str]) -> list[tuple[int, int]]:
    """(first, last) token of each place where a form matches a finding's words or stems."""
    size = len(form.words)
    if form.prefix:
        return [(i, i) for i, word in enumerate(sequence) if word.startswith(form.words[0])]
    if form.phrase:
        return [(i, i + size - 1) for i in range(len(sequence) - size + 1)
                if tuple(sequence[i:i + size]) == form.words]
    return [(i, i) for i, word in enumerate(sequence) if word in form.words]


def _stored_keys(profiles: Iterable[Profile]) -> list[int] | None:
    """Each profile's key in its store; None when any was read without one."""
    keys = [getattr(profile.domains, "key", None) for profile in profiles]
    stored = [key for key in keys if isinstance(key, int)]
    return stored if len(stored) == len(keys) else None


def _memory_store(profiles: list[Profile]) -> tuple[Store, list[int]]:
    """An index of profiles read without a store (`mgi check` paths, a damaged store)."""
    from pathlib import Path

    from mgi_cli.store.indexes import BULK_FILES, bulk, keep_glossary, keep_vocabulary
    from mgi_cli.store.insert import write_profile
    from mgi_cli.store.reader import Store
    from mgi_cli.store.schema import create

    connection = sqlite3.connect(":memory:")
    create(connection, None)
    with bulk(connection, len(profiles) > BULK_FILES):
        keys = [write_profile(connection, p, p.source) for p in profiles]  # ids may repeat
    keep_vocabulary(connection)
    keep_glossary(connection)
    return Store(Path("."), connection), keys


def nothing_found(query: str) -> NothingFound:
    return NothingFound(f"No findings match {query!r}.")
