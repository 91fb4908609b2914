"""Write a profile as a saved portal page (HTML) or a printed report (PDF), for the tests.

The PDF is laid out the way MGI reports are: a running header (the title) and footer
("MIGRATION GOVERNANCE INDICATORS" and the page number) on every page, findings hard-wrapped
with a hanging indent, long words hyphenated at line ends, real compounds ("well-being")
broken after their own hyphen, and one page set in two columns.
"""

from __future__ import annotations

import html
from pathlib import Path

from mgi_cli.model import Profile

STRENGTHS_LABEL = "Migration Governance: examples of well-developed areas"
GAPS_LABEL = "Areas with potential for further development"


def _entities(text: str) -> str:
    """Escape as a browser-saved page would, with some numeric and named entities."""
    return html.escape(text, quote=False).replace("’", "&#8217;").replace("\u00a0", "&nbsp;")


def write_html(profile: Profile, path: Path, fragment: bool = False) -> None:
    body = [f"<h1>{_entities(profile.title)}</h1>", f"<p>{_date(profile)}</p>"]
    for block in profile.domains:
        body += ["<h2>Key findings</h2>", f"<h3>{_entities(block.heading)}</h3>"]
        for label, items in ((STRENGTHS_LABEL, block.strengths), (GAPS_LABEL, block.gaps)):
            body.append(f"<h4>{label}</h4>\n<ul>")
            body += [f"  <li>{_entities(item)}</li>" for item in items]
            body.append("</ul>")
    main = "\n".join(body)
    if fragment:
        path.write_text(main, encoding="utf-8")
        return
    path.write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{_entities(profile.name)} | Migration data portal</title>
<script>window.dataLayer = []; document.write("<p>Areas with potential</p>");</script>
<style>li::before {{ content: "•"; }}</style>
<link rel="stylesheet" href="{profile.id}_files/style.css"></head>
<body>
<header><nav class="navbar"><ul><li><a href="/">Home</a></li><li>Data</li>
<li>Migration Governance Indicators</li></ul></nav></header>
<div id="cookie-consent" class="eu-cookie-compliance-banner"><p>We use cookies.</p>
<button>Accept</button></div>
<main><article>
{main}
</article></main>
<footer class="site-footer"><p>Migration Governance Indicators &copy; IOM</p>
<ul><li>Privacy</li><li>Contact</li></ul></footer>
</body></html>
""",
        encoding="utf-8",
    )


def _date(profile: Profile) -> str:
    year, month = profile.published.split("-")
    months = ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin", "Juillet", "Août",
              "Septembre", "Octobre", "Novembre", "Décembre"]
    return f"{year} {months[int(month) - 1]}"


# -- PDF ---------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 60.0, 60.0, 70.0, 70.0
GUTTER = 24.0
FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 10.0, 13.0
BULLET_INDENT = 12.0


def write_pdf(profile: Profile, path: Path, two_column_page: int = 2, header: str | None = None,
              cover: float | None = None, stated_title: str | None = None) -> None:
    """A report with running header and footer; page `two_column_page` has two columns.

    `header` is the running header (the title by default), `cover` the font size to set the
    title in at the top of page 1 (no cover by default), `stated_title` the title put in the
    document's metadata (reportlab's "untitled" by default)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H))
    if stated_title is not None:
        canvas.setTitle(stated_title)
    flow = _Flow(canvas, header or profile.title, two_column_page)
    if cover:
        flow.cover(profile.title, cover)
    for block in profile.domains:
        flow.paragraph(block.heading.upper(), BOLD, gap=8)
        for label, items in ((STRENGTHS_LABEL, block.strengths), (GAPS_LABEL, block.gaps)):
            flow.paragraph(label, "Helvetica-Oblique", gap=4)
            for item in items:
                flow.bullet(item)
    flow.paragraph(_date(profile), FONT, gap=10)
    flow.finish(profile.title)
    canvas.save()


class _Flow:
    """Places lines into frames (a column, or one of two), page after page."""

    def __init__(self, canvas, title: str, two_column_page: int) -> None:
        self.canvas, self.title, self.two_column_page = canvas, title, two_column_page
        self.page = 0
        self.frames: list[tuple[float, float]] = []
        self._new_page()

    def _new_page(self) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.canvas.setFont(FONT, 8)
        self.canvas.drawString(LEFT, PAGE_H - 35, self.title)
        self.canvas.drawString(LEFT, 30, "MIGRATION GOVERNANCE INDICATORS")
        self.canvas.drawRightString(PAGE_W - RIGHT, 30, str(self.page))
        width = PAGE_W - LEFT - RIGHT
        if self.page == self.two_column_page:
            half = (width - GUTTER) / 2
            self.frames = [(LEFT, half), (LEFT + half + GUTTER, half)]
        else:
            self.frames = [(LEFT, width)]
        self.x, self.width = self.frames.pop(0)
        self.y = PAGE_H - TOP

    def _line(self, text: str, x_offset: float, font: str) -> None:
        if self.y < BOTTOM:
            if self.frames:
                self.x, self.width = self.frames.pop(0)
                self.y = PAGE_H - TOP
            else:
                self._new_page()
        self.canvas.setFont(font, SIZE)
        self.canvas.drawString(self.x + x_offset, self.y, text)
        self.y -= LEADING

    def cover(self, title: str, size: float) -> None:
        """The title set large, wrapped after its colon as report covers set it."""
        head, _, rest = title.partition(": ")
        for text in (f"{head}:", rest) if rest else (title,):
            self.canvas.setFont(BOLD, size)
            self.canvas.drawString(self.x, self.y - size, text)
            self.y -= size * 1.25
        self.y -= size

    def paragraph(self, text: str, font: str, gap: float) -> None:
        self.y -= gap
        for line in wrap(text, self.width, font):
            self._line(line, 0, font)

    def bullet(self, text: str) -> None:
        self.y -= 3
        lines = wrap(text, self.width - BULLET_INDENT, FONT)
        if self.y < BOTTOM:
            self._line("", 0, FONT)
        self.canvas.setFont(FONT, SIZE)
        self.canvas.drawString(self.x, self.y, "•")
        for line in lines:
            self._line(line, BULLET_INDENT, FONT)

    def finish(self, title: str) -> None:
        self.paragraph(title, FONT, gap=10)


def wrap(text: str, width: float, font: str) -> list[str]:
    """Greedy wrapping; a long word that does not fit is hyphenated, a compound is broken
    after its own hyphen."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fits(candidate: str) -> bool:
        return stringWidth(candidate, font, SIZE) <= width

    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if fits(candidate):
            current = candidate
            continue
        head, tail = _split(word, current, fits)
        if head:
            lines.append(f"{current} {head}".strip())
            current = tail
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return [line for line in lines if line]


def _split(word: str, current: str, fits) -> tuple[str, str]:
    """Where a word may break at a line end: after its own hyphen, or hyphenated in a long
    plain word (at least three letters on each side)."""
    if "-" in word.strip("-"):
        first, rest = word.split("-", 1)
        if fits(f"{current} {first}-".strip()) and first.isalpha():
            return f"{first}-", rest
        return "", word
    if len(word) >= 9 and word.isalpha() and current:
        for cut in range(len(word) - 3, 2, -1):
            if fits(f"{current} {word[:cut]}-"):
                return f"{word[:cut]}-", word[cut:]
    return "", word
