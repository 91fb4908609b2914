"""Opening and closing what the parser reads into: domain blocks at headings, lists at
labels, findings at bullets or plain lines; and the end of the findings at a date, a page's
footer or a closing section.
"""

from __future__ import annotations

import re

from mgi_cli import domains, headings, labels
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
    LABEL,
    MARKER,
    PAGE_NUMBER,
    SENTENCE_END,
    SHORT,
    TITLE,
)
from mgi_cli.model import BY_NUMBER, STATED, UNCLASSIFIED, Kind
from mgi_cli.parse_state import Block, ListRun, State, indent
from mgi_cli.text import shorten, starts_upper
from mgi_cli.wrapping import continues, join, wrap_unsure

# Bullets run together on one line, as a copied table cell has them: "... nationals. • The".
_INLINE_GLYPH = re.compile(r"[•●▪■►➢\uf0b7\uf0a7]")
_INLINE_BULLET = re.compile(r"\s+[•●▪■►➢\uf0b7\uf0a7]\s+(?=\S)")
# A footnote's number glued after a sentence: "... on par with nationals.1", at the end of a
# finding or before its next sentence ("... in 2019).2 The law").
_FOOTNOTE_REF = re.compile(r"([.!?])(?<=[^\W\d_].|[)\]\"”’].)\d{1,3}(?=\s+[A-ZÀ-Ý]|\s*$)")
# Word's sub-bullet, a letter "o" before a sub-item ("o\tpreschool;"), under a finding that
# introduces its sub-list (":") or lists its items (";").
_SUB_BULLET = re.compile(r"^o\s+(?=\S)")
PAGE_END = "page-end"  # a date or a web page's footer ended the findings
MAX_PAGE_TEXT_WORDS = 6  # a web page's links after its findings: "County of Kisumu", "Kenya"


def end_findings(state: State, how: str) -> bool:
    """The findings end here, at a date, a web page's footer or a closing section such as
    "Sources" (`how`): what follows is no finding until a heading, label or marker. Before
    the first domain (a date under the title, "Notes" in the introduction) nothing ends."""
    if state.in_introduction or state.block is None:
        return False
    close_bullet(state)
    state.run, state.closed = None, how
    return True


def after_findings(state: State, kind: str, text: str, number: int) -> None:
    """A line after the findings ended: a closing section's, left out; a web page's link,
    left out; anything else reported."""
    if state.closed == BACK_MATTER:
        state.back_matter.append(number)
    elif kind == SHORT and len(text.split()) <= MAX_PAGE_TEXT_WORDS:
        state.left_out.setdefault(CHROME, []).append(number)
    else:
        state.problem(number, f"text outside any list, not a finding: {shorten(text)!r}")


def read_bullet(state: State, line: str, number: int) -> None:
    """A bullet starts a finding; before the first domain it is the introduction's (the MGI
    introduction lists the six domains as bullets), never a finding."""
    glyph = BULLET_GLYPH.match(line)
    text = (line[glyph.end():] if glyph else line).strip()
    if state.block is None:
        introduction_text(state, text)
    else:
        start_bullet(state, text, number, glyph=True)


def start_block(state: State, heading: str, number: int) -> None:
    close_bullet(state)
    state.run = None
    if labels.is_introduction(heading):
        state.block, state.in_introduction = None, True
        return
    state.in_introduction, state.closed = False, None
    state.blocks.append(block := _heading_block(state, heading, number))
    state.block = block


def _heading_block(state: State, heading: str, number: int) -> Block:
    """A block mapped by its heading's meaning, else by its number (placement reports that
    guess), else unclassified and reported here. A heading that names several domains maps
    by meaning to none of them: by its number if it has one, else unclassified."""
    named = headings.heading_domains(heading)
    several = named if len(named) > 1 else ()
    if len(named) == 1:
        return Block(named[0], heading, number, STATED)
    if by_number := headings.heading_number(heading):
        return Block(by_number.key, heading, number, BY_NUMBER, named=several)
    if several:
        state.problem(number, f"heading names {headings.naming(several)}: {heading!r}; its "
                              "findings are unclassified, as mgi cannot tell which it is")
    else:
        state.problem(number, f"heading maps to no MGI domain: {heading!r}")
    return Block(domains.UNCLASSIFIED.key, heading, number, UNCLASSIFIED, named=several)


