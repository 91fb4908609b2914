"""Profile text -> Profile: a pure function, with the problems it met, no file I/O.

Every finding ends up placed by what the text says, placed by a stated guess, or kept
unsorted; guesses and unsorted findings are reported with their line (`mgi check`).

The text is read in three steps. Page furniture (running headers, footers, page numbers) is
set aside (furniture.py), then each line is classified on its own (lines.py), then the lines
are placed here, in order, by a small state machine:

- A domain block starts at a heading: a short line that follows a "Key findings" marker, or
  comes before a list label (one mgi can name, or a label-like line before bullets), or
  carries a domain number ("Domain 2:", "4."). That is why the MGI introduction, which names
  each domain and describes it in prose, never yields a domain, whatever its bullets.
- Inside a block, a list starts at a label. A short, label-like line between two runs of
  bullets starts the next list even when mgi cannot read its meaning.
- Inside a list, a bullet glyph starts a finding and other lines continue it (hard wraps, a
  paragraph split from its bullet); in a list with no glyphs at all, a line starts a new
  finding when the previous one ended a sentence, or stopped well short of the column the
  text is wrapped to (where no full stop tells, a capitalised line read on is reported).
- The findings end at a date, a web page's footer ("Related profiles") or a closing section
  ("Sources", "Méthodologie"); what follows is no finding until a heading, label or marker.

At the end each block is mapped to its domain (by meaning, else by its number, else
unclassified) and each list to its kind (by its label, else by its position: MGI lists come
well-developed first, then further development, else unsorted), and every guess is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mgi_cli import domains, labels, metadata
from mgi_cli.errors import MgiError
from mgi_cli.furniture import furniture_lines
from mgi_cli.lines import (
    BACK_MATTER,
    BLANK,
    BULLET,
    BULLET_GLYPH,
    CHROME,
    DATE,
    FOOTNOTE,
    FURNITURE,
    HEADING,
    ITEM_NUMBER,
    LABEL,
    MARKER,
    PAGE_NUMBER,
    PROSE,
    SENTENCE_END,
    SHORT,
    TITLE,
    classify,
    closes_findings,
    is_heading_text,
)
from mgi_cli.model import (
    BY_NUMBER,
    BY_POSITION,
    GAPS,
    KINDS,
    LISTS,
    STATED,
    STRENGTHS,
    UNCLASSIFIED,
    UNSORTED,
    Domain,
    DomainFindings,
    Problem,
    Profile,
)
from mgi_cli.text import clean, fold, plural, slugify, starts_upper

_LABEL_START = re.compile(
    r"^(migration governance|gouvernance des migrations|gobernanza de la migracion|examples"
    r"|exemples|ejemplos|areas|domaines|aspects|aspectos|ambitos|points|strengths|fortalezas)\b"
)
_IMPLEMENTATION = re.compile(r"\b(implemented|mise? en (oe|œ)uvre|implementad[ao])\b", re.I)
_FUNDING = re.compile(r"\b(funding|funded|financ\w+)\b", re.I)
# A sentence end with the next sentence glued on: `countries."The National Bank`.
_GLUED = re.compile(r"[a-z]{2}[.!?]['\"”’)]*[A-Z][a-z]")
# Bullets run together on one line, as a copied table cell has them: "... nationals. • The".
_INLINE_GLYPH = re.compile(r"[•●▪■►➢\uf0b7\uf0a7]")
_INLINE_BULLET = re.compile(r"\s+[•●▪■►➢\uf0b7\uf0a7]\s+(?=\S)")
# A footnote's number glued after a sentence: "... on par with nationals.1", at the end of a
# finding or before its next sentence ("... in 2019).2 The law").
_FOOTNOTE_REF = re.compile(r"([.!?])(?<=[^\W\d_].|[)\]\"”’].)\d{1,3}(?=\s+[A-ZÀ-Ý]|\s*$)")
# Word's sub-bullet, a letter "o" before a sub-item ("o\tpreschool;"), under a finding that
# introduces its sub-list (":") or lists its items (";").
_SUB_BULLET = re.compile(r"^o\s+(?=\S)")
# A domain heading repeated at a page top: "PARTNERSHIPS (continued)", "Partenariats (suite)".
_CONTINUED = re.compile(
    r"^(.+?)\s*(?:\((?:continued|cont'?d|cont\.?|suite|continuacion|continua)\)"
    r"|[-–—:,]\s*(?:continued|cont'?d|cont\.|suite|continuacion))\s*$")
# What a list holds when it holds nothing: "None identified.", "N/A", "Aucun.", "Ninguno."
_PLACEHOLDER = re.compile(
    r"^(?:none(?: identified| found| reported| at this time| to date)?|n/? ?a|nil|not applicable"
    r"|no (?:data|information) available|aucune?(?: identifiee?s?)?|neant|sans objet"
    r"|non applicable|ningun[oa]?(?: identificad[oa]s?)?|no aplica|nada|no se identific\w+"
    r"|[-–—]+)\s*[.!]?$")
# In a list without glyphs or blank lines, a line whose next word would still have fit,
# short of this share of the column, ends its finding: a hard wrap fills the column.
_SHORT_OF_COLUMN = 0.85
# Parts of real compounds: a hyphen at a line end after such a head, or before such a tail,
# is kept ("well-" / "being", "migration-" / "related"); other line-end hyphens split a word.
_COMPOUND_HEADS = {
    "well", "whole", "self", "non", "co", "socio", "long", "short", "cross", "multi", "anti",
    "post", "pre", "ex", "high", "low", "large", "small", "decision", "policy", "gender",
    "child", "age", "old", "cost", "state", "semi", "full", "part", "man", "half", "mid",
    "e", "follow", "time", "case", "region", "sub", "inter", "intra", "peer", "rights",
}
_ALWAYS_COMPOUND = {"well", "whole", "self", "cross", "non"}  # heads that split no word
_COMPOUND_TAILS = {
    "based", "funded", "led", "related", "specific", "sensitive", "term", "made", "scale",
    "level", "wide", "owned", "run", "free", "friendly", "oriented", "responsive", "making",
    "up", "seekers", "seeker", "being", "government", "governmental", "border", "affected",
    "sponsored", "driven", "centred", "centered", "focused", "bound", "income", "skilled",
    "year", "time", "old", "in", "out", "on", "off", "like", "wise",
}
MAX_TAIL_WORDS = 4  # the words of a label a narrow column wraps onto a line of their own
# How the reports name each list.
_LIST_NAMES = {STRENGTHS: "well-developed areas", GAPS: "further development"}


class NotAProfile(MgiError):
    """The text holds no MGI findings."""


@dataclass
class _List:
    """A run of findings under one label (or under none)."""

    label: str  # as written; "" when the run has no label
    line: int
    stated: str | None  # the kind the label names; None when mgi cannot tell
    items: list[tuple[str, int]] = field(default_factory=list)  # (finding, line)


@dataclass
class _Block:
    """A domain heading as it occurs, with its lists."""

    key: str
    heading: str
    line: int
    mapped: str  # STATED, BY_NUMBER or UNCLASSIFIED
    lists: list[_List] = field(default_factory=list)

    def size(self) -> int:
        return sum(len(run.items) for run in self.lists)


@dataclass
class _State:
    source: str
    lines: list[str]
    kinds: list[str] = field(default_factory=list)  # lines.classify of each line
    blocks: list[_Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    block: _Block | None = None
    run: _List | None = None  # the open list
    bullet: list[str] | None = None  # the open finding, line by line
    bullet_line: int = 0
    glyphs: bool = False  # the current list marks its items with glyphs (or numbers)
    item_number: int = 0  # the number of the open list's last numbered item
    paragraphs: bool = False  # the current list, without glyphs, sets items apart by blanks
    full_stops: bool = True  # the current list, without glyphs, ends sentences somewhere
    item_indent: int = 0  # in a list without glyphs, the indentation of its items
    blank_before: bool = False
    last_width: int = 0  # the width of the last line read, indentation included
    column: float | None = None  # the width the text is hard-wrapped to (see _column)
    sub_item: bool = False  # the open finding's last line was one of its sub-items
    closed: str | None = None  # the findings ended: PAGE_END or BACK_MATTER, until a heading
    continued: list[int] = field(default_factory=list)  # headings repeated "(continued)"
    back_matter: list[int] = field(default_factory=list)  # lines of "Sources", "Notes", ...
    footnote_refs: list[tuple[int, str]] = field(default_factory=list)  # (line, where)
    left_out: dict[str, list[int]] = field(default_factory=dict)  # CHROME/FOOTNOTE -> lines
    after_marker: bool = False
    in_introduction: bool = True
    title: str | None = None
    published: str | None = None
    prose: list[str] = field(default_factory=list)
    introduction: list[str] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)  # the text's words, folded
    compounds: set[str] = field(default_factory=set)  # its hyphenated pairs, "man-made"

    def problem(self, line: int, message: str, warn: bool = True, note: bool = False) -> None:
        self.problems.append(Problem(self.source, line, message, warn, note))


def split_lines(text: str) -> list[str]:
    """Every line ending (LF, CRLF, CR, form feed, Unicode separators) as one, text cleaned."""
    text = re.sub(r"\r\n?|[\f\v\u2028\u2029\x85]", "\n", text)
    return [_clean_line(line) for line in text.split("\n")]


def _clean_line(line: str) -> str:
    """Clean a line's text but keep its indentation, which can mark list items."""
    body = clean(line).strip()
    indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" \t\u00a0"))
    return " " * indent + body if body else ""


