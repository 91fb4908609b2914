"""Query -> ranked findings, forgiving typos and plurals.

Each query word is matched against the corpus's own vocabulary, whole words only, with an edit
budget that grows with the word's length (like Elasticsearch's AUTO fuzziness, but stricter
for short words so that "aid" never finds "said"): up to 4 letters exact, 5-7 letters one
edit, 8 or more two (a transposition counts as one edit). A word the corpus itself contains
is no typo: it matches only itself and its plural or singular, so "policy" never finds
"police". Plurals match their singular.
Several words: a finding must match all of them. A quoted phrase matches its words in order.
"""

from __future__ import annotations

import re
import shlex
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS, LISTS, UNSORTED, Domain, DomainFindings, Profile
from mgi_cli.text import fold

MAX_QUERY_CHARS = 500
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    """One finding that matches a query, with the character spans of the matched words."""

    profile: Profile
    domain: Domain
    kind: str
    position: int  # 1-based, within its list
    text: str
    score: float  # 0-100: how closely the words matched, not a judgement of the profile
    spans: tuple[tuple[int, int], ...]


class Found(NamedTuple):
    """The hits to show (at most the limit asked for) and how many findings matched in all."""

    hits: list[Hit]
    total: int


def edit_budget(word: str) -> int:
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else 2


