"""A data folder kept as one SQLite database in the user's cache folder: the one storage.

Most runs of mgi read the same folder as the run before. The store holds what reading it
produced: a row per source file (path, size, mtime, format, sha256, the mgi that parsed it),
per profile, per domain heading, per finding and per problem, and an FTS5 index over the
findings (their text, for exports and prefix searches) and one over their stems (search;
its vocabulary, from fts5vocab, serves typo matching). Each run compares the folder with
the `files` table and re-reads only the files that changed, were added or were removed, in
one transaction: an interrupted run leaves the previous state, and two runs at once take
turns (WAL, and a busy timeout).

The store is never believed blindly. It records mgi's version, the schema and a digest of the
parser's rules; any difference, or a store that cannot be read (deleted, truncated, garbage,
locked), and it is rebuilt from the files, with one warning at most. When the cache folder
cannot be written (or MGI_CACHE_DIR is set to an empty string), the store lives in memory for
the run. `mgi export --format sqlite` writes this same schema.

Data flows one way: the store asks the loader to read the files that changed; the loader
never knows the store.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from mgi_cli import __version__
from mgi_cli.model import (
    LISTS,
    Domain,
    DomainCount,
    DomainFindings,
    Problem,
    Profile,
    counted,
)

SCHEMA_VERSION = "8"
# The modules whose rules decide what a file reads as: a change in any rebuilds the store.
RULES = ("parser.py", "lines.py", "labels.py", "domains.py", "furniture.py", "metadata.py",
         "language.py", "html_text.py", "pdf_text.py", "text.py", "loader.py", "model.py",
         "catalog.py", "store.py", "stems.py", "glossary.py", "glossary.txt")
BUSY_SECONDS = 10.0  # how long a run waits for another one writing the same store

# Each finding inserted goes into both full-text indexes; a bulk write drops this trigger
# and rebuilds the indexes at once (bulk(): five times faster for thousands of findings).
INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (rowid, text) VALUES (new.id, new.text);
  INSERT INTO findings_terms (rowid, terms) VALUES (new.id, new.terms);
END"""
BULK_FILES = 50  # more changed files than this are written in bulk
FINDINGS_PER_PROFILE = 1 << 16  # a finding's id: its profile's key times this, plus its ordinal

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER, format TEXT,
    sha256 TEXT, parsed_by TEXT, outcome TEXT, position INTEGER
);
CREATE TABLE IF NOT EXISTS profiles (
    key INTEGER PRIMARY KEY, id TEXT UNIQUE, parsed_id TEXT, file TEXT, name TEXT, title TEXT,
    level TEXT, country TEXT, country_code TEXT, published TEXT, edition INTEGER,
    source TEXT, implementation TEXT, funding TEXT, language TEXT, aliases TEXT,
    findings INTEGER
);
CREATE TABLE IF NOT EXISTS domains (
    profile_key INTEGER REFERENCES profiles(key), domain TEXT, number INTEGER, name TEXT,
    heading TEXT, present INTEGER, placed_strengths TEXT, placed_gaps TEXT,
    strengths INTEGER, gaps INTEGER, unsorted INTEGER,
    PRIMARY KEY (profile_key, domain)
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY, profile TEXT, profile_name TEXT, level TEXT, country TEXT,
    published TEXT, domain TEXT, domain_name TEXT, kind TEXT, position INTEGER, text TEXT,
    language TEXT, placed TEXT, heading TEXT, line INTEGER, profile_key INTEGER
        REFERENCES profiles(key), ordinal INTEGER, terms TEXT
);
CREATE INDEX IF NOT EXISTS findings_by_profile ON findings (profile_key, ordinal);
CREATE TABLE IF NOT EXISTS glossary (
    concept TEXT, language TEXT, term TEXT, exact INTEGER, words TEXT, first TEXT
);
CREATE INDEX IF NOT EXISTS glossary_by_first ON glossary (language, first);
CREATE INDEX IF NOT EXISTS glossary_by_concept ON glossary (concept);
CREATE TABLE IF NOT EXISTS problems (
    file TEXT, line INTEGER, message TEXT, warn INTEGER, note INTEGER, position INTEGER
);
CREATE INDEX IF NOT EXISTS problems_by_file ON problems (file);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_fts USING fts5(
    text, content=[findings], content_rowid=[id], tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_terms USING fts5(
    terms, content=[findings], content_rowid=[id], tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_terms_vocab USING fts5vocab(findings_terms, row);
CREATE VIRTUAL TABLE IF NOT EXISTS findings_words_vocab USING fts5vocab(findings_fts, row);
{INSERT_TRIGGER};
CREATE TRIGGER IF NOT EXISTS findings_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO findings_terms (findings_terms, rowid, terms) VALUES ('delete', old.id, old.terms);
END;
CREATE TRIGGER IF NOT EXISTS findings_au AFTER UPDATE OF text, terms ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO findings_fts (rowid, text) VALUES (new.id, new.text);
  INSERT INTO findings_terms (findings_terms, rowid, terms) VALUES ('delete', old.id, old.terms);
  INSERT INTO findings_terms (rowid, terms) VALUES (new.id, new.terms);
END;
"""
_PROFILE_FIELDS = ("name", "title", "level", "country", "country_code", "published", "edition",
                   "implementation", "funding", "language")
Progress = Callable[[int, int, Path], None]
# (path relative to the folder, size, mtime_ns, ctime_ns); -1 when unknown. The inode's
# change time is kept too: it moves on any edit or chmod, even one that restores the size and
# modification time (`touch -r`), and nothing can set it back.
Mark = tuple[str, int, int, int]


class StoreError(Exception):
    """The store cannot be used as it is (damaged or locked)."""


class StoreOutdated(StoreError):
    """A store written by another mgi, schema or parser: rebuilt without a word."""


def cache_folder() -> Path | None:
    """Where stores live: MGI_CACHE_DIR, else the user's cache folder; None when turned off."""
    configured = os.environ.get("MGI_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mgi", appauthor=False))


def store_path(folder: Path) -> Path | None:
    """The store of a data folder, named after it and a checksum of its full path."""
    base = cache_folder()
    if base is None:
        return None
    import zlib  # checksums, not hashlib: hashlib loads OpenSSL, which costs every run

    real = os.path.realpath(folder).encode("utf-8", "surrogatepass")
    safe = "".join(c if c.isalnum() else "-" for c in folder.resolve().name)[:40] or "root"
    return base / "stores" / f"{safe}-{zlib.crc32(real):08x}{zlib.adler32(real):08x}.sqlite"


def rules_digest() -> str:
    """A checksum of the size and modification time of each module that decides what a file
    reads as: any edit to the parser changes it (stat, not read: it runs on every start)."""
    import zlib

    here, marks = os.path.dirname(__file__), []
    for name in RULES:
        try:
            stat = os.stat(os.path.join(here, name))
            marks.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            marks.append(name)
    return f"{zlib.crc32(' '.join(marks).encode()):08x}"


def fingerprint(folder: Path) -> tuple[list[Mark], list[tuple[str, str]]]:
    """(marks of every profile file, in the order loading reads them; subfolders that cannot
    be listed, with why). Raises OSError when the folder itself cannot be listed."""
    from mgi_cli.sources import walk

    unlisted: list[tuple[str, str]] = []
    marks: list[Mark] = []
    for relative, entry in walk(folder, lambda _p, rel, why: unlisted.append((rel, why))):
        try:
            stat = entry.stat()
            marks.append((relative, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns))
        except OSError:
            marks.append((relative, -1, -1, -1))
    return marks, unlisted


# -- opening ------------------------------------------------------------------------------------


class Store:
    """One data folder's store, opened and brought up to date with the folder."""

    def __init__(self, folder: Path, connection: sqlite3.Connection) -> None:
        self.folder, self.connection = folder, connection
        self.warnings: list[str] = []  # at most one: the store had to be rebuilt
        self.is_damaged = False
        self._prefix: str | None = None  # the folder as shown, before each file's path
        self._counts: dict[int, tuple[DomainCount, ...]] | None = None

    def damaged(self) -> None:
        """A read failed: the store is not believed again; the next run rebuilds it."""
        if self.is_damaged:
            return
        self.is_damaged = True
        discard(self.folder)
        self.warnings.append("the store was damaged; this run read the files, the next "
                             "rebuilds it")

    # -- reading --

    def profiles(self) -> tuple[Profile, ...]:
        """Every profile, in the order of its file; domains read from the store on first use."""
        rows = self.connection.execute(
            f"SELECT key, parsed_id, file, {', '.join(_PROFILE_FIELDS)}, aliases, findings "
            "FROM profiles ORDER BY (SELECT position FROM files WHERE path = file)").fetchall()
        return tuple(self._profile(row) for row in rows)

    def _profile(self, row: Sequence[Any]) -> Profile:
        key, parsed_id, file, *fields, aliases, count = row
        values = dict(zip(_PROFILE_FIELDS, fields, strict=True))
        values.update(id=parsed_id, source=self.source(file), aliases=_split(aliases),
                      domains=LazyDomains(self, key, file, count))
        return _restore(Profile, **values)

    def source(self, relative: str) -> str:
        """A file's path as mgi shows it; plain names (nearly all) skip the cleaning."""
        from mgi_cli.sources import display_path

        if relative.isascii() and relative.isprintable():
            if self._prefix is None:
                base = display_path(self.folder)
                self._prefix = "" if base == "." else base.rstrip("/") + "/"
            return self._prefix + relative.rstrip("/")  # a folder row ends in /
        return display_path(self.folder / relative)

    def problems(self) -> tuple[Problem, ...]:
        rows = self.connection.execute(
            "SELECT file, line, message, warn, note FROM problems ORDER BY "
            "(SELECT position FROM files WHERE path = file), position").fetchall()
        return tuple(Problem(self.source(f), line, message, bool(warn), bool(note))
                     for f, line, message, warn, note in rows)

    def files(self) -> tuple[str, ...]:
        rows = self.connection.execute(
            "SELECT path FROM files WHERE format != 'folder' ORDER BY position").fetchall()
        return tuple(self.source(path) for (path,) in rows)

    def domains(self, key: int) -> tuple[DomainFindings, ...]:
        """A profile's domains, as the parser gave them."""
        return self._blocks("WHERE profile_key = ?", (key,)).get(key, ())

    def _blocks(self, where: str = "", parameters: tuple[Any, ...] = ()
                ) -> dict[int, tuple[DomainFindings, ...]]:
        """The domains of the profiles `where` selects (all by default), by profile key."""
        found: dict[int, dict[str, dict[str, list[tuple[str, int]]]]] = {}
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
                 parameters: tuple[Any, ...] = ()) -> list[tuple[int, int, float]]:
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

    def ids(self, language: str) -> list[str] | None:
        row = self.connection.execute("SELECT value FROM meta WHERE key = ?",
                                      (f"ids-{language}",)).fetchone()
        return row[0].split("\n") if row and row[0] else ([] if row else None)

    def close(self) -> None:
        self.connection.close()


