"""Bringing a store up to date: the files that changed are read again (in worker processes
when there are many) and their rows replaced, with the profiles' ids, the vocabulary and the
glossary, in one transaction: an interrupted run leaves the previous state.

Imported only when something changed (changes.py decides): a run over an unchanged folder
never loads the loader, the parser or this module. Data flows one way: the store asks the
loader to read files; the loader never knows the store."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from mgi_cli import __version__
from mgi_cli.model import Problem, Profile
from mgi_cli.sources import BUNDLED, reading_format, real_path
from mgi_cli.store.changes import Progress, Row
from mgi_cli.store.indexes import (
    BULK_FILES,
    bulk,
    keep_glossary,
    keep_objectives,
    keep_vocabulary,
)
from mgi_cli.store.insert import write_problems, write_profile
from mgi_cli.store.reader import restore
from mgi_cli.store.schema import split_aliases

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from mgi_cli.gcm import Tag

PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves
# A file read: its profile (or None), its problems, and its findings' GCM objectives.
Read = tuple[Profile | None, list[Problem], "list[tuple[Tag, ...]] | None"]
R = TypeVar("R")


def update(connection: sqlite3.Connection, folder: Path, wanted: dict[str, Row],
           changed: list[str], removed: list[str], unlisted: dict[str, str],
           on_file: Progress | None) -> None:
    """Read the `changed` files, then replace the rows of those and of the `removed` ones, in
    one transaction; `wanted` is the files table as it must end (update positions too)."""
    read = _read_files(folder, changed, unlisted, on_file)
    connection.execute("BEGIN IMMEDIATE")
    try:
        for path in (*changed, *removed):
            _forget(connection, path)
        with bulk(connection, len(changed) > BULK_FILES):
            for path in changed:
                _insert_file(connection, folder, path, wanted[path], read[path])
        connection.executemany("UPDATE files SET position = ? WHERE path = ?",
                               [(mark[3], path) for path, mark in wanted.items()])
        _name_profiles(connection)
        keep_vocabulary(connection)
        keep_glossary(connection)
        keep_objectives(connection)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _read_files(folder: Path, changed: list[str], unlisted: dict[str, str],
                on_file: Progress | None) -> dict[str, Read]:
    """Parse each changed file: (its profile or None, its problems); many files on every
    core (a folder of 2,500 profiles is read in half the time on two)."""
    read: dict[str, Read] = {
        relative: (None, [Problem(relative, 0, unlisted.get(relative[:-1], "not listed"))],
                   None)
        for relative in changed if relative.endswith("/")}
    relatives = [relative for relative in changed if not relative.endswith("/")]
    paths = [real_path(folder, relative) for relative in relatives]  # a seed's where it is
    for done, (relative, path, result) in enumerate(zip(
            relatives, paths, _map(_read_and_tag, paths), strict=True)):
        if on_file is not None:
            on_file(done, len(paths), path)
        read[relative] = result
    return read


def _read_and_tag(path: Path) -> Read:
    """A file parsed, and its findings tagged with their GCM objectives: in the worker that
    parsed it, since tagging costs about a third of parsing."""
    from mgi_cli.loader import read_or_report

    profile, problems = read_or_report(path)
    if profile is None:
        return None, problems, None
    from mgi_cli.gcm import tag_profile

    return profile, problems, tag_profile(profile)


def _map(function: Callable[[Path], R], paths: list[Path]) -> Iterable[R]:
    """function(path) for each path, in order: in worker processes when there are many."""
    workers = min(os.cpu_count() or 1, 8)
    if len(paths) < PARALLEL_FROM or workers < 2:
        return map(function, paths)
    from concurrent.futures import ProcessPoolExecutor  # here: it loads multiprocessing

    pool = ProcessPoolExecutor(workers)
    return _closing(pool, pool.map(function, paths, chunksize=16))


def _closing(pool: ProcessPoolExecutor, results: Iterator[R]) -> Iterator[R]:
    """The results, then the pool shut down (also when the reader stops early)."""
    try:
        yield from results
    finally:
        pool.shutdown(cancel_futures=True)


def _forget(connection: sqlite3.Connection, path: str) -> None:
    keys = [key for (key,) in connection.execute("SELECT key FROM profiles WHERE file = ?",
                                                  (path,))]
    for key in keys:
        connection.execute("DELETE FROM findings WHERE profile_key = ?", (key,))
        connection.execute("DELETE FROM domains WHERE profile_key = ?", (key,))
    connection.execute("DELETE FROM profiles WHERE file = ?", (path,))
    connection.execute("DELETE FROM problems WHERE file = ?", (path,))
    connection.execute("DELETE FROM files WHERE path = ?", (path,))


def _insert_file(connection: sqlite3.Connection, folder: Path, path: str, mark: Row,
                 read: Read) -> None:
    """A file's row, then its profile's rows and its problems."""
    profile, problems, tags = read
    folder_row = path.endswith("/")
    kind = "folder" if folder_row else reading_format(path).name
    outcome = "profile" if profile is not None else "not read"
    digest = None if folder_row else _sha256(real_path(folder, path))
    connection.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (path, *mark[:3], kind, digest, __version__, outcome, mark[3]))
    if profile is not None:
        write_profile(connection, profile, path, tags=tags)
    write_problems(connection, path, problems)


def _sha256(path: Path) -> str | None:
    """The checksum of a file as it was read: who has which copy of a profile."""
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _name_profiles(connection: sqlite3.Connection) -> None:
    """Give each profile the id the CLI names it by (English preferred), in the profiles and
    findings tables, and keep each language's ids for shell completion."""
    from mgi_cli.catalog import LANGUAGES, Catalog

    rows = connection.execute("SELECT key, parsed_id, name, published, edition, language, "
                              "aliases, file FROM profiles").fetchall()
    replaced = _replaced(rows)
    stubs = [restore(Profile, id=parsed_id, name=name, published=published, edition=edition,
                     language=language, aliases=split_aliases(aliases), source=str(key),
                     title="", level="", country=None, country_code=None, domains=())
             for key, parsed_id, name, published, edition, language, aliases, _ in rows
             if key not in replaced]
    before = dict(connection.execute("SELECT key, id FROM profiles").fetchall())
    _unname(connection, [key for key in replaced if before.get(key) is not None])
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


def _replaced(rows: list[tuple[Any, ...]]) -> set[int]:
    """The keys of the bundled seeds (under BUNDLED) that a profile in the library folder
    replaces: the same id, language and date, parsed from another file (a fetched copy of the
    same edition). They keep their rows, but no id: the store's reader leaves them out."""
    library = {(parsed_id, language, published)
               for _, parsed_id, _, published, _, language, _, file in rows
               if not file.startswith(BUNDLED)}
    return {key for key, parsed_id, _, published, _, language, _, file in rows
            if file.startswith(BUNDLED) and (parsed_id, language, published) in library}


def _unname(connection: sqlite3.Connection, keys: list[int]) -> None:
    """Profiles replaced: no id, in the profiles and findings tables."""
    connection.executemany("UPDATE profiles SET id = NULL WHERE key = ?", [(k,) for k in keys])
    connection.executemany("UPDATE findings SET profile = NULL WHERE profile_key = ?",
                           [(k,) for k in keys])
