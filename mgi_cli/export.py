"""The whole normalized dataset to a file: JSON, CSV or SQLite, always written atomically.

A temporary file in the target folder is renamed into place only once complete, so an
interrupted export never leaves a half-written file. The SQLite file holds `profiles` and
`findings` tables and an FTS5 index over the findings declared the way sqlite-utils does
(content=[findings]), so sqlite-utils and Datasette find it and offer full-text search.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from mgi_cli.errors import MgiError
from mgi_cli.model import Profile
from mgi_cli.rows import finding_rows

_SCHEMA = """
CREATE TABLE profiles (
    id TEXT PRIMARY KEY, name TEXT, title TEXT, level TEXT, country TEXT, country_code TEXT,
    published TEXT, edition INTEGER, source TEXT, implementation TEXT, funding TEXT
);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, profile TEXT REFERENCES profiles(id), profile_name TEXT,
    level TEXT, country TEXT, published TEXT, domain TEXT, domain_name TEXT, kind TEXT,
    position INTEGER, text TEXT
);
CREATE VIRTUAL TABLE findings_fts USING fts5(text, content=[findings], content_rowid=[id]);
CREATE TRIGGER findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER findings_ad AFTER DELETE ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER findings_au AFTER UPDATE ON findings BEGIN
  INSERT INTO findings_fts (findings_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO findings_fts (rowid, text) VALUES (new.id, new.text);
END;
"""
_PROFILE_COLUMNS = ["id", "name", "title", "level", "country", "country_code", "published",
                    "edition", "source", "implementation", "funding"]


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed onto it when the block completes."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise MgiError(f"Cannot write {str(target)!r}: {error.strerror}.") from None
    os.close(handle)
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise MgiError(f"Cannot write {str(target)!r}: {error.strerror}.") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_sqlite(profiles: Sequence[Profile], target: Path, force: bool = False) -> None:
    if target.exists() and not force:
        raise MgiError(f"{str(target)!r} exists; add --force to overwrite it.")
    if target.is_dir():
        raise MgiError(f"{str(target)!r} is a folder; give a file name.")
    with atomic_path(target) as temporary:
        temporary.unlink()  # sqlite3 creates its own file
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(_SCHEMA)
            connection.executemany(
                f"INSERT INTO profiles VALUES ({', '.join('?' * len(_PROFILE_COLUMNS))})",
                [[getattr(p, c) for c in _PROFILE_COLUMNS] for p in profiles],
            )
            columns, rows = finding_rows(profiles)
            connection.executemany(
                f"INSERT INTO findings ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                [[row[c] for c in columns] for row in rows],
            )
            connection.commit()
        finally:
            connection.close()
