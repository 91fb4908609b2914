"""Queries by GCM objective over a library: the findings and their objectives, each profile's
counts per objective (never a score), and profiles side by side on one objective."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mgi_cli.model import KINDS, Domain, DomainFindings, Kind, Profile, ordered_findings
from mgi_cli.record import Record, frozen

if TYPE_CHECKING:
    from mgi_cli.compare import Comparison
    from mgi_cli.gcm import Objective, Tag
    from mgi_cli.library import Library

MAX_SIDE_BY_SIDE = 4


@frozen()
class TaggedFinding(Record):
    """One finding of one of MGI's two lists, with its objectives (main first)."""

    profile: Profile
    domain: Domain
    kind: Kind
    position: int
    text: str
    tags: tuple[Tag, ...]

    @property
    def objectives(self) -> list[int]:
        return [tag.number for tag in self.tags]


def tagged_findings(library: Library, profiles: Sequence[Profile],
                    domain: Domain | None = None, kinds: Sequence[Kind] = KINDS,
                    objective: int | None = None) -> list[TaggedFinding]:
    """The findings of `profiles` in the lists asked for, in profile order, with their tags;
    only those tagged `objective` when one is given."""
    found = []
    for profile in profiles:
        tags = library.tags.of(profile)
        for block, kind, position, text in ordered_findings(profile):
            if kind not in kinds or (domain is not None and block.domain.key != domain.key):
                continue
            tagged = tuple(tags.get((block.domain.key, kind, position), ()))
            if objective is None or any(tag.number == objective for tag in tagged):
                found.append(TaggedFinding(profile, block.domain, kind, position, text, tagged))
    return found


@frozen()
class ObjectiveCounts(Record):
    """How many findings of each list one profile has on one objective (not a score)."""

    objective: Objective
    counts: tuple[tuple[int, int], ...]  # (strengths, gaps) per profile, in profile order


def objective_counts(library: Library, profiles: Sequence[Profile]) -> list[ObjectiveCounts]:
    """Each of the 23 objectives with each profile's findings on it, per list."""
    from mgi_cli.gcm import objectives

    tally = {number: [[0, 0] for _ in profiles] for number in range(1, 24)}
    for column, profile in enumerate(profiles):
        for finding in tagged_findings(library, [profile]):
            for number in dict.fromkeys(finding.objectives):
                tally[number][column][KINDS.index(finding.kind)] += 1
    return [ObjectiveCounts(o, tuple((s, g) for s, g in tally[o.number]))
            for o in objectives()]


def side_by_side(profiles: Sequence[Profile], objective: Objective,
                 on_it: Sequence[TaggedFinding]) -> Comparison:
    """Profiles side by side on one objective: each one's findings on it (`on_it`, as
    tagged_findings gives them), in both lists (a comparison of one row, as `mgi compare`
    shows a domain)."""
    from mgi_cli.compare import Comparison
    from mgi_cli.errors import MgiError

    if not 1 <= len(profiles) <= MAX_SIDE_BY_SIDE:
        raise MgiError(f"Name 1 to {MAX_SIDE_BY_SIDE} profiles to set side by side on an "
                       f"objective ({len(profiles)} are loaded): mgi objectives --objective "
                       f"{objective.number} PROFILE...; or leave out --objective for the table "
                       "of all.")
    row = Domain(f"objective-{objective.number}", objective.number, objective.name)
    cells = []
    for profile in profiles:
        strengths, gaps = (tuple(f.text for f in on_it if f.profile.id == profile.id
                                 and f.kind == kind) for kind in KINDS)
        cells.append(DomainFindings(row, objective.name, strengths=strengths, gaps=gaps))
    return Comparison(tuple(profiles), ((row, tuple(cells)),))
