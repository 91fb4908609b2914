"""A whole data folder, loaded and indexed, kept in the user's cache folder.

Most runs of mgi read the same folder as the run before. The snapshot holds what loading it
produced (profiles, problems, the search index, the profile ids for completion) and is used
while the folder's fingerprint (every profile file's path, size and modification time) and
mgi's version are unchanged; any change and the folder is loaded afresh. Like the per-file
cache (cache.py) it is JSON, written atomically, and ignored when damaged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from mgi_cli import __version__
from mgi_cli.atomic import write_text
from mgi_cli.model import LISTS, Problem, Profile

FORMAT = 6


class Snapshot(NamedTuple):
    """A loaded folder. (A NamedTuple: a frozen dataclass compiles six methods at import,
    which costs more than a warm run's whole load of the seeds.)"""

    profiles: tuple[Profile, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    postings: Mapping[str, str]


class LazyDomains(Sequence):
    """A cached profile's domains, kept as their JSON text until first used.

    A search over thousands of profiles reads the findings of the few it shows; decoding
    every profile's domains up front was most of the cost of a warm run. `finding_count`
    answers how many findings the profile holds without decoding.
    """

    def __init__(self, text: str, finding_count: int) -> None:
        self._text, self.finding_count = text, finding_count
        self._domains: tuple | None = None

    def _decoded(self) -> tuple:
        if self._domains is None:
            from mgi_cli.cache import domains_from_record

            self._domains = domains_from_record(json.loads(self._text))
        return self._domains

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


class _Postings(Mapping):
    """The search index of a snapshot, one line per word in a side file, read word by word:
    a search reads the few words it needs, not the index of the whole folder."""

    def __init__(self, path: Path, offsets: dict[str, list[int]]) -> None:
        self._path, self._offsets = path, offsets

    def __getitem__(self, word: str) -> str:
        start, length = self._offsets[word]
        with self._path.open("rb") as handle:
            handle.seek(start)
            return handle.read(length).decode("ascii")

    def __iter__(self) -> Iterator[str]:
        return iter(self._offsets)

    def __len__(self) -> int:
        return len(self._offsets)


def fingerprint(folder: Path) -> list[list[Any]] | None:
    """[relative path, size, mtime_ns] of every profile file under the folder, subfolders
    included, in the order loading reads them (sources.walk); None if it cannot be listed.

    A subfolder that cannot be read is marked [path + "/", -1, -1]: its becoming readable
    changes the fingerprint, and the snapshot keeps the problem it was reported as.
    """
    from mgi_cli.sources import walk

    marks: list[list[Any]] = []

    def unlisted(_path: str, relative: str, _reason: str) -> None:
        marks.append([relative + "/", -1, -1])

    try:
        for relative, entry in walk(folder, unlisted):
            try:
                stat = entry.stat()
                marks.append([relative, stat.st_size, stat.st_mtime_ns])
            except OSError:
                marks.append([relative, -1, -1])
    except OSError:
        return None
    return marks


def _paths(folder: Path) -> tuple[Path, Path] | None:
    from mgi_cli.cache import cache_folder

    base = cache_folder()
    if base is None:
        return None
    from mgi_cli.cache import file_key

    digest = file_key(str(folder.resolve()))
    return base / "folders" / f"{digest}.json", base / "folders" / f"{digest}.ids"


def _header(folder: Path, marks: list[list[Any]]) -> dict[str, Any]:
    return {"mgi": __version__, "format": FORMAT, "folder": str(folder.resolve()), "files": marks}


def lookup(folder: Path, marks: list[list[Any]] | None = None) -> Snapshot | None:
    """The folder as it was loaded before, if nothing in it has changed since."""
    try:
        paths, marks = _paths(folder), marks or fingerprint(folder)
        if paths is None or marks is None:
            return None
        record = json.loads(paths[0].read_bytes())
        if record.get("header") != _header(folder, marks):
            return None
        from mgi_cli.cache import restore_profile

        profiles = tuple(restore_profile(fields, aliases, LazyDomains(blocks, count))
                         for fields, aliases, blocks, count in record["profiles"])
        problems = tuple(Problem(*p) for p in record["problems"])
        postings = _Postings(paths[0].with_suffix(".idx"), record["postings"])
        return Snapshot(profiles, problems, tuple(record["sources"]), postings)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def ids(folder: Path) -> list[str] | None:
    """The profile ids of an unchanged folder, for shell completion; cheap to read."""
    try:
        paths, marks = _paths(folder), fingerprint(folder)
        if paths is None or marks is None:
            return None
        record = json.loads(paths[1].read_text(encoding="utf-8"))
        return record["ids"] if record.get("header") == _header(folder, marks) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(folder: Path, marks: list[list[Any]], snapshot: Snapshot, profile_ids: list[str]) -> None:
    """Keep a loaded folder; failures leave the cache as it was."""
    from mgi_cli.cache import FIELDS, domains_record

    paths = _paths(folder)
    if paths is None:
        return
    header = _header(folder, marks)
    lines, offsets, position = [], {}, 0
    for word, numbers in snapshot.postings.items():
        start = position + len(word.encode("utf-8")) + 1
        offsets[word] = [start, len(numbers)]
        lines.append(f"{word}\t{numbers}\n")
        position = start + len(numbers) + 1
    record = {
        "header": header,
        "profiles": [
            [[getattr(p, f) for f in FIELDS], list(p.aliases),
             json.dumps(domains_record(p.domains), ensure_ascii=False, separators=(",", ":")),
             sum(len(b.findings(kind)) for b in p.domains for kind in LISTS)]
            for p in snapshot.profiles
        ],
        "problems": [[p.source, p.line, p.message, p.warn, p.note] for p in snapshot.problems],
        "sources": list(snapshot.files),
        "postings": offsets,
    }
    try:
        paths[0].parent.mkdir(parents=True, exist_ok=True)
        write_text(paths[0].with_suffix(".idx"), "".join(lines))  # before the record naming it
        write_text(paths[0], json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        write_text(paths[1], json.dumps({"header": header, "ids": profile_ids}))
    except OSError:
        pass


def load_folder(folder: Path, on_file=None) -> Snapshot:
    """A data folder, from its snapshot when unchanged; else loaded, indexed and kept."""
    marks = fingerprint(folder)  # taken first: a file changed while loading is seen next time
    found = lookup(folder, marks)
    if found is not None:
        return found
    from mgi_cli.catalog import Catalog
    from mgi_cli.loader import load_paths
    from mgi_cli.search import Corpus

    result = load_paths([folder], on_file=on_file)
    catalog = Catalog(result.profiles)
    loaded = Snapshot(result.profiles, result.problems, result.files,
                      Corpus(catalog.profiles).postings_text())
    if marks is not None:
        store(folder, marks, loaded, sorted(p.id for p in catalog.profiles))
    return loaded
