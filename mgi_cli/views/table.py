"""Model -> rich renderables. Returns, never prints.

Profile text is data: it goes into rich.text.Text objects, never into markup strings, so a
finding that contains "[red]" prints those characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from mgi_cli.model import GAPS, GUESSES, KINDS, STRENGTHS, DomainFindings, Profile
from mgi_cli.wording import (
    LANGUAGE_NAMES,
    LIST_LABELS,
    NOT_A_SCORE,
    NOT_IN_PROFILE,
    SHORT_LABELS,
)

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.check import FileCheck
    from mgi_cli.compare import Comparison
    from mgi_cli.editions import EditionDiff, Pair
    from mgi_cli.query import Term
    from mgi_cli.search import Hit

OVERVIEW_CAPTION = (
    "Each cell: examples of well-developed areas / areas with potential for further "
    f"development; shading shows how many findings a cell holds. {NOT_A_SCORE}"
)
COUNTS_CAPTION = (
    "Findings: examples of well-developed areas / areas with potential for further "
    f"development. {NOT_A_SCORE}"
)


def profile_list(profiles: Sequence[Profile]) -> RenderableType:
    from mgi_cli.grid import Column, Grid

    table = Grid([Column("ID", style="bold"), Column("Name", wrap=True), Column("Level"),
                  Column("Country", wrap=True), Column("Date"), Column("Ed.", "right"),
                  Column("Lang"), Column("Findings", "center")], caption=COUNTS_CAPTION)
    for p in profiles:
        table.add_row(p.id, p.name, p.level, p.country or "—", p.published or "—",
                      str(p.edition), p.language, f"{p.count(STRENGTHS)} / {p.count(GAPS)}")
    return table


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
            lines = textwrap.wrap(text, width, break_on_hyphens=False) or [""]
            for number, line in enumerate(lines):
                if number == 0:
                    yield Segment(first, console.get_style(first_style) if first_style else None)
                else:
                    yield Segment(later)
                yield Segment(line, console.get_style(text_style) if text_style else None)
                yield Segment.line()


def profile_view(
    profile: Profile, blocks: Sequence[DomainFindings], kinds: Sequence[str] = KINDS
) -> RenderableType:
    parts: list[RenderableType] = [profile_header(profile)]
    for block in blocks:
        parts.append(domain_title(block))
        lines = Hanging()
        if not block.present:
            lines.add("  ", f"({NOT_IN_PROFILE})", text_style="dim").add("", "")
        for kind in block.kinds(kinds) if block.present else ():
            lines.add("  ", LIST_LABELS[kind] + _guessed(block, kind), text_style="italic")
            for finding in block.findings(kind) or ():
                lines.add("  • ", finding)
            if not block.findings(kind):
                lines.add("  ", "(none listed)", text_style="dim")
            lines.add("", "")
        parts.append(lines)
    return Group(*parts)


def _guessed(block: DomainFindings, kind: str) -> str:
    """What a reader must know of a list placed by a guess."""
    how = block.placement(kind)
    if how not in GUESSES or not block.findings(kind) or kind not in KINDS:
        return ""
    return f"  [{how}: see mgi check]"


def profile_header(profile: Profile) -> RenderableType:
    country = f"{profile.country} ({profile.country_code})" if profile.country else "—"
    rows = [
        ("Profile", f"{profile.name}  [{profile.id}]"),
        ("Level", profile.level),
        ("Country", country),
        ("Published", profile.published or "—"),
        ("Edition", str(profile.edition)),
        ("Language", LANGUAGE_NAMES.get(profile.language, profile.language)),
        ("Source", profile.source),
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
    number = f"{block.domain.number}. " if block.domain.number else ""
    title = Text(f"{number}{block.domain.name}", style="bold cyan")
    if block.heading and block.heading.casefold() != block.domain.name.casefold():
        title.append(Text(f"  (as written: {block.heading})", style="dim"))
    return title


def comparison_view(comparison: Comparison, kinds: Sequence[str] = KINDS) -> RenderableType:
    from rich.table import Table

    tables = []
    for domain, cells in comparison.rows:
        number = f"{domain.number}. " if domain.number else ""
        table = Table(title=Text(f"{number}{domain.name}", style="bold cyan"), show_lines=True)
        for profile in comparison.profiles:
            table.add_column(Text(f"{profile.name} [{profile.id}]"), overflow="fold", ratio=1)
        for kind in kinds:
            table.add_row(*(_cell(comparison, profile.id, cell, kind)
                            for profile, cell in zip(comparison.profiles, cells, strict=True)))
        tables.append(table)
    if comparison.shared:
        tables.append(Text("≈N marks findings that say nearly the same thing in several "
                           "profiles (mgi compare --shared shows only them).", style="dim"))
    return Group(*tables)


def _cell(comparison: Comparison, profile: str, cell: DomainFindings, kind: str) -> Text:
    text = Text(SHORT_LABELS[kind], style="italic")
    if not cell.present:
        return text.append(f"\n({NOT_IN_PROFILE})", style="dim")
    for finding in cell.findings(kind) or ("(none listed)",):
        text.append("\n• ")
        text.append(finding)
        if mark := comparison.mark(profile, kind, finding):
            text.append(f" ≈{mark}", style="bold magenta")
    return text


def overview_view(profiles: Sequence[Profile]) -> RenderableType:
    from mgi_cli.domains import DOMAINS
    from mgi_cli.grid import Column, Grid

    table = Grid([Column("Profile", style="bold"), *(
        Column(f"{info.domain.number} {_short_name(info.domain.key)}", "center")
        for info in DOMAINS)], caption=OVERVIEW_CAPTION)
    counts = [profile.canonical_counts() for profile in profiles]
    most = max((c.strengths + c.gaps for row in counts for c in row), default=1)
    for profile, row in zip(profiles, counts, strict=True):
        cells: list[str | tuple[str, str]] = []
        for count in row:
            if not count.present:
                cells.append("—")
                continue
            shade = 255 - round(7 * (count.strengths + count.gaps) / max(most, 1))
            cells.append((f"{count.strengths} / {count.gaps}",
                          f"black on color({shade})"))  # light greys: darker = more
        table.add_row(profile.id, *cells)
    return table


def _short_name(key: str) -> str:
    return {"migrants-rights": "Rights", "whole-of-government": "Gov.", "partnerships":
            "Partners", "well-being": "Well-being", "crises": "Crises",
            "safe-migration": "Safe"}[key]


def diff_view(changes: EditionDiff, unchanged: bool = False) -> RenderableType:
    from rich.padding import Padding
    from rich.table import Table

    older, newer = changes.older, changes.newer
    parts: list[RenderableType] = [
        Text(f"{older.name}: {older.id} ({older.published or '—'}) → {newer.id} "
             f"({newer.published or '—'})", style="bold"),
        Text(),
    ]
    for block in changes.domains:
        parts.append(Text(f"{block.domain.number}. {block.domain.name}", style="bold cyan"))
        lines = Table.grid(padding=(0, 1))
        lines.add_column(no_wrap=True)
        lines.add_column(overflow="fold")
        for pair in block.moved:
            lines.add_row(Text("⇄", style="bold magenta"), _moved(pair))
        for pair in block.reversed:
            lines.add_row(Text("≠", style="bold red"), _was(
                _labelled(pair.newer.kind, pair.newer.text), pair))
        same = [p for p in block.kept if p.older.text == p.newer.text]
        for pair in block.kept:
            if unchanged or pair not in same:
                lines.add_row(*_kept(pair))
        if same and not unchanged:
            noun = "finding" if len(same) == 1 else "findings"
            lines.add_row(Text("="), Text(f"{len(same)} {noun} unchanged", style="dim"))
        for item in block.new:
            lines.add_row(Text("+", style="green"), _labelled(item.kind, item.text))
        for item in block.gone:
            lines.add_row(Text("−", style="red"), _labelled(item.kind, item.text))
        if not lines.rows:
            lines.add_row("", Text("(no findings in either edition)", style="dim"))
        parts += [Padding(lines, (0, 0, 0, 2)), Text()]
    parts.append(Text("⇄ moved between the lists · ≠ reversed: says the opposite · = kept · "
                      "~ kept, reworded · + new · − gone", style="dim"))
    return Group(*parts)


def _labelled(kind: str, text: str) -> Text:
    label = Text(f"[{SHORT_LABELS[kind]}] ", style="dim")
    return label + Text(text)


def _kept(pair: Pair) -> tuple[Text, Text]:
    if pair.older.text == pair.newer.text:
        return Text("="), _labelled(pair.newer.kind, pair.newer.text)
    return Text("~", style="yellow"), _was(_labelled(pair.newer.kind, pair.newer.text), pair)


def _moved(pair: Pair) -> Text:
    text = Text(f"{SHORT_LABELS[pair.older.kind]} → {SHORT_LABELS[pair.newer.kind]}: ",
                style="bold")
    text.append(Text(pair.newer.text, style=""))
    return _was(text, pair)


def _was(text: Text, pair: Pair) -> Text:
    """The newer finding's text, then what the older edition said, when it differs (a
    reversed finding is not "similar", whatever words the two share)."""
    if pair.older.text != pair.newer.text:
        how = "said the opposite" if pair.reversed else f"similarity {pair.score:g}"
        text.append(Text(f"\n  was: {pair.older.text}  ({how})", style="dim"))
    return text


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
        parts.append(Text(label, style="dim"))
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
    from rich.table import Table

    from mgi_cli.domains import DOMAINS

    table = Table(show_lines=True)
    table.add_column("No.", justify="right")
    table.add_column("Key", no_wrap=True)
    table.add_column("Name / aliases", overflow="fold")
    table.add_column("What it covers (national / local profiles)", overflow="fold", ratio=1)
    for info in DOMAINS:
        domain = info.domain
        names = Text(domain.name, style="bold")
        names.append("\n" + ", ".join(info.aliases), style="dim")
        covers = Text(f"National: {info.national}\nLocal: {info.local}")
        table.add_row(str(domain.number), domain.key, names, covers)
    return table


def check_view(files: Sequence[FileCheck], summary: str) -> RenderableType:
    from rich.padding import Padding

    parts: list[RenderableType] = []
    for file in files:
        mark = Text("✓ " if file.clean else "✗ ", style="green" if file.clean else "red")
        parts.append(mark + Text(file.source, style="bold"))
        if file.profile:
            p = file.profile
            facts = f"{p.id} · {p.name} · {p.level} · {p.language} · {p.published or '—'}"
            parts.append(Padding(Text(facts), (0, 0, 0, 2)))
            parts.append(Padding(_counts(p), (0, 0, 0, 2)))
        for problem in file.problems:
            parts.append(Padding(Text(_where(problem), style="yellow"), (0, 0, 0, 2)))
        for note in file.notes:
            parts.append(Padding(Text(f"note: {_where(note)}", style="dim"), (0, 0, 0, 2)))
        parts.append(Text())
    parts.append(Text(summary, style="bold"))
    return Group(*parts)


def _where(problem) -> str:
    """'line 12: message', unless the message already names its line."""
    if not problem.line or f"(line {problem.line})" in problem.message:
        return problem.message
    return f"line {problem.line}: {problem.message}"


def _counts(profile: Profile) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("Domain")
    table.add_column("Heading as written", overflow="fold", ratio=1)
    table.add_column("Well-dev.", justify="right")
    table.add_column("Further dev.", justify="right")
    guessed = False
    for block in profile.domains:
        number = f"{block.domain.number} " if block.domain.number else ""
        if not block.present:
            table.add_row(f"{number}{block.domain.key}", Text(NOT_IN_PROFILE, style="dim"),
                          "—", "—")
            continue
        cells = []
        for kind in KINDS:
            mark = "*" if block.placement(kind) in GUESSES else ""
            guessed = guessed or bool(mark)
            cells.append(f"{len(block.findings(kind))}{mark}")
        table.add_row(f"{number}{block.domain.key}", Text(block.heading or "(no heading)"),
                      *cells)
        if block.unsorted:
            table.add_row("", Text("unsorted: no list label", style="dim"),
                          str(len(block.unsorted)), "")
    if guessed:
        table.caption = "* placed by a guess, or unclassified: see below"
        table.caption_justify = "left"
    return table