def _block(row: Sequence[Any], found: dict[str, dict[str, list[tuple[str, int]]]]
           ) -> DomainFindings:
    """A domain row and its findings (domain -> list -> (text, line)) as a DomainFindings."""
    domain, number, name, heading, present, strengths, gaps = row
    lists = found.get(domain, {})
    texts = [tuple(t for t, _ in lists.get(kind, ())) for kind in LISTS]
    lines = tuple(tuple(n for _, n in lists.get(kind, ())) for kind in LISTS)
    return _restore(DomainFindings, domain=Domain(domain, number, name), heading=heading,
                    strengths=texts[0], gaps=texts[1], present=bool(present),
                    placed=(strengths, gaps), unsorted=texts[2], lines=lines)


class LazyDomains(Sequence):
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

        return read_profile(self._store.folder / self._file)[0].domains

    def __reduce__(self):
        return tuple, (tuple(self._decoded()),)  # a copy or a pickle holds the findings

    def __getitem__(self, index):
        return self._decoded()[index]

    def __len__(self) -> int:
        return len(self._decoded())

    def __iter__(self):
        return iter(self._decoded())

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(self._decoded())


def open_store(folder: Path, on_file: Progress | None = None) -> Store:
    """The folder's store, up to date with its files: on disk when it can be, else in memory.
    Raises OSError when the folder itself cannot be listed."""
    marks, unlisted = fingerprint(folder)
    path = store_path(folder)
    warning = None
    if path is not None:
        try:
            return _refresh(_connect(path, folder), folder, marks, unlisted, on_file)
        except StoreOutdated:
            pass
        except (sqlite3.DatabaseError, StoreError, OSError) as error:
            warning = f"the store {str(path)!r} could not be used; rebuilt from the files"
            if _busy(error):  # another run is writing it: never take its work away
                warning = "another mgi is updating the store; this run read the files itself"
                path = None
        if path is not None:
            try:
                discard(folder)
                return _refresh(_connect(path, folder), folder, marks, unlisted, on_file,
                                warning)
            except (sqlite3.DatabaseError, StoreError, OSError):
                warning = f"the store in {str(path.parent)!r} cannot be written; kept in memory"
    connection = sqlite3.connect(":memory:", isolation_level=None)
    create(connection, folder)
    return _refresh(connection, folder, marks, unlisted, on_file, warning)


