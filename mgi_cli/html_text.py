"""A saved MGI portal page (or a bare HTML fragment) -> the lines the text parser reads.

The text comes from the document's structure: headings, paragraphs and line breaks become
lines, list items become bullets ("• "), entities are decoded. Scripts, styles, navigation,
cookie banners and footers are skipped. The standard library's html.parser is enough here:
it is not recursive, so a page nested thousands of levels deep costs no more than a flat one.

The page's <title> is the browser tab's name and usually ends with the site's ("Republic of
Kazakhstan | Migration data portal"), so it is kept apart: the body's own title (its h1) is
the profile's title, and the <title>, its site's name cut off, stands in only when the body
has none.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Elements whose content is never profile text.
_SKIPPED = {
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "button", "select", "iframe", "object", "canvas",
}
# Classes and ids that mark page furniture rather than content.
_FURNITURE = re.compile(
    r"cookie|consent|gdpr|navbar|nav-|\bnavigation\b|menu|breadcrumb|footer|sidebar|share|social|skip-link"
    r"|visually-hidden|sr-only",
    re.I,
)
# Elements that start and end a line.
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "pre",
    "figure", "figcaption", "address", "hr", "title", "caption", "details", "summary",
}
# A button that opens and closes a section (an accordion's toggle) carries that section's
# heading; other buttons ("Accept", "Share") are never profile text.
_DISCLOSURE = re.compile(r"accordion|collaps|toggle|expand|disclosure", re.I)
# The open/close sign such a button draws after its text: "Partnerships +", "Partnerships ▼".
_SIGNS = re.compile(r"[\s+−–\-▼▲▾▴▸▹›‹»«⌄⌃˅˄]+$")
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source",
         "track", "wbr", "param"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.page_title: list[str] = []  # the text of <title>, kept out of the lines
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, skipped)
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break(soft=True)
            return
        disclosure = tag == "button" and _is_disclosure(attrs)
        if tag in _BLOCKS or disclosure:
            self._break()
        if tag in _VOID:
            return
        skipped = (tag in _SKIPPED and not disclosure) or _is_furniture(attrs)
        self.stack.append((tag, skipped))
        self.skipping += skipped
        if tag == "li" and not self.skipping:
            self.current.append("• ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self._break()
        elif tag == "button" and ("button", False) in self.stack[-1:]:
            self._break(signs=True)  # a disclosure button's heading, without its sign
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return  # a stray end tag
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self.skipping -= skipped
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.stack and self.stack[-1][0] == "title":
            self.page_title.append(data)
        else:
            self.current.append(data)

    def _break(self, soft: bool = False, signs: bool = False) -> None:
        """End the current line; a block also leaves a blank line, a <br> does not."""
        text = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if signs:
            text = _SIGNS.sub("", text)
        if text and text != "•":
            self.lines.append(text + ("\n" if soft else "\n\n"))
        self.current = []

    def close(self) -> None:
        super().close()
        self._break()


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name in ("class", "id", "role") and value and _FURNITURE.search(value):
            return True
        if name == "aria-hidden" and value == "true":
            return True
    return False


def _is_disclosure(attrs: list[tuple[str, str | None]]) -> bool:
    """A button that opens a section: aria-expanded or aria-controls, or a class or id such
    as "accordion-toggle"."""
    return any(name in ("aria-expanded", "aria-controls") or (
        name in ("class", "id") and value and _DISCLOSURE.search(value))
        for name, value in attrs)


def read_html(path: Path) -> str:
    """A saved page's file -> its text lines (the bytes decoded as a text file's are)."""
    from mgi_cli.plain_text import read_plain

    return html_to_text(read_plain(path))


def html_to_text(html: str) -> str:
    """The text of an HTML page, one block per line, list items as bullets; the page's
    <title> first only when the body has no title of its own."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    title = _page_title(extractor.page_title, extractor.lines)
    return "".join([f"{title}\n\n"] if title else []) + "".join(extractor.lines)


def _page_title(parts: list[str], lines: list[str]) -> str:
    """The <title> text without the site's name, or '' when a body line reads as a title:
    the page's own heading names the profile, the browser tab's name is a shortened copy."""
    from mgi_cli.metadata import is_title, strip_site_name

    title = strip_site_name(re.sub(r"\s+", " ", "".join(parts)).strip())
    if not title or any(is_title(line.strip()) for line in lines):
        return ""
    return title
