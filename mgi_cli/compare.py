"""Profiles side by side: one row per domain, one column per profile, shared findings marked."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgi_cli.domains import UNCLASSIFIED
from mgi_cli.errors import MgiError
from mgi_cli.model import KINDS, Domain, DomainFindings, Kind, Profile

if TYPE_CHECKING:
    from mgi_cli.search import Corpus
    from mgi_cli.similarity import Similarity

MIN_PROFILES, MAX_PROFILES = 2, 4
# Whether a finding stays: its profile, domain key, list, position in its list, and text.
Keep = Callable[[Profile, str, Kind, int, str], bool]


@dataclass(frozen=True)
class Item:
    """One finding in a comparison."""

    profile: str
    kind: Kind
    text: str


@dataclass(frozen=True)
class Shared:
    """Findings of two or more profiles that say nearly the same thing."""

    number: int  # 1, 2, ... in the order they appear, for the marks in the table
    domain: Domain
    score: float  # the weakest link between its findings, 0-100
    items: tuple[Item, ...]


Row = tuple[Domain, tuple[DomainFindings, ...]]  # a domain, and one cell per profile


@dataclass(frozen=True)
class Comparison:
    profiles: tuple[Profile, ...]
    rows: tuple[Row, ...]
    shared: tuple[Shared, ...] = ()

    def only_shared(self) -> Comparison:
        """The comparison cut down to its shared findings (and the domains that have any)."""
        return self.only(lambda profile, domain, kind, position, text: bool(
            self.mark(profile.id, kind, text)))

    def only(self, keep: Keep) -> Comparison:
        """The comparison cut down to the findings `keep(profile, domain, kind, position,
        text)` accepts, positions those of the profile's own lists (and the domains with
        any)."""
        rows = []
        for domain, cells in self.rows:
            kept = tuple(self._kept(profile, cell, keep)
                         for profile, cell in zip(self.profiles, cells, strict=True))
            if any(c.strengths or c.gaps for c in kept):
                rows.append((domain, kept))
        return Comparison(self.profiles, tuple(rows), self.shared)

    def _kept(self, profile: Profile, cell: DomainFindings, keep: Keep) -> DomainFindings:
        strengths, gaps = (tuple(text for position, text in self.numbered(profile.id, cell, kind)
                                 if keep(profile, cell.domain.key, kind, position, text))
                           for kind in KINDS)
        return DomainFindings(cell.domain, cell.heading, strengths, gaps)

    def numbered(self, profile: str, cell: DomainFindings,
                 kind: Kind) -> list[tuple[int, str]]:
        """A cell's findings with their 1-based positions in the profile's own list, which
        cutting the comparison down to its shared findings must not renumber."""
        owner = next(p for p in self.profiles if p.id == profile)
        whole = next((b for b in owner.domains if b.domain.key == cell.domain.key), cell)
        listed, numbered, start = whole.findings(kind), [], 0
        for text in cell.findings(kind):  # a cell's findings are its profile's, in order
            start = listed.index(text, start) + 1
            numbered.append((start, text))
        return numbered

    def mark(self, profile: str, kind: Kind, text: str) -> int | None:
        """The number of the shared group a finding belongs to, if any."""
        for group in self.shared:
            if Item(profile, kind, text) in group.items:
                return group.number
        return None


def compare(
    profiles: Sequence[Profile],
    domain: Domain | None = None,
    corpus: Sequence[Profile] | None = None,
    index: Corpus | None = None,
) -> Comparison:
    """Align the domains of two to four profiles; only `domain` when one is given.

    Shared findings are scored against the vocabulary of `corpus` (all loaded profiles),
    whose search index (`index`, a search.Corpus) is built when not given.
    """
    if len({p.id for p in profiles}) != len(profiles):
        raise MgiError("The same profile is named twice; compare different profiles.")
    if not MIN_PROFILES <= len(profiles) <= MAX_PROFILES:
        raise MgiError(f"Compare {MIN_PROFILES} to {MAX_PROFILES} profiles, not {len(profiles)}.")
    keys = [d.domain.key for d in profiles[0].canonical]
    if any(d.domain.key == UNCLASSIFIED.key for p in profiles for d in p.domains):
        keys.append(UNCLASSIFIED.key)
    if domain is not None:
        keys = [domain.key]
    rows: list[Row] = []
    for key in keys:
        cells = tuple(_cell(profile, key) for profile in profiles)
        rows.append((cells[0].domain, cells))
    similarity = _similarity(corpus or profiles, index)
    return Comparison(tuple(profiles), tuple(rows), _shared(profiles, rows, similarity))


def _cell(profile: Profile, key: str) -> DomainFindings:
    for block in profile.domains:
        if block.domain.key == key:
            return block
    return DomainFindings(UNCLASSIFIED, "")


def _similarity(corpus: Sequence[Profile], index: Corpus | None) -> Similarity:
    from mgi_cli.similarity import Similarity

    return Similarity(corpus, index)


def _shared(profiles: Sequence[Profile], rows: Sequence[Row], similarity: Similarity
            ) -> tuple[Shared, ...]:
    """Groups of findings from different profiles, linked by scores >= the threshold."""
    from mgi_cli.similarity import SHARED_THRESHOLD

    groups: list[Shared] = []
    for domain, cells in rows:
        items = [Item(p.id, kind, text) for p, cell in zip(profiles, cells, strict=True)
                 for kind in KINDS for text in cell.findings(kind)]
        links = [
            (i, j, score)
            for i, first in enumerate(items)
            for j, second in enumerate(items[i + 1:], i + 1)
            if first.profile != second.profile
            and (score := similarity.score(first.text, second.text)) >= SHARED_THRESHOLD
        ]
        for members, weakest in _components(len(items), links):
            group = [items[i] for i in members]
            if len({item.profile for item in group}) > 1:
                groups.append(Shared(len(groups) + 1, domain, weakest, tuple(group)))
    return tuple(groups)


def _components(size: int, links: list[tuple[int, int, float]]) -> list[tuple[list[int], float]]:
    """Connected groups of linked items, each with its weakest link, in item order."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j, _ in links:
        parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(size):
        groups.setdefault(root(i), []).append(i)
    weakest: dict[int, float] = {}
    for i, _, score in links:
        weakest[root(i)] = min(score, weakest.get(root(i), 100.0))
    return [(members, weakest[head]) for head, members in groups.items() if head in weakest]