def parse_profile(text: str, source: str = "<text>") -> tuple[Profile, list[Problem]]:
    """Read one profile from its text; raise NotAProfile when it holds no findings."""
    state = _State(source, split_lines(text))
    furniture = furniture_lines(state.lines)
    state.kinds = [FURNITURE if i in furniture else classify(line)
                   for i, line in enumerate(state.lines)]
    unbroken = re.sub(r"\w+-[ \t]*\r?\n\s*\w+", " ", fold(text))  # without split words
    state.vocabulary = set(re.findall(r"\w+", unbroken))
    state.compounds = {f"{a}-{b}" for a, b in re.findall(r"(\w+)-(\w+)", unbroken)}
    index = 0
    while index < len(state.lines):
        index = _read_line(state, index)
    _close_bullet(state)
    if not _has_structure(state):
        raise NotAProfile(f"{source}: no MGI domain headings or findings found")
    _note_furniture(state, sorted(furniture))
    _note_left_out(state)
    _note_page_breaks(state)
    return _build(state), state.problems


def _has_structure(state: _State) -> bool:
    """A profile has a domain heading, both MGI lists or an MGI title; a notes file with a
    few bullets, even under one label-like line ("Areas to strengthen:"), has none."""
    if state.title or any(block.mapped != UNCLASSIFIED for block in state.blocks):
        return True
    stated = {run.stated for block in state.blocks for run in block.lists}
    return set(KINDS) <= stated


