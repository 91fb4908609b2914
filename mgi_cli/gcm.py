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

This module is the way in; the work is done in two others:

- gcm_rules.py: objectives.txt parsed strictly into Rules (the objectives, cues, contexts);
- gcm_tagger.py: the rules compiled and matched against a finding's words (Tag, Matcher).

Everything is computed once and cached: the rules parsed (objectives() needs no stemmer), the
cue terms stemmed and indexed by their first word, and each word of the findings stemmed once
per language; a finding is then one pass over its words with a dictionary look-up each.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from mgi_cli.errors import MgiError
from mgi_cli.gcm_rules import COUNT, RULES, Objective, RulesError, parse, rules
from mgi_cli.gcm_tagger import Tag, matcher
from mgi_cli.stems import WORD
from mgi_cli.text import fold

if TYPE_CHECKING:
    from mgi_cli.model import Profile

__all__ = ["COUNT", "RULES", "Objective", "RulesError", "Tag", "find_objective", "objectives",
           "parse", "rules", "tag", "tag_all"]


def tag(text: str, language: str) -> tuple[Tag, ...]:
    """The objectives a finding concerns, the main one first; () for none. `language` is the
    finding's (en, fr or es): its words are stemmed as that language's."""
    return matcher().tag(text, language)


def tag_all(findings: Sequence[tuple[str, str]]) -> list[tuple[Tag, ...]]:
    """tag() for many (text, language) pairs, in order; a text met twice is tagged once."""
    return matcher().tag_all(findings)


def tag_profile(profile: Profile) -> list[tuple[Tag, ...]]:
    """The tags of a profile's findings, in the order model.ordered_findings gives them (the
    order the store numbers findings in)."""
    from mgi_cli.model import ordered_findings

    return tag_all([(text, profile.language) for *_, text in ordered_findings(profile)])


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
    raise MgiError(f"Unknown objective {query.strip()!r}. Give a number from 1 to {COUNT} or "
                   f"a word of an objective's name. {_suggestion(wanted, words)}")


def _suggestion(wanted: str, words: dict[str, set[int]]) -> str:
    """'Did you mean ...?' with the objectives whose names hold the words closest to one
    not found; else where to find the list."""
    import difflib

    table = objectives()
    ratios = sorted(((difflib.SequenceMatcher(None, wanted, word).ratio(), word)
                     for word in words), reverse=True)
    close = [word for ratio, word in ratios if ratio >= max(0.6, ratios[0][0] - 0.05)]
    numbers = list(dict.fromkeys(n for word in close for n in sorted(words[word])))
    return ("Did you mean " + ", ".join(f"{n} ({table[n - 1].name})" for n in numbers[:3])
            + "?") if numbers else "Run `mgi objectives` for the list."


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
