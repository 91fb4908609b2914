"""Side by side and before/after: `mgi compare` and `mgi diff` as rich renderables.

Profile text is data: it goes into rich.text.Text objects, never into markup strings.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from mgi_cli.model import KINDS, DomainFindings, Kind
from mgi_cli.text import plural
from mgi_cli.views.table import Hanging
from mgi_cli.views.wording import NOT_IN_PROFILE, SHORT_LABELS

if TYPE_CHECKING:  # names for annotations only
    from mgi_cli.compare import Comparison
    from mgi_cli.editions import EditionDiff, Pair

# Narrower than this (or than an id), a column would break words: each profile gets a block.
MIN_COLUMN = 20
SHARED_NOTE = ("≈N marks findings that say nearly the same thing in several profiles "
               "(mgi compare --shared shows only them).")


def comparison_view(comparison: Comparison, kinds: Sequence[Kind] = KINDS,
                    width: int = 80) -> RenderableType:
    """One table per domain, a column per profile; below the width that needs, one block
    per profile under each domain, so no word is cut."""
    count = len(comparison.profiles)
    longest_id = max(len(f"[{p.id}]") for p in comparison.profiles)  # a header never cut
    side_by_side = (width - 3 * count - 1) // count >= max(MIN_COLUMN, longest_id)
    parts: list[RenderableType] = []
    for domain, cells in comparison.rows:
        title = Text(domain.title, style="bold cyan")
        if side_by_side:
            parts.append(_columns(comparison, title, cells, kinds))
        else:
            parts += [title, _blocks(comparison, cells, kinds)]
    if comparison.shared:
        parts.append(Text(SHARED_NOTE, style="dim"))
    return Group(*parts)


def _columns(comparison: Comparison, title: Text, cells: Sequence[DomainFindings],
             kinds: Sequence[Kind]) -> RenderableType:
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    for profile in comparison.profiles:
        table.add_column(Text(f"{profile.name} [{profile.id}]"), overflow="fold", ratio=1)
    for kind in kinds:
        table.add_row(*(_cell(comparison, profile.id, cell, kind)
                        for profile, cell in zip(comparison.profiles, cells, strict=True)))
    return table


def _cell(comparison: Comparison, profile: str, cell: DomainFindings, kind: Kind) -> Text:
    text = Text(SHORT_LABELS[kind], style="italic")
    if not cell.present:
        return text.append(f"\n({NOT_IN_PROFILE})", style="dim")
    for finding in cell.findings(kind) or ("(none listed)",):
        text.append("\n• ")
        text.append(finding)
        if mark := comparison.mark(profile, kind, finding):
            text.append(f" ≈{mark}", style="bold magenta")
    return text


def _blocks(comparison: Comparison, cells: Sequence[DomainFindings],
            kinds: Sequence[Kind]) -> Hanging:
    lines = Hanging()
    for profile, cell in zip(comparison.profiles, cells, strict=True):
        lines.add("", f"{profile.name} [{profile.id}]", text_style="bold")
        if not cell.present:
            lines.add("  ", f"({NOT_IN_PROFILE})", text_style="dim")
        for kind in kinds if cell.present else ():
            lines.add("  ", SHORT_LABELS[kind], text_style="italic")
            for finding in cell.findings(kind):
                mark = comparison.mark(profile.id, kind, finding)
                lines.add("  • ", finding + (f" ≈{mark}" if mark else ""))
            if not cell.findings(kind):
                lines.add("  ", "(none listed)", text_style="dim")
        lines.add("", "")
    return lines


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
        parts.append(Text(block.domain.title, style="bold cyan"))
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
            lines.add_row(Text("="), Text(f"{plural(len(same), 'finding')} unchanged",
                                          style="dim"))
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


def _labelled(kind: Kind, text: str) -> Text:
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