def _read_line(state: _State, index: int) -> int:
    """Consume the line at index (sometimes two); return the index of the next one."""
    kind = state.kinds[index]
    line = state.lines[index]
    text = line.strip()
    if kind == BLANK:
        state.blank_before = True
        return index + 1
    if kind in (FURNITURE, PAGE_NUMBER):
        return index + 1  # page furniture: as if the page break were not there
    if kind in (CHROME, FOOTNOTE):
        state.left_out.setdefault(kind, []).append(index + 1)
        if kind == CHROME and closes_findings(text):
            _end_findings(state, PAGE_END)  # "Related profiles", "Privacy policy"
        return index + 1  # never a finding; a sentence cut by a footnote reads on
    if kind == HEADING and _continued_heading(state, text):
        state.continued.append(index + 1)
        return index + 1  # the domain goes on over a page break
    if kind == BACK_MATTER and _end_findings(state, BACK_MATTER):
        state.back_matter.append(index + 1)
        return index + 1
    number = index + 1
    consumed = index + 1
    if kind == MARKER:
        _close_bullet(state)
        state.after_marker, state.closed = True, None
        return consumed
    label, consumed = _label_at(state, index)
    if label:
        _start_list(state, label, number, text)
    elif kind == DATE and _is_date_line(state, index):
        _close_bullet(state)
        _end_findings(state, PAGE_END)
        state.published = state.published or metadata.parse_date(text)
    elif kind == TITLE:
        _close_bullet(state)
        title, consumed = _title_at(state, index)
        state.title = state.title or title
    elif state.closed and _wrapped_heading(state, index) is None and not _is_heading(
            state, index):
        _after_findings(state, kind, text, number)
    elif kind == BULLET and not _is_dash_continuation(state, line):
        _read_bullet(state, line, number)
    elif (item := _numbered_item(state, index)) is not None:
        _start_bullet(state, item, number, glyph=True)
    elif (wrapped := _wrapped_heading(state, index)) is not None:
        _start_block(state, wrapped[0], number)
        consumed = wrapped[1]
    elif _is_heading(state, index):
        _start_block(state, text, number)
    elif (unknown := _unknown_label(state, index)) is not None:
        _start_list(state, None, number, unknown[0])
        consumed = unknown[1]
    else:
        _read_text(state, line, number)
    state.blank_before = False
    state.after_marker = False
    state.last_width = len(line.rstrip())
    return consumed


PAGE_END = "page-end"  # a date or a web page's footer ended the findings
MAX_PAGE_TEXT_WORDS = 6  # a web page's links after its findings: "County of Kisumu", "Kenya"


def _end_findings(state: _State, how: str) -> bool:
    """The findings end here, at a date, a web page's footer or a closing section such as
    "Sources" (`how`): what follows is no finding until a heading, label or marker. Before
    the first domain (a date under the title, "Notes" in the introduction) nothing ends."""
    if state.in_introduction or state.block is None:
        return False
    _close_bullet(state)
    state.run, state.closed = None, how
    return True


def _after_findings(state: _State, kind: str, text: str, number: int) -> None:
    """A line after the findings ended: a closing section's, left out; a web page's link,
    left out; anything else reported."""
    if state.closed == BACK_MATTER:
        state.back_matter.append(number)
    elif kind == SHORT and len(text.split()) <= MAX_PAGE_TEXT_WORDS:
        state.left_out.setdefault(CHROME, []).append(number)
    else:
        state.problem(number, f"text outside any list, not a finding: {_shorten(text)!r}")


def _continued_heading(state: _State, text: str) -> bool:
    """The open domain's heading repeated at a page top: "PARTNERSHIPS (continued)"."""
    if not text.rstrip(" .:").lower().endswith((")", "continued", "cont", "contd", "cont'd",
                                                 "suite", "continuación", "continuacion")):
        return False  # the common case, and the fast one
    match = _CONTINUED.match(fold(text))
    return bool(match and state.block is not None
                and domains.normalize_heading(match.group(1)) == state.block.key)


def _is_date_line(state: _State, index: int) -> bool:
    """A date line ("2023 Octobre", "2021"), unless a bare year continues a wrapped finding
    whose sentence visibly goes on ("... adopted in" / "2021", or "2021" / "and revised ...")."""
    text = state.lines[index].strip()
    if state.bullet is None or state.blank_before or not text.isdigit():
        return True
    following = _next_text(state, index)
    goes_on = following is not None and _goes_on_in_lower_case(state, following)
    return not (_dangling(state.bullet[-1]) or goes_on)


# Words no sentence ends on: a line that ends on one is cut mid-sentence.
_DANGLING = frozenset("""
    a an the of to in on at by for from with and or but as than that which whose its their
    into under between since until including such le la les l un une des du de d au aux et ou
    en dans par pour sur avec sans entre depuis dont qui que ses leur leurs el los las lo un
    una unos unas del al y o e u en por para con sin entre desde hasta que cuyo sus su
""".split())


def _dangling(text: str) -> bool:
    """Whether a line stops mid-sentence: on a comma, a dash, or a word such as "the"."""
    text = text.rstrip()
    if text.endswith((",", "-", "–", ":", "(")):
        return True
    words = re.findall(r"\w+", fold(text[-30:]))
    return bool(words) and words[-1] in _DANGLING


def _is_dash_continuation(state: _State, line: str) -> bool:
    """A wrapped line that starts with a dash ("– including access ...") continues the open
    finding when that finding has not ended its sentence and the words go on in lower case."""
    match = BULLET_GLYPH.match(line)
    rest = line[match.end():] if match else ""
    return (
        line.lstrip()[:1] in "-–—"
        and rest[:1].islower()
        and state.bullet is not None
        and not SENTENCE_END.search(state.bullet[-1])
    )


def _read_bullet(state: _State, line: str, number: int) -> None:
    """A bullet starts a finding; before the first domain it is the introduction's (the MGI
    introduction lists the six domains as bullets), never a finding."""
    text = line[BULLET_GLYPH.match(line).end():].strip()
    if state.block is None:
        _introduction_text(state, text)
    else:
        _start_bullet(state, text, number, glyph=True)


