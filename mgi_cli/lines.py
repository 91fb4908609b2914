"""What one line of profile text is, on its own: the parser's first, pure step.

`classify` looks at a single line and says what it could be: a blank, a page number, a
section marker, a list label mgi can name, a bullet, a date, a title, a domain heading, a
short line (the shape of a heading or of a label mgi cannot name) or prose. What a line *is*
can also depend on its neighbours (a short line before a run of bullets is a label, a line
after an unfinished sentence continues it): that is the parser's part, which places each line
and says why.
"""

from __future__ import annotations

import re

from mgi_cli import domains, labels, metadata

BLANK = "blank"
FURNITURE = "furniture"  # a running header or footer (see furniture.py)
PAGE_NUMBER = "page-number"
MARKER = "marker"  # "Key findings" and its kind
LABEL = "label"  # a list label whose meaning mgi can tell
BULLET = "bullet"  # a line that starts with a bullet glyph
DATE = "date"
TITLE = "title"
HEADING = "heading"  # a short line that names a domain, or carries a domain number
SHORT = "short"  # short and not a sentence: a heading or label mgi cannot name, or prose
PROSE = "prose"

BULLET_GLYPH = re.compile(r"^\s*(?:\(cid:\d+\)|[•●▪◦▫■□‣⁃∙·○►▶➢✓\uf0b7\uf0a7*\-–—])\s*(?=\S)")
PAGE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of|de|sur)\s*\d{1,3})?\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?;]['\"”’)\]]*$")


def classify(line: str) -> str:
    """The kind of one line, judged on its own (see the module docstring)."""
    text = line.strip()
    if not text:
        return BLANK
    if PAGE.match(text):
        return PAGE_NUMBER
    if labels.is_section_marker(text):
        return MARKER
    if BULLET_GLYPH.match(line):
        return BULLET
    if labels.list_label(text) and not domains.heading_number(text):
        return LABEL
    if metadata.parse_date(text):
        return DATE
    if metadata.is_title(text):
        return TITLE
    if is_heading_text(text) and (domains.normalize_heading(text) or domains.heading_number(text)):
        return HEADING
    return SHORT if labels.is_label_shaped(text) else PROSE


def is_heading_text(text: str) -> bool:
    """Short enough for a heading, and not a sentence."""
    return (len(text.split()) <= domains.MAX_HEADING_WORDS
            and not text.rstrip().endswith((".", ";", ",")))
