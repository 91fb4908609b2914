"""Rules (gcm_rules.py) -> the objectives a finding's words meet: the matching, by word.

The rules are compiled once: each cue's and context's terms (the glossary concepts' terms in
their three languages, and the rules' own phrases) stemmed as the store stems findings
(stems.py: Snowball, English respelled in American) and indexed by their first word, each
group of terms (a cue's or a context's) numbered. Each word met is stemmed once per language
and remembered with the terms it may start; tag_all learns the new words of a whole batch in
one call to the stemmer. A finding is then one pass over its words with a look-up each, and
the cues of the terms found are weighed as objectives.txt's header says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from itertools import compress
from typing import NamedTuple

from mgi_cli.gcm_rules import Rules, Terms, rules
from mgi_cli.record import Record, frozen
from mgi_cli.stems import LANGUAGES, WORD
from mgi_cli.text import fold


@frozen()
class Tag(Record):
    """An objective a finding concerns, and the cue that gave it: the words as the finding
    writes them ("remittances")."""

    number: int  # 1-23
    cue: str


class _Separators(dict[int, int]):
    """A str.translate table that turns every character but a letter or a digit into a space:
    what stems.WORD calls a word ([^\\W_]: str.isalnum), split twice as fast as the regex.
    Filled as characters are met."""

    def __missing__(self, code: int) -> int:
        kept = code if chr(code).isalnum() else 32
        self[code] = kept
        return kept


_SEPARATORS = _Separators()
for _code in range(128):
    _SEPARATORS[_code]  # noqa: B018 (fills the table for ASCII)


def spaced(text: str) -> str:
    """A text in lower case with every character but a letter or a digit a space: the same
    length as text.lower(), and its split() is what stems.WORD.findall(text.lower()) gives."""
    return text.lower().translate(_SEPARATORS)


class _Term(NamedTuple):
    rest: tuple[str, ...]  # the words after the first, as stems (or folded, exact)
    exact: bool
    group: int  # the number of its cue's or context's terms
    length: int


Index = dict[str, dict[str, list[_Term]]]  # language -> first word -> terms
# line, objective, weight, the groups it needs near, the groups it needs not near
CueRow = tuple[int, int, int, tuple[int, ...], tuple[int, ...]]
# what a word may start: the groups of the one-word terms it is, and the longer terms by their
# second word, with how to read it: (the stems of the words met, terms by the second's stem)
# and (the folded words, exact terms by the second's folded form), where there are any
Longer = tuple[tuple[dict[str, str], dict[str, list[_Term]]], ...]
Starts = tuple[tuple[int, ...], Longer]
Match = tuple[int, int, int]  # group, first word, word after the last


def _groups(found: Rules) -> dict[Terms, int]:
    """Each distinct set of terms of a cue or a context, numbered."""
    groups: dict[Terms, int] = {}
    for cue in found.cues:
        groups.setdefault(cue.terms, len(groups))
    for terms in found.contexts.values():
        groups.setdefault(terms, len(groups))
    return groups


def _indexes(groups: dict[Terms, int]) -> tuple[Index, Index]:
    """The groups' terms by the stem of their first word, and the exact ones by the word."""
    from mgi_cli.glossary import concepts
    from mgi_cli.stems import indexed, lowered

    glossary = concepts()
    by_stem: Index = {lang: {} for lang in LANGUAGES}
    by_word: Index = {lang: {} for lang in LANGUAGES}
    for terms, group in groups.items():
        written = [(t.language, t.text, t.exact) for key in terms.concepts
                   for t in glossary[key]]
        written += [(lang, p.lstrip("=").strip(), p.startswith("=")) for lang, p in terms.phrases]
        for language, phrase, exact in written:
            found = (tuple(WORD.findall(fold(phrase))) if exact
                     else tuple(indexed(lowered(phrase), language)))
            if not found:
                continue
            index = (by_word if exact else by_stem)[language]
            entry = _Term(found[1:], exact, group, len(found))
            if entry not in index.setdefault(found[0], []):
                index[found[0]].append(entry)
    return by_stem, by_word


