"""Findings -> the objectives of the Global Compact for Migration (GCM) they concern.

The rules are a data file anyone can read and change (objectives.txt, its format in its
header): each of the 23 objectives has short names in English, French and Spanish and weighted
cues, either concepts of the trilingual glossary (glossary.txt, whose terms in the three
languages are one cue) or phrases of one language, some counting only near another term. A
finding's words are stemmed as the glossary's terms are (stems.py: Snowball, by the finding's
language), its cues found, and an objective tagged when its cues add up to the rules'
threshold; the main objective is the one with most, the others follow by weight. A finding
about institutional set-up alone ("a ministry is responsible for migration") meets no cue and
gets no tag. This is mgi's reading of the text by rules, not IOM's coding.

Everything is computed once and cached: the rules parsed (objectives() needs no stemmer), the
cue terms stemmed and indexed by their first word, and each word of the findings stemmed once
per language; a finding is then one pass over its words with a dictionary look-up each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from mgi_cli.errors import MgiError
from mgi_cli.record import Record, frozen
from mgi_cli.stems import LANGUAGES, WORD
from mgi_cli.text import fold

RULES = Path(__file__).with_name("objectives.txt")
COUNT = 23  # the GCM's objectives, numbered 1-23


@frozen()
class Objective(Record):
    """One GCM objective: its number and its short names in English, French and Spanish."""

    number: int
    names: tuple[str, str, str]  # en, fr, es

    @property
    def name(self) -> str:
        """The English short name."""
        return self.names[0]

    @property
    def title(self) -> str:
        """Its number and English name ("20. Remittances")."""
        return f"{self.number}. {self.name}"


@frozen()
class Tag(Record):
    """An objective a finding concerns, and the cue that gave it: the words as the finding
    writes them ("remittances")."""

    number: int  # 1-23
    cue: str


class RulesError(ValueError):
    """objectives.txt does not follow its format (a developer's mistake, caught by the tests);
    the message names the line."""


# ---------------------------------------------------------------------------------------------
# The rules, as written
# ---------------------------------------------------------------------------------------------

class Terms(NamedTuple):
    """What a cue or a context looks for: glossary concepts (all their terms, in the three
    languages) and phrases of one language each ((language, phrase); "=phrase" as written)."""

    concepts: tuple[str, ...]
    phrases: tuple[tuple[str, str], ...]

    @property
    def label(self) -> str:
        shown = [f"@{c}" for c in self.concepts] + [f"{lang}: {p}" for lang, p in self.phrases]
        return "; ".join(shown)


class Cue(NamedTuple):
    """One weighted cue of an objective; `near`/`unless` name contexts: the cue counts only
    with (without) one of that context's terms within the rules' window of words."""

    objective: int
    weight: int
    terms: Terms
    near: tuple[str, ...]  # context names: any of them will do
    unless: tuple[str, ...]
    line: int


class Rules(NamedTuple):
    threshold: int  # the score that tags an objective (the main one)
    others: int  # the score a further objective needs
    window: int  # words either side, for near and unless
    objectives: tuple[Objective, ...]
    cues: tuple[Cue, ...]
    contexts: dict[str, Terms]


_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OBJECTIVE = re.compile(r"\[(\d+)\]\s*(.*)")
_CONTEXT = re.compile(r"\{([a-z0-9-]+)\}")
_CUE = re.compile(r"(\d+)\s+(.+?)(?:\s+near\s+\{([a-z0-9|-]+)\})?"
                  r"(?:\s+unless\s+\{([a-z0-9|-]+)\})?")
_SETTING = re.compile(r"(threshold|others|window):\s*(\d+)")


@cache
def rules() -> Rules:
    """objectives.txt, parsed strictly (cached)."""
    return parse(RULES.read_text(encoding="utf-8"), _glossary_keys())


def _glossary_keys() -> frozenset[str]:
    from mgi_cli.glossary import GLOSSARY

    text = GLOSSARY.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^\[([^\]]+)\]\s*$", text, re.MULTILINE))


def parse(text: str, known: Iterable[str] = ()) -> Rules:
    """Rules from the text of objectives.txt; `known` the glossary's concept keys (empty: any
    key is taken). Raises RulesError naming the line of the first mistake."""
    known = frozenset(known)
    settings: dict[str, int] = {}
    objectives: list[Objective] = []
    cues: list[Cue] = []
    contexts: dict[str, Terms] = {}
    uses: list[tuple[str, int]] = []
    block: tuple[str, object] | None = None  # ("objective", number) or ("context", name)
    context_lines: dict[str, list[Terms]] = {}

    def fail(number: int, message: str) -> RulesError:
        return RulesError(f"{RULES.name} line {number}: {message}")

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if match := _SETTING.fullmatch(line):
            if block is not None or match[1] in settings:
                raise fail(number, f"'{match[1]}:' belongs once, before the first block")
            settings[match[1]] = int(match[2])
            continue
        if match := _OBJECTIVE.fullmatch(line):
            wanted = len(objectives) + 1
            if int(match[1]) != wanted:
                raise fail(number, f"expected objective [{wanted}], got [{match[1]}]")
            names = tuple(name.strip() for name in match[2].split("|"))
            if len(names) != 3 or not all(names):
                raise fail(number, "expected '[N] English name | nom français | nombre "
                                   "español'")
            objectives.append(Objective(wanted, (names[0], names[1], names[2])))
            block = ("objective", wanted)
            continue
        if match := _CONTEXT.fullmatch(line):
            if match[1] in context_lines:
                raise fail(number, f"context {{{match[1]}}} is defined twice")
            context_lines[match[1]] = []
            block = ("context", match[1])
            continue
        if block is None:
            raise fail(number, f"expected a setting, '[N] names' or '{{context}}', got {raw!r}")
        if block[0] == "context":
            context_lines[str(block[1])].append(_terms(line, number, known, fail))
            continue
        match = _CUE.fullmatch(line)
        if not match or not 1 <= int(match[1]) <= 9:
            raise fail(number, f"expected 'WEIGHT(1-9) @concept | xx: phrase; phrase "
                               f"[near {{context}}] [unless {{context}}]', got {raw!r}")
        near = tuple(match[3].split("|")) if match[3] else ()
        unless = tuple(match[4].split("|")) if match[4] else ()
        uses += [(name, number) for name in near + unless]
        cues.append(Cue(int(str(block[1])), int(match[1]), _terms(match[2], number, known, fail),
                        near, unless, number))
    for name, number in uses:
        if name not in context_lines:
            raise fail(number, f"unknown context {{{name}}}")
    for name, parts in context_lines.items():
        if not parts:
            raise RulesError(f"{RULES.name}: context {{{name}}} has no terms")
        contexts[name] = Terms(tuple(c for p in parts for c in p.concepts),
                               tuple(x for p in parts for x in p.phrases))
    if len(objectives) != COUNT:
        raise RulesError(f"{RULES.name}: expected objectives [1] to [{COUNT}], "
                         f"found {len(objectives)}")
    missing = {"threshold", "others", "window"} - set(settings)
    if missing:
        raise RulesError(f"{RULES.name}: missing the setting {sorted(missing)[0]!r}")
    return Rules(settings["threshold"], settings["others"], settings["window"],
                 tuple(objectives), tuple(cues), contexts)


def _terms(text: str, number: int, known: frozenset[str], fail: object) -> Terms:
    """'@key; @key' (glossary concepts) or 'xx: phrase; phrase' (one language's phrases)."""
    assert callable(fail)
    text = text.strip()
    language, colon, rest = text.partition(":")
    if colon and language.strip() in LANGUAGES:
        phrases = tuple((language.strip(), p.strip()) for p in rest.split(";") if p.strip())
        if not phrases or any(not WORD.search(p) for _, p in phrases):
            raise fail(number, f"empty phrase in {text!r}")
        return Terms((), phrases)
    keys = [part.strip() for part in text.split(";")]
    for key in keys:
        if not key.startswith("@") or not _KEY.fullmatch(key[1:]):
            raise fail(number, f"expected '@concept-key; ...' or 'en|fr|es: phrase; ...', "
                               f"got {text!r}")
        if known and key[1:] not in known:
            raise fail(number, f"{key} is not a concept of glossary.txt")
    return Terms(tuple(key[1:] for key in keys), ())


# ---------------------------------------------------------------------------------------------
# Objectives by number or name
# ---------------------------------------------------------------------------------------------

def objectives() -> tuple[Objective, ...]:
    """The 23 objectives, in order (cached)."""
    return rules().objectives


def find_objective(query: str) -> Objective:
    """An objective by its number ("20") or a word of one of its names in any language, case
    and accents folded ("remittances", "remesas", "envois"); a unique prefix will do.
    Anything else raises MgiError with suggestions."""
    wanted = fold(query.strip())
    table = objectives()
    if wanted.isdigit():
        if 1 <= int(wanted) <= COUNT:
            return table[int(wanted) - 1]
        raise MgiError(f"Unknown objective {query.strip()!r}: the GCM's objectives are "
                       f"numbered 1 to {COUNT}.")
    words = _name_words()
    for found in (_whole_names(wanted), set(words.get(wanted, ())),
                  {n for word, ns in words.items() if word.startswith(wanted) for n in ns}
                  if len(wanted) >= 3 else set()):
        if len(found) == 1:
            return table[min(found) - 1]
        if len(found) > 1:
            choices = ", ".join(f"{n} ({table[n - 1].name})" for n in sorted(found))
            raise MgiError(f"Objective {query.strip()!r} is ambiguous: it names {choices}. "
                           f"Give the number.")
    import difflib

    ratios = sorted(((difflib.SequenceMatcher(None, wanted, word).ratio(), word)
                     for word in words), reverse=True)
    close = [word for ratio, word in ratios if ratio >= max(0.6, ratios[0][0] - 0.05)]
    numbers = list(dict.fromkeys(n for word in close for n in sorted(words[word])))
    hint = ("Did you mean " + ", ".join(f"{n} ({table[n - 1].name})" for n in numbers[:3])
            + "?") if numbers else "Run `mgi objectives` for the list."
    raise MgiError(f"Unknown objective {query.strip()!r}. Give a number from 1 to {COUNT} or "
                   f"a word of an objective's name. {hint}")


_SMALL = frozenset("and et y de des du la le les el los las en of to for a in on the".split())


@cache
def _name_words() -> dict[str, set[int]]:
    """Every word of the objectives' names (folded, but for 'and', 'de' ...) -> numbers."""
    words: dict[str, set[int]] = {}
    for objective in objectives():
        for name in objective.names:
            for word in WORD.findall(fold(name)):
                if word not in _SMALL and not word.isdigit():
                    words.setdefault(word, set()).add(objective.number)
    return words


def _whole_names(wanted: str) -> set[int]:
    return {o.number for o in objectives() for name in o.names if fold(name) == wanted}


# ---------------------------------------------------------------------------------------------
# Tagging
# ---------------------------------------------------------------------------------------------

class _Term(NamedTuple):
    rest: tuple[str, ...]  # the words after the first, as stems (or folded, exact)
    exact: bool
    group: int  # index of its Terms in _Compiled.groups
    length: int


class _Compiled:
    """The rules ready to match, per language: terms indexed by their first word's stem (or
    folded word), and each group of terms (a cue's or a context's) numbered."""

    def __init__(self, found: Rules) -> None:
        from mgi_cli.glossary import concepts
        from mgi_cli.stems import indexed, lowered

        self.rules = found
        glossary = concepts()
        groups: dict[Terms, int] = {}
        for cue in found.cues:
            groups.setdefault(cue.terms, len(groups))
        for terms in found.contexts.values():
            groups.setdefault(terms, len(groups))
        self.context_group = {name: groups[terms] for name, terms in found.contexts.items()}
        self.by_stem: dict[str, dict[str, list[_Term]]] = {lang: {} for lang in LANGUAGES}
        self.by_word: dict[str, dict[str, list[_Term]]] = {lang: {} for lang in LANGUAGES}
        for terms, group in groups.items():
            written = [(t.language, t.text, t.exact) for key in terms.concepts
                       for t in glossary[key]]
            written += [(lang, p.lstrip("=").strip(), p.startswith("="))
                        for lang, p in terms.phrases]
            for language, phrase, exact in written:
                words = (tuple(WORD.findall(fold(phrase))) if exact
                         else tuple(indexed(lowered(phrase), language)))
                if not words:
                    continue
                index = (self.by_word if exact else self.by_stem)[language]
                entry = _Term(words[1:], exact, group, len(words))
                if entry not in index.setdefault(words[0], []):
                    index[words[0]].append(entry)
        # the cues of each group, strongest first
        # the cues of each group, strongest first, as plain tuples (the tagger's inner loop):
        # (line, objective, weight, groups it needs near, groups it needs not near)
        self.cues_of: dict[int, list[tuple[int, int, int, tuple[int, ...], tuple[int, ...]]]]
        self.cues_of = {}
        for cue in sorted(found.cues, key=lambda c: -c.weight):
            self.cues_of.setdefault(groups[cue.terms], []).append((
                cue.line, cue.objective, cue.weight,
                tuple(self.context_group[name] for name in cue.near),
                tuple(self.context_group[name] for name in cue.unless)))
        # each word met, per language: its stem; and the terms it may start, if any
        self.stem_cache: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        # word -> (groups of the one-word terms it is, longer terms by (exact, second word))
        self.starts: dict[str, dict[str, tuple[tuple[int, ...],
                                               dict[tuple[bool, str], list[_Term]]]]] = {
            lang: {} for lang in LANGUAGES}
        self.fold_cache: dict[str, str] = {}
        self.known: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}  # stem_cache's
        self.starting: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}  # starts

    def learn(self, words: list[str], language: str) -> None:
        """Stem and fold words not met before, and note the terms each may start."""
        from mgi_cli.stems import indexed

        stems = self.stem_cache[language]
        starts = self.starts[language]
        by_stem, by_word = self.by_stem[language], self.by_word[language]
        self.known[language].update(words)
        for word, stem in zip(words, indexed(words, language), strict=True):
            stems[word] = stem
            folded = self.fold_cache.get(word)
            if folded is None:
                folded = self.fold_cache[word] = fold(word)
            candidates = [*by_stem.get(stem, ()), *by_word.get(folded, ())]
            if candidates:  # one-word terms; longer ones by their second word
                longer: dict[tuple[bool, str], list[_Term]] = {}
                for term in candidates:
                    if term.rest:
                        longer.setdefault((term.exact, term.rest[0]), []).append(term)
                starts[word] = (tuple(t.group for t in candidates if not t.rest), longer)
                self.starting[language].add(word)

    def tag(self, text: str, language: str) -> tuple[Tag, ...]:
        if language not in LANGUAGES:
            language = "en"
        low = text.lower()
        lower = WORD.findall(low)
        stems = self.stem_cache[language]
        words = set(lower)
        new = words - self.known[language]  # sets, not dict views: a view is iterated whole
        if new:
            self.learn(list(new), language)
        starts = self.starts[language]
        hit = words & self.starting[language]
        if not hit:
            return ()
        size = len(lower)
        folds = self.fold_cache
        matches: list[tuple[int, int, int]] = []  # (group, start, end) in words, by start
        for i in [i for i, word in enumerate(lower) if word in hit]:
            singles, longer = starts[lower[i]]
            for group in singles:
                matches.append((group, i, i + 1))
            if not longer or i + 1 == size:
                continue
            following = lower[i + 1]
            for exact, second in ((False, stems[following]), (True, folds[following])):
                for term in longer.get((exact, second), ()):
                    end = i + term.length
                    known = folds if exact else stems
                    if end <= size and tuple([known[w] for w in lower[i + 1:end]]) == term.rest:
                        matches.append((term.group, i, end))
        return self._scored(text, low, lower, matches) if matches else ()

    def _scored(self, text: str, low: str, lower: list[str],
                matches: list[tuple[int, int, int]]) -> tuple[Tag, ...]:
        cues_of = self.cues_of
        # a match inside a longer one gives way to it ("repatriation" in "repatriation of
        # remains"); contexts still see every match
        longer = [m for m in matches if m[2] - m[1] > 1]
        at: dict[int, list[tuple[int, int]]] | None = None  # matches by group, when needed
        scores: dict[int, int] = {}
        first: dict[int, tuple[int, int, int]] = {}  # objective -> (-weight, start, end)
        counted: set[int] = set()  # cue lines already counted
        for group, start, end in matches:
            cues = cues_of.get(group)
            if cues is None or longer and any(
                    o[1] <= start and end <= o[2] and o[2] - o[1] > end - start
                    for o in longer):
                continue
            for line, number, weight, near, unless in cues:
                if line in counted:
                    continue
                if near or unless:
                    if at is None:
                        at = {}
                        for g, s, e in matches:
                            at.setdefault(g, []).append((s, e))
                    if near and not self._near(at, near, start, end):
                        continue
                    if unless and self._near(at, unless, start, end):
                        continue
                counted.add(line)
                scores[number] = scores.get(number, 0) + weight
                best = (-weight, start, end)
                if number not in first or best < first[number]:
                    first[number] = best
        rules = self.rules
        chosen = sorted((n for n, score in scores.items() if score >= rules.threshold),
                        key=lambda n: (-scores[n], first[n][0], first[n][1], n))
        if not chosen:
            return ()
        chosen = chosen[:1] + [n for n in chosen[1:] if scores[n] >= rules.others]
        last = max(first[number][2] for number in chosen)
        # the words' places in the lower-case text are the text's, unless lower case changed
        # its length (rare letters): then the cue is shown in lower case
        spans = ([m.span() for m in islice(WORD.finditer(low), last)]
                 if len(low) == len(text) else [])
        tags = []
        for number in chosen:
            _, start, end = first[number]
            cue = (text[spans[start][0]:spans[end - 1][1]] if spans
                   else " ".join(lower[start:end]))
            tags.append(Tag(number, cue))
        return tuple(tags)

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


@cache
def _compiled() -> _Compiled:
    return _Compiled(rules())


def tag(text: str, language: str) -> tuple[Tag, ...]:
    """The objectives a finding concerns, the main one first; () for none. `language` is the
    finding's (en, fr or es): its words are stemmed as that language's."""
    return _compiled().tag(text, language)


def tag_all(findings: Sequence[tuple[str, str]]) -> list[tuple[Tag, ...]]:
    """tag() for many (text, language) pairs, in order; a text met twice is tagged once."""
    compiled = _compiled()
    done: dict[tuple[str, str], tuple[Tag, ...]] = {}
    out = []
    for pair in findings:
        tags = done.get(pair)
        if tags is None:
            tags = done[pair] = compiled.tag(*pair)
        out.append(tags)
    return out
