"""Profiles side by side: one row per domain, one column per profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mgi_cli.domains import UNCLASSIFIED
from mgi_cli.errors import MgiError
from mgi_cli.model import Domain, DomainFindings, Profile

MIN_PROFILES, MAX_PROFILES = 2, 4


@dataclass(frozen=True)
class Comparison:
    profiles: tuple[Profile, ...]
    rows: tuple[tuple[Domain, tuple[DomainFindings, ...]], ...]  # one cell per profile


def compare(profiles: Sequence[Profile], domain: Domain | None = None) -> Comparison:
    """Align the domains of two to four profiles; only `domain` when one is given."""
    if len({p.id for p in profiles}) != len(profiles):
        raise MgiError("The same profile is named twice; compare different profiles.")
    if not MIN_PROFILES <= len(profiles) <= MAX_PROFILES:
        raise MgiError(f"Compare {MIN_PROFILES} to {MAX_PROFILES} profiles, not {len(profiles)}.")
    keys = [d.domain.key for d in profiles[0].domains[:6]]
    if any(d.domain.key == UNCLASSIFIED.key for p in profiles for d in p.domains):
        keys.append(UNCLASSIFIED.key)
    if domain is not None:
        keys = [domain.key]
    rows = []
    for key in keys:
        cells = tuple(_cell(profile, key) for profile in profiles)
        rows.append((cells[0].domain, cells))
    return Comparison(tuple(profiles), tuple(rows))


def _cell(profile: Profile, key: str) -> DomainFindings:
    for block in profile.domains:
        if block.domain.key == key:
            return block
    return DomainFindings(UNCLASSIFIED, "")
