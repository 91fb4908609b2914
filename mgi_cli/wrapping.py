"""Whether a line goes on from the one above: hard-wrapped findings, words split at a line
end, a list's column width, sentences cut mid-way.

A finding wraps onto several lines; a list with no glyphs and no blank lines tells its
findings apart only by where sentences end and by how far a line reaches into the column.
"""

from __future__ import annotations

import re

from mgi_cli.lines import (
    BULLET,
    BULLET_GLYPH,
    ITEM_NUMBER,
    LABEL,
    PROSE,
    SENTENCE_END,
    SHORT,
)
from mgi_cli.parse_state import State, indent
from mgi_cli.text import fold, starts_upper

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
# Words no sentence ends on: a line that ends on one is cut mid-sentence.
_DANGLING = frozenset("""
    a an the of to in on at by for from with and or but as than that which whose its their
    into under between since until including such le la les l un une des du de d au aux et ou
    en dans par pour sur avec sans entre depuis dont qui que ses leur leurs el los las lo un
    una unos unas del al y o e u en por para con sin entre desde hasta que cuyo sus su
""".split())


def dangling(text: str) -> bool:
    """Whether a line stops mid-sentence: on a comma, a dash, or a word such as "the"."""
    text = text.rstrip()
    if text.endswith((",", "-", "–", ":", "(")):
        return True
    words = re.findall(r"\w+", fold(text[-30:]))
    return bool(words) and words[-1] in _DANGLING


def is_dash_continuation(state: State, line: str) -> bool:
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

def continues_sentence(state: State, line: str) -> bool:
    """Whether a line reads on from the open finding: the finding has not ended its
    sentence, or the line goes on in lower case."""
    if state.bullet is None or not continues(state, line):
        return False
    text = line.strip()
    if (state.glyphs or state.paragraphs) and state.blank_before and starts_upper(text):
        return False  # after a blank line, a bulleted finding's text does not go on
    return not SENTENCE_END.search(state.bullet[-1]) or not text[:1].isupper()


def goes_on_in_lower_case(state: State, following: int) -> bool:
    """Whether the next line carries on a sentence, as no label's next line does."""
    text = state.lines[following].strip()
    return (state.kinds[following] in (SHORT, PROSE) and text[:1].islower()
            and not ITEM_NUMBER.match(text))  # "a) The County ..." starts a finding

def finding_ended(state: State) -> bool:
    """Whether the open finding has ended its sentence."""
    return state.bullet is not None and bool(SENTENCE_END.search(state.bullet[-1]))

def in_unfinished_plain_list(state: State) -> bool:
    """In a list without glyphs or blank lines, whose open finding ends no sentence."""
    return (state.bullet is not None and not state.glyphs and not state.paragraphs
            and not SENTENCE_END.search(state.bullet[-1]))

def continues(state: State, line: str) -> bool:
    """Whether a plain line continues the open finding rather than starting something new."""
    if state.bullet is None:
        return False
    text = line.strip()
    ended = bool(SENTENCE_END.search(state.bullet[-1]))
    starts_lower = text[:1].islower() or not text[:1].isalpha()
    if state.glyphs:
        return not (state.blank_before and ended and not starts_lower)
    if state.paragraphs:  # a blank line ends a finding, unless its sentence visibly goes on
        return not state.blank_before or starts_lower or dangling(state.bullet[-1])
    if indent(line) != state.item_indent:  # flush or deeper: a wrapped line
        return True
    if ended or starts_lower or dangling(state.bullet[-1]):
        return not ended or starts_lower
    # A capitalised line after one that ends no sentence: a wrapped line, unless the line
    # before stopped well short of the column, where its next word would still have fit.
    first_word = len(text.split(None, 1)[0])
    return state.last_width + 1 + first_word > _column(state) * _SHORT_OF_COLUMN


def wrap_unsure(state: State, line: str) -> bool:
    """A capitalised line read on from one that ends no sentence, in a hard-wrapped list
    whose findings have no glyphs, no blank lines between them and no full stops: it may be
    as well the next finding, and only a guess tells."""
    return (state.bullet is not None and not state.glyphs and not state.paragraphs
            and not state.full_stops and starts_upper(line.strip())
            and indent(line) == state.item_indent and not dangling(state.bullet[-1])
            and _column(state) != float("inf"))


def _column(state: State) -> float:
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
            if lines[index + 1].lstrip()[:1].islower() or dangling(line):
                widths.append(len(line))
        widths.sort()
        state.column = widths[len(widths) * 3 // 4] if len(widths) >= 3 else float("inf")
    return state.column

def join(left: str, right: str, state: State) -> str:
    """Join a wrapped line to its predecessor, mending a hyphen only where a word was split."""
    match = re.search(r"(\w+)-$", left)
    if not match or not right[:1].isalpha():
        return f"{left} {right}"
    head = fold(match.group(1))
    tail = fold(re.split(r"\W", right, maxsplit=1)[0])  # the word the next line starts with
    if _is_compound(head, tail, state):
        return left + right
    return left[:-1] + right


def _is_compound(head: str, tail: str, state: State) -> bool:
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

