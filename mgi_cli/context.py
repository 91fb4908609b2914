"""What a line is, given its neighbours: a domain heading (perhaps wrapped over two lines),
a list label (perhaps wrapped, or one mgi cannot name), a numbered finding, a title, a date,
or a heading repeated "(continued)" at a page top.

lines.classify judges a line alone; these judge it with the lines around it and the open
finding; they change nothing in the parser's state but a numbered list's count
(numbered_item).
"""

from __future__ import annotations

import re

from mgi_cli import headings, labels
from mgi_cli.lines import (
    BULLET,
    BULLET_GLYPH,
    HEADING,
    ITEM_NUMBER,
    PROSE,
    SENTENCE_END,
    SHORT,
    is_heading_text,
)
from mgi_cli.model import GAPS, Kind
from mgi_cli.parse_state import Block, State, indent, next_text
from mgi_cli.text import fold, starts_upper
from mgi_cli.wrapping import (
    continues,
    continues_sentence,
    dangling,
    finding_ended,
    goes_on_in_lower_case,
    in_unfinished_plain_list,
    join,
)

_LABEL_START = re.compile(
    r"^(migration governance|gouvernance des migrations|gobernanza de la migracion|examples"
    r"|exemples|ejemplos|areas|domaines|aspects|aspectos|ambitos|points|strengths|fortalezas)\b"
)
# A domain heading repeated at a page top: "PARTNERSHIPS (continued)", "Partenariats (suite)".
_CONTINUED = re.compile(
    r"^(.+?)\s*(?:\((?:continued|cont'?d|cont\.?|suite|continuacion|continua)\)"
    r"|[-–—:,]\s*(?:continued|cont'?d|cont\.|suite|continuacion))\s*$")
MAX_TAIL_WORDS = 4  # the words of a label a narrow column wraps onto a line of their own
def continued_heading(state: State, text: str) -> bool:
    """The open domain's heading repeated at a page top: "PARTNERSHIPS (continued)"."""
    if not text.rstrip(" .:").lower().endswith((")", "continued", "cont", "contd", "cont'd",
                                                 "suite", "continuación", "continuacion")):
        return False  # the common case, and the fast one
    match = _CONTINUED.match(fold(text))
    return bool(match and state.block is not None
                and headings.normalize_heading(match.group(1)) == state.block.key)


def is_date_line(state: State, index: int) -> bool:
    """A date line ("2023 Octobre", "2021"), unless a bare year continues a wrapped finding
    whose sentence visibly goes on ("... adopted in" / "2021", or "2021" / "and revised ...")."""
    text = state.lines[index].strip()
    if state.bullet is None or state.blank_before or not text.isdigit():
        return True
    following = next_text(state, index)
    goes_on = following is not None and goes_on_in_lower_case(state, following)
    return not (dangling(state.bullet[-1]) or goes_on)


def numbered_item(state: State, index: int) -> str | None:
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
        following = next_text(state, index)
        goes_on = following is not None and goes_on_in_lower_case(state, following)
        if (headings.normalize_heading(text) and not goes_on) or (
                following is not None and label_at(state, following)[0] is not None):
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


def label_at(state: State, index: int) -> tuple[Kind | None, int]:
    """A list label on this line, or wrapped over this line and the next."""
    line = state.lines[index].strip()
    if state.kinds[index] in (BULLET, HEADING):
        return None, index + 1
    if continues_sentence(state, state.lines[index]) and not _LABEL_START.match(
            fold(line[:60])):
        return None, index + 1  # a wrapped finding that names a label
    following = next_text(state, index)
    if kind := labels.list_label(line):
        if following is not None and _label_tail(state, line, following):
            return kind, following + 1
        if following is not None and goes_on_in_lower_case(state, following):
            return None, index + 1  # "... is an area with potential" / "for development."
        return kind, index + 1
    if following is None or not _LABEL_START.match(fold(line[:60])):
        return None, index + 1
    joined = join(line, state.lines[following].strip(), state)
    kind = labels.list_label(joined)
    return (kind, following + 1) if kind else (None, index + 1)


def _label_tail(state: State, label: str, following: int) -> bool:
    """Whether the next line ends a label wrapped by a narrow column ("... de desarrollo" /
    "adicional", "Domaines susceptibles" / "d'être développés davantage", "... FOR FURTHER" /
    "DEVELOPMENT"): a few words, in lower case (or in capitals after a label in capitals),
    that end no sentence and still read as the same label."""
    tail = state.lines[following].strip()
    shouting = label.isupper() and tail.isupper()
    if (len(tail.split()) > MAX_TAIL_WORDS or not (tail[:1].islower() or shouting)
            or state.kinds[following] == BULLET or SENTENCE_END.search(tail)):
        return False
    return labels.list_label(join(label, tail, state)) is not None


