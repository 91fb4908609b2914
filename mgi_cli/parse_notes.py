"""Notes on what the parser set aside, each with its line: page furniture, page text and
footnotes, headings repeated at a page top, closing sections, footnote numbers, and sentences
the source ran together. A note changes nothing; it never makes a file unclean.
"""

from __future__ import annotations

import re

from mgi_cli.lines import BACK_MATTER, CHROME, FOOTNOTE, PAGE_NUMBER
from mgi_cli.parse_state import State
from mgi_cli.text import plural, shorten

# A sentence end with the next sentence glued on: `countries."The National Bank`.
_GLUED = re.compile(r"[a-z]{2}[.!?]['\"”’)]*[A-Z][a-z]")
def note_glued_sentences(state: State) -> None:
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


def note_furniture(state: State, furniture: list[int]) -> None:
    """How many lines of page furniture were set aside, with one for example."""
    if not furniture:
        return
    pages = sum(1 for kind in state.kinds if kind == PAGE_NUMBER)
    example = state.lines[furniture[0]].strip()
    count = plural(len(furniture) + pages, "line")
    state.problem(furniture[0] + 1, f"{count} of page furniture dropped (running headers, "
                                    f"footers, page numbers), such as {shorten(example)!r}",
                  warn=False, note=True)


def note_left_out(state: State) -> None:
    """The page's own words and footnotes set aside, never findings."""
    names = {CHROME: "page text (download links, sharing, copyright)", FOOTNOTE: "footnotes"}
    for kind, numbers in state.left_out.items():
        example = state.lines[numbers[0] - 1].strip()
        where = ", ".join(map(str, numbers[:5])) + (", …" if len(numbers) > 5 else "")
        state.problem(numbers[0], f"{plural(len(numbers), 'line')} of {names[kind]} left out of "
                                  f"the findings (lines {where}), such as "
                                  f"{shorten(example)!r}", warn=False, note=True)


def note_page_breaks(state: State) -> None:
    """Headings repeated "(continued)", closing sections and footnote numbers, set aside."""
    if state.continued:
        first = state.continued[0]
        state.problem(first, f"{plural(len(state.continued), 'heading')} repeated at a page "
                             f"top read as the domain going on ({_lines(state.continued)}), "
                             f"such as {shorten(state.lines[first - 1].strip())!r}",
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


