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

Record = dict[str, Any]
Rows = tuple[list[str], list[Record]]

FINDING_COLUMNS = ["profile", "profile_name", "level", "country", "published", "domain",
                   "domain_name", "kind", "position", "text", "language", "placed", "objectives"]
# A profile's findings -> their GCM objectives by (domain, list, position): Tags.of.
Tagging = Callable[[Profile], Mapping[tuple[str, str, int], Sequence["Tag"]]]
PROFILE_COLUMNS = ["id", "name", "level", "country", "published", "edition", "strengths", "gaps",
                   "language", "unsorted"]


def finding_rows(profiles: Iterable[Profile], blocks: Sequence[DomainFindings] | None = None,
                 kinds: Sequence[Kind] = KINDS, tags: Tagging | None = None) -> Rows:
    """One row per finding: the whole normalized dataset, or the blocks asked for; with
    `tags`, each finding's GCM objectives (a list of numbers, main first)."""
    rows = []
    for profile in profiles:
        objectives = tags(profile) if tags is not None else {}
        for block in blocks if blocks is not None else profile.domains:
            rows += _block_rows(profile, block, kinds, objectives)
    return FINDING_COLUMNS, rows


def _block_rows(profile: Profile, block: DomainFindings, kinds: Sequence[Kind],
                objectives: Mapping[tuple[str, str, int], Sequence[Tag]]) -> list[Record]:
    return [
        {"profile": profile.id, "profile_name": profile.name, "level": profile.level,
         "country": profile.country, "published": profile.published,
         "domain": block.domain.key, "domain_name": block.domain.name, "kind": kind,
         "position": position, "text": text, "language": profile.language,
         "placed": block.placement(kind), "objectives": [
             tag.number for tag in objectives.get((block.domain.key, kind, position), ())]}
        for kind in block.kinds(kinds) for position, text in enumerate(block.findings(kind), 1)
    ]


def profile_summary(profile: Profile) -> Record:
    """A profile's facts and its counts: the six domains' two lists, then the findings placed
    in neither (or in no domain), so that the three add up to every finding."""
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
    }


def profile_rows(profiles: Iterable[Profile]) -> Rows:
    return PROFILE_COLUMNS, [profile_summary(p) for p in profiles]
