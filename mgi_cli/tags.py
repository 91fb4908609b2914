"""Each finding's GCM objectives: as the rules gave them (gcm.py; kept in the store when a file
is read, so a command reads them and never tags again), with the analyst's corrections from
the data folder's mgi-tags.csv applied on top.

mgi-tags.csv has a header line and one row per corrected finding:

    profile,domain,kind,position,objectives
    kazakhstan,partnerships,strengths,2,23;5
    kyrgyzstan,crises,gaps,1,

`objectives` are numbers 1-23 separated by ";", the main one first; empty means none. Lines
starting with "#" are comments. `mgi check` reports every row it cannot use, with its line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mgi_cli.model import KINDS, Kind, Problem, Profile, ordered_findings

if TYPE_CHECKING:
    from mgi_cli.gcm import Tag
    from mgi_cli.store import Store

OVERRIDES = "mgi-tags.csv"
COLUMNS = ["profile", "domain", "kind", "position", "objectives"]
Place = tuple[str, str, int]  # a finding's domain key, list and position
Row = tuple[str, str, str, int]  # profile id, domain key, list, position


class Tags:
    """The objectives of every finding of a library, read once per command."""

    def __init__(self, store: Store | None, folder: Path | None) -> None:
        self._store, self._folder = store, folder
        self._stored: dict[int, dict[int, list[tuple[int, str]]]] | None = None
        self._overrides: dict[Row, tuple[int, ...]] | None = None
        self._of: dict[str, dict[Place, tuple[Tag, ...]]] = {}
        self.problems: list[Problem] = []  # mgi-tags.csv's rows that cannot be used

    def of(self, profile: Profile) -> dict[Place, tuple[Tag, ...]]:
        """(domain, list, position) -> the finding's objectives, main first."""
        if profile.id not in self._of:
            self._of[profile.id] = self._tagged(profile)
        return self._of[profile.id]

    def has(self, profile: Profile, place: Place, objective: int) -> bool:
        """Whether a finding is tagged with an objective."""
        return any(tag.number == objective for tag in self.of(profile).get(place, ()))

    def ordered(self, profile: Profile) -> list[tuple[Tag, ...]]:
        """The objectives of a profile's findings in the order model.ordered_findings gives
        them (as the store and the export write them), corrections applied."""
        return list(self.of(profile).values())  # `of` is built in that order

    def _tagged(self, profile: Profile) -> dict[Place, tuple[Tag, ...]]:
        ruled = self._ruled(profile)
        overrides = self.overrides()
        found: dict[Place, tuple[Tag, ...]] = {}
        for (block, kind, position, _), tags in zip(ordered_findings(profile), ruled,
                                                     strict=True):
            place = (block.domain.key, kind, position)
            corrected = overrides.get((profile.id, *place))
            found[place] = tags if corrected is None else _corrected(corrected)
        return found

    @property
    def path(self) -> Path | None:
        """The data folder's mgi-tags.csv, when there is one."""
        path = self._folder / OVERRIDES if self._folder else None
        return path if path is not None and path.is_file() else None

    def overrides(self) -> dict[Row, tuple[int, ...]]:
        """The corrections of mgi-tags.csv, its well-formed rows (mgi check reports the
        others, and the rows that name no finding)."""
        if self._overrides is None:
            path = self.path
            rows, self.problems = read_overrides(path) if path else ([], [])
            self._overrides = dict(rows)
        return self._overrides

    def _ruled(self, profile: Profile) -> list[tuple[Tag, ...]]:
        from mgi_cli.gcm import Tag, tag_profile

        key = getattr(profile.domains, "key", None)
        if self._store is not None and key is not None:
            if self._stored is None:
                self._stored = self._store.objectives()
            stored = self._stored.get(key, {})
            return [tuple(Tag(number, cue) for number, cue in stored.get(ordinal, ()))
                    for ordinal, _ in enumerate(ordered_findings(profile))]
        return tag_profile(profile)


def _corrected(numbers: Sequence[int]) -> tuple[Tag, ...]:
    from mgi_cli.gcm import Tag

    return tuple(Tag(number, OVERRIDES) for number in numbers)


def read_overrides(path: Path, profiles: Iterable[Profile] = ()
                   ) -> tuple[list[tuple[Row, tuple[int, ...]]], list[Problem]]:
    """The rows of an mgi-tags.csv, and a Problem (with its line) for each row that cannot be
    used: a bad header, list, position or number; with `profiles`, also an unknown profile or
    domain, or a position past the end of its list."""
    known = {p.id: p for p in profiles}
    rows: list[tuple[Row, tuple[int, ...]]] = []
    problems: list[Problem] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(str(path), 0, f"cannot be read: {error}")]
    numbered = [(n, line) for n, line in enumerate(lines, 1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered or [c.strip() for c in next(csv.reader([numbered[0][1]]))] != COLUMNS:
        first = numbered[0][0] if numbered else 0
        return [], [Problem(str(path), first, f"the header must be {','.join(COLUMNS)}")]
    lines_of: dict[Row, int] = {}
    for number, text in numbered[1:]:
        row, why = _row(next(csv.reader([text])), known)
        if row is None:
            problems.append(Problem(str(path), number, why))
            continue
        if row[0] in lines_of:
            problems.append(Problem(str(path), number, f"names the finding of line "
                                    f"{lines_of[row[0]]} again; this later row is used"))
        lines_of[row[0]] = number
        rows.append(row)
    return rows, problems


def _row(cells: list[str], known: dict[str, Profile]
         ) -> tuple[tuple[Row, tuple[int, ...]] | None, str]:
    """One row of mgi-tags.csv, or None and why it cannot be used."""
    if len(cells) != len(COLUMNS):
        return None, f"expected {len(COLUMNS)} columns ({','.join(COLUMNS)}), got {len(cells)}"
    profile, domain, kind, position, objectives = (cell.strip() for cell in cells)
    if domain.isdigit() and 1 <= int(domain) <= 6:  # a domain's number, as --domain takes it
        from mgi_cli.domains import DOMAINS

        domain = DOMAINS[int(domain) - 1].domain.key
    if kind not in KINDS:
        return None, f"list {kind!r} is neither strengths nor gaps"
    if not position.isdigit() or int(position) < 1:
        return None, f"position {position!r} is not a number from 1"
    numbers = [n.strip() for n in objectives.split(";") if n.strip()]
    bad = [n for n in numbers if not n.isdigit() or not 1 <= int(n) <= 23]
    if bad:
        return None, f"objective {bad[0]!r} is not a GCM objective (1-23)"
    place: Row = (profile, domain, kind, int(position))
    why = _unknown(place, known) if known else ""
    if why:
        return None, why
    return (place, tuple(dict.fromkeys(int(n) for n in numbers))), ""


def _unknown(place: Row, known: dict[str, Profile]) -> str:
    """Why a row names no finding of the loaded profiles; "" when it does."""
    profile_id, domain, kind, position = place
    profile = known.get(profile_id)
    if profile is None:
        return f"no profile {profile_id!r} is loaded"
    block = next((b for b in profile.domains if b.domain.key == domain), None)
    if block is None:
        return f"no domain {domain!r} (use a key, as mgi domains lists them)"
    listed = block.findings(_kind(kind))
    if position > len(listed):
        return (f"{profile_id} {domain} {kind} has {len(listed)} findings, not {position}")
    return ""


def _kind(kind: str) -> Kind:
    return KINDS[0] if kind == KINDS[0] else KINDS[1]
