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

Where each part lives:

    opening.py   finding a folder's store, opening it, rebuilding it or keeping it in memory
    changes.py   what changed in the folder since the store saw it (a warm run stops here)
    update.py    re-reading the changed files and replacing their rows, in one transaction
    insert.py    a profile's rows and a file's problems (also what the export writes)
    indexes.py   the FTS5 indexes, the vocabulary kept for search, the glossary's stems
    reader.py    the Store: profiles, findings, problems, counts and FTS matches read back
    schema.py    the tables and indexes, and the identity a store must have to be believed

A run over an unchanged folder imports opening, changes, reader and schema only: writing
(update, insert, indexes) is imported when something is written. Their names are served here
all the same, on first use (`from mgi_cli.store import write_profile`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgi_cli.store.changes import Mark, Progress, fingerprint
from mgi_cli.store.opening import (
    BUSY_SECONDS,
    StoreError,
    StoreOutdated,
    cache_folder,
    discard,
    open_store,
    store_path,
)
from mgi_cli.store.reader import LazyDomains, Store
from mgi_cli.store.schema import SCHEMA, SCHEMA_VERSION, create, rules_digest

if TYPE_CHECKING:
    from mgi_cli.store.indexes import BULK_FILES, bulk, keep_glossary, keep_vocabulary
    from mgi_cli.store.insert import write_problems, write_profile

__all__ = [
    "BULK_FILES", "BUSY_SECONDS", "SCHEMA", "SCHEMA_VERSION", "LazyDomains", "Mark", "Progress",
    "Store", "StoreError", "StoreOutdated", "bulk", "cache_folder", "create", "discard",
    "fingerprint", "keep_glossary", "keep_vocabulary", "open_store", "rules_digest",
    "store_path", "write_problems", "write_profile",
]

# The writing parts, imported on first use: a warm run never needs them.
_WRITING = {"BULK_FILES": "indexes", "bulk": "indexes", "keep_glossary": "indexes",
            "keep_vocabulary": "indexes", "write_problems": "insert", "write_profile": "insert"}


def __getattr__(name: str) -> Any:
    if name not in _WRITING:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{_WRITING[name]}"), name)
    globals()[name] = value  # once: later uses find it like any other name
    return value
