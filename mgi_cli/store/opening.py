"""Finding and opening a folder's store: on disk in the user's cache folder when it can be
believed, rebuilt when it cannot (damaged, of another mgi, emptied under a run), in memory
when the cache folder cannot be written. Two runs at once take turns (WAL, a busy timeout);
a run never takes away a store another run is writing."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from mgi_cli.store.changes import Progress, fingerprint, refresh
from mgi_cli.store.reader import Store
from mgi_cli.store.schema import create, identity

BUSY_SECONDS = 10.0  # how long a run waits for another one writing the same store


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


def store_path(folder: Path, seeds: bool = False) -> Path | None:
    """The store of a data folder, named after it and a checksum of its full path; with
    `seeds`, the store of the library folder read with the bundled seeds, apart from the
    folder's own (`--data-dir LIBRARY`)."""
    base = cache_folder()
    if base is None:
        return None
    import zlib  # checksums, not hashlib: hashlib loads OpenSSL, which costs every run

    real = os.path.realpath(folder).encode("utf-8", "surrogatepass")
    safe = "".join(c if c.isalnum() else "-" for c in folder.resolve().name)[:40] or "root"
    name = f"{safe}-{zlib.crc32(real):08x}{zlib.adler32(real):08x}"
    return base / "stores" / f"{name}{'-with-seeds' if seeds else ''}.sqlite"


def discard(folder: Path, seeds: bool = False) -> None:
    """Delete a folder's store (and its WAL files), so the next run rebuilds it."""
    path = store_path(folder, seeds)
    if path is None:
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def open_store(folder: Path, on_file: Progress | None = None, seeds: bool = False) -> Store:
    """The folder's store, up to date with its files: on disk when it can be, else in memory.
    With `seeds`, the bundled seeds are read too (sources.default_data: the library folder).
    Raises OSError when the folder itself cannot be listed."""
    marks, unlisted = fingerprint(folder, seeds)
    path = store_path(folder, seeds)
    warning = None
    if path is not None:
        try:
            return refresh(_connect(path, folder, seeds), folder, marks, unlisted, on_file,
                           seeds=seeds)
        except StoreOutdated:
            pass
        except (sqlite3.DatabaseError, StoreError, OSError) as error:
            warning = f"the store {str(path)!r} could not be used; rebuilt from the files"
            if _busy(error):  # another run is writing it: never take its work away
                warning = "another mgi is updating the store; this run read the files itself"
                path = None
        if path is not None:
            try:
                discard(folder, seeds)
                return refresh(_connect(path, folder, seeds), folder, marks, unlisted, on_file,
                               warning, seeds)
            except (sqlite3.DatabaseError, StoreError, OSError):
                warning = f"the store in {str(path.parent)!r} cannot be written; kept in memory"
    connection = sqlite3.connect(":memory:", isolation_level=None)
    create(connection, folder, seeds)
    return refresh(connection, folder, marks, unlisted, on_file, warning, seeds)


def _busy(error: BaseException) -> bool:
    return isinstance(error, sqlite3.OperationalError) and (
        "locked" in str(error) or "busy" in str(error))


def _connect(path: Path, folder: Path, seeds: bool) -> sqlite3.Connection:
    """An open store whose version, schema and rules are this mgi's; StoreError otherwise."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        # With WAL, a crash loses at most the last update, never the store's integrity.
        connection.execute("PRAGMA synchronous = NORMAL")
        if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # New, or being made by another run right now: making it again is harmless.
            _use_wal(connection)
            create(connection, folder, seeds)
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta != {**meta, **identity(folder, seeds)}:
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