def _cue_rows(found: Rules, groups: dict[Terms, int]) -> dict[int, list[CueRow]]:
    """The cues of each group, strongest first, as plain tuples (the inner loop's)."""
    context_group = {name: groups[terms] for name, terms in found.contexts.items()}
    rows: dict[int, list[CueRow]] = {}
    for cue in sorted(found.cues, key=lambda c: -c.weight):
        rows.setdefault(groups[cue.terms], []).append((
            cue.line, cue.objective, cue.weight,
            tuple(context_group[name] for name in cue.near),
            tuple(context_group[name] for name in cue.unless)))
    return rows


class Matcher:
    """The rules ready to match, and every word met so far, per language: its stem, its
    folded form, and the terms it may start."""

    def __init__(self, found: Rules) -> None:
        self.rules = found
        groups = _groups(found)
        self.by_stem, self.by_word = _indexes(groups)
        self.cues_of = _cue_rows(found, groups)
        self.stems: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        self.folds: dict[str, str] = {}
        self.starts: dict[str, dict[str, Starts]] = {lang: {} for lang in LANGUAGES}
        self.tags: dict[tuple[int, str], Tag] = {}  # one Tag for each (number, cue) made

    def learn(self, new: Iterable[str], language: str) -> None:
        """Stem and fold words not met before, and note the terms each may start."""
        from mgi_cli.stems import indexed

        new = list(new)
        stemmed, folded = indexed(new, language), list(map(fold, new))
        self.stems[language].update(zip(new, stemmed, strict=True))
        self.folds.update(zip(new, folded, strict=True))
        by_stem, by_word = self.by_stem[language], self.by_word[language]
        learnt = list(zip(new, stemmed, folded, strict=True))
        starting = {*compress(learnt, map(by_stem.__contains__, stemmed)),
                    *compress(learnt, map(by_word.__contains__, folded))}
        starts = self.starts[language]
        for word, stem, folded_word in starting:
            candidates = [*by_stem.get(stem, ()), *by_word.get(folded_word, ())]
            starts[word] = self._starts(candidates, language)

    def _starts(self, candidates: list[_Term], language: str) -> Starts:
        """The one-word terms a word is, and the longer ones it starts by their second word."""
        by_second: tuple[dict[str, list[_Term]], dict[str, list[_Term]]] = ({}, {})
        for term in candidates:
            if term.rest:
                by_second[term.exact].setdefault(term.rest[0], []).append(term)
        longer = tuple((known, terms) for known, terms in
                       ((self.stems[language], by_second[False]), (self.folds, by_second[True]))
                       if terms)
        return tuple(t.group for t in candidates if not t.rest), longer

    def tag(self, text: str, language: str) -> tuple[Tag, ...]:
        """A finding's tags, learning its new words first."""
        language = language if language in LANGUAGES else "en"
        words = spaced(text)
        lower = words.split()
        new = set(lower).difference(self.stems[language])
        if new:
            self.learn(new, language)
        return self.tag_words(text, words, lower, language)

    def tag_all(self, findings: Sequence[tuple[str, str]]) -> list[tuple[Tag, ...]]:
        """tag() for many (text, language) pairs, in order; a text met twice is tagged once,
        and the words new to the batch are learnt together."""
        todo: dict[tuple[str, str], tuple[str, str]] = {}  # pair -> its words spaced, language
        met: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        for pair in findings:
            if pair not in todo:
                language = pair[1] if pair[1] in LANGUAGES else "en"
                # kept as a string: splitting it again costs less than the garbage collector's
                # scans of a list of words for each finding
                words = spaced(pair[0])
                todo[pair] = (words, language)
                met[language].update(words.split())
        for language, vocabulary in met.items():
            new = vocabulary.difference(self.stems[language])
            if new:
                self.learn(new, language)
        done = {pair: self.tag_words(pair[0], words, words.split(), language)
                for pair, (words, language) in todo.items()}
        return [done[pair] for pair in findings]

    def tag_words(self, text: str, words: str, lower: list[str], language: str
                  ) -> tuple[Tag, ...]:
        """The tags of a text whose words (`lower`, split from `words`: spaced(text)) are all
        learnt in `language`."""
        matches = self._matches(lower, language)
        return self._scored(text, words, lower, matches) if matches else ()

    def _matches(self, lower: list[str], language: str) -> list[Match]:
        """Every term of a cue or a context the words hold, by first word."""
        starts = self.starts[language]
        size = len(lower)
        matches: list[Match] = []
        # the places of the words that start a term, found without a loop in Python
        for i in compress(range(size), map(starts.__contains__, lower)):
            singles, longer = starts[lower[i]]
            for group in singles:
                matches.append((group, i, i + 1))
            if not longer or i + 1 == size:
                continue
            following = lower[i + 1]
            for known, by_second in longer:
                for term in by_second.get(known[following], ()):
                    end = i + term.length  # two words: found by the second already
                    if end == i + 2 or end <= size and tuple(
                            map(known.__getitem__, lower[i + 1:end])) == term.rest:
                        matches.append((term.group, i, end))
        return matches

    def _scored(self, text: str, words: str, lower: list[str],
                matches: list[Match]) -> tuple[Tag, ...]:
        """The objectives whose cues the matches meet, weighed; each with its first cue as
        the text writes it."""
        scores, first = self._scores(matches)
        rules = self.rules
        chosen = sorted((n for n, score in scores.items() if score >= rules.threshold),
                        key=lambda n: (-scores[n], first[n][0], first[n][1], n))
        if not chosen:
            return ()
        chosen = chosen[:1] + [n for n in chosen[1:] if scores[n] >= rules.others]
        # the words' places in the lower-case text are the text's, unless lower case changed
        # its length (rare letters): then the cue is shown in lower case
        placed = len(words) == len(text)
        tags = []
        for number in chosen:
            _, start, end = first[number]
            cue = (text[_place(words, start):_place(words, end - 1) + len(lower[end - 1])]
                   if placed else " ".join(lower[start:end]))
            made = self.tags.get((number, cue))
            if made is None:
                made = self.tags[number, cue] = Tag(number, cue)
            tags.append(made)
        return tuple(tags)

    def _scores(self, matches: list[Match]
                ) -> tuple[dict[int, int], dict[int, tuple[int, int, int]]]:
        """Each objective's score, and its first cue: (-weight, start, end), the weightiest
        then the earliest. A match inside a longer one gives way to it ("repatriation" in
        "repatriation of remains"); contexts still see every match."""
        cues_of = self.cues_of
        longer = [m for m in matches if m[2] - m[1] > 1]
        inside = {i for _, start, end in longer for i in range(start, end)} if longer else ()
        at: dict[int, list[tuple[int, int]]] | None = None  # matches by group, when needed
        scores: dict[int, int] = {}
        first: dict[int, tuple[int, int, int]] = {}
        counted: set[int] = set()  # cue lines already counted
        for group, start, end in matches:
            cues = cues_of.get(group)
            if cues is None or start in inside and (end - start == 1 or any(
                    o[1] <= start and end <= o[2] and o[2] - o[1] > end - start
                    for o in longer)):
                continue
            for line, number, weight, near, unless in cues:
                if line in counted:
                    continue
                if near or unless:
                    if at is None:
                        at = _by_group(matches)
                    if near and not self._near(at, near, start, end):
                        continue
                    if unless and self._near(at, unless, start, end):
                        continue
                counted.add(line)
                scores[number] = scores.get(number, 0) + weight
                best = (-weight, start, end)
                if number not in first or best < first[number]:
                    first[number] = best
        return scores, first

    def _near(self, at: dict[int, list[tuple[int, int]]], groups: tuple[int, ...],
              start: int, end: int) -> bool:
        """Whether a term of one of the context groups is within the window of words around
        a match (the match itself excepted)."""
        window = self.rules.window
        for group in groups:
            for other_start, other_end in at.get(group, ()):
                if other_end >= start - window and other_start <= end + window and not (
                        other_start == start and other_end == end):
                    return True
        return False


def _by_group(matches: list[Match]) -> dict[int, list[tuple[int, int]]]:
    at: dict[int, list[tuple[int, int]]] = {}
    for group, start, end in matches:
        at.setdefault(group, []).append((start, end))
    return at


def _place(words: str, number: int) -> int:
    """Where word `number` (from 0) starts in `words` (spaced(text)): str.split leaves the rest
    of the text after `number` splits, from that word on."""
    return len(words) - len(words.split(None, number)[number])


@cache
def matcher() -> Matcher:
    """The rules of objectives.txt, compiled (cached, with every word it has met)."""
    return Matcher(rules())
