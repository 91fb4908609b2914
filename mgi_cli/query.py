"""A search query -> the terms a finding must match, each with every form it is searched in.

The query language: words (a finding must hold every one), "quoted phrases" (their words in
order), and `prefix*` (any word that starts so). Each word or phrase is searched as its stem in
each of the three languages (in findings of that language), and also as:

- in either English spelling: British and American stems are one (breame's lists, applied
  to the findings and the query alike: labour/labor, programme/program);
- two words where it is written closed ("healthcare": "health care", "health-care"), or
  closed where it is two ("health care": "healthcare");
- the glossary's other terms for the same concept, in its language (synonyms) and in the two
  others (translations): "trafficking" is also "traite des personnes", "trata de personas";
- a word within its edit budget, when the findings hold none of its stems (a typo): up to 4
  letters none, 5-7 one edit, 8 or more two, so "aid" never finds "said".

Each form carries a weight: 1 for the words as typed, less for a stem, synonym,
translation or typo, so that a finding matched as typed ranks first. `exact` searches the
words as typed only: no stems, spellings, translations or typos.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from mgi_cli.errors import MgiError
from mgi_cli.record import frozen
from mgi_cli.stems import LANGUAGES, WORD, stem, stems
from mgi_cli.text import clean, fold

if TYPE_CHECKING:
    from mgi_cli.glossary import Glossary
    from mgi_cli.glossary import Term as GlossaryTerm

MAX_QUERY_CHARS = 500
TYPED, STEM, COMPOUND, SYNONYM, TRANSLATION, TYPO, PREFIX, EXACT = (
    "as typed", "stem", "compound", "synonym", "translation", "typo", "prefix", "exact")
WEIGHTS = {TYPED: 1.0, PREFIX: 1.0, EXACT: 1.0, STEM: 0.95, COMPOUND: 0.95, SYNONYM: 0.9,
           TRANSLATION: 0.8, TYPO: 0.7}
STEMS, WORDS = "findings_terms", "findings_fts"  # the two FTS5 tables: stems, words as written
_PREFIX = re.compile(r"[^\W_]\*$")  # "traffick*": a star right after a word's last letter
SHORTEST_PART = 3  # letters in each part of a compound split: "healthcare", not "h ealthcare"


@frozen()
class Form:
    """One way a term is searched: words (stems, or words as written in the WORDS table), in
    findings of some languages (all when empty), in order (a phrase) or anywhere."""

    words: tuple[str, ...]
    languages: tuple[str, ...]
    how: str
    shown: str  # the form as a reader knows it: "traite des personnes", "labor", "traffick*"
    phrase: bool = True
    prefix: bool = False
    table: str = STEMS

    @property
    def weight(self) -> float:
        return WEIGHTS[self.how]

    def expression(self) -> str:
        """The FTS5 query: a phrase, a prefix, or every word anywhere (words are letters and
        digits only, so quoting them is safe)."""
        if self.prefix:
            return f'"{self.words[0]}"*'
        if self.phrase:
            return '"' + " ".join(self.words) + '"'
        return " AND ".join(f'"{word}"' for word in self.words)


@frozen()
class Term:
    """What the user typed for one term, and every form it is searched in."""

    typed: str
    forms: tuple[Form, ...]


@frozen()
class _Part:
    words: tuple[str, ...]  # folded
    lower: tuple[str, ...]  # the same words in lower case, accents kept: what is stemmed
    quoted: bool = False  # "in quotes": a phrase, searched as typed
    prefix: bool = False  # word*
    joined: bool = False  # one piece of several words ("health-care", "l'homme"): a phrase


# Words a query does not require unless quoted or part of a term ("trata de personas"):
# "return of migrants" is "return migrants".
STOP_WORDS = frozenset("""
    a an the of and or in on at to for by with from as is are be this that its their
    le la les l de des du d un une et ou en au aux pour par sur dans que qui
    el los las lo del y o un una unos unas al por para con se su sus