def _busy(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error))


def _connect(path: Path, folder: Path) -> sqlite3.Connection:
    """An open store whose version, schema and rules are this mgi's; StoreError otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        # With WAL, a crash loses at most the last update, never the store's integrity.
        connection.execute("PRAGMA synchronous = NORMAL")
        if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # New, or being made by another run right now: making it again is harmless.
            _use_wal(connection)
            create(connection, folder)
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta != {**meta, **_identity(folder)}:
            raise StoreOutdated("a store of another mgi, schema or parser")
    except BaseException:
        connection.close()
        raise
    return connection


def _use_wal(connection: sqlite3.Connection) -> None:
    """Readers never wait for a writer. Switching needs the file to itself; when another run
    holds it, that run is making the store (wait for it), or the store was emptied under it
    (StoreError: it is replaced, not waited for)."""
    connection.execute("PRAGMA busy_timeout = 0")
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        return
    except sqlite3.OperationalError:
        pass
    finally:
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
    connection.execute("BEGIN IMMEDIATE")  # waits while another run makes the store
    made = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    connection.execute("ROLLBACK")
    if not made:
        raise StoreError("an emptied store that another run still holds")


def create(connection: sqlite3.Connection, folder: Path | None) -> None:
    """The schema and the store's identity, in one transaction: two runs creating one store at
    once both end with the same whole one (every statement says IF NOT EXISTS)."""
    meta = "".join(f"INSERT OR REPLACE INTO meta VALUES ({_quote(k)}, {_quote(v)});"
                   for k, v in (_identity(folder) if folder else {}).items())
    connection.executescript(f"BEGIN IMMEDIATE;{SCHEMA}{meta}COMMIT;")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _identity(folder: Path) -> dict[str, str]:
    return {"mgi": __version__, "schema": SCHEMA_VERSION, "rules": rules_digest(),
            "folder": os.path.realpath(folder)}


def discard(folder: Path) -> None:
    """Delete a folder's store (and its WAL files), so the next run rebuilds it."""
    path = store_path(folder)
    if path is None:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


