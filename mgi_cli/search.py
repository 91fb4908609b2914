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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS, Domain, Profile
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


@dataclass(frozen=True)
class _Entry:
    profile: Profile
    domain: Domain
    kind: str
    position: int
    text: str
    tokens: tuple[tuple[str, int, int], ...]  # folded word, start, end


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
    """Every finding of some profiles, indexed by the words it contains."""

    def __init__(self, profiles: Iterable[Profile]) -> None:
        self.entries: list[_Entry] = []
        self.index: dict[str, set[int]] = defaultdict(set)
        for profile in profiles:
            for block in profile.domains:
                for kind in KINDS:
                    for position, text in enumerate(block.findings(kind), 1):
                        entry = _Entry(profile, block.domain, kind, position, text, _tokens(text))
                        self._add(entry)

    def _add(self, entry: _Entry) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        for word, _, _ in entry.tokens:
            self.index[word].add(number)

    def similar_words(self, word: str) -> dict[str, float]:
        """Vocabulary words that match a query word, with a similarity from 0 to 1.

        A word the corpus knows matches itself and its plural or singular; only a word it
        does not know is taken for a typo and matched within its edit budget.
        """
        found = {form: 0.95 for form in inflections(word) if form in self.index}
        if word in self.index:
            return {**found, word: 1.0}
        budget = edit_budget(word)
        if budget:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            for candidate, distance, _ in process.extract(
                word, self.index.keys(), scorer=OSA.distance, score_cutoff=budget, limit=None
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
    ) -> list[Hit]:
        """The findings that match every term of the query, best match first."""
        terms = parse_query(query)
        matches = [[self.similar_words(word) for word in term] for term in terms]
        candidates = set.intersection(*(self._containing(term[0]) for term in matches))
        wanted = {p.id for p in profiles} if profiles else None
        hits = []
        for number in sorted(candidates):
            entry = self.entries[number]
            if domain and entry.domain.key != domain.key or entry.kind not in kinds:
                continue
            if wanted is not None and entry.profile.id not in wanted:
                continue
            if hit := _match(entry, matches):
                hits.append(hit)
        if not hits:
            raise NothingFound(f"No findings match {query!r}.")
        hits.sort(key=lambda h: (-h.score, -len(h.spans)))
        return hits[:limit] if limit else hits

    def _containing(self, words: dict[str, float]) -> set[int]:
        found: set[int] = set()
        for word in words:
            found |= self.index.get(word, set())
        return found


def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text))


def _match(entry: _Entry, terms: list[list[dict[str, float]]]) -> Hit | None:
    """A hit when every term matches the entry: words anywhere, phrases in order."""
    spans: list[tuple[int, int]] = []
    scores: list[float] = []
    words = [token[0] for token in entry.tokens]
    for term in terms:
        best = 0.0
        for start in range(len(words) - len(term) + 1):
            similarity = [term[i].get(words[start + i], 0.0) for i in range(len(term))]
            if all(similarity):
                best = max(best, sum(similarity) / len(term))
                first, last = entry.tokens[start], entry.tokens[start + len(term) - 1]
                spans.append((first[1], last[2]))
        if not best:
            return None
        scores.append(best)
    score = round(100 * sum(scores) / len(scores), 1)
    return Hit(
        entry.profile, entry.domain, entry.kind, entry.position, entry.text, score,
        tuple(sorted(set(spans))),
    )
