"""Results -> plain dicts and JSON text, for other tools to build on: stable keys (new ones
are added, none renamed), UTF-8 text, no colour. Imports no rich."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mgi_cli.dataset import Sourcing, profile_summary, provenance_fields
from mgi_cli.model import KINDS, UNSORTED, DomainFindings, Kind, Placement, Profile
from mgi_cli.views.wording import Objectives

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.check import FileCheck
    from mgi_cli.compare import Comparison
    from mgi_cli.editions import EditionDiff, Pair
    from mgi_cli.gcm import Tag
    from mgi_cli.manifest import Provenance
    from mgi_cli.objective_queries import ObjectiveCounts, TaggedFinding
    from mgi_cli.query import Term
    from mgi_cli.search import Hit


def to_json(data: Any) -> str:
    """Plain, stable JSON: keys in a fixed order, text as UTF-8, no colour."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def profile_dict(profile: Profile, blocks: Sequence[DomainFindings],
                 kinds: Sequence[Kind] = KINDS, objectives: Objectives | None = None,
                 why: bool = False, provenance: Provenance | None = None) -> dict[str, Any]:
    """A profile; with `objectives` (--objectives), each domain's "objectives": per list, each
    finding's numbers in order (and with --why, "why": their cues); last, where its file was
    fetched from and when (null when mgi fetch did not write it)."""
    shown: dict[str, Any] = {
        "id": profile.id,
        "name": profile.name,
        "title": profile.title,
        "level": profile.level,
        "country": profile.country,
        "published": profile.published,
        "edition": profile.edition,
        "source": profile.source,
        "country_code": profile.country_code,
        "implementation": profile.implementation,
        "funding": profile.funding,
        "language": profile.language,
        "domains": [domain_dict(block, kinds) for block in blocks],
        **provenance_fields(provenance),
    }
    if objectives is not None:
        for block, domain in zip(blocks, shown["domains"], strict=True):
            domain.update(_domain_objectives(block, kinds, objectives, why))
    return shown


def _domain_objectives(block: DomainFindings, kinds: Sequence[Kind], objectives: Objectives,
                       why: bool) -> dict[str, Any]:
    def of(kind: Kind, position: int) -> Sequence[Tag]:
        return objectives.get((block.domain.key, kind, position), ())

    lists = {kind: list(enumerate(block.findings(kind), 1)) for kind in block.kinds(kinds)}
    found: dict[str, Any] = {"objectives": {
        kind: [[t.number for t in of(kind, n)] for n, _ in items] for kind, items in lists.items()}}
    if why:
        found["why"] = {kind: [[{"objective": t.number, "cue": t.cue} for t in of(kind, n)]
                               for n, _ in items] for kind, items in lists.items()}
    return found


def domain_dict(block: DomainFindings, kinds: Sequence[Kind] = KINDS) -> dict[str, Any]:
    """A domain and its lists; `null` lists for a domain the profile does not contain, and
    `placed` saying how each list was told: stated, by-number, by-position, unclassified."""
    data: dict[str, Any] = {
        "key": block.domain.key,
        "number": block.domain.number,
        "name": block.domain.name,
        "heading": block.heading if block.present else None,
        "placed": _placed(block, kinds),
    }
    data.update({kind: list(block.findings(kind)) if block.present else None
                 for kind in block.kinds(kinds)})
    return data


def _placed(block: DomainFindings, kinds: Sequence[Kind] = KINDS) -> dict[Kind, Placement] | None:
    return {kind: block.placement(kind) for kind in kinds} if block.present else None


def hit_dict(hit: Hit) -> dict[str, Any]:
    return {
        "profile": hit.profile.id,
        "domain": hit.domain.key,
        "kind": hit.kind,
        "text": hit.text,
        "score": hit.score,
        "position": hit.position,
        "language": hit.profile.language,
        "matched": list(hit.matched),
    }


def search_dict(query: str, hits: Sequence[Hit], total: int,
                terms: Sequence[Term] | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"query": query, "total": total,
                             "hits": [hit_dict(hit) for hit in hits]}
    if terms is not None:
        found["searched"] = [term_dict(term) for term in terms]
    return found


def term_dict(term: Term) -> dict[str, Any]:
    """A query term and the forms it was searched in (--explain)."""
    return {"term": term.typed, "forms": [
        {"form": form.shown, "how": form.how, "languages": list(form.languages) or ["all"],
         "weight": form.weight} for form in term.forms]}