# -- bringing a store up to date ----------------------------------------------------------------


def _refresh(connection: sqlite3.Connection, folder: Path, marks: list[Mark],
             unlisted: list[tuple[str, str]], on_file: Progress | None,
             warning: str | None = None) -> Store:
    """Re-read the files that changed since the store last saw the folder, in one
    transaction; a store no run changed is only read."""
    store = Store(folder, connection)
    if warning:
        store.warnings.append(warning)
    wanted = _wanted(marks, unlisted)
    known = {row[0]: tuple(row[1:]) for row in connection.execute(
        "SELECT path, size, mtime_ns, ctime_ns, position FROM files")}
    if known == wanted:
        return store
    changed = [path for path, mark in wanted.items() if known.get(path, (None,))[:3] != mark[:3]]
    removed = [path for path in known if path not in wanted]
    read = _read_files(folder, changed, dict(unlisted), on_file)
    _write(connection, folder, wanted, changed, removed, read)
    return store


def _wanted(marks: list[Mark], unlisted: list[tuple[str, str]]
            ) -> dict[str, tuple[int, int, int, int]]:
    """What the files table must hold: (size, mtime, ctime, position) by path; a folder that
    cannot be listed is a row of its own, so its becoming readable is a change."""
    wanted = {path: (size, mtime, ctime, position)
              for position, (path, size, mtime, ctime) in enumerate(marks)}
    for path, _ in unlisted:
        wanted[path + "/"] = (-1, -1, -1, len(wanted))
    return wanted


