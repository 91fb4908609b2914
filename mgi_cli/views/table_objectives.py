"""Findings by GCM objective as rich renderables: `mgi findings` (a row per finding) and
`mgi objectives` (objectives by profiles, as many profiles a table as the width holds).
Returns, never prints; profile text is data, in plain cells."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from mgi_cli.views.grid import Column, Grid
from mgi_cli.views.wording import NOT_A_SCORE, TAGS_ARE_MGI_S, objective_numbers, short_list

if TYPE_CHECKING:
    from mgi_cli.model import Profile
    from mgi_cli.objective_queries import ObjectiveCounts, TaggedFinding

OBJECTIVE_COLUMN = 28  # "18 Skills development and re…": the label column's room
COUNT_GAP = 2


def findings_view(rows: Sequence[TaggedFinding], why: bool = False) -> RenderableType:
    table = Grid([Column("Profile", style="bold"), Column("Dom.", "right"), Column("List"),
                  Column("#", "right"), Column("GCM", wrap=why), Column("Finding", wrap=True)],
                 caption=f"Dom.: the MGI domain's number; GCM: the objectives, main first. "
                         f"{TAGS_ARE_MGI_S}")
    for row in rows:
        table.add_row(row.profile.id, str(row.domain.number or "—"), short_list(row.kind),
                      str(row.position), objective_numbers(row.tags, why), row.text)
    return table


def objectives_view(profiles: Sequence[Profile], counts: Sequence[ObjectiveCounts],
                    width: int = 80) -> RenderableType:
    """Objectives as rows, profiles as columns (as many a table as the width holds), each cell
    'well-developed / further development'."""
    per_table = max(1, (width - OBJECTIVE_COLUMN) // _cell_width(profiles))
    parts: list[RenderableType] = []
    for start in range(0, len(profiles), per_table):
        chosen = range(start, min(start + per_table, len(profiles)))
        table = Grid([Column("Objective", wrap=True),
                      *(Column(profiles[i].id, "center", style="") for i in chosen)])
        for row in counts:
            table.add_row(f"{row.objective.number} {row.objective.name}",
                          *(_cell(*row.counts[i]) for i in chosen))
        parts += [table, Text()]
    parts.append(Text("Each cell: examples of well-developed areas / areas with potential for "
                      f"further development on the objective; · none. {NOT_A_SCORE} "
                      f"{TAGS_ARE_MGI_S}", style="dim"))
    return Group(*parts)


def _cell_width(profiles: Sequence[Profile]) -> int:
    return max([len("99 / 99"), *(len(p.id) for p in profiles)]) + COUNT_GAP


def _cell(strengths: int, gaps: int) -> str:
    return f"{strengths} / {gaps}" if strengths or gaps else "·"