def _numbered_item(state: _State, index: int) -> str | None:
    """A numbered finding ("1. The Government ...", "b) Limited data ..."): in a list, and
    not a domain heading, which comes before labels and names a domain or breaks the count.
    Returns the finding's text, without its number."""
    line = state.lines[index]
    match = ITEM_NUMBER.match(line)
    if match is None or state.block is None:
        return None
    text = line[match.end():].strip()
    ordinals = _ordinals(match.group(1) or match.group(2))
    if is_heading_text(text):  # a heading's shape: a finding only where its number fits
        following = _next_text(state, index)
        goes_on = following is not None and _goes_on_in_lower_case(state, following)
        if (domains.normalize_heading(text) and not goes_on) or (
                following is not None and _label_at(state, following)[0] is not None):
            return None  # a numbered heading before its lists
        first = (state.run is None or not state.run.items) and state.bullet is None
        if not first and state.item_number + 1 not in ordinals:
            return None
    state.item_number = min(ordinals, key=lambda n: abs(n - state.item_number - 1))
    return text


def _ordinals(token: str) -> set[int]:
    """What an item's number counts as: '3' -> 3, 'c' -> 3, 'iv' -> 4; 'i' and 'v' are a
    letter or a roman numeral."""
    token = token.lower()
    if token.isdigit():
        return {int(token)}
    found = {ord(token) - 96} if len(token) == 1 else set()
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
             "ix": 9, "x": 10}
    return found | ({roman[token]} if token in roman else set())


def _label_at(state: _State, index: int) -> tuple[str | None, int]:
    """A list label on this line, or wrapped over this line and the next."""
    line = state.lines[index].strip()
    if state.kinds[index] in (BULLET, HEADING):
        return None, index + 1
    if _continues_sentence(state, state.lines[index]) and not _LABEL_START.match(
            fold(line[:60])):
        return None, index + 1  # a wrapped finding that names a label
    following = _next_text(state, index)
    if kind := labels.list_label(line):
        if following is not None and _label_tail(state, line, following):
            return kind, following + 1
        if following is not None and _goes_on_in_lower_case(state, following):
            return None, index + 1  # "... is an area with potential" / "for development."
        return kind, index + 1
    if following is None or not _LABEL_START.match(fold(line[:60])):
        return None, index + 1
    joined = _join(line, state.lines[following].strip(), state)
    kind = labels.list_label(joined)
    return (kind, following + 1) if kind else (None, index + 1)


def _continues_sentence(state: _State, line: str) -> bool:
    """Whether a line reads on from the open finding: the finding has not ended its
    sentence, or the line goes on in lower case."""
    if state.bullet is None or not _continues(state, line):
        return False
    text = line.strip()
    if (state.glyphs or state.paragraphs) and state.blank_before and starts_upper(text):
        return False  # after a blank line, a bulleted finding's text does not go on
    return not SENTENCE_END.search(state.bullet[-1]) or not text[:1].isupper()


def _goes_on_in_lower_case(state: _State, following: int) -> bool:
    """Whether the next line carries on a sentence, as no label's next line does."""
    text = state.lines[following].strip()
    return (state.kinds[following] in (SHORT, PROSE) and text[:1].islower()
            and not ITEM_NUMBER.match(text))  # "a) The County ..." starts a finding


def _label_tail(state: _State, label: str, following: int) -> bool:
    """Whether the next line ends a label wrapped by a narrow column ("... de desarrollo" /
    "adicional", "Domaines susceptibles" / "d'être développés davantage", "... FOR FURTHER" /
    "DEVELOPMENT"): a few words, in lower case (or in capitals after a label in capitals),
    that end no sentence and still read as the same label."""
    tail = state.lines[following].strip()
    shouting = label.isupper() and tail.isupper()
    if (len(tail.split()) > MAX_TAIL_WORDS or not (tail[:1].islower() or shouting)
            or state.kinds[following] == BULLET or SENTENCE_END.search(tail)):
        return False
    return labels.list_label(_join(label, tail, state)) is not None


def _next_text(state: _State, index: int) -> int | None:
    """The index of the next line with text that is not page furniture."""
    for following in range(index + 1, min(index + 8, len(state.lines))):
        if state.kinds[following] not in (BLANK, PAGE_NUMBER, FURNITURE):
            return following
    return None


def _unknown_label(state: _State, index: int) -> tuple[str, int] | None:
    """A label mgi cannot name: a short line, after a finished finding, before a run of
    bullets, in a domain that has room for another list. Returns it and the next index."""
    if state.block is None or not _room_for_list(state.block):
        return None
    unfinished = state.bullet is not None and not SENTENCE_END.search(state.bullet[-1])
    if unfinished and not ((state.glyphs or state.paragraphs) and state.blank_before):
        return None  # the open finding goes on
    return _label_shaped_at(state, index)


def _label_shaped_at(state: _State, index: int, ahead: bool = False) -> tuple[str, int] | None:
    """A short capitalised line (perhaps wrapped onto a short lower-case tail) followed by
    bullets, or by plain findings when it reads as a label: "Areas ...", a closing ':', or
    set out to the left of the indented findings of a list without glyphs. Looking `ahead`
    (from a heading two lines up) only the first two count: the open list is not that one's."""
    text = state.lines[index].strip()
    if state.kinds[index] != SHORT or not starts_upper(text):
        return None
    consumed, following = index + 1, _next_text(state, index)
    if following is not None and _is_tail(state, following):
        text, consumed = _join(text, state.lines[following].strip(), state), following + 1
        following = _next_text(state, following)
    if following is None or not labels.is_label_shaped(text):
        return None
    if state.kinds[following] == BULLET:
        return text, consumed
    in_list = state.run is not None and not state.glyphs and not ahead
    outdented = in_list and _indent(state.lines[index]) < state.item_indent
    # A line of a few words that ends no sentence, before a new capitalised one, is no part
    # of a hard-wrapped finding: a wrapped line fills the column, as the last finding's did.
    column = max((len(line) for line in state.bullet or ()), default=0)
    brief = (in_list and len(text.split()) <= 6 and len(text) < column / 2
             and starts_upper(state.lines[following]))
    reads_as_label = (text.endswith(":") or _LABEL_START.match(fold(text[:60])) or outdented
                      or brief)
    starts_item = state.kinds[following] in (PROSE, SHORT) and starts_upper(
        state.lines[following])
    return (text, consumed) if reads_as_label and starts_item else None