def _read_files(folder: Path, changed: list[str], unlisted: dict[str, str],
                on_file: Progress | None) -> dict[str, tuple[Profile | None, list[Problem]]]:
    """Parse each changed file: (its profile or None, its problems); many files on every
    core (a folder of 2,500 profiles is read in half the time on two)."""
    from mgi_cli.loader import read_or_report

    read: dict[str, tuple[Profile | None, list[Problem]]] = {
        relative: (None, [Problem(relative, 0, unlisted.get(relative[:-1], "not listed"))])
        for relative in changed if relative.endswith("/")}
    paths = [folder / relative for relative in changed if not relative.endswith("/")]
    for done, (path, result) in enumerate(zip(paths, _map(read_or_report, paths),
                                              strict=True)):
        if on_file is not None:
            on_file(done, len(paths), path)
        read[path.relative_to(folder).as_posix()] = result
    return read


PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves


def _map(function, paths: list[Path]):
    """function(path) for each path, in order: in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return map(function, paths)
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers)
    results = pool.map(function, paths, chunksize=16)
    return _closing(pool, results)


def _closing(pool, results):
    try:
        yield from results
    finally:
        pool.shutdown(cancel_futures=True)


def _write(connection: sqlite3.Connection, folder: Path,
           wanted: dict[str, tuple[int, int, int, int]], changed: list[str], removed: list[str],
           read: dict[str, tuple[Profile | None, list[Problem]]]) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        for path in (*changed, *removed):
            _forget(connection, path)
        with bulk(connection, len(changed) > BULK_FILES):
            for path in changed:
                profile, problems = read[path]
                _insert_file(connection, path, wanted[path], profile, folder)
                if profile is not None:
                    write_profile(connection, profile, path)
                write_problems(connection, path, problems)
        connection.executemany("UPDATE files SET position = ? WHERE path = ?",
                               [(mark[3], path) for path, mark in wanted.items()])
        _name_profiles(connection)
        keep_vocabulary(connection)
        keep_glossary(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


@contextlib.contextmanager
def bulk(connection: sqlite3.Connection, active: bool = True) -> Iterator[None]:
    """Findings inserted without the index trigger, then both full-text indexes rebuilt at
    once, in the caller's transaction (a rollback restores the trigger)."""
    if not active:
        yield
        return
    connection.execute("DROP TRIGGER IF EXISTS findings_ai")
    yield
    connection.execute(INSERT_TRIGGER)
    for index in ("findings_fts", "findings_terms"):
        connection.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")


def keep_glossary(connection: sqlite3.Connection) -> None:
    """The glossary's terms, stemmed, in the store (once: a new glossary rebuilds the store,
    whose rules digest covers glossary.txt)."""
    if connection.execute("SELECT 1 FROM glossary LIMIT 1").fetchone():
        return
    from mgi_cli.glossary import rows

    connection.executemany("INSERT INTO glossary VALUES (?, ?, ?, ?, ?, ?)", rows())


def keep_vocabulary(connection: sqlite3.Connection) -> None:
    """Kept in meta for search: every stem and every word of the findings with how many
    findings hold it (compounds, typos), and the map of British English stems to American
    ones the findings' stems were respelled by (so no search loads breame's lists)."""
    from mgi_cli.stems import spelling_map

    for key, table in (("vocabulary", "findings_terms_vocab"), ("words", "findings_words_vocab")):
        connection.execute(f"INSERT OR REPLACE INTO meta SELECT '{key}', group_concat("
                           f"term || char(9) || doc, char(10)) FROM {table}")
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('spellings', ?)", ("\n".join(
        f"{british}\t{american}" for british, american in spelling_map().items()),))


def _forget(connection: sqlite3.Connection, path: str) -> None:
    keys = [key for (key,) in connection.execute("SELECT key FROM profiles WHERE file = ?",
                                                  (path,))]
    for key in keys:
        connection.execute("DELETE FROM findings WHERE profile_key = ?", (key,))
        connection.execute("DELETE FROM domains WHERE profile_key = ?", (key,))
    connection.execute("DELETE FROM profiles WHERE file = ?", (path,))
    connection.execute("DELETE FROM problems WHERE file = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))


def _insert_file(connection: sqlite3.Connection, path: str, mark: tuple[int, ...],
                 profile: Profile | None, folder: Path) -> None:
    folder_row = path.endswith("/")
    kind = "folder" if folder_row else os.path.splitext(path)[1].lower().lstrip(".")
    outcome = "profile" if profile is not None else "not read"
    digest = None if folder_row else _sha256(folder / path)
    connection.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (path, *mark[:3], kind, digest, __version__, outcome, mark[3]))