def comparison_dict(comparison: Comparison, kinds: Sequence[Kind] = KINDS) -> dict[str, Any]:
    return {
        "profiles": [p.id for p in comparison.profiles],
        "domains": [
            {
                "key": domain.key,
                "name": domain.name,
                "findings": {
                    profile.id: {kind: list(cell.findings(kind)) for kind in kinds}
                    for profile, cell in zip(comparison.profiles, cells, strict=True)
                },
            }
            for domain, cells in comparison.rows
        ],
        "shared": [
            {"domain": group.domain.key, "score": group.score,
             "items": [{"profile": i.profile, "kind": i.kind, "text": i.text}
                       for i in group.items]}
            for group in comparison.shared
        ],
    }


def profile_list(profiles: Sequence[Profile],
                 sources: Sourcing | None = None) -> list[dict[str, Any]]:
    return [profile_summary(p, sources(p) if sources else None) for p in profiles]


def overview_list(profiles: Sequence[Profile]) -> list[dict[str, Any]]:
    return [
        {"id": p.id, "name": p.name,
         "domains": {c.domain: {"strengths": c.strengths, "gaps": c.gaps}
                     if c.present else None for c in p.canonical_counts()},
         "unsorted": p.count(UNSORTED)}  # in no list or no domain, as `mgi list` counts them
        for p in profiles
    ]


def diff_dict(changes: EditionDiff) -> dict[str, Any]:
    def pair(p: Pair) -> dict[str, Any]:
        return {"from": p.older.text, "to": p.newer.text, "score": p.score,
                "from_kind": p.older.kind, "to_kind": p.newer.kind, "reversed": p.reversed}

    return {
        "from": changes.older.id,
        "to": changes.newer.id,
        "domains": [
            {"key": d.domain.key,
             "kept": [pair(p) for p in d.kept],
             "new": [{"kind": i.kind, "text": i.text} for i in d.new],
             "gone": [{"kind": i.kind, "text": i.text} for i in d.gone],
             "moved": [pair(p) for p in d.moved],
             "reversed": [pair(p) for p in d.reversed]}
            for d in changes.domains
        ],
    }


def check_dict(files: Sequence[FileCheck], summary: str) -> dict[str, Any]:
    return {
        "files": [
            {
                "file": file.source,
                "profile": _check_profile(file.profile) if file.profile else None,
                "clean": file.clean,
                "problems": [{"line": p.line, "message": p.message} for p in file.problems],
                "notes": [{"line": p.line, "message": p.message} for p in file.notes],
                **({"corrections": file.corrections} if file.corrections is not None else {}),
            }
            for file in files
        ],
        "clean": bool(files) and all(file.clean for file in files),
        "summary": summary,
    }


def _check_profile(profile: Profile) -> dict[str, Any]:
    return {
        "id": profile.id,
        "name": profile.name,
        "level": profile.level,
        "language": profile.language,
        "published": profile.published,
        "domains": {
            block.domain.key: {"heading": block.heading, "placed": _placed(block),
                               **{kind: count.of(kind) for kind in block.kinds()}}
            if block.present else None
            for block, count in zip(profile.domains, profile.counts(), strict=True)
        },
    }


def domains_list() -> list[dict[str, Any]]:
    from mgi_cli.domains import DOMAINS

    return [{**vars(i.domain), "aliases": list(i.aliases), "national": i.national,
             "local": i.local} for i in DOMAINS]


def tagged_list(rows: Sequence[TaggedFinding], why: bool = False) -> list[dict[str, Any]]:
    """`mgi findings`: a finding a dict, with its objectives (main first); the cue of each
    with --why."""
    found = []
    for row in rows:
        item: dict[str, Any] = {
            "profile": row.profile.id, "domain": row.domain.key, "kind": row.kind,
            "position": row.position, "text": row.text, "language": row.profile.language,
            "objectives": row.objectives}
        if why:
            item["why"] = [{"objective": tag.number, "cue": tag.cue} for tag in row.tags]
        found.append(item)
    return found


def objectives_list(profiles: Sequence[Profile],
                    counts: Sequence[ObjectiveCounts]) -> list[dict[str, Any]]:
    """`mgi objectives`: each objective, its names, and each profile's counts per list."""
    return [{"objective": row.objective.number, "name": row.objective.name,
             "names": dict(zip(("en", "fr", "es"), row.objective.names, strict=True)),
             "profiles": {p.id: {"strengths": s, "gaps": g}
                          for p, (s, g) in zip(profiles, row.counts, strict=True)}}
            for row in counts]
