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

What a line is given its neighbours is context.py; whether it goes on from the line above,
wrapping.py; opening blocks, lists and findings, blocks.py. At the end (placement.py) each
block is mapped to its domain (by meaning, else by its number, else unclassified) and each
list to its kind (by its label, else by its position: MGI lists come well-developed first,
then further development, else unsorted), and every guess is reported; assemble.py builds
the Profile, and parse_notes.py notes what was set aside.
"""

from __future__ import annotations

import re

from mgi_cli.assemble import build
from mgi_cli.blocks import (
    PAGE_END,
    after_findings,
    close_bullet,
    end_findings,
    read_bullet,
    read_text,
    start_block,
    start_bullet,
    start_list,
)
from mgi_cli.context import (
    continued_heading,
    is_date_line,
    is_heading,
    label_at,
    numbered_item,
    title_at,
    unknown_label,
    wrapped_heading,
)
from mgi_cli.dates import parse_date
from mgi_cli.errors import MgiError
from mgi_cli.furniture import furniture_lines
from mgi_cli.lines import (
    BACK_MATTER,
    BLANK,
    BULLET,
    CHROME,
    DATE,
    FOOTNOTE,
    FURNITURE,
    HEADING,
    MARKER,
    PAGE_NUMBER,
    TITLE,
    classify,
    closes_findings,
)
from mgi_cli.model import KINDS, UNCLASSIFIED, Problem, Profile
from mgi_cli.parse_notes import note_furniture, note_left_out, note_page_breaks
from mgi_cli.parse_state import State
from mgi_cli.text import clean, fold
from mgi_cli.wrapping import is_dash_continuation


class NotAProfile(MgiError):
    """The text holds no MGI findings."""


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
    state = State(source, split_lines(text))
    furniture = furniture_lines(state.lines)
    state.kinds = [FURNITURE if i in furniture else classify(line)
                   for i, line in enumerate(state.lines)]
    unbroken = re.sub(r"\w+-[ \t]*\r?\n\s*\w+", " ", fold(text))  # without split words
    state.vocabulary = set(re.findall(r"\w+", unbroken))
    state.compounds = {f"{a}-{b}" for a, b in re.findall(r"(\w+)-(\w+)", unbroken)}
    index = 0
    while index < len(state.lines):
        index = _read_line(state, index)
    close_bullet(state)
    if not _has_structure(state):
        raise NotAProfile(f"{source}: no MGI domain headings or findings found")
    note_furniture(state, sorted(furniture))
    note_left_out(state)
    note_page_breaks(state)
    return build(state), state.problems


def _has_structure(state: State) -> bool:
    """A profile has a domain heading, both MGI lists or an MGI title; a notes file with a
    few bullets, even under one label-like line ("Areas to strengthen:"), has none."""
    if state.title or any(block.mapped != UNCLASSIFIED for block in state.blocks):
        return True
    stated = {run.stated for block in state.blocks for run in block.lists}
    return set(KINDS) <= stated


def _read_line(state: State, index: int) -> int:
    """Consume the line at index (sometimes two); return the index of the next one."""
    if _set_aside(state, index):
        return index + 1
    line = state.lines[index]
    consumed = _read_structure(state, index)
    state.blank_before = False
    state.after_marker = False
    state.last_width = len(line.rstrip())
    return consumed


def _set_aside(state: State, index: int) -> bool:
    """Whether the line is one no finding reads: a blank, page furniture, a page's own text or
    a footnote, a heading repeated at a page top, a closing section's title, or a "Key
    findings" marker. Each leaves its trace in the state."""
    kind, text = state.kinds[index], state.lines[index].strip()
    if kind == BLANK:
        state.blank_before = True
    elif kind in (FURNITURE, PAGE_NUMBER):
        pass  # page furniture: as if the page break were not there
    elif kind in (CHROME, FOOTNOTE):
        state.left_out.setdefault(kind, []).append(index + 1)
        if kind == CHROME and closes_findings(text):
            end_findings(state, PAGE_END)  # "Related profiles", "Privacy policy"
        # never a finding; a sentence cut by a footnote reads on
    elif kind == HEADING and continued_heading(state, text):
        state.continued.append(index + 1)  # the domain goes on over a page break
    elif kind == BACK_MATTER and end_findings(state, BACK_MATTER):
        state.back_matter.append(index + 1)
    elif kind == MARKER:
        close_bullet(state)
        state.after_marker, state.closed = True, None
    else:
        return False
    return True


def _read_structure(state: State, index: int) -> int:
    """A label, a date, a title, a line after the findings ended, else what _read_content
    reads; the index after it (a label or a title may be wrapped over two lines)."""
    kind, text, number = state.kinds[index], state.lines[index].strip(), index + 1
    label, consumed = label_at(state, index)
    if label:
        start_list(state, label, number, text)
    elif kind == DATE and is_date_line(state, index):
        close_bullet(state)
        end_findings(state, PAGE_END)
        state.published = state.published or parse_date(text)
    elif kind == TITLE:
        close_bullet(state)
        title, consumed = title_at(state, index)
        state.title = state.title or title
    elif state.closed and wrapped_heading(state, index) is None and not is_heading(
            state, index):
        after_findings(state, kind, text, number)
    else:
        return _read_content(state, index)
    return consumed


def _read_content(state: State, index: int) -> int:
    """A bullet, a numbered finding, a domain heading (perhaps wrapped), a label mgi cannot
    name, or plain text, in that order of precedence; the index after it."""
    kind, line, number = state.kinds[index], state.lines[index], index + 1
    if kind == BULLET and not is_dash_continuation(state, line):
        read_bullet(state, line, number)
    elif (item := numbered_item(state, index)) is not None:
        start_bullet(state, item, number, glyph=True)
    elif (wrapped := wrapped_heading(state, index)) is not None:
        start_block(state, wrapped[0], number)
        return wrapped[1]
    elif is_heading(state, index):
        start_block(state, line.strip(), number)
    elif (unknown := unknown_label(state, index)) is not None:
        start_list(state, None, number, unknown[0])
        return unknown[1]
    else:
        read_text(state, line, number)
    return number
