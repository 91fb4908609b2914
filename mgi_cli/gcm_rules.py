"""objectives.txt -> Rules: the GCM objectives' names and the weighted cues that tag a finding.

The format is documented in the file's header. The parser is strict: the first mistake stops it
with a RulesError naming its line (a developer's mistake, caught by the tests). Parsing needs
no stemmer: `mgi objectives` and the store's objectives table read the names from here, and
only the tagger (gcm_tagger.py) stems the cues' terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from mgi_cli.record import Record, frozen
from mgi_cli.stems import LANGUAGES, WORD

RULES = Path(__file__).with_name("objectives.txt")
COUNT = 23  # the GCM's objectives, numbered 1-23
SETTINGS = ("threshold", "others", "window")


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


class RulesError(ValueError):
    """objectives.txt does not follow its format (a developer's mistake, caught by the tests);
    the message names the line."""


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
    reader = _Reader(frozenset(known))
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            reader.read(number, line, raw)
    return reader.finished()


def _error(number: int, message: str) -> RulesError:
    return RulesError(f"{RULES.name} line {number}: {message}")


class _Reader:
    """The rules read so far: settings, objectives, cues, and the lines of each context."""

    def __init__(self, known: frozenset[str]) -> None:
        self.known = known
        self.settings: dict[str, int] = {}
        self.objectives: list[Objective] = []
        self.cues: list[Cue] = []
        self.contexts: dict[str, list[Terms]] = {}
        self.uses: list[tuple[str, int]] = []  # (context named by a cue, its line)
        self.objective: int | None = None  # the block being read: an objective's number ...
        self.context: str | None = None  # ... or a context's name

    def read(self, number: int, line: str, raw: str) -> None:
        """One line that is not blank or a comment."""
        if match := _SETTING.fullmatch(line):
            self._setting(number, match[1], int(match[2]))
        elif match := _OBJECTIVE.fullmatch(line):
            self._objective(number, match[1], match[2])
        elif match := _CONTEXT.fullmatch(line):
            if match[1] in self.contexts:
                raise _error(number, f"context {{{match[1]}}} is defined twice")
            self.contexts[match[1]] = []
            self.objective, self.context = None, match[1]
        elif self.context is not None:
            self.contexts[self.context].append(_terms(line, number, self.known))
        elif self.objective is not None:
            self._cue(number, line, raw, self.objective)
        else:
            raise _error(number, f"expected a setting, '[N] names' or '{{context}}', got {raw!r}")

    def _setting(self, number: int, name: str, value: int) -> None:
        if self.objective is not None or self.context is not None or name in self.settings:
            raise _error(number, f"'{name}:' belongs once, before the first block")
        self.settings[name] = value

    def _objective(self, number: int, given: str, names_text: str) -> None:
        wanted = len(self.objectives) + 1
        if int(given) != wanted:
            raise _error(number, f"expected objective [{wanted}], got [{given}]")
        names = tuple(name.strip() for name in names_text.split("|"))
        if len(names) != 3 or not all(names):
            raise _error(number, "expected '[N] English name | nom français | nombre español'")
        self.objectives.append(Objective(wanted, (names[0], names[1], names[2])))
        self.objective, self.context = wanted, None

    def _cue(self, number: int, line: str, raw: str, objective: int) -> None:
        match = _CUE.fullmatch(line)
        if not match or not 1 <= int(match[1]) <= 9:
            raise _error(number, f"expected 'WEIGHT(1-9) @concept | xx: phrase; phrase "
                                 f"[near {{context}}] [unless {{context}}]', got {raw!r}")
        near = tuple(match[3].split("|")) if match[3] else ()
        unless = tuple(match[4].split("|")) if match[4] else ()
        self.uses += [(name, number) for name in near + unless]
        self.cues.append(Cue(objective, int(match[1]), _terms(match[2], number, self.known),
                             near, unless, number))

    def finished(self) -> Rules:
        """The rules, once every line is read; a RulesError for what the whole file lacks."""
        for name, number in self.uses:
            if name not in self.contexts:
                raise _error(number, f"unknown context {{{name}}}")
        contexts = {}
        for name, parts in self.contexts.items():
            if not parts:
                raise RulesError(f"{RULES.name}: context {{{name}}} has no terms")
            contexts[name] = Terms(tuple(c for p in parts for c in p.concepts),
                                   tuple(x for p in parts for x in p.phrases))
        if len(self.objectives) != COUNT:
            raise RulesError(f"{RULES.name}: expected objectives [1] to [{COUNT}], "
                             f"found {len(self.objectives)}")
        missing = set(SETTINGS) - set(self.settings)
        if missing:
            raise RulesError(f"{RULES.name}: missing the setting {sorted(missing)[0]!r}")
        return Rules(self.settings["threshold"], self.settings["others"],
                     self.settings["window"], tuple(self.objectives), tuple(self.cues),
                     contexts)


def _terms(text: str, number: int, known: frozenset[str]) -> Terms:
    """'@key; @key' (glossary concepts) or 'xx: phrase; phrase' (one language's phrases)."""
    text = text.strip()
    language, colon, rest = text.partition(":")
    if colon and language.strip() in LANGUAGES:
        phrases = tuple((language.strip(), p.strip()) for p in rest.split(";") if p.strip())
        if not phrases or any(not WORD.search(p) for _, p in phrases):
            raise _error(number, f"empty phrase in {text!r}")
        return Terms((), phrases)
    keys = [part.strip() for part in text.split(";")]
    for key in keys:
        if not key.startswith("@") or not _KEY.fullmatch(key[1:]):
            raise _error(number, f"expected '@concept-key; ...' or 'en|fr|es: phrase; ...', "
                                 f"got {text!r}")
        if known and key[1:] not in known:
            raise _error(number, f"{key} is not a concept of glossary.txt")
    return Terms(tuple(key[1:] for key in keys), ())