""".split())


def edit_budget(word: str) -> int:
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else 2


class Known(Protocol):
    """What the findings searched say about a query's words (search.Corpus gives it)."""

    @property
    def vocabulary(self) -> Mapping[str, int]:
        """Stem -> how many findings hold it: compounds."""

    @property
    def words(self) -> Mapping[str, int]:
        """Each word as written, folded -> how many findings hold it: typos."""

    @property
    def spellings(self) -> Mapping[str, str]:
        """British English stem -> American (the store keeps it)."""

    @property
    def glossary(self) -> Glossary:
        """The trilingual glossary."""

    def written_in(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """The languages whose findings write these words as typed ("policies": English, so
        never French "police", whose stem it shares in French)."""


class _NothingKnown:
    """A query planned before any finding is read: breame's lists, the glossary's file."""

    vocabulary: Mapping[str, int] = {}
    words: Mapping[str, int] = {}

    @property
    def spellings(self) -> Mapping[str, str]:
        from mgi_cli.stems import spelling_map

        return spelling_map()

    @property
    def glossary(self) -> Glossary:
        from mgi_cli.glossary import from_file

        return from_file()

    def written_in(self, words: tuple[str, ...]) -> tuple[str, ...]:
        return ()


def plan(query: str, known: Known | None = None, exact: bool = False) -> list[Term]:
    """The terms of a query, each with every form it is searched in."""
    pieces = parts(query)
    if exact:
        return [Term(" ".join(p.words), (_exact(p),)) for p in pieces]
    context: Known = known if known is not None else _NothingKnown()
    return [_term(group, context) for group in _required(_grouped(pieces, context))]


def parts(query: str) -> list[_Part]:
    """The query's words, quoted phrases and prefixes; MgiError for one with no words."""
    if not query.strip():
        raise MgiError("The search query is empty. Example: mgi search trafficking")
    if len(query) > MAX_QUERY_CHARS:
        raise MgiError(f"The search query is over {MAX_QUERY_CHARS} characters; shorten it.")
    text = clean(query)  # a zero-width space or soft hyphen pasted in is not part of a word
    try:
        pieces = [(piece, '"' + piece + '"' in text or " " in piece) for piece in
                  shlex.split(text)]
    except ValueError:  # an unbalanced quote: search the words as they are
        pieces = [(piece, False) for piece in text.replace('"', " ").split()]
    found = []
    for piece, quoted in pieces:
        words = tuple(WORD.findall(fold(piece)))
        lower = tuple(WORD.findall(piece.lower()))
        if words:
            prefix = bool(_PREFIX.search(piece)) and len(words) == 1 and not quoted
            found.append(_Part(words, lower if len(lower) == len(words) else words, quoted,
                               prefix, joined=len(words) > 1 and not quoted))
    if not found:
        raise MgiError(f"The search query {query!r} has no words to search for.")
    return found


def _required(parts: list[_Part]) -> list[_Part]:
    """The parts a finding must match: a lone stop word is not, unless the query is only
    stop words."""
    kept = [_elided(p) for p in parts if p.quoted or p.prefix or len(p.words) > 1
            or p.words[0] not in STOP_WORDS]
    return kept or parts


def _elided(part: _Part) -> _Part:
    """A piece's leading article off: "l'intégration" is "intégration"."""
    cut = 0
    while part.joined and len(part.words) - cut > 1 and part.words[cut] in STOP_WORDS:
        cut += 1
    if not cut:
        return part
    return _Part(part.words[cut:], part.lower[cut:], joined=len(part.words) - cut > 1)


def _grouped(parts: list[_Part], known: Known) -> list[_Part]:
    """Runs of single words that the glossary knows as one term ("trata de personas",
    "climate change"), or that are written closed ("health care": "healthcare"), become one
    term; every other part stays as it is."""
    from mgi_cli.glossary import LONGEST_TERM

    grouped: list[_Part] = []
    at = 0
    while at < len(parts):
        run = 1
        for size in range(min(LONGEST_TERM, len(parts) - at), 1, -1):
            words = tuple(w for p in parts[at:at + size] for w in p.words)
            lower = tuple(w for p in parts[at:at + size] for w in p.lower)
            single = all(not p.quoted and not p.prefix for p in parts[at:at + size])
            if single and (_lookup(lower, known) or _closed(words, known.vocabulary)):
                run = size
                break
        if run == 1:
            grouped.append(parts[at])
        else:
            grouped.append(_Part(tuple(w for p in parts[at:at + run] for w in p.words),
                                 tuple(w for p in parts[at:at + run] for w in p.lower)))
        at += run
    return grouped


def _term(part: _Part, known: Known) -> Term:
    shown = " ".join(part.words)
    if part.prefix:
        return Term(shown + "*", (Form(part.words, (), PREFIX, shown + "*", prefix=True,
                                       table=WORDS),))
    phrase = part.quoted or part.joined or len(part.words) == 1
    forms = _typed(part, phrase, known.spellings)
    forms += _compounds(part.words, known.vocabulary)
    forms += _glossary(part, known, synonyms=not part.quoted)
    if len(part.words) == 1 and len(forms) <= len(LANGUAGES) and not _known(part, known):
        forms += _typos(part.words[0], known.words)
    return Term(shown, tuple(_unique(forms)))


def _typed(part: _Part, phrase: bool, respell: Mapping[str, str]) -> list[Form]:
    """The words as typed, in any finding; and their stems in each language, for that
    language's findings, counting a little less (Snowball also joins words that are not one:
    "nationality" and "national", whose findings then rank below)."""
    shown = " ".join(part.words)
    cuts = {language: tuple(stems(list(part.lower), language, respell))
            for language in LANGUAGES}
    return [Form(part.words, (), TYPED, shown, phrase=phrase, table=WORDS), *_merged([
        Form(cut, (language,), STEM, " ".join(cut), phrase=phrase)
        for language, cut in cuts.items()])]


def _compounds(words: tuple[str, ...], vocabulary: Mapping[str, int]) -> list[Form]:
    """A closed word as two ("healthcare": "health care"), two words as one closed."""
    forms = []
    if len(words) == 1:
        for pair in _splits(words[0], vocabulary):
            for language in LANGUAGES:
                found = tuple(stems(list(pair), language))
                if all(s in vocabulary for s in found):
                    forms.append(Form(found, (language,), COMPOUND, " ".join(pair)))
    elif closed := _closed(words, vocabulary):
        forms += closed
    return _merged(forms)


def _splits(word: str, vocabulary: Mapping[str, int]) -> list[tuple[str, str]]:
    """The two words a closed word may be written as, both held by the findings."""
    pairs = [(word[:cut], word[cut:]) for cut in range(SHORTEST_PART,
                                                        len(word) - SHORTEST_PART + 1)]
    return [pair for pair in pairs if any(
        all(s in vocabulary for s in stems(list(pair), language)) for language in LANGUAGES)]


def _closed(words: tuple[str, ...], vocabulary: Mapping[str, int]) -> list[Form]:
    if len(words) != 2:
        return []
    joined = "".join(words)
    return [Form((stem(joined, language),), (language,), COMPOUND, joined)
            for language in LANGUAGES if stem(joined, language) in vocabulary]


def _glossary(part: _Part, known: Known, synonyms: bool = True) -> list[Form]:
    """The other terms of each glossary concept the words are: synonyms in the language they
    were found in (not for a quoted phrase, which asks for itself), translations in the
    others (as phrases, in that language's findings). Words that are terms in two languages
    are taken in the ones whose findings write them, if any ("policies" is English)."""
    glossary = known.glossary
    found_terms = _lookup(part.lower, known)
    if len(part.words) == 1:  # "healthcare" is the glossary's "health care"
        for pair in _splits(part.words[0], known.vocabulary):
            found_terms += _lookup(pair, known)
    # A term met by its stem, not word for word, may be another language's word: kept only
    # in a language whose findings write the query's words, when some do.
    by_stem = [t for t in found_terms if tuple(WORD.findall(fold(t.text))) != part.words]
    languages = known.written_in(part.words) if by_stem else ()
    forms = []
    for found in found_terms:
        if languages and found in by_stem and found.language not in languages:
            continue
        for term in glossary.terms_of(found.concept):
            how = SYNONYM if term.language == found.language else TRANSLATION
            if how == SYNONYM and not synonyms:
                continue
            forms.append(Form(term.words, (term.language,), how, term.text,
                              table=WORDS if term.exact else STEMS))
    return forms


def _lookup(lower: tuple[str, ...], known: Known) -> list[GlossaryTerm]:
    """The glossary terms the (lower-case) words are, in either English spelling ("labor
    migration" is the glossary's "labour migration")."""
    return known.glossary.lookup(lower, known.spellings)


def _typos(word: str, words: Mapping[str, int]) -> list[Form]:
    """The findings' words within the word's edit budget, as written (a typo is of a word,
    not of a stem: "traite" is two edits from "train", "famly" one from "family")."""
    budget = edit_budget(word)
    if not budget:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(word, list(words), scorer=OSA.distance, score_cutoff=budget,
                            limit=None)
    return [Form((candidate,), (), TYPO, candidate, table=WORDS) for candidate, _, _ in found]


def _exact(part: _Part) -> Form:
    shown = " ".join(part.words)
    if part.prefix:
        return Form(part.words, (), PREFIX, shown + "*", prefix=True, table=WORDS)
    return Form(part.words, (), EXACT, shown, table=WORDS)


def _known(part: _Part, known: Known) -> bool:
    """Whether the findings hold the (one) word, as written or in any language's stem, or
    the glossary knows it: then it is no typo."""
    return part.words[0] in known.words or any(
        stem(part.lower[0], language, known.spellings) in known.vocabulary
        for language in LANGUAGES) or bool(_lookup(part.lower, known))


def _merged(forms: list[Form]) -> list[Form]:
    """Forms that differ only by language become one form for all their languages."""
    merged: dict[tuple[tuple[str, ...], str, bool], Form] = {}
    for form in forms:
        key = (form.words, form.how, form.phrase)
        if key in merged:
            kept = merged[key]
            languages = tuple(dict.fromkeys((*kept.languages, *form.languages)))
            merged[key] = Form(kept.words, languages, kept.how, kept.shown, kept.phrase)
        else:
            merged[key] = form
    return list(merged.values())


def _unique(forms: list[Form]) -> list[Form]:
    """Each (words, languages) searched once, at its best weight (forms come best first)."""
    seen: dict[tuple[tuple[str, ...], bool, str, str], Form] = {}
    for form in forms:
        for language in form.languages or ("",):
            key = (form.words, form.phrase, form.table, language)
            if key not in seen:
                seen[key] = form
    return list(dict.fromkeys(seen.values()))
