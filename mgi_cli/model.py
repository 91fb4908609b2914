"""The data model: frozen records (record.py: dataclass behaviour, cheaper to import) and
nothing else."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from mgi_cli.record import Record, frozen

# The list a finding is in: MGI's two, or neither when the text does not tell.
Kind = Literal["strengths", "gaps", "unsorted"]
STRENGTHS: Kind = "strengths"
GAPS: Kind = "gaps"
KINDS: tuple[Kind, ...] = (STRENGTHS, GAPS)
# Findings whose list could not be told (a run of bullets with no label and nothing to place
# it by): kept, shown and reported, never filed under either list.
UNSORTED: Kind = "unsorted"
LISTS: tuple[Kind, ...] = (STRENGTHS, GAPS, UNSORTED)  # every list, in the order they count

# How a domain or a list got its place: by what the text says, or by a guess mgi check reports.
Placement = Literal["stated", "by-number", "by-position", "unclassified"]
STATED: Placement = "stated"  # a heading or label that names it
BY_NUMBER: Placement = "by-number"  # an unknown heading with a domain number ("Domaine 2 : ")
BY_POSITION: Placement = "by-position"  # an unknown label: lists come well-developed first
UNCLASSIFIED: Placement = "unclassified"  # nothing to place it by
GUESSES: tuple[Placement, ...] = (BY_NUMBER, BY_POSITION, UNCLASSIFIED)
CANONICAL = 6  # a profile's first six domains are MGI's, in order; then its unclassified block


@frozen()
class Domain(Record):
    """One of the six MGI domains (or the extra `unclassified` entry)."""

    key: str
    number: int
    name: str

    @property
    def title(self) -> str:
        """The name after its number ("3. Partnerships"); the unclassified block has none."""
        return f"{self.number}. {self.name}" if self.number else self.name


@frozen(uncompared=("lines",))
class DomainFindings(Record):
    """A domain as one profile writes it: its heading, its two lists, and how each was placed.

    `present` is False for a domain the profile does not contain: "not in this profile", which
    is not the same as a list with nothing in it.
    """

    domain: Domain
    heading: str
    strengths: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    present: bool = True
    # How each list (strengths, gaps) was told: by its label, or, where a guess was made,
    # by its heading's number, by its position, or not at all (unclassified).
    placed: tuple[Placement, Placement] = (STATED, STATED)
    unsorted: tuple[str, ...] = ()  # findings of neither list that could be told
    # The source line of each finding, per list (strengths, gaps, unsorted); () when unknown.
    lines: tuple[tuple[int, ...], ...] = ()

    def findings(self, kind: Kind) -> tuple[str, ...]:
        if kind == UNSORTED:
            return self.unsorted
        return self.strengths if kind == STRENGTHS else self.gaps

    def line(self, kind: Kind, position: int) -> int | None:
        """The source line of a finding (1-based position in its list), when known."""
        try:
            return self.lines[LISTS.index(kind)][position - 1]
        except IndexError:
            return None

    def placement(self, kind: Kind) -> Placement:
        return self.placed[KINDS.index(kind)] if kind in KINDS else UNCLASSIFIED

    def kinds(self, wanted: Sequence[Kind] = KINDS) -> tuple[Kind, ...]:
        """The lists to show for the lists asked for: the unsorted findings go with both."""
        extra = (UNSORTED,) if self.unsorted and set(wanted) == set(KINDS) else ()
        return (*wanted, *extra)


@frozen(uncompared=("aliases",))
class Profile(Record):
    """One MGI profile: metadata, the six domains in canonical order, then (when the text has
    findings under a heading that names no domain) one `unclassified` block."""

    id: str
    name: str
    title: str
    level: str  # "national" or "local"
    country: str | None
    country_code: str | None  # ISO 3166 alpha-3
    published: str | None  # "YYYY-MM", or "YYYY" when only the year is known
    edition: int
    source: str
    domains: tuple[DomainFindings, ...]
    implementation: str | None = None
    funding: str | None = None
    aliases: tuple[str, ...] = ()
    language: str = "en"  # "en", "fr" or "es": the language of its findings

    @property
    def canonical(self) -> tuple[DomainFindings, ...]:
        """MGI's six domains, in their order, whether the profile contains each or not."""
        return self.domains[:CANONICAL]

    @property
    def unclassified(self) -> DomainFindings | None:
        """The findings under headings that name no domain, if there are any."""
        return self.domains[CANONICAL] if len(self.domains) > CANONICAL else None

    def canonical_counts(self) -> tuple[DomainCount, ...]:
        """How many findings each of the six domains holds (the overview's cells)."""
        return self.counts()[:CANONICAL]

    def counts(self) -> tuple[DomainCount, ...]:
        """How many findings each domain holds, in the order of `domains`. A stored profile
        answers from the store, without reading its findings."""
        stored = getattr(self.domains, "counts", None)
        if stored is not None:
            return tuple(stored())
        return tuple(counted(block) for block in self.domains)

    def count(self, kind: Kind) -> int:
        """How many findings one list holds over the six domains, as `mgi list` and the
        overview's cells count them; UNSORTED counts the findings placed in no list or in no
        domain (the unclassified block's). The three add up to every finding."""
        counts = self.counts()
        placed = sum(c.of(kind) for c in counts[:CANONICAL])
        if kind != UNSORTED:
            return placed
        return placed + sum(sum(c.lists()) for c in counts[CANONICAL:])


@frozen()
class DomainCount(Record):
    """How many findings one domain of a profile holds in each list (not a score)."""

    domain: str  # its key
    present: bool  # False: the domain is not in the profile
    strengths: int
    gaps: int
    unsorted: int = 0

    def of(self, kind: Kind) -> int:
        return self.unsorted if kind == UNSORTED else (
            self.strengths if kind == STRENGTHS else self.gaps)

    def lists(self) -> tuple[int, int, int]:
        """The counts in LISTS order: strengths, gaps, unsorted."""
        return self.strengths, self.gaps, self.unsorted


def counted(block: DomainFindings) -> DomainCount:
    return DomainCount(block.domain.key, block.present, len(block.strengths), len(block.gaps),
                       len(block.unsorted))


def ordered_findings(profile: Profile) -> Iterator[tuple[DomainFindings, Kind, int, str]]:
    """(domain block, list, 1-based position, text) of every finding of a profile, in the one
    order findings are numbered in: domains as the profile holds them, then LISTS, then
    position. The store numbers a profile's findings so, and search counts on it."""
    for block in profile.domains:
        for kind in LISTS:
            for position, text in enumerate(block.findings(kind), 1):
                yield block, kind, position, text


@frozen()
class Problem(Record):
    """Something the loader could not place or read, with the line it happened on (0: the file).

    `warn` problems (a finding or file that could not be placed, a guess) are shown by every
    command; the others (a domain the profile lacks) only by `mgi check`. A `note` is not a
    problem: something worth knowing that changed nothing (furniture lines dropped, two
    sentences the source glued together); it never makes a file unclean.
    """

    source: str
    line: int
    message: str
    warn: bool = True
    note: bool = False
