"""Results -> rich renderables for people at a terminal (table_compare.py: side by side).
Returns, never prints: terminal.py prints.

Profile text is data: it goes into rich.text.Text objects, never into markup strings, so a
finding that contains "[red]" prints those characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from mgi_cli.model import (
    GAPS,
    GUESSES,
    KINDS,
    STRENGTHS,
    UNSORTED,
    DomainFindings,
    Kind,
    Problem,
    Profile,
)
from mgi_cli.text import plural
from mgi_cli.views.grid import Column, Grid
from mgi_cli.views.wording import (
    LANGUAGE_NAMES,
    LIST_LABELS,
    NOT_A_SCORE,
    NOT_IN_PROFILE,
    NOT_PLACED,
    SHORT_LABELS,
    Objectives,
    objectives_note,
)

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.check import FileCheck
    from mgi_cli.manifest import Provenance
    from mgi_cli.query import Term
    from mgi_cli.search import Hit

CELLS = ("Each cell: examples of well-developed areas / areas with potential for further "
         "development, in the six domains")
UNSORTED_NOTE = "(+N: findings placed in neither list or in no domain; see mgi check)"


def profile_list(profiles: Sequence[Profile]) -> RenderableType:
    table = Grid([Column("ID", style="bold"), Column("Name", wrap=True), Column("Level"),
                  Column("Country", wrap=True), Column("Date"), Column("Ed.", "right"),
                  Column("Lang"), Column("Findings", "center")], caption=_caption(
                      "Findings", any(p.count(UNSORTED) for p in profiles)))
    for p in profiles:
        table.add_row(p.id, p.name, p.level, p.country or "—", p.published or "—",
                      str(p.edition), p.language, _findings(p))
    return table


def _findings(profile: Profile) -> str:
    """'12 / 8' over the six domains, as the overview counts them, '+3' for the rest."""
    unsorted = profile.count(UNSORTED)
    counts = f"{profile.count(STRENGTHS)} / {profile.count(GAPS)}"
    return f"{counts} +{unsorted}" if unsorted else counts


def _caption(what: str, unsorted: bool, shading: bool = False) -> str:
    """What the counts are (and are not); the findings in no list or domain said apart."""
    caption = CELLS.replace("Each cell", what)
    if shading:
        caption += "; shading shows how many findings a cell holds"
    if unsorted and what == "Findings":
        caption += f" {UNSORTED_NOTE}"
    return f"{caption}.{NOT_PLACED if unsorted and what != 'Findings' else ''} {NOT_A_SCORE}"


class Hanging:
    """Lines wrapped with a hanging indent ("  • " first, "    " after), by textwrap.

    A whole profile is mostly bullets; laying each list out as a rich table grid costs more
    than all the rest of `mgi show`, for the same text on screen. Profile text goes out as
    plain segments: never markup.
    """

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, first: str, text: str, later: str = "", text_style: str = "",
            first_style: str = "") -> Hanging:
        self.rows.append((first, later or " " * len(first), text, text_style, first_style))
        return self

    def __rich_console__(self, console, options):
        import textwrap

        from rich.segment import Segment

        for first, later, text, text_style, first_style in self.rows:
            width = max(20, options.max_width - len(first))
            # Ids and paths are names: never broken at a hyphen or cut, even when wider.
            lines = textwrap.wrap(text, width, break_on_hyphens=False,
                                  break_long_words=False) or [""]
            for number, line in enumerate(lines):
                if number == 0:
                    yield Segment(first, console.get_style(first_style) if first_style else None)
                else:
                    yield Segment(later)
                yield Segment(line, console.get_style(text_style) if text_style else None)
                yield Segment.line()


def profile_view(
    profile: Profile, blocks: Sequence[DomainFindings], kinds: Sequence[Kind] = KINDS,
    objectives: Objectives | None = None, why: bool = False,
    provenance: Provenance | None = None,
) -> RenderableType:
    """The header, then each domain's lists; with `objectives`, each finding's beside it."""
    parts: list[RenderableType] = [profile_header(profile, provenance)]
    for block in blocks:
        parts.append(domain_title(block))
        lines = Hanging()
        if not block.present:
            lines.add("  ", f"({NOT_IN_PROFILE})", text_style="dim").add("", "")
        for kind in block.kinds(kinds) if block.present else ():
            lines.add("  ", LIST_LABELS[kind] + _guessed(block, kind), text_style="italic")
            for position, finding in enumerate(block.findings(kind), 1):
                lines.add("  • ", finding)
                if objectives is not None:
                    tags = objectives.get((block.domain.key, kind, position), ())
                    lines.add("    ", objectives_note(tags, why), text_style="dim")
            if not block.findings(kind):
                lines.add("  ", "(none listed)", text_style="dim")
            lines.add("", "")
        parts.append(lines)
    return Group(*parts)


def _guessed(block: DomainFindings, kind: Kind) -> str:
    """What a reader must know of a list placed by a guess."""
    how = block.placement(kind)
    if how not in GUESSES or not block.findings(kind) or kind not in KINDS:
        return ""
    return f"  [{how}: see mgi check]"


def profile_header(profile: Profile, provenance: Provenance | None = None) -> RenderableType:
    """The profile's facts, a line each. A fetched profile's source is the URL it was fetched
    from (whole: a name is never cut), with the day; its file is then named apart."""
    country = f"{profile.country} ({profile.country_code})" if profile.country else "—"
    source = [("Source", profile.source)] if provenance is None else [
        ("Source", provenance.url), ("Fetched", provenance.fetched_at[:10]),
        ("File", profile.source)]
    rows = [
        ("Profile", f"{profile.name}  [{profile.id}]"),
        ("Level", profile.level),
        ("Country", country),
        ("Published", profile.published or "—"),
        ("Edition", str(profile.edition)),
        ("Language", LANGUAGE_NAMES.get(profile.language, profile.language)),
        *source,
        ("Implementation", profile.implementation),
        ("Funding", profile.funding),
    ]
    lines = Hanging()
    for label, value in rows:
        if value:
            lines.add(f"{label:<15}", value, first_style="bold")
    title = Text(profile.title or profile.name, style="bold underline")
    return Group(title, lines, Text())


def domain_title(block: DomainFindings) -> Text:
    title = Text(block.domain.title, style="bold cyan")
    if block.heading and block.heading.casefold() != block.domain.name.casefold():
        title.append(Text(f"  (as written: {block.heading})", style="dim"))
    return title


def overview_view(profiles: Sequence[Profile], colors: int = 0) -> RenderableType:
    """Profiles by the six domains; on a terminal with colours, darker cells hold more."""
    from mgi_cli.domains import DOMAINS

    unsorted = [profile.count(UNSORTED) for profile in profiles]
    table = Grid([Column("Profile", style="bold"), *(
        Column(f"{info.domain.number} {_short_name(info.domain.key)}", "center")
        for info in DOMAINS), *([Column("Not placed", "right")] if any(unsorted) else [])],
        caption=_caption("Each cell", any(unsorted), shading=bool(colors)))
    counts = [profile.canonical_counts() for profile in profiles]
    totals = [c.strengths + c.gaps for row in counts for c in row if c.present] or [0]
    least, span = min(totals), max(1, max(totals) - min(totals))
    for profile, row, apart in zip(profiles, counts, unsorted, strict=True):
        cells: list[str | tuple[str, str]] = []
        for count in row:
            if not count.present:
                cells.append("—")
                continue
            shade = _shade((count.strengths + count.gaps - least) / span, colors)
            cells.append((f"{count.strengths} / {count.gaps}", shade))
        table.add_row(profile.id, *cells, *([str(apart)] if any(unsorted) else []))
    return table


# Eight-colour terminals have no greys: four steps of emphasis instead, still in order.
EMPHASIS = ("dim", "", "bold", "bold reverse")


def _shade(share: float, colors: int) -> str:
    """The style of a cell `share` of the way from the emptiest cell to the fullest."""
    if colors >= 256:
        return f"black on color({255 - round(7 * share)})"  # light greys: darker = more
    return EMPHASIS[min(3, int(share * 4))] if colors else ""


def _short_name(key: str) -> str:
    return {"migrants-rights": "Rights", "whole-of-government": "Gov.", "partnerships":
            "Partners", "well-being": "Well-being", "crises": "Crises",
            "safe-migration": "Safe"}[key]


def search_view(query: str, hits: Sequence[Hit], total: int,
                terms: Sequence[Term] | None = None) -> RenderableType:
    from rich.padding import Padding

    shown = f"{len(hits)} of {total}" if len(hits) < total else str(total)
    noun = "finding matches" if total == 1 else "findings match"
    parts: list[RenderableType] = [Text(f"{shown} {noun} {query!r}", style="bold"), Text()]
    if terms is not None:
        parts += [explanation(terms), Text()]
    for hit in hits:
        label = f"{hit.profile.id} · {hit.profile.language} · {hit.domain.name} · " \
                f"{SHORT_LABELS[hit.kind]}"
        parts.append(Hanging().add("", label, text_style="dim"))
        text = Text(hit.text)
        for start, end in hit.spans:
            text.stylize("bold reverse", start, end)
        parts.append(Padding(text, (0, 0, 1, 2)))
    return Group(*parts)


def explanation(terms: Sequence[Term]) -> RenderableType:
    """Each term, then the forms it was searched in, by how they were found (--explain)."""
    lines = Hanging()
    for term in terms:
        lines.add("Searched ", f"{term.typed!r}:", first_style="bold")
        by_how: dict[str, list[str]] = {}
        for form in term.forms:
            where = "/".join(form.languages) if form.languages else "all"
            by_how.setdefault(form.how, []).append(f"{form.shown} ({where})")
        for how, forms in by_how.items():
            lines.add(f"  {how}: ", "; ".join(forms), later="    ")
    return lines


def domains_view() -> RenderableType:
    """The six domains, a block each: their prose would make a table's columns too thin."""
    from mgi_cli.domains import DOMAINS

    table = Grid([Column("Domain", style="bold cyan"), Column("Key"), Column("Aliases"),
                  Column("National"), Column("Local")], stacked=True,
                 caption="National, Local: what the domain covers in each kind of profile.")
    for info in DOMAINS:
        table.add_row(info.domain.title, info.domain.key, ", ".join(info.aliases),
                      info.national, info.local)
    return table


