"""Results -> Markdown tables that paste into a report. Plain text, no rich.

In Markdown, profile text is escaped so that it shows as written and never becomes links,
emphasis or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mgi_cli.model import KINDS, DomainFindings, Kind, Profile
from mgi_cli.views.csv import Rows
from mgi_cli.views.wording import (
    LIST_LABELS,
    NOT_A_SCORE,
    NOT_IN_PROFILE,
    NOT_PLACED,
    SHORT_LABELS,
    TAGS_ARE_MGI_S,
    Objectives,
    objectives_note,
)

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.compare import Comparison
    from mgi_cli.manifest import Provenance
    from mgi_cli.objective_queries import ObjectiveCounts

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape(text: Any) -> str:
    """Markdown-safe cell text: special characters escaped, line breaks as <br>."""
    value = "" if text is None else (
        ";".join(map(str, text)) if isinstance(text, list) else str(text))  # objectives
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value).replace("\n", "<br>")


def table(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A GitHub-flavoured Markdown table; cells are escaped by the caller."""
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def rows_table(rows: Rows) -> str:
    columns, records = rows
    return table(columns, [[escape(row[c]) for c in columns] for row in records])


def profile_markdown(profile: Profile, blocks: Sequence[DomainFindings],
                     kinds: Sequence[Kind] = KINDS, objectives: Objectives | None = None,
                     why: bool = False, provenance: Provenance | None = None) -> str:
    parts = [f"# {escape(profile.title or profile.name)}\n"]
    facts = [("Profile", f"{profile.name} ({profile.id})"), ("Level", profile.level),
             ("Country", profile.country), ("Published", profile.published),
             ("Edition", profile.edition), ("Language", profile.language)]
    if provenance is not None:
        facts += [("Source", provenance.url), ("Fetched", provenance.fetched_at[:10])]
    parts.append("\n".join(f"- **{k}:** {escape(v)}" for k, v in facts if v) + "\n")
    for block in blocks:
        parts.append(f"## {escape(block.domain.title)}\n")
        if not block.present:
            parts.append(f"*{NOT_IN_PROFILE}*\n")
            continue
        rows = [[escape(LIST_LABELS[kind]), escape(text)] + (
                    [escape(objectives_note(objectives.get((block.domain.key, kind, n), ()),
                                            why))] if objectives is not None else [])
                for kind in block.kinds(kinds) for n, text in enumerate(block.findings(kind), 1)]
        parts.append(table(["List", "Finding"] + (["GCM"] if objectives is not None else []),
                           rows))
    return "\n".join(parts)


def comparison_markdown(comparison: Comparison, kinds: Sequence[Kind] = KINDS) -> str:
    parts = []
    columns = ["List"] + [escape(f"{p.name} ({p.id})") for p in comparison.profiles]
    for domain, cells in comparison.rows:
        parts.append(f"## {escape(domain.title)}\n")
        rows = []
        for kind in kinds:
            row = [SHORT_LABELS[kind]]
            for profile, cell in zip(comparison.profiles, cells, strict=True):
                items = []
                for text in cell.findings(kind):
                    mark = comparison.mark(profile.id, kind, text)
                    items.append(f"• {escape(text)}" + (f" (≈{mark})" if mark else ""))
                row.append("<br>".join(items) or ("—" if cell.present else NOT_IN_PROFILE))
            rows.append(row)
        parts.append(table(columns, rows))
    if comparison.shared:
        parts.append("(≈N) marks findings that say nearly the same thing in several profiles.\n")
    return "\n".join(parts)


def overview_markdown(rows: Rows) -> str:
    from mgi_cli.domains import DOMAINS

    unsorted = any(row["unsorted"] for row in rows[1])  # a column only when there are any
    header = ["Profile"] + [escape(i.domain.title) for i in DOMAINS] + (
        ["Not placed"] if unsorted else [])
    body = []
    for row in rows[1]:
        cells = [escape(f"{row['name']} ({row['id']})")]
        for info in DOMAINS:
            key = info.domain.key
            strengths, gaps = row[f"{key}_strengths"], row[f"{key}_gaps"]
            cells.append("—" if strengths is None else f"{strengths} / {gaps}")
        body.append(cells + ([str(row["unsorted"])] if unsorted else []))
    note = (f"\nEach cell: examples of well-developed areas / areas with potential for further "
            f"development.{NOT_PLACED if unsorted else ''} {NOT_A_SCORE}\n")
    return table(header, body) + note


def objectives_markdown(profiles: Sequence[Profile], counts: Sequence[ObjectiveCounts]) -> str:
    header = ["Objective"] + [escape(p.id) for p in profiles]
    body = [[escape(f"{row.objective.number}. {row.objective.name}")]
            + [f"{s} / {g}" for s, g in row.counts] for row in counts]
    note = (f"\nEach cell: examples of well-developed areas / areas with potential for further "
            f"development on the objective. {NOT_A_SCORE} {TAGS_ARE_MGI_S}\n")
    return table(header, body) + note
