"""What changed in a data folder since its store last saw it: each file's size and times
against the `files` table. A store no file changed for is only read; otherwise update.py
re-reads what changed (imported then, not before: most runs change nothing)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from mgi_cli.store.reader import Store

Progress = Callable[[int, int, Path], None]
# (path relative to the folder, size, mtime_ns, ctime_ns); -1 when unknown. The inode's
# change time is kept too: it moves on any edit or chmod, even one that restores the size and
# modification time (`touch -r`), and nothing can set it back.
Mark = tuple[str, int, int, int]
# What the files table holds for a path: (size, mtime_ns, ctime_ns, position).
Row = tuple[int, int, int, int]


def fingerprint(folder: Path, seeds: bool = False) -> tuple[list[Mark], list[tuple[str, str]]]:
    """(marks of every profile file, in the order loading reads them; subfolders that cannot
    be listed, with why). With `seeds` (the library folder), the bundled seeds follow, under
    sources.BUNDLED. Raises OSError when the folder itself cannot be listed."""
    from mgi_cli.sources import BUNDLED, bundled_seeds

    unlisted: list[tuple[str, str]] = []
    marks = _marks(folder, "", unlisted)
    if seeds:
        marks += _marks(bundled_seeds(), BUNDLED, unlisted)
    return marks, unlisted


def _marks(folder: Path, prefix: str, unlisted: list[tuple[str, str]]) -> list[Mark]:
    from mgi_cli.sources import walk

    marks: list[Mark] = []
    for relative, entry in walk(folder, lambda _p, rel, why: unlisted.append((prefix + rel,
                                                                              why))):
        try:
            stat = entry.stat()
            marks.append((prefix + relative, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns))
        except OSError:
            marks.append((prefix + relative, -1, -1, -1))
    return marks


def refresh(connection: sqlite3.Connection, folder: Path, marks: list[Mark],
            unlisted: list[tuple[str, str]], on_file: Progress | None,
            warning: str | None = None, seeds: bool = False) -> Store:
    """Re-read the files that changed since the store last saw the folder, in one
    transaction; a store no run changed is only read."""
    store = Store(folder, connection, seeds)
    if warning:
        store.warnings.append(warning)
    wanted = _wanted(marks, unlisted)
    known: dict[str, Row] = {path: (size, mtime, ctime, position)
                             for path, size, mtime, ctime, position in connection.execute(
        "SELECT path, size, mtime_ns, ctime_ns, position FROM files")}
    if known == wanted:
        return store
    changed = [path for path, mark in wanted.items()
               if path not in known or known[path][:3] != mark[:3]]
    removed = [path for path in known if path not in wanted]
    from mgi_cli.store.update import update

    update(connection, folder, wanted, changed, removed, dict(unlisted), on_file)
    return store


def _wanted(marks: list[Mark], unlisted: list[tuple[str, str]]) -> dict[str, Row]:
    """What the files table must hold: (size, mtime, ctime, position) by path; a folder that
    cannot be listed is a row of its own, so its becoming readable is a change."""
    wanted = {path: (size, mtime, ctime, position)
              for position, (path, size, mtime, ctime) in enumerate(marks)}
    for path, _ in unlisted:
        wanted[path + "/"] = (-1, -1, -1, len(wanted))
    return wanted