def _is_tail(state: _State, index: int) -> bool:
    """A label's last words wrapped onto a line of their own ("développés davantage")."""
    tail = state.lines[index].strip()
    return state.kinds[index] == SHORT and tail[:1].islower() and len(tail.split()) <= 4


def _room_for_list(block: _Block) -> bool:
    """An MGI domain holds two lists: well-developed, then further development."""
    if len(block.lists) >= 2:
        return False
    return not block.lists or block.lists[0].stated != GAPS


def _wrapped_heading(state: _State, index: int) -> tuple[str, int] | None:
    """A domain heading wrapped over two lines ("DOMAIN 5: MOBILITY DIMENSIONS OF" / "CRISES")
    right before a list label: the joined heading and the index after it."""
    following = index + 1
    if following >= len(state.lines) or not state.lines[following].strip():
        return None
    first, second = state.lines[index].strip(), state.lines[following].strip()
    if not is_heading_text(first) or SENTENCE_END.search(first) or BULLET_GLYPH.match(first):
        return None
    after = _next_text(state, following)
    if after is None or _label_at(state, after)[0] is None or _label_at(state, following)[0]:
        return None
    if (_continues(state, state.lines[index]) and not state.blank_before
            and not (starts_upper(first) and _ended(state))):
        return None  # a finding goes on, unless it ended and a capitalised heading starts
    joined = _join(first, second, state)
    if is_heading_text(joined) and domains.normalize_heading(joined):
        return joined, following + 1
    return None


def _ended(state: _State) -> bool:
    """Whether the open finding has ended its sentence."""
    return state.bullet is not None and bool(SENTENCE_END.search(state.bullet[-1]))


def _title_at(state: _State, index: int) -> tuple[str, int]:
    """A title, with the tail of a title wrapped onto the next line ("... of Kazakh-" /
    "stan"): a few words that are neither a heading, a label nor a date."""
    title = state.lines[index].strip()
    following = index + 1
    if following >= len(state.lines):
        return title, following
    tail = state.lines[following].strip()
    if (
        not tail
        or len(tail.split()) > 5
        or SENTENCE_END.search(tail)
        or state.kinds[following] not in (SHORT, PROSE)
        or domains.normalize_heading(tail)
    ):
        return title, following
    return _join(title, tail, state), following + 1


def _is_heading(state: _State, index: int) -> bool:
    """A short line that starts a domain block (see the module docstring)."""
    kind, text = state.kinds[index], state.lines[index].strip()
    if kind not in (HEADING, SHORT, PROSE) or not is_heading_text(text):
        return False
    if labels.is_introduction(text) and (state.after_marker or state.block is None):
        return True
    meaning = kind == HEADING and domains.normalize_heading(text) is not None
    if _continues(state, state.lines[index]) and (not meaning or not starts_upper(text)):
        return False
    if kind != HEADING and _in_unfinished_plain_list(state):
        return False  # the next finding of a list whose findings have no full stops
    following = _next_text(state, index)
    if following is not None and (_label_at(state, following)[0] is not None
                                  or _label_shaped_at(state, following, ahead=True) is not None):
        return True  # the line before a run of labelled lists
    if state.after_marker:
        return True
    if kind == HEADING and domains.has_numbering(text):
        return meaning or _bullets_follow(state, index)
    # A label-like line where the domain has no room for another list: a heading mgi cannot
    # name, which starts a block of its own rather than being merged into this one.
    return (kind == SHORT and state.block is not None and not _room_for_list(state.block)
            and _bullets_follow(state, index) and starts_upper(text))


def _in_unfinished_plain_list(state: _State) -> bool:
    """In a list without glyphs or blank lines, whose open finding ends no sentence."""
    return (state.bullet is not None and not state.glyphs and not state.paragraphs
            and not SENTENCE_END.search(state.bullet[-1]))


def _bullets_follow(state: _State, index: int) -> bool:
    following = _next_text(state, index)
    return following is not None and state.kinds[following] == BULLET


def _start_block(state: _State, heading: str, number: int) -> None:
    _close_bullet(state)
    state.run = None
    if labels.is_introduction(heading):
        state.block, state.in_introduction = None, True
        return
    state.in_introduction, state.closed = False, None
    if key := domains.normalize_heading(heading):
        block = _Block(key, heading, number, STATED)
    elif by_number := domains.heading_number(heading):
        block = _Block(by_number.key, heading, number, BY_NUMBER)
    else:
        block = _Block(domains.UNCLASSIFIED.key, heading, number, UNCLASSIFIED)
        state.problem(number, f"heading maps to no MGI domain: {heading!r}")
    state.blocks.append(block)
    state.block = block


def _start_list(state: _State, kind: str | None, number: int, label: str) -> None:
    _close_bullet(state)
    if state.block is None:
        state.problem(number, "list label outside any domain; its findings are unclassified")
        state.block = _Block(domains.UNCLASSIFIED.key, "", number, UNCLASSIFIED)
        state.blocks.append(state.block)
    state.in_introduction, state.closed = False, None
    state.run = _List(label, number, kind)
    state.block.lists.append(state.run)
    state.glyphs, state.item_number, state.paragraphs = False, 0, False


def _start_bullet(state: _State, text: str, number: int, glyph: bool) -> None:
    _close_bullet(state)
    if state.block is None:  # a finding with no domain and no list
        state.block = _Block(domains.UNCLASSIFIED.key, "", number, UNCLASSIFIED)
        state.blocks.append(state.block)
    if state.run is None:  # findings before any label: placed later, by position or not
        state.run = _List("", number, None)
        state.block.lists.append(state.run)
    state.glyphs = state.glyphs or glyph
    state.bullet, state.bullet_line, state.sub_item = [text], number, False


