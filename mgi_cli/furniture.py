"""Page furniture in text copied from a PDF viewer: running headers, footers, page numbers.

A PDF viewer copies a report's text with each page's header and footer in it ("MIGRATION
GOVERNANCE INDICATORS  REPUBLIC OF KAZAKHSTAN | PROFILE 2018", "MIGRATION GOVERNANCE
INDICATORS 8"), often in the middle of a sentence or of a word split by a hyphen. Such lines
are told by how they repeat through the file: the same text with a changing number (a page
number) twice or more; or the same short text three times or more, when it also shows where
page breaks are, beside a page number or footer, or cutting a sentence in two. The lines a
profile repeats on purpose are never furniture: "Key findings", domain headings, and list
labels, even ones mgi cannot read ("Looking ahead" before each run of gaps).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from mgi_cli import lines as kinds
from mgi_cli.labels import list_label

MAX_FURNITURE_CHARS = 160
_NUMBERS = re.compile(r"\d+")
_ADDRESS = re.compile(r"www\.|://|@")  # a footer that names a web site or an e-mail


def furniture_lines(lines: Sequence[str]) -> set[int]:
    """The indexes of the lines that are page furniture."""
    seen: dict[str, list[int]] = defaultdict(list)
    numbers: dict[str, set[str]] = defaultdict(set)
    for index, line in enumerate(lines):
        text = line.strip()
        if _could_be_furniture(text):
            key = _key(text)
            seen[key].append(index)
            numbers[key].add(" ".join(_NUMBERS.findall(text)))
    numbered: set[int] = set()
    repeated: list[list[int]] = []
    for key, indexes in seen.items():
        if len(indexes) < 2 or not _spread(indexes) or _is_structure(lines, indexes[0]):
            continue
        if "#" in key and len(numbers[key]) > 1 and not _ends_a_sentence(lines[indexes[0]]):
            numbered.update(indexes)
        elif len(indexes) >= 3:
            repeated.append(indexes)
    found = set(numbered)
    for indexes in repeated:
        if any(_at_page_break(lines, i, numbered) or _cuts_a_sentence(lines, i) for i in indexes):
            found.update(indexes)
    return found


def _ends_a_sentence(line: str) -> bool:
    """A footer ends no sentence; "Convention No. 97." twice is text, not a page number."""
    return bool(kinds.SENTENCE_END.search(line.strip()))


def _neighbours(lines: Sequence[str], index: int) -> tuple[int | None, int | None]:
    """The nearest lines with text before and after a line."""
    before = next((i for i in range(index - 1, max(-1, index - 4), -1) if lines[i].strip()),
                  None)
    after = next((i for i in range(index + 1, min(len(lines), index + 4)) if lines[i].strip()),
                 None)
    return before, after


def _at_page_break(lines: Sequence[str], index: int, numbered: set[int]) -> bool:
    """Next to a numbered footer or a bare page number, as a running header is."""
    return any(i is not None and (i in numbered or kinds.PAGE.match(lines[i]))
               for i in _neighbours(lines, index))


def _cuts_a_sentence(lines: Sequence[str], index: int) -> bool:
    """Between a line of text that has not ended its sentence and the rest of it."""
    before, after = _neighbours(lines, index)
    if before is None or after is None:
        return False
    previous, following = lines[before].strip(), lines[after].strip()
    if kinds.SENTENCE_END.search(previous):
        return False
    kind = kinds.classify(previous)
    if kind in (kinds.BULLET, kinds.PROSE):
        return True
    # A short line is prose cut short when the words go on in lower case after the header,
    # unless it ends a label wrapped over two lines ("... examples of" / "well-developed areas").
    earlier = _neighbours(lines, before)[0]
    ends_label = earlier is not None and list_label(f"{lines[earlier].strip()} {previous}")
    return kind == kinds.SHORT and following[:1].islower() and not ends_label


def _could_be_furniture(text: str) -> bool:
    """Headers and footers are short and have words; they do not go on in lower case from the
    line before, as the wrapped tail of a sentence does ("further development.")."""
    if not text or len(text) > MAX_FURNITURE_CHARS or sum(map(str.isalpha, text)) < 3:
        return False
    return not text[:1].islower() or bool(_ADDRESS.search(text))


def _key(text: str) -> str:
    """A line compared without its numbers and case: 'MGI 8' and 'MGI 9' are the same."""
    return " ".join(_NUMBERS.sub("#", text).casefold().split())


def _spread(indexes: list[int]) -> bool:
    """Repeats far apart, as page headers are; not a line doubled where it stands."""
    return any(b - a > 2 for a, b in zip(indexes, indexes[1:], strict=False))


def _is_structure(lines: Sequence[str], index: int) -> bool:
    """Lines a profile repeats on purpose, alone or as half of a label wrapped over two lines
    ("Migration Governance: examples of" / "well-developed areas"); bare page numbers, which
    the parser drops on their own."""
    kind = kinds.classify(lines[index])
    if kind in (kinds.MARKER, kinds.LABEL, kinds.HEADING, kinds.BULLET, kinds.PAGE_NUMBER):
        return True
    text = lines[index].strip()
    before, after = (lines[i].strip() if i is not None else ""
                     for i in _neighbours(lines, index))
    # Only an unfinished label joins its neighbour: a running header after a whole label
    # ("Areas with potential for further development" / "REPUBLIC OF ... | PROFILE 2018")
    # is still furniture.
    wraps_next = list_label(after) is None and list_label(f"{text} {after}")
    wraps_previous = list_label(before) is None and list_label(f"{before} {text}")
    return bool(wraps_next or wraps_previous)
