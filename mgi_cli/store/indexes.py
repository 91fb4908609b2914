"""What search reads besides the rows: the two FTS5 indexes (words as written, and stems),
rebuilt at once after a bulk write; the vocabulary, words and spellings kept in `meta`; and
the glossary's stemmed terms. Written with the rows, by the store and by the export."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from mgi_cli.store.schema import INSERT_TRIGGER

BULK_FILES = 50  # more changed files (or profiles) than this are written in bulk


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


def keep_objectives(connection: sqlite3.Connection) -> None:
    """The 23 GCM objectives and their short names in three languages, which the
    finding_objectives table refers to (a link in Datasette)."""
    from mgi_cli.gcm import objectives

    connection.executemany("INSERT OR REPLACE INTO objectives VALUES (?, ?, ?, ?)",
                           [(o.number, *o.names) for o in objectives()])


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