def unknown_label(state: State, index: int) -> tuple[str, int] | None:
    """A label mgi cannot name: a short line, after a finished finding, before a run of
    bullets, in a domain that has room for another list. Returns it and the next index."""
    if state.block is None or not room_for_list(state.block):
        return None
    unfinished = state.bullet is not None and not SENTENCE_END.search(state.bullet[-1])
    if unfinished and not ((state.glyphs or state.paragraphs) and state.blank_before):
        return None  # the open finding goes on
    return _label_shaped_at(state, index)


def _label_shaped_at(state: State, index: int, ahead: bool = False) -> tuple[str, int] | None:
    """A short capitalised line (perhaps wrapped onto a short lower-case tail) followed by
    bullets, or by plain findings when it reads as a label: "Areas ...", a closing ':', or
    set out to the left of the indented findings of a list without glyphs. Looking `ahead`
    (from a heading two lines up) only the first two count: the open list is not that one's."""
    text = state.lines[index].strip()
    if state.kinds[index] != SHORT or not starts_upper(text):
        return None
    consumed, following = index + 1, next_text(state, index)
    if following is not None and _is_tail(state, following):
        text, consumed = join(text, state.lines[following].strip(), state), following + 1
        following = next_text(state, following)
    if following is None or not labels.is_label_shaped(text):
        return None
    if state.kinds[following] == BULLET:
        return text, consumed
    in_list = state.run is not None and not state.glyphs and not ahead
    outdented = in_list and indent(state.lines[index]) < state.item_indent
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


def _is_tail(state: State, index: int) -> bool:
    """A label's last words wrapped onto a line of their own ("développés davantage")."""
    tail = state.lines[index].strip()
    return state.kinds[index] == SHORT and tail[:1].islower() and len(tail.split()) <= 4


def room_for_list(block: Block) -> bool:
    """An MGI domain holds two lists: well-developed, then further development."""
    if len(block.lists) >= 2:
        return False
    return not block.lists or block.lists[0].stated != GAPS


def wrapped_heading(state: State, index: int) -> tuple[str, int] | None:
    """A domain heading wrapped over two lines ("DOMAIN 5: MOBILITY DIMENSIONS OF" / "CRISES")
    right before a list label: the joined heading and the index after it."""
    following = index + 1
    if following >= len(state.lines) or not state.lines[following].strip():
        return None
    first, second = state.lines[index].strip(), state.lines[following].strip()
    if not is_heading_text(first) or SENTENCE_END.search(first) or BULLET_GLYPH.match(first):
        return None
    after = next_text(state, following)
    if after is None or label_at(state, after)[0] is None or label_at(state, following)[0]:
        return None
    if (continues(state, state.lines[index]) and not state.blank_before
            and not (starts_upper(first) and finding_ended(state))):
        return None  # a finding goes on, unless it ended and a capitalised heading starts
    joined = join(first, second, state)
    if is_heading_text(joined) and headings.heading_domains(joined):
        return joined, following + 1
    return None


def title_at(state: State, index: int) -> tuple[str, int]:
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
        or headings.normalize_heading(tail)
    ):
        return title, following
    return join(title, tail, state), following + 1


def is_heading(state: State, index: int) -> bool:
    """A short line that starts a domain block (see the module docstring)."""
    kind, text = state.kinds[index], state.lines[index].strip()
    if kind not in (HEADING, SHORT, PROSE) or not is_heading_text(text):
        return False
    if labels.is_introduction(text) and (state.after_marker or state.block is None):
        return True
    meaning = kind == HEADING and headings.normalize_heading(text) is not None
    if continues(state, state.lines[index]) and (not meaning or not starts_upper(text)):
        return False
    if kind != HEADING and in_unfinished_plain_list(state):
        return False  # the next finding of a list whose findings have no full stops
    following = next_text(state, index)
    if following is not None and (label_at(state, following)[0] is not None
                                  or _label_shaped_at(state, following, ahead=True) is not None):
        return True  # the line before a run of labelled lists
    if state.after_marker:
        return True
    if kind == HEADING and headings.has_numbering(text):
        return meaning or _bullets_follow(state, index)
    # A label-like line where the domain has no room for another list: a heading mgi cannot
    # name, which starts a block of its own rather than being merged into this one.
    return (kind == SHORT and state.block is not None and not room_for_list(state.block)
            and _bullets_follow(state, index) and starts_upper(text))


def _bullets_follow(state: State, index: int) -> bool:
    following = next_text(state, index)
    return following is not None and state.kinds[following] == BULLET

