"""What the parser holds while it reads a profile's lines: the domain blocks and lists found
so far, the open finding, and what it knows of the list's style (glyphs, blank lines, column).

Shared by the reading steps (parser.py, blocks.py, context.py, wrapping.py) and placement.py;
nothing here decides anything about a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mgi_cli.lines import BLANK, FURNITURE, PAGE_NUMBER
from mgi_cli.model import Kind, Placement, Problem


@dataclass
class ListRun:
    """A run of findings under one label (or under none)."""

    label: str  # as written; "" when the run has no label
    line: int
    stated: Kind | None  # the kind the label names; None when mgi cannot tell
    items: list[tuple[str, int]] = field(default_factory=list)  # (finding, line)


@dataclass
class Block:
    """A domain heading as it occurs, with its lists."""

    key: str
    heading: str
    line: int
    mapped: Placement
    lists: list[ListRun] = field(default_factory=list)
    named: tuple[str, ...] = ()  # the domains a heading names when it names several

    def size(self) -> int:
        return sum(len(run.items) for run in self.lists)


@dataclass
class State:
    """Everything the reading steps share: the lines and their kinds, what was found so far,
    the open block, list and finding, and the problems met."""

    source: str
    lines: list[str]
    kinds: list[str] = field(default_factory=list)  # lines.classify of each line
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    block: Block | None = None
    run: ListRun | None = None  # the open list
    bullet: list[str] | None = None  # the open finding, line by line
    bullet_line: int = 0
    glyphs: bool = False  # the current list marks its items with glyphs (or numbers)
    item_number: int = 0  # the number of the open list's last numbered item
    paragraphs: bool = False  # the current list, without glyphs, sets items apart by blanks
    full_stops: bool = True  # the current list, without glyphs, ends sentences somewhere
    item_indent: int = 0  # in a list without glyphs, the indentation of its items
    blank_before: bool = False
    last_width: int = 0  # the width of the last line read, indentation included
    column: float | None = None  # the width the text is hard-wrapped to (see wrapping._column)
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
def next_text(state: State, index: int) -> int | None:
    """The index of the next line with text that is not page furniture."""
    for following in range(index + 1, min(index + 8, len(state.lines))):
        if state.kinds[following] not in (BLANK, PAGE_NUMBER, FURNITURE):
            return following
    return None

def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))