def _continues(state: _State, line: str) -> bool:
    """Whether a plain line continues the open finding rather than starting something new."""
    if state.bullet is None:
        return False
    text = line.strip()
    ended = bool(SENTENCE_END.search(state.bullet[-1]))
    starts_lower = text[:1].islower() or not text[:1].isalpha()
    if state.glyphs:
        return not (state.blank_before and ended and not starts_lower)
    if state.paragraphs:  # a blank line ends a finding, unless its sentence visibly goes on
        return not state.blank_before or starts_lower or _dangling(state.bullet[-1])
    if _indent(line) != state.item_indent:  # flush or deeper: a wrapped line
        return True
    if ended or starts_lower or _dangling(state.bullet[-1]):
        return not ended or starts_lower
    # A capitalised line after one that ends no sentence: a wrapped line, unless the line
    # before stopped well short of the column, where its next word would still have fit.
    first_word = len(text.split(None, 1)[0])
    return state.last_width + 1 + first_word > _column(state) * _SHORT_OF_COLUMN


def _wrap_unsure(state: _State, line: str) -> bool:
    """A capitalised line read on from one that ends no sentence, in a hard-wrapped list
    whose findings have no glyphs, no blank lines between them and no full stops: it may be
    as well the next finding, and only a guess tells."""
    return (not state.glyphs and not state.paragraphs and not state.full_stops
            and starts_upper(line.strip()) and _indent(line) == state.item_indent
            and not _dangling(state.bullet[-1]) and _column(state) != float("inf"))


