"""`mgi check`: per file, the profile found, its counts, and everything that could not be placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgi_cli.model import KINDS, UNSORTED, Problem, Profile
from mgi_cli.text import plural

if TYPE_CHECKING:  # names for annotations only: importing them would cost startup
    from mgi_cli.library import Library


@dataclass(frozen=True)
class FileCheck:
    """A file as `mgi check` reports it: clean only when nothing in it was guessed, left
    unplaced or unread. Notes (page furniture dropped, sentences glued by the source) say
    what was done without a guess, and never make a file unclean."""

    source: str
    profile: Profile | None
    problems: tuple[Problem, ...]
    notes: tuple[Problem, ...] = ()
    corrections: int | None = None  # the rows of an mgi-tags.csv used (None: a profile file)

    @property
    def clean(self) -> bool:
        readable = self.profile is not None or self.corrections is not None
        return readable and not self.problems


def check(library: Library) -> list[FileCheck]:
    """One entry per file tried (and per missing path), in the order they were read."""
    problems = library.problems
    by_source = {p.source: p for p in library.profiles}
    sources = list(dict.fromkeys([*library.files, *(p.source for p in problems)]))
    checks = []
    for source in sources:
        found = sorted((p for p in problems if p.source == source), key=lambda p: p.line)
        checks.append(FileCheck(source, by_source.get(source),
                                tuple(p for p in found if not p.note),
                                tuple(p for p in found if p.note)))
    return checks + _corrections(library)


def _corrections(library: Library) -> list[FileCheck]:
    """The data folder's mgi-tags.csv, if it has one: every row that names no finding of the
    loaded profiles, or no GCM objective, reported with its line."""
    from mgi_cli.tags import read_overrides

    path = library.tags.path
    if path is None:
        return []
    rows, problems = read_overrides(path, library.with_findings())
    return [FileCheck(str(path), None, tuple(problems), corrections=len(rows))]


def summary(files: Sequence[FileCheck]) -> str:
    profiles = [f.profile for f in files if f.profile]
    findings = sum(p.count(kind) for p in profiles for kind in (*KINDS, UNSORTED))
    problems = sum(len(f.problems) for f in files)
    notes = sum(len(f.notes) for f in files)
    unread = sum(1 for f in files if f.profile is None and f.corrections is None)
    return (
        f"{plural(len(files), 'file')}, {plural(len(profiles), 'profile')}, "
        f"{plural(findings, 'finding')}, {plural(problems, 'problem')}"
        + (f" ({unread} not read)" if unread else "")
        + (": clean, nothing guessed" if files and all(f.clean for f in files) else "")
        + (f" ({plural(notes, 'note')})" if notes else "")
    )

