"""A store read back: profiles, their domains and findings, problems, counts, and what the
FTS5 indexes match. Profiles come back without their findings (LazyDomains reads them on
first use), so a command over thousands of profiles reads only the findings it shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from mgi_cli.model import LISTS, Domain, DomainCount, DomainFindings, Problem, Profile, counted
from mgi_cli.store.schema import FINDINGS_PER_PROFILE, PROFILE_FIELDS, split_aliases

if TYPE_CHECKING:
    from mgi_cli.manifest import Provenance

T = TypeVar("T")
# A finding as stored: (profile key, ordinal, relevance), and findings by domain and list.
Match = tuple[int, int, float]
Found = dict[str, dict[str, list[tuple[str, int]]]]
MANIFEST = "mgi-sources.json"  # manifest.MANIFEST, looked for before that module is imported


class Store:
    """One data folder's store, opened and brought up to date with the folder."""

    def __init__(self, folder: Path, connection: sqlite3.Connection, seeds: bool = False) -> None:
        self.folder, self.connection = folder, connection
        self.seeds = seeds  # the bundled seeds are read too, under sources.BUNDLED
        self.warnings: list[str] = []  # at most one: the store had to be rebuilt
        self.is_damaged = False
        self._prefix: str | None = None  # the folder as shown, before each file's path
        self._counts: dict[int, tuple[DomainCount, ...]] | None = None

    def damaged(self) -> None:
        """A read failed: the store is not believed again; the next run rebuilds it."""
        if self.is_damaged:
            return
        self.is_damaged = True
        from mgi_cli.store.opening import discard  # here: opening a store needs this module

        discard(self.folder, self.seeds)
        self.warnings.append("the store was damaged; this run read the files, the next "
                             "rebuilds it")

    # -- reading --

    def profiles(self) -> tuple[Profile, ...]:
        """Every profile, in the order of its file; domains read from the store on first use."""
        rows = self.connection.execute(
            f"SELECT key, parsed_id, file, {', '.join(PROFILE_FIELDS)}, aliases, findings "
            f"FROM profiles {'WHERE id IS NOT NULL' if self.seeds else ''} "
            "ORDER BY (SELECT position FROM files WHERE path = file)").fetchall()
        return tuple(self._profile(row) for row in rows)

    def _profile(self, row: Sequence[Any]) -> Profile:
        key, parsed_id, file, *fields, aliases, count = row
        values = dict(zip(PROFILE_FIELDS, fields, strict=True))
        values.update(id=parsed_id, source=self.source(file), aliases=split_aliases(aliases),
                      domains=LazyDomains(self, key, file, count))
        return restore(Profile, **values)

    def source(self, relative: str) -> str:
        """A file's path as mgi shows it (a bundled seed's real path); plain names (nearly
        all) skip the cleaning."""
        from mgi_cli.sources import BUNDLED, display_path, real_path

        if relative.isascii() and relative.isprintable() and not (
                self.seeds and relative.startswith(BUNDLED)):
            if self._prefix is None:
                base = display_path(self.folder)
                self._prefix = "" if base == "." else base.rstrip("/") + "/"
            return self._prefix + relative.rstrip("/")  # a folder row ends in /
        return display_path(real_path(self.folder, relative))

    def problems(self) -> tuple[Problem, ...]:
        rows = self.connection.execute(
            f"SELECT file, line, message, warn, note FROM problems {self._replaced('WHERE')} "
            "ORDER BY (SELECT position FROM files WHERE path = file), position").fetchall()
        return tuple(Problem(self.source(f), line, message, bool(warn), bool(note))
                     for f, line, message, warn, note in rows)

    def files(self) -> tuple[str, ...]:
        rows = self.connection.execute(
            f"SELECT path FROM files WHERE format != 'folder' "
            f"{self._replaced('AND', 'path')} ORDER BY position").fetchall()
        return tuple(self.source(path) for (path,) in rows)

    def _replaced(self, joined: str, column: str = "file") -> str:
        """With the seeds: the condition that leaves out each bundled file whose profile a
        copy in the library folder replaces (update.py gives that profile no id)."""
        if not self.seeds:
            return ""
        return f"{joined} {column} NOT IN (SELECT file FROM profiles WHERE id IS NULL)"

    def provenance(self) -> dict[str, Provenance]:
        """Where each fetched file came from, by its path as shown (a profile's `source`):
        the folder's manifest (manifest.py), read when asked; {} when there is none. A URL is
        data: cleaned as profile text is, so it cannot drive the terminal."""
        if not (self.folder / MANIFEST).exists():  # most folders: a stat, no import
            return {}
        from mgi_cli.manifest import read_manifest
        from mgi_cli.sources import BUNDLED
        from mgi_cli.text import clean

        return {self.source(path): entry.replace(url=clean(entry.url),
                                                 fetched_at=clean(entry.fetched_at))
                for path, entry in read_manifest(self.folder).items()
                if not path.startswith(BUNDLED)}

    def domains(self, key: int) -> tuple[DomainFindings, ...]:
        """A profile's domains, as the parser gave them."""
        return self._blocks("WHERE profile_key = ?", (key,)).get(key, ())

    def _blocks(self, where: str = "", parameters: tuple[Any, ...] = ()
                ) -> dict[int, tuple[DomainFindings, ...]]:
        """The domains of the profiles `where` selects (all by default), by profile key."""
        found: dict[int, Found] = {}
        for key, domain, kind, text, line in self.connection.execute(
                f"SELECT profile_key, domain, kind, text, line FROM findings {where} "
                "ORDER BY profile_key, ordinal", parameters):
            found.setdefault(key, {}).setdefault(domain, {}).setdefault(kind, []).append(
                (text, line))
        blocks: dict[int, list[DomainFindings]] = {}
        for key, *row in self.connection.execute(
                "SELECT profile_key, domain, number, name, heading, present, placed_strengths, "
                f"placed_gaps FROM domains {where} ORDER BY profile_key, rowid", parameters):
            blocks.setdefault(key, []).append(_block(row, found.get(key, {})))
        return {key: tuple(found_blocks) for key, found_blocks in blocks.items()}

    def counts(self, key: int) -> tuple[DomainCount, ...]:
        """A profile's finding counts per domain. The first call reads every profile's (one
        query over the domains table): `list` and `overview` count without reading findings."""
        if self._counts is None:
            counts: dict[int, list[DomainCount]] = {}
            for profile_key, domain, present, *lists in self.connection.execute(
                    "SELECT profile_key, domain, present, strengths, gaps, unsorted FROM domains "
                    "ORDER BY profile_key, rowid"):
                counts.setdefault(profile_key, []).append(
                    DomainCount(domain, bool(present), *lists))
            self._counts = {k: tuple(v) for k, v in counts.items()}
        return self._counts.get(key, ())

    def preload(self, profiles: Iterable[Profile]) -> None:
        """Read the domains of many profiles in one pass (`list`, `overview` and exports read
        every profile's findings: one query, not two per profile)."""
        lazy = {d.key: d for d in (p.domains for p in profiles)
                if isinstance(d, LazyDomains) and d._domains is None and d._store is self}
        if len(lazy) < 2 or self.is_damaged:
            return
        try:
            blocks = self._blocks()
        except sqlite3.DatabaseError:
            self.damaged()  # each profile is then read from its file
            return
        for key, domains in lazy.items():
            domains._domains = blocks.get(key, ())

    def vocabulary(self, key: str = "vocabulary") -> dict[str, int]:
        """Every stem of the findings (or, with key "words", every word as written, folded),
        with how many findings hold it: fts5vocab's, kept in `meta` by each update (reading
        fts5vocab scans the whole index, a tenth of a second over 2,500 profiles)."""
        return {term: int(count) for term, count in self._pairs(key)}

    def spellings(self) -> dict[str, str]:
        """British English stems -> American ones, as the findings' stems were respelled."""
        return dict(self._pairs("spellings"))

    def _pairs(self, key: str) -> list[list[str]]:
        """A meta value kept as lines of two tab-separated fields."""
        row = self.connection.execute(
            "SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return [line.split("\t") for line in row[0].split("\n")] if row and row[0] else []

    def matching(self, expression: str, table: str = "findings_terms", where: str = "",
                 parameters: tuple[Any, ...] = ()) -> list[Match]:
        """(profile key, ordinal, relevance) of every finding an FTS5 expression matches in
        `table` (findings_terms: stems; findings_fts: words as written), and `where` selects
        among the findings' columns (f.language = ?, ...). Relevance is FTS5's bm25(),
        turned so that more is better. With no `where`, the index alone answers: a finding's
        id is its profile's key and its ordinal (half the time of a join)."""
        if not where:
            return [(rowid // FINDINGS_PER_PROFILE, rowid % FINDINGS_PER_PROFILE, relevance)
                    for rowid, relevance in self.connection.execute(
                        f"SELECT rowid, -bm25({table}) FROM {table} WHERE {table} MATCH ?",
                        (expression,))]
        return self.connection.execute(
            f"SELECT f.profile_key, f.ordinal, -bm25({table}) FROM {table} "
            f"JOIN findings AS f ON f.id = {table}.rowid WHERE {table} MATCH ? {where}",
            (expression, *parameters)).fetchall()

    def objectives(self) -> dict[int, dict[int, list[tuple[int, str]]]]:
        """Every finding's GCM objectives as the rules gave them when its file was read:
        profile key -> ordinal -> [(objective, cue)], main first (one query for all)."""
        found: dict[int, dict[int, list[tuple[int, str]]]] = {}
        for finding, objective, cue in self.connection.execute(
                "SELECT finding, objective, cue FROM finding_objectives ORDER BY finding, rank"):
            key, ordinal = divmod(finding, FINDINGS_PER_PROFILE)
            found.setdefault(key, {}).setdefault(ordinal, []).append((objective, cue))
        return found

    def ids(self, language: str) -> list[str] | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?",
                                      (f"ids-{language}",)).fetchone()
        return row[0].split("\n") if row and row[0] else ([] if row else None)

    def close(self) -> None:
        self.connection.close()


def _block(row: Sequence[Any], found: Found) -> DomainFindings:
    """A domain row and its findings (domain -> list -> (text, line)) as a DomainFindings."""
    domain, number, name, heading, present, strengths, gaps = row
    lists = found.get(domain, {})
    texts = [tuple(t for t, _ in lists.get(kind, ())) for kind in LISTS]
    lines = tuple(tuple(n for _, n in lists.get(kind, ())) for kind in LISTS)
    return restore(DomainFindings, domain=Domain(domain, number, name), heading=heading,
                    strengths=texts[0], gaps=texts[1], present=bool(present),
                    placed=(strengths, gaps), unsorted=texts[2], lines=lines)


class LazyDomains(Sequence[DomainFindings]):
    """A stored profile's domains, read from the store when first used: a search over
    thousands of profiles reads the findings of the few it shows. `finding_count` answers
    how many findings the profile holds without reading them. A store damaged since it was
    opened is not believed: the profile's file is read again."""

    def __init__(self, store: Store, key: int, file: str, finding_count: int) -> None:
        self._store, self._file = store, file
        self.key, self.finding_count = key, finding_count
        self._domains: tuple[DomainFindings, ...] | None = None

    def _decoded(self) -> tuple[DomainFindings, ...]:
        if self._domains is None:
            try:
                if self._store.is_damaged:
                    raise sqlite3.DatabaseError("not believed")
                self._domains = self._store.domains(self.key)
            except sqlite3.DatabaseError:
                self._store.damaged()
                self._domains = self._reread()
        return self._domains

    def counts(self) -> tuple[DomainCount, ...]:
        """Profile.counts() for a stored profile: from the store while its findings are unread."""
        if self._domains is None and not self._store.is_damaged:
            try:
                return self._store.counts(self.key)
            except sqlite3.DatabaseError:
                self._store.damaged()
        return tuple(counted(block) for block in self._decoded())

    def _reread(self) -> tuple[DomainFindings, ...]:
        from mgi_cli.loader import read_profile
        from mgi_cli.sources import real_path

        return read_profile(real_path(self._store.folder, self._file))[0].domains

    def __reduce__(self) -> tuple[type[tuple[DomainFindings, ...]], tuple[Any, ...]]:
        return tuple, (tuple(self._decoded()),)  # a copy or a pickle holds the findings

    @overload
    def __getitem__(self, index: int) -> DomainFindings: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[DomainFindings, ...]: ...

    def __getitem__(self, index: int | slice) -> DomainFindings | tuple[DomainFindings, ...]:
        return self._decoded()[index]

    def __len__(self) -> int:
        return len(self._decoded())

    def __iter__(self) -> Iterator[DomainFindings]:
        return iter(self._decoded())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._decoded())


def restore(kind: type[T], **fields: object) -> T:
    """A frozen dataclass rebuilt from its own saved fields, all of them, without running its
    __init__: frozen __init__ sets each field through object.__setattr__, which is most of
    the cost of reading thousands of stored profiles."""
    instance = object.__new__(kind)
    instance.__dict__.update(fields)
    return instance
