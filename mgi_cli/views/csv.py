"""Model and results -> flat rows (column names, list of dicts) for CSV, Markdown and SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mgi_cli.domains import DOMAINS
from mgi_cli.model import KINDS, DomainFindings, Profile

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.compare import Comparison
    from mgi_cli.search import Hit

Rows = tuple[list[str], list[dict[str, Any]]]

# New columns go at the end: scripts may read these by position.
FINDING_COLUMNS = ["profile", "profile_name", "level", "country", "published", "domain",
                   "domain_name", "kind", "position", "text", "language", "placed"]
PROFILE_COLUMNS = ["id", "name", "level", "country", "published", "edition", "strengths", "gaps",
                   "language"]


def finding_rows(profiles: Sequence[Profile], blocks=None, kinds=KINDS) -> Rows:
    """One row per finding: the whole normalized dataset, or the blocks asked for."""
    rows = []
    for profile in profiles:
        for block in blocks if blocks is not None else profile.domains:
            rows += _block_rows(profile, block, kinds)
    return FINDING_COLUMNS, rows


def _block_rows(profile: Profile, block: DomainFindings, kinds) -> list[dict[str, Any]]:
    return [
        {"profile": profile.id, "profile_name": profile.name, "level": profile.level,
         "country": profile.country, "published": profile.published,
         "domain": block.domain.key, "domain_name": block.domain.name, "kind": kind,
         "position": position, "text": text, "language": profile.language,
         "placed": block.placement(kind)}
        for kind in block.kinds(kinds) for position, text in enumerate(block.findings(kind), 1)
    ]


def profile_rows(profiles: Sequence[Profile]) -> Rows:
    from mgi_cli.serialize import profile_summary

    return PROFILE_COLUMNS, [profile_summary(p) for p in profiles]


def hit_rows(hits: Sequence[Hit]) -> Rows:
    columns = ["profile", "domain", "domain_name", "kind", "position", "score", "language",
               "matched", "text"]
    return columns, [
        {"profile": h.profile.id, "domain": h.domain.key, "domain_name": h.domain.name,
         "kind": h.kind, "position": h.position, "score": h.score,
         "language": h.profile.language, "matched": "; ".join(h.matched), "text": h.text}
        for h in hits
    ]


def comparison_rows(comparison: Comparison, kinds=KINDS) -> Rows:
    columns = ["domain", "domain_name", "profile", "kind", "position", "shared", "text"]
    rows = []
    for domain, cells in comparison.rows:
        for profile, cell in zip(comparison.profiles, cells, strict=True):
            for kind in kinds:
                for position, text in enumerate(cell.findings(kind), 1):
                    rows.append({"domain": domain.key, "domain_name": domain.name,
                                 "profile": profile.id, "kind": kind, "position": position,
                                 "shared": comparison.mark(profile.id, kind, text),
                                 "text": text})
    return columns, rows


def overview_rows(profiles: Sequence[Profile]) -> Rows:
    columns = ["id", "name"] + [f"{i.domain.key}_{k}" for i in DOMAINS for k in KINDS]
    rows = []
    for profile in profiles:
        row: dict[str, Any] = {"id": profile.id, "name": profile.name}
        for count in profile.canonical_counts():  # empty cells: a domain not in this profile
            for kind in KINDS:
                row[f"{count.domain}_{kind}"] = count.of(kind) if count.present else None
        rows.append(row)
    return columns, rows