def start_list(state: State, kind: Kind | None, number: int, label: str) -> None:
    close_bullet(state)
    if state.block is None:
        state.problem(number, "list label outside any domain; its findings are unclassified")
        state.block = Block(domains.UNCLASSIFIED.key, "", number, UNCLASSIFIED)
        state.blocks.append(state.block)
    state.in_introduction, state.closed = False, None
    state.run = ListRun(label, number, kind)
    state.block.lists.append(state.run)
    state.glyphs, state.item_number, state.paragraphs = False, 0, False


def start_bullet(state: State, text: str, number: int, glyph: bool) -> None:
    close_bullet(state)
    if state.block is None:  # a finding with no domain and no list
        state.block = Block(domains.UNCLASSIFIED.key, "", number, UNCLASSIFIED)
        state.blocks.append(state.block)
    if state.run is None:  # findings before any label: placed later, by position or not
        state.run = ListRun("", number, None)
        state.block.lists.append(state.run)
    state.glyphs = state.glyphs or glyph
    state.bullet, state.bullet_line, state.sub_item = [text], number, False


def read_text(state: State, line: str, number: int) -> None:
    text = line.strip()
    if state.bullet is not None and continues(state, line):
        if wrap_unsure(state, line):
            state.problem(number, f"{shorten(text)!r} read as going on from the line above; "
                                  "no glyph, blank line or full stop in this list tells where "
                                  "its findings end")
        sub = _SUB_BULLET.match(text)
        state.sub_item = bool(sub) and (state.sub_item or state.bullet[-1].endswith((":", ";")))
        _extend(state, state.bullet, text[sub.end():] if sub and state.sub_item else text)
    elif state.run is not None and not state.glyphs:
        if not state.run.items and state.bullet is None:
            state.paragraphs = _paragraph_style(state, number - 1)
            state.full_stops = _has_full_stops(state, number - 1)
        start_bullet(state, text, number, glyph=False)
        state.item_indent = indent(line)
    elif state.in_introduction or state.block is None:
        introduction_text(state, text)
    else:
        close_bullet(state)
        state.problem(number, f"text outside any list, not a finding: {shorten(text)!r}")


def _paragraph_style(state: State, index: int) -> bool:
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


def _has_full_stops(state: State, index: int) -> bool:
    """Whether any line of the list that starts here ends a sentence."""
    for kind, line in zip(state.kinds[index:index + 400], state.lines[index:index + 400],
                          strict=False):
        if kind in (LABEL, MARKER, BULLET, DATE, TITLE, BACK_MATTER):
            return False  # the end of the list
        if SENTENCE_END.search(line):
            return True
    return False


def introduction_text(state: State, text: str) -> None:
    close_bullet(state)
    state.prose.append(text)
    if not state.blocks and state.in_introduction:
        state.introduction.append(text)


def close_bullet(state: State) -> None:
    """File the open finding in its list."""
    if state.bullet is None:
        return
    if state.run is not None:
        text, line = "".join(state.bullet).strip(), state.bullet_line
        for part in _INLINE_BULLET.split(text) if _INLINE_GLYPH.search(text) else (text,):
            state.run.items.append((_without_footnote_refs(state, part, line), line))
    state.bullet = None


def _without_footnote_refs(state: State, text: str, line: int) -> str:
    """A finding without the footnote numbers glued after its sentences ("nationals.1")."""
    if not _FOOTNOTE_REF.search(text):
        return text
    for match in _FOOTNOTE_REF.finditer(text):
        state.footnote_refs.append((line, " ".join(text[:match.end()].split()[-3:])))
    return _FOOTNOTE_REF.sub(r"\1", text)


def _extend(state: State, bullet: list[str], text: str) -> None:
    """Add a wrapped line to the open finding (`bullet`). The finding is kept as a list of
    its lines, joined once at the end, so a finding of many lines costs linear time."""
    last = bullet[-1]
    joined = join(last[-80:], text, state)  # only the end of the line decides the joint
    bullet[-1] = last[:-80] + joined[: len(joined) - len(text)]
    bullet.append(text)


