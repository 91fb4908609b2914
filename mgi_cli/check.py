"""`mgi check`: per file, the profile found, its counts, and everything that could not be placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgi_cli.model import Problem, Profile

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.catalog import Catalog
    from mgi_cli.loader import LoadResult


@dataclass(frozen=True)
class FileCheck:
    source: str
    profile: Profile | None
    problems: tuple[Problem, ...]


def check(result: LoadResult, catalog: Catalog) -> list[FileCheck]:
    """One entry per file tried (and per missing path), in the order they were read."""
    problems = [*result.problems, *catalog.problems]
    by_source = {p.source: p for p in catalog.profiles}
    sources = list(dict.fromkeys([*result.files, *(p.source for p in problems)]))
    return [
        FileCheck(
            source,
            by_source.get(source),
            tuple(sorted((p for p in problems if p.source == source), key=lambda p: p.line)),
        )
        for source in sources
    ]


def summary(files: Sequence[FileCheck]) -> str:
    profiles = [f.profile for f in files if f.profile]
    findings = sum(p.count("strengths") + p.count("gaps") for p in profiles)
    problems = sum(len(f.problems) for f in files)
    unread = sum(1 for f in files if f.profile is None)
    return (
        f"{_plural(len(files), 'file')}, {_plural(len(profiles), 'profile')}, "
        f"{_plural(findings, 'finding')}, {_plural(problems, 'problem')}"
        + (f" ({unread} not read)" if unread else "")
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
