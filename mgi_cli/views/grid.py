"""Long tables (`list`, `overview`) laid out by hand, as plain rows of plain cells.

rich's Table measures and renders every cell through its general layout: 1.5 s for 2,500
profiles, when mgi must answer in under half a second. A Grid does the one job those tables
need: columns at their natural width; text columns wrapped at word boundaries when the
terminal is narrower; ids and counts never cut or wrapped. Below the width that needs, each row
becomes a block of "header  value" lines, as gh does, so nothing is lost down to 40 columns.

Cells are data: written as plain segments with control characters removed, never markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text

GAP = "  "  # between columns
INDENT = "  "  # before each field of a stacked row


class Column(NamedTuple):
    header: str
    justify: str = "left"  # "left", "right" or "center"
    wrap: bool = False  # a text column: wraps at word boundaries; else never cut
    style: str = ""


Cell = str | tuple[str, str]  # text, or (text, style)
# C0 and C1 control characters (ESC among them) and DEL: never sent to the terminal.
CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)])


class Grid:
    """A table of plain cells with a header, a rule, and a caption below."""

    def __init__(self, columns: Sequence[Column], caption: str = "",
                 stacked: bool = False) -> None:
        self.columns = tuple(columns)
        self.caption = caption
        self.stacked = stacked  # a block per row at any width: for long prose in many cells
        self.rows: list[tuple[tuple[str, str], ...]] = []

    def add_row(self, *cells: Cell) -> None:
        self.rows.append(tuple(_cell(cell) for cell in cells))

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        width = options.max_width
        widths = None if self.stacked else self._widths(width)
        styles = _Styles(console)
        if widths is None:
            yield from self._stacked(width, styles)
        else:
            yield from self._table(widths, styles, ascii_only=options.ascii_only)
        if self.caption:
            yield Segment.line()
            yield Text(self.caption, style="dim")

    # -- layout --

    def _widths(self, width: int) -> list[int] | None:
        """Each column's width within `width`; None when the table cannot fit. A header may
        wrap at its spaces, a text column at its words; the other cells are never cut."""
        texts = [[row[i][0] for row in self.rows] for i in range(len(self.columns))]
        natural = [max(cell_len(text) for text in (column.header, *cells))
                   for column, cells in zip(self.columns, texts, strict=True)]
        room = width - len(GAP) * (len(self.columns) - 1)
        if sum(natural) <= room:
            return natural
        least = [_longest_word((column.header, *cells)) if column.wrap else max(
                 _longest_word((column.header,)), *(cell_len(text) for text in cells))
                 for column, cells in zip(self.columns, texts, strict=True)]
        spare = room - sum(least)
        if spare < 0:
            return None
        slack = sum(natural) - sum(least)  # > 0: the table did not fit at its natural width
        return [low + (high - low) * spare // slack
                for low, high in zip(least, natural, strict=True)]

    def _table(self, widths: list[int], styles: _Styles, ascii_only: bool) -> Iterator[Segment]:
        header = tuple((column.header, "bold") for column in self.columns)
        yield from self._row(header, widths, styles, header=True)
        yield Segment(("-" if ascii_only else "─") * (sum(widths) + len(GAP) * (len(widths) - 1)))
        yield Segment.line()
        for row in self.rows:
            yield from self._row(row, widths, styles)

    def _row(self, row: tuple[tuple[str, str], ...], widths: list[int], styles: _Styles,
             header: bool = False) -> Iterator[Segment]:
        cells = [_wrap(text, width) if header or column.wrap else [text]
                 for (text, _), width, column in zip(row, widths, self.columns, strict=True)]
        for number in range(max(len(lines) for lines in cells)):
            for i, (lines, width, column) in enumerate(zip(cells, widths, self.columns,
                                                           strict=True)):
                text = lines[number] if number < len(lines) else ""
                if i:
                    yield Segment(GAP)
                style = row[i][1] or column.style
                yield Segment(_justified(text, width, column.justify), styles.get(style))
            yield Segment.line()

    def _stacked(self, width: int, styles: _Styles) -> Iterator[Segment]:
        """One block a row: the first cell as its title, then each other field on its line."""
        label = max(cell_len(column.header) for column in self.columns[1:])
        room = max(1, width - len(INDENT) - label - len(GAP))
        for number, row in enumerate(self.rows):
            if number:
                yield Segment.line()
            yield Segment(row[0][0], styles.get(row[0][1] or self.columns[0].style or "bold"))
            yield Segment.line()
            for column, (text, style) in zip(self.columns[1:], row[1:], strict=True):
                yield from self._field(column.header, text, style, (label, room, width),
                                       styles)

    def _field(self, header: str, text: str, style: str, space: tuple[int, int, int],
               styles: _Styles) -> Iterator[Segment]:
        """One field of a stacked row: beside its header, or below it when a word of it is
        wider than the room beside it (a word is cut only wider than the terminal)."""
        label, room, width = space
        lines = _wrap(text, room)
        beside = all(cell_len(line) <= room for line in lines)
        if not beside:
            lines = [""] + _wrap(text, max(1, width - 2 * len(INDENT)), fold=True)
        for index, line in enumerate(lines):
            name = header if index == 0 else ""
            lead = INDENT + name + " " * (label - cell_len(name)) + GAP if beside or not index \
                else INDENT * 2
            yield Segment(lead, styles.get("bold"))
            yield Segment(line, styles.get(style))
            yield Segment.line()


class _Styles:
    """Style names parsed once per print, not once per cell."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.parsed: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if not name:
            return None
        if name not in self.parsed:
            self.parsed[name] = self.console.get_style(name)
        return self.parsed[name]


def _cell(cell: Cell) -> tuple[str, str]:
    text, style = (cell, "") if isinstance(cell, str) else cell
    text = " ".join(text.split())  # one line: a cell's own line breaks are not the layout's
    return (text if text.isprintable() else text.translate(CONTROLS)), style


def _longest_word(texts: Sequence[str]) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def _justified(text: str, width: int, justify: str) -> str:
    space = width - cell_len(text)
    if justify == "right":
        return " " * space + text
    if justify == "center":
        return " " * (space // 2) + text + " " * (space - space // 2)
    return text + " " * space


def _wrap(text: str, width: int, fold: bool = False) -> list[str]:
    """Lines of at most `width` cells, broken between words; a word longer than a line is
    cut only when `fold` (a stacked row's last resort), else it overflows."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while fold and cell_len(word) > width:
            if line:
                lines.append(line)
                line = ""
            head = _cut(word, width)
            lines.append(head)
            word = word[len(head):]
        if not line:
            line = word
        elif cell_len(line) + 1 + cell_len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _cut(word: str, width: int) -> str:
    """The longest start of `word` that fits `width` cells (at least one character)."""
    end = 1
    while end < len(word) and cell_len(word[:end + 1]) <= width:
        end += 1
    return word[:end]
