"""An MGI PDF report -> the lines the text parser reads.

pdfminer.six (MIT licence, pure Python) does the layout analysis: it groups characters into
lines and lines into boxes, and orders the boxes of a two-column page column by column. Here
the running headers and footers that repeat on every page (the title, "MIGRATION GOVERNANCE
INDICATORS", page numbers) are dropped; the parser then joins hard-wrapped lines and mends
words hyphenated at line ends. The report's title comes first: the title set large on page 1,
else the Title in the document's metadata, else (a shortened title) the running header.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mgi_cli.errors import MgiError, UnreadableFile

if TYPE_CHECKING:  # pdfminer ships no types: these are for the reader only
    from collections.abc import Iterable, Iterator

    from pdfminer.layout import LTPage, LTTextLine
    from pdfminer.pdfdocument import PDFDocument

MAX_PAGES = 500  # MGI reports run to about 100 pages
MARGIN = 0.09  # running headers and footers sit in the top and bottom 9% of a page
MAX_TITLE_LINES = 3  # a title set large on a cover wraps onto two or three lines
SIZE_TOLERANCE = 0.5  # points: lines this close in size are set in one size
_PAGE_NUMBER = re.compile(r"^\s*(page\s*)?\d{1,4}(\s*(/|of|de|sur)\s*\d{1,4})?\s*$", re.I)


@dataclass(frozen=True)
class _Line:
    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    in_margin: bool = False
    blank_before: bool = False


def pdf_to_text(path: Path) -> str:
    """The text of a PDF report, running headers and footers removed, its title first."""
    stated = _check_pages(path)
    lines = _read_lines(path)
    if not any(line.text.strip() for line in lines):
        raise UnreadableFile("no text layer (a scanned PDF?); mgi cannot read images")
    running = _running_lines(lines)
    title, used = _title(lines, running, stated)
    kept = [title, ""] if title else []  # a blank line: nothing is read as the title's tail
    for index, line in enumerate(lines):
        if index in used or _is_running(line, running):
            continue
        if line.blank_before:
            kept.append("")
        kept.append(line.text)
    return "\n".join(kept) + "\n"


def _title(lines: list[_Line], running: set[str], stated: str) -> tuple[str, set[int]]:
    """The report's title, and the indexes of the page-1 lines it was read from.

    A running header often reads as a title but is a shortened one ("MIGRATION GOVERNANCE
    INDICATORS REPUBLIC OF KAZAKHSTAN | PROFILE 2018"), so it is the last resort: first the
    title set large on page 1, then the title the document's metadata states.
    """
    from mgi_cli.metadata import is_title

    found = _page_one_title(lines, running)
    if found is not None:
        return found
    if is_title(stated):
        return stated, set()
    headers = [ln.text.strip() for ln in lines
               if ln.in_margin and _key(ln.text) in running and is_title(ln.text)]
    return (headers[0], set()) if headers else ("", set())


def _page_one_title(lines: list[_Line], running: set[str]) -> tuple[str, set[int]] | None:
    """The largest-set text of page 1 that reads as an MGI title: a block of up to
    MAX_TITLE_LINES lines in one font size ("Migration Governance Profile:" / "Republic of
    Kazakhstan"), or one line of a longer block. A title cut after its separator
    ("... Profile:") lacks the place it names, and is no title."""
    from mgi_cli.metadata import is_title

    best: tuple[float, str, set[int]] | None = None
    for block in _size_blocks(lines, running):
        windows = [block] if len(block) <= MAX_TITLE_LINES else [[item] for item in block]
        for window in windows:
            text = " ".join(lines[i].text.strip() for i in window)
            size = _size(lines[window[0]])
            if is_title(text) and not text.endswith((":", "|")) and (
                    best is None or size > best[0] + SIZE_TOLERANCE):
                best = (size, text, set(window))
    return None if best is None else (best[1], best[2])


def _size_blocks(lines: list[_Line], running: set[str]) -> list[list[int]]:
    """Page 1's lines (by index) in runs of consecutive lines set in one font size, running
    headers and page numbers left out."""
    blocks: list[list[int]] = []
    previous: _Line | None = None
    for index, line in enumerate(lines):
        if line.page != 1:
            break
        if _is_running(line, running):
            continue
        if previous is not None and abs(_size(previous) - _size(line)) <= SIZE_TOLERANCE:
            blocks[-1].append(index)
        else:
            blocks.append([index])
        previous = line
    return blocks


def _size(line: _Line) -> float:
    """A line's font size: pdfminer's glyph boxes are one font size high."""
    return line.y1 - line.y0


def _is_running(line: _Line, running: set[str]) -> bool:
    """A running header or footer, or a page number, in a page's margin."""
    return line.in_margin and (_key(line.text) in running or bool(_PAGE_NUMBER.match(line.text)))


def _running_lines(lines: list[_Line]) -> set[str]:
    """Texts that repeat in the margins of several pages (numbers ignored)."""
    pages = len({line.page for line in lines})
    seen = {(line.page, _key(line.text)) for line in lines if line.in_margin}
    counts = Counter(key for _, key in seen)
    needed = max(2, pages // 2)
    return {key for key, count in counts.items() if count >= needed}


def _key(text: str) -> str:
    """Running text compared without its page numbers: 'MGI 3' and 'MGI' are the same."""
    return " ".join(re.sub(r"\d+", " ", text).split()).casefold()


def _read_lines(path: Path) -> list[_Line]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    lines: list[_Line] = []
    try:
        for number, page in enumerate(extract_pages(path, laparams=LAParams()), 1):
            lines += _page_lines(number, page)
    except MgiError:
        raise
    except Exception as error:  # pdfminer raises many types for damaged files
        raise UnreadableFile(_reason(error)) from None
    return lines


def _page_lines(number: int, page: LTPage) -> list[_Line]:
    """A page's lines in reading order: column by column, top to bottom, each line marked
    with its indentation and whether a paragraph gap precedes it."""
    fragments = [
        _Line(number, ln.x0, ln.x1, ln.y0, ln.y1, ln.get_text().strip())
        for ln in _text_lines(page) if ln.get_text().strip()
    ]
    top, bottom = page.y1 - page.height * MARGIN, page.y0 + page.height * MARGIN
    ordered: list[_Line] = []
    for column in map(_merge_baselines, _columns(fragments, page.x0 + page.width / 2)):
        left = min((ln.x0 for ln in column), default=0.0)
        gaps = [a.y0 - b.y0 for a, b in zip(column, column[1:], strict=False) if a.y0 > b.y0]
        leading = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
        previous = None
        for line in column:
            indent = " " * max(0, round((line.x0 - left) / 4))
            gap = previous is not None and previous.y0 - line.y0 > 1.5 * leading
            ordered.append(_Line(number, line.x0, line.x1, line.y0, line.y1, indent + line.text,
                                 line.y0 >= top or line.y1 <= bottom, gap))
            previous = line
    return ordered


def _text_lines(layout: Iterable[object]) -> Iterator[LTTextLine]:
    """Every text line in a page's layout tree, whatever boxes pdfminer put it in."""
    from pdfminer.layout import LTTextLine

    for element in layout:
        if isinstance(element, LTTextLine):
            yield element
        elif hasattr(element, "__iter__"):
            yield from _text_lines(element)


def _merge_baselines(lines: list[_Line]) -> list[_Line]:
    """Fragments on one baseline of a column (a bullet glyph and its text) become one line."""
    merged: list[_Line] = []
    for line in sorted(lines, key=lambda ln: (-round(ln.y0), ln.x0)):
        last = merged[-1] if merged else None
        if last and abs(last.y0 - line.y0) < 2:
            merged[-1] = _Line(last.page, last.x0, line.x1, last.y0, max(last.y1, line.y1),
                               f"{last.text} {line.text}")
        else:
            merged.append(line)
    return merged


def _columns(lines: list[_Line], middle: float) -> list[list[_Line]]:
    """One column, or two when lines sit wholly on each side of the page's middle."""
    left = [ln for ln in lines if ln.x1 <= middle]
    right = [ln for ln in lines if ln.x0 >= middle]
    if len(left) < 3 or len(right) < 3:
        return [sorted(lines, key=lambda ln: -ln.y0)]
    spanning = [ln for ln in lines if ln.x0 < middle < ln.x1]
    first = sorted(spanning + left, key=lambda ln: -ln.y0)
    return [first, sorted(right, key=lambda ln: -ln.y0)]


def _check_pages(path: Path) -> str:
    """Refuse encrypted, damaged or absurdly long PDFs before any layout work; return the
    title the document's metadata states ('' if none), read while the document is open."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            if not document.is_extractable:
                raise UnreadableFile("the PDF forbids text extraction")
            for count, _ in enumerate(PDFPage.create_pages(document), 1):
                if count > MAX_PAGES:
                    raise UnreadableFile(f"over {MAX_PAGES} pages; MGI reports are far shorter")
            return _stated_title(document)
    except MgiError:
        raise
    except Exception as error:
        raise UnreadableFile(_reason(error)) from None


def _stated_title(document: PDFDocument) -> str:
    """The Title in a document's information dictionary, decoded; '' when there is none or
    it cannot be read (a damaged dictionary costs the title, not the report)."""
    from pdfminer.pdftypes import resolve1

    try:
        for info in document.info:
            title = _decode(resolve1(info.get("Title")))
            if title:
                return title
    except Exception:  # pdfminer raises many types for damaged objects
        pass
    return ""


def _decode(value: object) -> str:
    """A PDF text string: UTF-16 or UTF-8 after a byte-order mark, else PDFDocEncoding."""
    from pdfminer.utils import decode_text

    if isinstance(value, bytes):
        if value.startswith(codecs.BOM_UTF8):
            value = value[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
        elif value.startswith(codecs.BOM_UTF16_LE):
            value = value[len(codecs.BOM_UTF16_LE):].decode("utf-16-le", errors="replace")
        else:
            value = decode_text(value)  # UTF-16BE after its mark, or PDFDocEncoding
    return " ".join(value.replace("\x00", "").split()) if isinstance(value, str) else ""


def _reason(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return "an encrypted PDF; open it and save an unprotected copy"
    if isinstance(error, RecursionError | MemoryError):
        return "a PDF too deeply nested or too large to read"
    return f"a damaged or truncated PDF ({name})"
