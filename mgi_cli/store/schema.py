"""What a store is: its tables and FTS5 indexes, the layout of a finding's id, and the identity
(mgi's version, the schema, a digest of the parser's rules) that decides whether a store on
disk can be believed. `mgi export --format sqlite` writes this same schema."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from mgi_cli import __version__

# 10: each finding's GCM objectives (objectives, finding_objectives); 11: profiles'
# source_url and fetched_at (filled by the export: the store reads mgi-sources.json when asked)
SCHEMA_VERSION = "11"
# The modules whose rules decide what a file reads as: a change in any rebuilds the store.
# The store's own modules are among them: how rows are written and read back is a rule too.
# The folders whose modules decide what a file reads as (every module and data file in them:
# a list of names would miss the next module a split adds). views/ and the CLI decide none.
RULE_FOLDERS = ("", "store")
PROFILE_FIELDS = ("name", "title", "level", "country", "country_code", "published", "edition",
                  "implementation", "funding", "language")
FINDINGS_PER_PROFILE = 1 << 16  # a finding's id: its profile's key times this, plus its ordinal
SEPARATOR = "\x1f"  # between aliases: the unit separator, which no profile text holds

# Each finding inserted goes into both full-text indexes; a bulk write drops this trigger
# and rebuilds the indexes at once (bulk(): five times faster for thousands of findings).
INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS findings_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (rowid, text) VALUES (new.id, new.text);
  INSERT INTO findings_terms (rowid, terms) VALUES (new.id, new.terms);
END"""

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
    findings INTEGER, source_url TEXT, fetched_at TEXT
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
CREATE TABLE IF NOT EXISTS objectives (
    number INTEGER PRIMARY KEY, name TEXT, name_fr TEXT, name_es TEXT
);
CREATE TABLE IF NOT EXISTS finding_objectives (
    finding INTEGER REFERENCES findings(id), objective INTEGER REFERENCES objectives(number),
    rank INTEGER, cue TEXT, PRIMARY KEY (finding, objective)
);
CREATE INDEX IF NOT EXISTS finding_objectives_by_objective ON finding_objectives (objective);
CREATE TRIGGER IF NOT EXISTS findings_objectives_ad AFTER DELETE ON findings BEGIN
  DELETE FROM finding_objectives WHERE finding = old.id;
END;
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

def split_aliases(aliases: str | None) -> tuple[str, ...]:
    """A profile's aliases as the profiles table keeps them (SEPARATOR between them)."""
    return tuple(aliases.split(SEPARATOR)) if aliases else ()


def create(connection: sqlite3.Connection, folder: Path | None, seeds: bool = False) -> None:
    """The schema and the store's identity, in one transaction: two runs creating one store at
    once both end with the same whole one (every statement says IF NOT EXISTS)."""
    meta = "".join(f"INSERT OR REPLACE INTO meta VALUES ({_quote(k)}, {_quote(v)});"
                   for k, v in (identity(folder, seeds) if folder else {}).items())
    connection.executescript(f"BEGIN IMMEDIATE;{SCHEMA}{meta}COMMIT;")


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def identity(folder: Path, seeds: bool = False) -> dict[str, str]:
    """What the meta table of a folder's store must say for the store to be believed; the
    library folder's store, read with the bundled seeds, also names where the seeds are."""
    found = {"mgi": __version__, "schema": SCHEMA_VERSION, "rules": rules_digest(),
             "folder": os.path.realpath(folder)}
    if seeds:
        from mgi_cli.sources import bundled_seeds

        found["seeds"] = os.path.realpath(bundled_seeds())
    return found


def rules_digest() -> str:
    """A checksum of the size and modification time of each module that decides what a file
    reads as: any edit to the parser changes it (stat, not read: it runs on every start)."""
    import zlib

    package, marks = os.path.dirname(os.path.dirname(__file__)), []  # mgi_cli/
    for folder in RULE_FOLDERS:
        with os.scandir(os.path.join(package, folder)) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith((".py", ".txt")) and entry.is_file():
                    stat = entry.stat()
                    marks.append(f"{folder}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return f"{zlib.crc32(' '.join(marks).encode()):08x}"