def inflections(word: str) -> set[str]:
    """The plural and singular forms a word may take in English, French or Spanish."""
    forms = {word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith(("s", "x")) and len(word) > 3:
        forms.add(word[:-1])
    if word.endswith("es") and len(word) > 4:
        forms |= {word[:-2], word[:-2] + "is"}  # crises -> crisis
    if word.endswith("is"):
        forms.add(word[:-2] + "es")  # crisis -> crises
    return forms - {word}


def parse_query(query: str) -> list[tuple[str, ...]]:
    """'human "labour migration"' -> [('human',), ('labour', 'migration')]."""
    if not query.strip():
        raise MgiError("The search query is empty. Example: mgi search trafficking")
    if len(query) > MAX_QUERY_CHARS:
        raise MgiError(f"The search query is over {MAX_QUERY_CHARS} characters; shorten it.")
    try:
        parts = shlex.split(query)
    except ValueError:  # an unbalanced quote: search the words as they are
        parts = query.replace('"', " ").split()
    terms = [tuple(_WORD.findall(fold(part))) for part in parts]
    terms = [term for term in terms if term]
    if not terms:
        raise MgiError(f"The search query {query!r} has no words to search for.")
    return terms


class Corpus:
    """Every finding of some profiles, indexed by the words it contains.

    Findings are numbered in the profiles' order, and within a profile in the order of
    model.ordered_findings. The index maps each folded word to the numbers of the findings
    that contain it: a store's FTS5 index when the profiles come from one (`store`), so a
    search over thousands of profiles reads only the words it needs; else built here.
    """

    def __init__(self, profiles: Iterable[Profile], store=None):
        self.profiles = list(profiles)
        self._starts: list[int] = []  # the number of each profile's first finding
        self._by_key: dict[int, int] = {}  # a stored profile's key -> its first number
        count = 0
        for profile in self.profiles:
            self._starts.append(count)
            key = getattr(profile.domains, "key", None)
            if key is not None:
                self._by_key[key] = count
            count += _finding_count(profile)
        self.size = count
        self._store = store if store is not None and len(self._by_key) == len(self.profiles) \
            else None
        self._vocabulary: dict[str, int] | None = None  # word -> findings, from the store
        self._index: dict[str, list[int]] | None = None if self._store else self._build()

    def _build(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = defaultdict(list)
        for number in range(self.size):
            for word in dict.fromkeys(token[0] for token in _tokens(self.text(number))):
                index[word].append(number)
        return index

    @property
    def vocabulary(self):
        if self._index is None and self._vocabulary is None:
            self._vocabulary = self._from_store(lambda store: store.vocabulary())
        return self._index.keys() if self._index is not None else self._vocabulary

    def frequency(self, word: str) -> int:
        """How many findings hold the word (the store counts them once, at each update)."""
        if self._index is None:
            vocabulary = self.vocabulary
            if self._index is None:
                return vocabulary.get(word, 0)
        return len(self._index.get(word, ()))

    def containing(self, word: str) -> list[int]:
        if self._index is None:
            starts = self._by_key
            found = self._from_store(lambda store: store.containing(word))
            if self._index is None:
                return sorted(starts[key] + ordinal for key, ordinal in found if key in starts)
        return self._index.get(word, [])

    def _from_store(self, query):
        """A query of the store's index; a damaged store is left for an index built here."""
        import sqlite3

        try:
            return query(self._store)
        except sqlite3.DatabaseError:
            self._store.damaged()
            self._index = self._build()
            return None

    def locate(self, number: int) -> tuple[Profile, DomainFindings, str, int]:
        """The profile, domain block, list and 1-based position of a finding."""
        which = bisect_right(self._starts, number) - 1
        profile, offset = self.profiles[which], number - self._starts[which]
        for block in profile.domains:
            for kind in LISTS:
                found = block.findings(kind)
                if offset < len(found):
                    return profile, block, kind, offset + 1
                offset -= len(found)
        raise IndexError(number)

    def text(self, number: int) -> str:
        _, block, kind, position = self.locate(number)
        return block.findings(kind)[position - 1]

    def similar_words(self, word: str) -> dict[str, float]:
        """Vocabulary words that match a query word, with a similarity from 0 to 1.

        A word the corpus knows matches itself and its plural or singular; only a word it
        does not know is taken for a typo and matched within its edit budget.
        """
        vocabulary = self.vocabulary
        found = {form: 0.95 for form in inflections(word) if form in vocabulary}
        if word in vocabulary:
            return {**found, word: 1.0}
        budget = edit_budget(word)
        if budget:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            for candidate, distance, _ in process.extract(
                word, list(vocabulary), scorer=OSA.distance, score_cutoff=budget, limit=None
            ):
                found.setdefault(candidate, 1 - distance / max(len(word), len(candidate)))
        return found

    def search(
        self,
        query: str,
        domain: Domain | None = None,
        profiles: Sequence[Profile] | None = None,
        kinds: Sequence[str] = KINDS,
        limit: int | None = None,
    ) -> Found:
        """The findings that match every term of the query, best match first.

        Candidates are ranked from the index alone; only the ones shown are read word by
        word for their highlights (all of them when the query holds a phrase, which must be
        checked in order).
        """
        terms = parse_query(query)
        matches = [[self.similar_words(word) for word in term] for term in terms]
        best = [self._best_per_finding(term[0]) for term in matches]
        candidates = set(best[0]).intersection(*best[1:])
        wanted = {p.id for p in profiles} if profiles else None
        filtered = domain is not None or wanted is not None or set(kinds) != set(KINDS)
        ranked = []
        for number in candidates:
            if filtered:
                profile, block, kind, _ = self.locate(number)
                shown = (*kinds, UNSORTED) if set(kinds) == set(KINDS) else kinds
                if domain and block.domain.key != domain.key or kind not in shown:
                    continue
                if wanted is not None and profile.id not in wanted:
                    continue
            ranked.append((-sum(b[number] for b in best) / len(best), number))
        ranked.sort()
        phrases = any(len(term) > 1 for term in terms)
        hits: list[Hit] = []
        for _, number in ranked:
            if limit and len(hits) >= limit and not phrases:
                break
            if hit := self._hit(number, matches):
                hits.append(hit)
        if not hits:
            raise NothingFound(f"No findings match {query!r}.")
        if phrases:
            hits.sort(key=lambda h: -h.score)
            return Found(hits[:limit] if limit else hits, len(hits))
        return Found(hits, len(ranked))

    def _best_per_finding(self, words: dict[str, float]) -> dict[int, float]:
        best: dict[int, float] = {}
        for word, similarity in words.items():
            for number in self.containing(word):
                if similarity > best.get(number, 0.0):
                    best[number] = similarity
        return best

    def _hit(self, number: int, terms: list[list[dict[str, float]]]) -> Hit | None:
        profile, block, kind, position = self.locate(number)
        text = block.findings(kind)[position - 1]
        matched = _match(_tokens(text), terms)
        if matched is None:
            return None
        score, spans = matched
        return Hit(profile, block.domain, kind, position, text, score, spans)


def _finding_count(profile: Profile) -> int:
    """How many findings a profile holds; a stored profile knows without reading them."""
    known = getattr(profile.domains, "finding_count", None)
    if known is not None:
        return known
    return sum(len(b.findings(kind)) for b in profile.domains for kind in LISTS)


def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text))


def _match(tokens, terms: list[list[dict[str, float]]]):
    """(score, spans) when every term matches the tokens: words anywhere, phrases in order."""
    spans: list[tuple[int, int]] = []
    scores: list[float] = []
    words = [token[0] for token in tokens]
    for term in terms:
        best = 0.0
        for start in range(len(words) - len(term) + 1):
            similarity = [term[i].get(words[start + i], 0.0) for i in range(len(term))]
            if all(similarity):
                best = max(best, sum(similarity) / len(term))
                spans.append((tokens[start][1], tokens[start + len(term) - 1][2]))
        if not best:
            return None
        scores.append(best)
    return round(100 * sum(scores) / len(scores), 1), tuple(sorted(set(spans)))
