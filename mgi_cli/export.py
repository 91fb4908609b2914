"""The whole normalized dataset to a file: JSON, CSV or SQLite, written as atomic.py writes.

A file is written to a temporary file beside it and renamed into place only once complete, so
an interrupted export never leaves a half-written file; a pipe, a device or /dev/stdout is
written in place. An existing file is replaced only with --force. The SQLite file holds
`profiles` and `findings` tables and an FTS5 index over the findings declared the way
sqlite-utils does (content=[findings]), so sqlite-utils and Datasette find it and offer
full-text search.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mgi_cli.atomic import atomic_path, write_file, writes_in_place
from mgi_cli.errors import MgiError

if TYPE_CHECKING:
    from mgi_cli.library import Library


@contextlib.contextmanager
def writing(target: Path) -> Iterator[Path]:
    """atomic_path, with the reason a file cannot be written as one line for the user."""
    with _one_line(target), atomic_path(target) as temporary:
        yield temporary


def write_text(target: Path, text: str, force: bool = False) -> None:
    """Write an export or a saved table; over an existing file only with `force`. Pipes,
    devices and /dev/stdout are written in place and never need it: nothing is lost there."""
    with _one_line(target):
        if not force and not writes_in_place(target) and os.path.exists(target):
            raise MgiError(f"{str(target)!r} exists; add --force to overwrite it.")
        write_file(target, text)


@contextlib.contextmanager
def _one_line(target: Path) -> Iterator[None]:
    """Any OSError becomes one line naming the path and the reason, never a traceback."""
    try:
        yield
    except BrokenPipeError:  # the reader stopped reading (`| head`): its choice, not an error
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        raise MgiError(f"Cannot write {str(target)!r}: {reason}.") from None


def write_sqlite(library: Library, target: Path, force: bool = False) -> None:
    """The loaded profiles as a database of the store's own schema (store/schema.py), with the
    ids the CLI shows: what Datasette and sqlite-utils open is what mgi reads. A file is
    replaced atomically (only with `force`); a pipe, a device, `-` or /dev/stdout gets the
    database's bytes in place."""
    with _one_line(target):
        in_place = str(target) == "-" or writes_in_place(target)
        if target.is_dir():
            raise MgiError(f"{str(target)!r} is a folder; give a file name.")
        if not in_place and target.exists() and not force:
            raise MgiError(f"{str(target)!r} exists; add --force to overwrite it.")
        if not in_place:
            with atomic_path(target) as temporary:
                temporary.unlink()  # sqlite3 creates its own file
                _build_database(library, temporary)
            return
        with atomic_path(Path(_temporary_folder()) / "mgi-export.db") as temporary:
            temporary.unlink()
            _build_database(library, temporary)
            _copy_bytes(temporary, target)


def _temporary_folder() -> str:
    import tempfile

    return tempfile.gettempdir()


def _copy_bytes(source: Path, target: Path) -> None:
    import shutil
    import sys

    with source.open("rb") as data:
        if str(target) == "-":
            sys.stdout.flush()
            shutil.copyfileobj(data, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        with open(target, "ab") as stream:
            shutil.copyfileobj(data, stream)


def _build_database(library: Library, path: Path) -> None:
    from mgi_cli import __version__
    from mgi_cli.store import bulk, create, keep_glossary, write_problems, write_profile
    from mgi_cli.store.indexes import keep_objectives

    connection = sqlite3.connect(path, isolation_level=None)
    try:
        create(connection, None)
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("mgi", __version__), ("language", library.language)])
        with bulk(connection):
            for profile in library.with_findings():
                write_profile(connection, profile, profile.source, profile.id,
                              library.tags.ordered(profile),  # with mgi-tags.csv's corrections
                              library.provenance(profile))
        for source in dict.fromkeys(p.source for p in library.problems):
            write_problems(connection, source,
                           [p for p in library.problems if p.source == source])
        keep_glossary(connection)  # the trilingual glossary, for Datasette users too
        keep_objectives(connection)
        connection.execute("COMMIT")
    finally:
        connection.close()