def _column(state: _State) -> float:
    """The width the findings are hard-wrapped to: the upper quartile of the lines that
    surely wrap (they stop on "the", a comma or a hyphen, or the next goes on in lower
    case). With fewer than three such lines the text is not hard-wrapped: each line of a
    list without glyphs or blank lines is a finding of its own, unless it stops mid-sentence."""
    if state.column is None:
        widths = []
        lines, kinds = state.lines, state.kinds
        start = next((i for i, kind in enumerate(kinds) if kind == LABEL), len(kinds))
        for index in range(start, len(lines) - 1):
            if kinds[index] not in (BULLET, SHORT, PROSE) or kinds[index + 1] not in (
                    SHORT, PROSE):
                continue
            line = lines[index].rstrip()
            if SENTENCE_END.search(line) or line.endswith(":"):
                continue  # a sentence's end, or a sub-list's start: no wrap
            if lines[index + 1].lstrip()[:1].islower() or _dangling(line):
                widths.append(len(line))
        widths.sort()
        state.column = widths[len(widths) * 3 // 4] if len(widths) >= 3 else float("inf")
    return state.column


def _read_text(state: _State, line: str, number: int) -> None:
    text = line.strip()
    if state.bullet is not None and _continues(state, line):
        if _wrap_unsure(state, line):
            state.problem(number, f"{_shorten(text)!r} read as going on from the line above; "
                                  "no glyph, blank line or full stop in this list tells where "
                                  "its findings end")
        sub = _SUB_BULLET.match(text)
        state.sub_item = bool(sub) and (state.sub_item or state.bullet[-1].endswith((":", ";")))
        _extend(state, text[sub.end():] if state.sub_item else text)
    elif state.run is not None and not state.glyphs:
        if not state.run.items and state.bullet is None:
            state.paragraphs = _paragraph_style(state, number - 1)
            state.full_stops = _has_full_stops(state, number - 1)
        _start_bullet(state, text, number, glyph=False)
        state.item_indent = _indent(line)
    elif state.in_introduction or state.block is None:
        _introduction_text(state, text)
    else:
        _close_bullet(state)
        state.problem(number, f"text outside any list, not a finding: {_shorten(text)!r}")


def _paragraph_style(state: _State, index: int) -> bool:
    """Whether a list without glyphs sets its findings apart by blank lines, and no line
    ends a sentence to start another. Then a finding runs to the next blank line and needs
    no full stop."""
    blanks = sentence_ends = 0
    previous, blank = None, False
    end = index + 400  # a list is never longer; a long file costs no more
    for kind, line in zip(state.kinds[index:end], state.lines[index:end], strict=True):
        if kind in (LABEL, MARKER, BULLET, DATE, TITLE) or (kind == HEADING and blank):
            break  # the end of the list
        if kind == BLANK:
            blank = previous is not None
        elif kind not in (FURNITURE, PAGE_NUMBER, CHROME, FOOTNOTE):
            if blank:
                blanks += 1
            elif previous and SENTENCE_END.search(previous) and starts_upper(line.strip()):
                sentence_ends += 1
            previous, blank = line.strip(), False
    return blanks >= 1 and sentence_ends == 0


def _has_full_stops(state: _State, index: int) -> bool:
    """Whether any line of the list that starts here ends a sentence."""
    for kind, line in zip(state.kinds[index:index + 400], state.lines[index:index + 400],
                          strict=False):
        if kind in (LABEL, MARKER, BULLET, DATE, TITLE, BACK_MATTER):
            return False  # the end of the list
        if SENTENCE_END.search(line):
            return True
    return False


def _introduction_text(state: _State, text: str) -> None:
    _close_bullet(state)
    state.prose.append(text)
    if not state.blocks and state.in_introduction:
        state.introduction.append(text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _close_bullet(state: _State) -> None:
    """File the open finding in its list."""
    if state.bullet is None:
        return
    if state.run is not None:
        text, line = "".join(state.bullet).strip(), state.bullet_line
        for part in _INLINE_BULLET.split(text) if _INLINE_GLYPH.search(text) else (text,):
            state.run.items.append((_without_footnote_refs(state, part, line), line))
    state.bullet = None


def _without_footnote_refs(state: _State, text: str, line: int) -> str:
    """A finding without the footnote numbers glued after its sentences ("nationals.1")."""
    if not _FOOTNOTE_REF.search(text):
        return text
    for match in _FOOTNOTE_REF.finditer(text):
        state.footnote_refs.append((line, " ".join(text[:match.end()].split()[-3:])))
    return _FOOTNOTE_REF.sub(r"\1", text)


def _extend(state: _State, text: str) -> None:
    """Add a wrapped line to the open finding. The finding is kept as a list of its lines,
    joined once at the end, so a finding of many lines costs linear time."""
    last = state.bullet[-1]
    joined = _join(last[-80:], text, state)  # only the end of the line decides the joint
    state.bullet[-1] = last[:-80] + joined[: len(joined) - len(text)]
    state.bullet.append(text)


def _join(left: str, right: str, state: _State) -> str:
    """Join a wrapped line to its predecessor, mending a hyphen only where a word was split."""
    match = re.search(r"(\w+)-$", left)
    if not match or not right[:1].isalpha():
        return f"{left} {right}"
    head = fold(match.group(1))
    tail = fold(re.match(r"\w*", right).group(0))
    if _is_compound(head, tail, state):
        return left + right
    return left[:-1] + right


def _is_compound(head: str, tail: str, state: _State) -> bool:
    """Whether 'head-' at a line end and 'tail' on the next make a hyphenated compound."""
    if f"{head}-{tail}" in state.compounds:
        return True
    if head + tail in state.vocabulary:
        return False
    if tail in _COMPOUND_TAILS or head in _ALWAYS_COMPOUND:
        return True
    # A compound's tail is a word of its own ("self-" / "employed"); "man-" / "datory" is
    # "mandatory" split, "pre-" / "vious" is "previous".
    head_is_word = head in _COMPOUND_HEADS or (head in state.vocabulary and len(head) > 2)
    return head_is_word and tail in state.vocabulary


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# -- placement: blocks -> domains, lists -> kinds, every guess reported -----------------------


@dataclass
class _Placed:
    """What the blocks of one domain add up to."""

    heading: str
    line: int
    mapped: str
    lists: dict[str, list[tuple[str, int]]] = field(  # kind -> (finding, line)
        default_factory=lambda: {STRENGTHS: [], GAPS: [], UNSORTED: []})
    reasons: dict[str, str] = field(default_factory=dict)  # kind -> BY_POSITION when guessed


def _place(state: _State) -> dict[str, _Placed]:
    placed: dict[str, _Placed] = {}
    _empty_placeholders(state)
    named = {b.key for b in state.blocks if b.mapped == STATED and b.size()}
    for block in state.blocks:
        if block.mapped == BY_NUMBER:
            _map_by_number(state, block, named)
        runs = list(_resolve_lists(state, block))
        target = placed.get(block.key)
        if target is None:
            target = placed[block.key] = _Placed(block.heading, block.line, block.mapped)
        elif block.key == domains.UNCLASSIFIED.key:
            target.heading = " / ".join(h for h in (target.heading, block.heading) if h)
        elif not any(target.lists.values()):  # the first heading had nothing under it
            target.heading, target.line, target.mapped = block.heading, block.line, block.mapped
        elif block.size():
            state.problem(block.line, f"{block.heading!r} repeats the domain of line "
                                      f"{target.line}; merged")
        for run, kind, reason in runs:
            target.lists[kind] += run.items
            if reason == BY_POSITION:
                target.reasons[kind] = BY_POSITION
    return placed


def _empty_placeholders(state: _State) -> None:
    """A list whose one item says it holds nothing ("None identified.", "N/A", "Aucun.") is
    empty; a note says so."""
    for block in state.blocks:
        for run in block.lists:
            if len(run.items) == 1 and _PLACEHOLDER.match(fold(run.items[0][0])):
                (text, line), run.items = run.items[0], []
                under = f"under {run.label!r}" if run.label else f"under {block.heading!r}"
                state.problem(line, f"{text!r} {under} is a placeholder, not a finding; the "
                                    "list is empty", warn=False, note=True)


def _map_by_number(state: _State, block: _Block, named: set[str]) -> None:
    """Keep a heading mapped by its number when no other heading names that domain."""
    domain = domains.BY_KEY[block.key]
    if block.key in named:
        block.key, block.mapped = domains.UNCLASSIFIED.key, UNCLASSIFIED
        state.problem(block.line, f"heading not recognised: {block.heading!r}; its number is "
                                  f"that of domain {domain.number}, which another heading "
                                  "names, so its findings are unclassified")
        return
    named.add(block.key)
    state.problem(block.line, f"heading not recognised: {block.heading!r}; mapped to domain "
                              f"{domain.number} ({domain.name}) by its number")


def _resolve_lists(state: _State, block: _Block):
    """Each list of a block with its kind and why: its label, else its position, else none."""
    stated = {run.stated for run in block.lists if run.stated}
    seen: set[str] = set()
    for position, run in enumerate(block.lists):
        if run.stated:
            if run.stated in seen and run.items:
                state.problem(run.line, f"a second {_LIST_NAMES[run.stated]} label in one "
                                        f"domain: {run.label!r} (line {run.line}); its "
                                        f"{plural(len(run.items), 'finding')} joined to that "
                                        "list")
            seen.add(run.stated)
            yield run, run.stated, STATED
            continue
        if len(block.lists) > 1 and position < len(KINDS) and KINDS[position] not in stated:
            kind, reason = KINDS[position], BY_POSITION
        else:
            kind, reason = UNSORTED, UNCLASSIFIED
        if run.items:
            state.problem(run.line, _guess_message(block, run, kind))
        yield run, kind, reason


def _guess_message(block: _Block, run: _List, kind: str) -> str:
    findings = plural(len(run.items), "finding")
    outcome = (f"taken as {_LIST_NAMES[kind]} by position" if kind != UNSORTED
               else "kept unsorted")
    if run.label:
        return (f"list label not recognised: {run.label!r} (line {run.line}); its {findings} "
                f"{outcome}")
    where = f"under {block.heading!r}" if block.heading else "outside any domain"
    return f"{findings} {where} with no list label (line {run.line}); {outcome}"


def _build(state: _State) -> Profile:
    placed = _place(state)
    title = state.title or _running_title(state) or ""
    intro = " ".join(state.introduction) or " ".join(state.prose)
    place = metadata.describe_place(title, intro) if title else None
    if place is None:
        state.problem(0, "no profile title found; named after the file")
    ordered = []
    for info in domains.DOMAINS:
        found = placed.get(info.domain.key)
        if found is None:
            missing = f"no heading for domain {info.domain.number} ({info.domain.name})"
            state.problem(0, missing, warn=False)
        ordered.append(_findings(info.domain, found))
    if (extra := placed.get(domains.UNCLASSIFIED.key)) is not None:
        ordered.append(_findings(domains.UNCLASSIFIED, extra))
    _note_glued_sentences(state)
    stem = re.sub(r"\.[^.]*$", "", state.source.rsplit("/", 1)[-1])
    named = place is not None and place.id != "profile"  # a title that names no place
    return Profile(
        id=place.id if named else slugify(stem) or "profile",
        name=place.name if place else stem,
        title=title,
        level=place.level if place else "national",
        country=place.country if place else None,
        country_code=place.country_code if place else None,
        published=state.published or metadata.title_year(title),
        edition=metadata.edition(title),
        source=state.source,
        domains=tuple(ordered),
        implementation=_sentence(_IMPLEMENTATION, " ".join(state.prose)),
        funding=_sentence(_FUNDING, " ".join(state.prose)),
        aliases=place.aliases if place else (),
        language=_language(state),
    )


def _running_title(state: _State) -> str | None:
    """A title that only runs as a page header: better than none, when nothing else names
    the profile."""
    return next((line.strip() for line, kind in zip(state.lines, state.kinds, strict=True)
                 if kind == FURNITURE and metadata.is_title(line)), None)


def _findings(domain: Domain, found: _Placed | None) -> DomainFindings:
    if found is None:
        return DomainFindings(domain, "", present=False)
    texts = {kind: tuple(text for text, _ in items) for kind, items in found.lists.items()}
    placed = tuple(found.reasons.get(kind, found.mapped) for kind in KINDS)
    return DomainFindings(
        domain, found.heading, texts[STRENGTHS], texts[GAPS], placed=placed,
        unsorted=texts[UNSORTED],
        lines=tuple(tuple(line for _, line in found.lists[kind]) for kind in LISTS),
    )


def _language(state: _State) -> str:
    from mgi_cli.language import detect

    findings = [text for b in state.blocks for run in b.lists for text, _ in run.items]
    return detect(" ".join(findings) or "\n".join(state.lines))


def _note_glued_sentences(state: _State) -> None:
    """Two sentences the source ran together stay one finding, as published; a note says so."""
    for block in state.blocks:
        for run in block.lists:
            for text, line in run.items:
                if match := _GLUED.search(text):
                    start = max(0, match.start() - 20)
                    context = text[start:match.end() + 20]
                    state.problem(line, f"two sentences run together in the source: "
                                        f"'…{context}…'; kept as one finding, as published",
                                  warn=False, note=True)


def _note_furniture(state: _State, furniture: list[int]) -> None:
    """How many lines of page furniture were set aside, with one for example."""
    if not furniture:
        return
    pages = sum(1 for kind in state.kinds if kind == PAGE_NUMBER)
    example = state.lines[furniture[0]].strip()
    count = plural(len(furniture) + pages, "line")
    state.problem(furniture[0] + 1, f"{count} of page furniture dropped (running headers, "
                                    f"footers, page numbers), such as {_shorten(example)!r}",
                  warn=False, note=True)


def _note_left_out(state: _State) -> None:
    """The page's own words and footnotes set aside, never findings."""
    names = {CHROME: "page text (download links, sharing, copyright)", FOOTNOTE: "footnotes"}
    for kind, numbers in state.left_out.items():
        example = state.lines[numbers[0] - 1].strip()
        where = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
        state.problem(numbers[0], f"{plural(len(numbers), 'line')} of {names[kind]} left out of "
                                  f"the findings (lines {where}), such as "
                                  f"{_shorten(example)!r}", warn=False, note=True)


def _note_page_breaks(state: _State) -> None:
    """Headings repeated "(continued)", closing sections and footnote numbers, set aside."""
    if state.continued:
        first = state.continued[0]
        state.problem(first, f"{plural(len(state.continued), 'heading')} repeated at a page "
                             f"top read as the domain going on ({_lines(state.continued)}), "
                             f"such as {_shorten(state.lines[first - 1].strip())!r}",
                      warn=False, note=True)
    if state.back_matter:
        titles = [state.lines[n - 1].strip() for n in state.back_matter
                  if state.kinds[n - 1] == BACK_MATTER]
        state.problem(state.back_matter[0], f"{plural(len(state.back_matter), 'line')} of "
                                            f"closing sections ({', '.join(map(repr, titles))})"
                                            f" left out of the findings "
                                            f"({_lines(state.back_matter)})",
                      warn=False, note=True)
    if state.footnote_refs:
        line, where = state.footnote_refs[0]
        numbers = sorted({n for n, _ in state.footnote_refs})
        state.problem(line, f"{plural(len(state.footnote_refs), 'footnote number')} taken out "
                            f"of findings ({_lines(numbers)}), such as '…{where}'",
                      warn=False, note=True)


def _lines(numbers: list[int]) -> str:
    return "lines " + ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")


def _sentence(pattern: re.Pattern[str], text: str) -> str | None:
    """The last sentence of the introduction that matches (who implemented, who funded)."""
    sentences = re.findall(r"[^.]+\.", text)
    matches = [s.strip() for s in sentences if len(s) < 1000 and pattern.search(s)]
    return matches[-1] if matches else None
