"""The data model: frozen dataclasses and nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field

STRENGTHS = "strengths"
GAPS = "gaps"
KINDS = (STRENGTHS, GAPS)


@dataclass(frozen=True)
class Domain:
    """One of the six MGI domains (or the extra `unclassified` entry)."""

    key: str
    number: int
    name: str


@dataclass(frozen=True)
class DomainFindings:
    """A domain as one profile writes it: its heading and its two lists."""

    domain: Domain
    heading: str
    strengths: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()

    def findings(self, kind: str) -> tuple[str, ...]:
        return self.strengths if kind == STRENGTHS else self.gaps


@dataclass(frozen=True)
class Profile:
    """One MGI profile: metadata and the six domains in canonical order."""

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
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def count(self, kind: str) -> int:
        return sum(len(d.findings(kind)) for d in self.domains)


@dataclass(frozen=True)
class Problem:
    """Something the loader could not place or read, with the line it happened on (0: the file).

    `warn` problems (a finding or file that could not be placed) are shown by every command;
    the others (a domain the profile lacks) only by `mgi check`.
    """

    source: str
    line: int
    message: str
    warn: bool = True
