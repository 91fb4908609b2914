"""The whole normalized dataset to a file: JSON, CSV or SQLite, always written atomically.

A temporary file in the target folder is renamed into place only once complete, so an
interrupted export never leaves a half-written file. The SQLite file holds `profiles` and
`findings` tables and an FTS5 index over the findings declared the way sqlite-utils does
(content=[findings]), so sqlite-utils and Datasette find it and offer full-text search.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

from mgi_cli.atomic import atomic_path
from mgi_cli.errors import MgiError
from mgi_cli.model import Profile
from mgi_cli.rows import finding_rows

_SCHEMA = """
CREATE TABLE profiles (
    id TEXT PRIMARY KEY, name TEXT, title TEXT, level TEXT, country TEXT, country_code TEXT,
    published TEXT, edition INTEGER, source TEXT, implementation TEXT, funding TEXT,
    language TEXT
);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, profile TEXT REFERENCES profiles(id), profile_name TEXT,
    level TEXT, country TEXT, published TEXT, domain TEXT, domain_name TEXT, kind TEXT,
    position INTEGER, text TEXT, language TEXT, placed TEXT
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
                    "edition", "source", "implementation", "funding", "language"]


@contextlib.contextmanager
def writing(target: Path) -> Iterator[Path]:
    """atomic_path, with the reason a file cannot be written as one line for the user."""
    try:
        with atomic_path(target) as temporary:
            yield temporary
    except OSError as error:
        raise MgiError(f"Cannot write {str(target)!r}: {error.strerror}.") from None


def write_text(target: Path, text: str) -> None:
    with writing(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_sqlite(profiles: Sequence[Profile], target: Path, force: bool = False) -> None:
    if target.exists() and not force:
        raise MgiError(f"{str(target)!r} exists; add --force to overwrite it.")
    if target.is_dir():
        raise MgiError(f"{str(target)!r} is a folder; give a file name.")
    with writing(target) as temporary:
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