def check_view(files: Sequence[FileCheck], summary: str) -> RenderableType:
    from rich.padding import Padding

    parts: list[RenderableType] = []
    for file in files:
        mark = Text("✓ " if file.clean else "✗ ", style="green" if file.clean else "red")
        # A path is a name: never cut, even where it is wider than the terminal.
        parts.append(Text.assemble(mark, (file.source, "bold"), no_wrap=True,
                                   overflow="ignore"))
        if file.profile:
            p = file.profile
            facts = f"{p.id} · {p.name} · {p.level} · {p.language} · {p.published or '—'}"
            parts.append(Hanging().add("  ", facts))
            parts.append(Padding(_counts(p), (0, 0, 0, 2)))
        if file.corrections is not None:
            parts.append(Hanging().add("  ", f"GCM objective corrections: "
                                             f"{plural(file.corrections, 'row')} used"))
        for problem in file.problems:
            parts.append(Padding(Text(_where(problem), style="yellow"), (0, 0, 0, 2)))
        for note in file.notes:
            parts.append(Padding(Text(f"note: {_where(note)}", style="dim"), (0, 0, 0, 2)))
        parts.append(Text())
    parts.append(Text(summary, style="bold"))
    return Group(*parts)


def _where(problem: Problem) -> str:
    """'line 12: message', unless the message already names its line."""
    if not problem.line or f"(line {problem.line})" in problem.message:
        return problem.message
    return f"line {problem.line}: {problem.message}"


def _counts(profile: Profile) -> RenderableType:
    """Per domain: the heading as written and each list's count, * where a guess placed it."""
    table = Grid([Column("Domain", style="bold"), Column("Heading as written", wrap=True),
                  Column("Well-dev.", "right"), Column("Further dev.", "right")])
    guessed = False
    for block, count in zip(profile.domains, profile.counts(), strict=True):
        key = f"{block.domain.number or ''} {block.domain.key}".strip()  # unclassified: no 0
        if not block.present:
            table.add_row(key, (NOT_IN_PROFILE, "dim"), "—", "—")
            continue
        cells = []
        for kind in KINDS:
            mark = "*" if block.placement(kind) in GUESSES else ""
            guessed = guessed or bool(mark)
            cells.append(f"{count.of(kind)}{mark}")
        table.add_row(key, block.heading or "(no heading)", *cells)
        if count.unsorted:
            table.add_row("", ("unsorted: no list label", "dim"), str(count.unsorted), "")
    if guessed:
        table.caption = "* placed by a guess, or unclassified: see below"
    return table