def _sha256(path: Path) -> str | None:
    """The checksum of a file as it was read: who has which copy of a profile."""
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def write_profile(connection: sqlite3.Connection, profile: Profile, file: str,
                  profile_id: str | None = None) -> int:
    """A profile's rows: the profile, its domain headings, its findings (in the order
    model.ordered_findings gives them, which search numbers them by). Also used by export."""
    from mgi_cli.model import ordered_findings
    from mgi_cli.stems import terms

    count = sum(1 for _ in ordered_findings(profile))
    cursor = connection.execute(
        f"INSERT INTO profiles (id, parsed_id, file, source, {', '.join(_PROFILE_FIELDS)}, "
        f"aliases, findings) VALUES ({', '.join('?' * (len(_PROFILE_FIELDS) + 6))})",
        (profile_id, profile.id, file, profile.source,
         *(getattr(profile, f) for f in _PROFILE_FIELDS), _SEPARATOR.join(profile.aliases),
         count))
    key = cursor.lastrowid
    assert key is not None  # an INSERT's row id
    connection.executemany(
        "INSERT INTO domains VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key, b.domain.key, b.domain.number, b.domain.name, b.heading, b.present, *b.placed,
          *counted(b).lists()) for b in profile.domains])
    connection.executemany(
        "INSERT INTO findings (id, profile, profile_name, level, country, published, domain, "
        "domain_name, kind, position, text, language, placed, heading, line, profile_key, "
        "ordinal, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(key * FINDINGS_PER_PROFILE + ordinal, profile_id, profile.name, profile.level,
          profile.country, profile.published,
          block.domain.key, block.domain.name, kind, position, text, profile.language,
          block.placement(kind), block.heading, block.line(kind, position), key, ordinal,
          terms(text, profile.language))
         for ordinal, (block, kind, position, text) in enumerate(ordered_findings(profile))])
    return key


def write_problems(connection: sqlite3.Connection, file: str,
                   problems: Iterable[Problem]) -> None:
    connection.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?, ?, ?)",
        [(file, p.line, p.message, p.warn, p.note, n) for n, p in enumerate(problems)])


def _name_profiles(connection: sqlite3.Connection) -> None:
    """Give each profile the id the CLI names it by (English preferred), in the profiles and
    findings tables, and keep each language's ids for shell completion."""
    from mgi_cli.catalog import LANGUAGES, Catalog

    rows = connection.execute("SELECT key, parsed_id, name, published, edition, language, "
                              "aliases FROM profiles").fetchall()
    stubs = [_restore(Profile, id=parsed_id, name=name, published=published, edition=edition,
                      language=language, aliases=_split(aliases), source=str(key),
                      title="", level="", country=None, country_code=None, domains=())
             for key, parsed_id, name, published, edition, language, aliases in rows]
    before = dict(connection.execute("SELECT key, id FROM profiles").fetchall())
    for language in LANGUAGES:
        catalog = Catalog(stubs, language)
        named = {int(p.source): p.id for p in catalog.profiles}
        connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           (f"ids-{language}", "\n".join(sorted(named.values()))))
        if language != LANGUAGES[0]:
            continue
        renamed = [(i, key) for key, i in named.items() if before.get(key) != i]
        connection.executemany("UPDATE profiles SET id = NULL WHERE key = ?",
                               [(key,) for _, key in renamed])  # ids stay unique meanwhile
        connection.executemany("UPDATE profiles SET id = ? WHERE key = ?", renamed)
        connection.executemany("UPDATE findings SET profile = ? WHERE profile_key = ?", renamed)


_SEPARATOR = "\x1f"  # between aliases: the unit separator, which no profile text holds


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(aliases.split(_SEPARATOR)) if aliases else ()


def _restore(kind, **fields):
    """A frozen dataclass rebuilt from its own saved fields, all of them, without running its
    __init__: frozen __init__ sets each field through object.__setattr__, which is most of
    the cost of reading thousands of stored profiles."""
    instance = object.__new__(kind)
    instance.__dict__.update(fields)
    return instance

