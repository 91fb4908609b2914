"""The normalized dataset as flat records: one per finding, one per profile.

These columns are a contract: `mgi export`, the CSV of every command, `Library.findings()` and
the SQLite export's tables all use them. New columns go at the end, since scripts may read them
by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mgi_cli.model import GAPS, KINDS, STRENGTHS, UNSORTED, DomainFindings, Kind, Profile

if TYPE_CHECKING:
    from mgi_cli.gcm import Tag
    from mgi_cli.manifest import Provenance

Record = dict[str, Any]
Rows = tuple[list[str], list[Record]]

FINDING_COLUMNS = ["profile", "profile_name", "level", "country", "published", "domain",
                   "domain_name", "kind", "position", "text", "language", "placed", "objectives",
                   "source_url", "fetched_at"]
# A profile's findings -> their GCM objectives by (domain, list, position): Tags.of.
Tagging = Callable[[Profile], Mapping[tuple[str, str, int], Sequence["Tag"]]]
# A profile -> where its file was fetched from, if it was: Library.provenance.
Sourcing = Callable[[Profile], "Provenance | None"]
PROFILE_COLUMNS = ["id", "name", "level", "country", "published", "edition", "strengths", "gaps",
                   "language", "unsorted", "source_url", "fetched_at"]


def finding_rows(profiles: Iterable[Profile], blocks: Sequence[DomainFindings] | None = None,
                 kinds: Sequence[Kind] = KINDS, tags: Tagging | None = None,
                 sources: Sourcing | None = None) -> Rows:
    """One row per finding: the whole normalized dataset, or the blocks asked for; with
    `tags`, each finding's GCM objectives (a list of numbers, main first); with `sources`,
    the URL its profile was fetched from, and when (else None)."""
    rows = []
    for profile in profiles:
        objectives = tags(profile) if tags is not None else {}
        fetched = provenance_fields(sources(profile) if sources is not None else None)
        for block in blocks if blocks is not None else profile.domains:
            rows += _block_rows(profile, block, kinds, objectives, fetched)
    return FINDING_COLUMNS, rows


def _block_rows(profile: Profile, block: DomainFindings, kinds: Sequence[Kind],
                objectives: Mapping[tuple[str, str, int], Sequence[Tag]],
                fetched: Record) -> list[Record]:
    return [
        {"profile": profile.id, "profile_name": profile.name, "level": profile.level,
         "country": profile.country, "published": profile.published,
         "domain": block.domain.key, "domain_name": block.domain.name, "kind": kind,
         "position": position, "text": text, "language": profile.language,
         "placed": block.placement(kind), "objectives": [
             tag.number for tag in objectives.get((block.domain.key, kind, position), ())],
         **fetched}
        for kind in block.kinds(kinds) for position, text in enumerate(block.findings(kind), 1)
    ]


def provenance_fields(provenance: Provenance | None) -> Record:
    """`source_url` and `fetched_at` (ISO 8601, UTC) of a fetched profile; None for others."""
    if provenance is None:
        return {"source_url": None, "fetched_at": None}
    return {"source_url": provenance.url, "fetched_at": provenance.fetched_at}


def profile_summary(profile: Profile, provenance: Provenance | None = None) -> Record:
    """A profile's facts and its counts: the six domains' two lists, then the findings placed
    in neither (or in no domain), so that the three add up to every finding; then where it
    was fetched from, and when (None for a file mgi fetch did not write)."""
    return {
        "id": profile.id,
        "name": profile.name,
        "level": profile.level,
        "country": profile.country,
        "published": profile.published,
        "edition": profile.edition,
        "strengths": profile.count(STRENGTHS),
        "gaps": profile.count(GAPS),
        "language": profile.language,
        "unsorted": profile.count(UNSORTED),
        **provenance_fields(provenance),
    }


def profile_rows(profiles: Iterable[Profile], sources: Sourcing | None = None) -> Rows:
    return PROFILE_COLUMNS, [profile_summary(p, sources(p) if sources else None)
                             for p in profiles]
