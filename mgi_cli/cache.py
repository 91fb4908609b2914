"""Parsed profiles kept in the user's cache folder, so a PDF is read once.

An entry is keyed by the file's absolute path, size and modification time, stored as JSON
(never pickle: a cache file is data, not code), written atomically (a temporary file renamed
into place) and ignored, then rebuilt, when it is corrupt or was written by another version
of mgi. The cache is an optimization: when it cannot be read or written, mgi reads the file.
Set MGI_CACHE_DIR to move it, or to an empty string to turn it off.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mgi_cli import __version__
from mgi_cli.atomic import write_text
from mgi_cli.model import Domain, DomainFindings, Problem, Profile

FORMAT = 4


def cache_folder() -> Path | None:
    configured = os.environ.get("MGI_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mgi", appauthor=False))


def _entry(path: Path) -> tuple[Path, dict[str, Any]] | None:
    folder = cache_folder()
    if folder is None:
        return None
    stat = path.stat()
    identity = {"path": str(path.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    return folder / f"{file_key(json.dumps(identity, sort_keys=True))}.json", identity


def file_key(text: str) -> str:
    """A file name for a cache entry. Entries also record what they are for and are checked
    on reading, so a collision costs a re-read, never a wrong result; zlib's checksums are
    used because hashlib loads OpenSSL, which costs more than the rest of a warm run."""
    import zlib

    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def lookup(path: Path) -> dict[str, Any] | None:
    """The cached result for a file, or None when there is no valid entry."""
    try:
        found = _entry(path)
        if found is None:
            return None
        entry, identity = found
        record = json.loads(entry.read_text(encoding="utf-8"))
        if record.get("mgi") != __version__ or record.get("format") != FORMAT:
            return None
        if record.get("identity") != identity:
            return None
        return record
    except (OSError, ValueError, AttributeError):
        return None


def store(path: Path, record: dict[str, Any]) -> None:
    """Write a result for a file, atomically; failures leave the cache as it was."""
    try:
        found = _entry(path)
        if found is None:
            return
        entry, identity = found
        entry.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"mgi": __version__, "format": FORMAT, "identity": identity, **record},
                          ensure_ascii=False)
        write_text(entry, data)
    except OSError:
        pass


FIELDS = ("id", "name", "title", "level", "country", "country_code", "published", "edition",
          "source", "implementation", "funding", "language")


def profile_record(profile: Profile, problems: list[Problem]) -> dict[str, Any]:
    """A profile as compact JSON: fields in a fixed order, each domain as a short list."""
    return {
        "profile": [*(getattr(profile, f) for f in FIELDS), list(profile.aliases),
                    domains_record(profile.domains)],
        "problems": [[p.line, p.message, p.warn, p.note] for p in problems],
    }


def domains_record(domains) -> list[list[Any]]:
    return [[b.domain.key, b.domain.number, b.domain.name, b.heading, list(b.strengths),
             list(b.gaps), b.present, list(b.placed), list(b.unsorted)]
            for b in domains]


def domains_from_record(blocks: list[list[Any]]) -> tuple[DomainFindings, ...]:
    known: dict[tuple[str, int, str], Domain] = {}
    return tuple(
        _restore(DomainFindings, domain=known.setdefault((k, n, name), Domain(k, n, name)),
                 heading=heading, strengths=tuple(strengths), gaps=tuple(gaps), present=present,
                 placed=tuple(placed), unsorted=tuple(unsorted))
        for k, n, name, heading, strengths, gaps, present, placed, unsorted in blocks
    )


def error_record(kind: str, message: str) -> dict[str, Any]:
    return {"error": {"kind": kind, "message": message}}


def profile_from_record(
    record: dict[str, Any], source: str | None = None
) -> tuple[Profile, list[Problem]]:
    """The profile a record holds; `source` renames the file it came from."""
    *fields, aliases, blocks = record["profile"]
    if len(fields) != len(FIELDS):
        raise ValueError("a cache entry of another shape")
    built = domains_from_record(blocks)
    values = dict(zip(FIELDS, fields, strict=True))
    source = source or values["source"]
    values.update(source=source, domains=built, aliases=tuple(aliases))
    problems = [Problem(source, *fields) for fields in record["problems"]]
    return _restore(Profile, **values), problems


def restore_profile(fields: list[Any], aliases: list[str], domains) -> Profile:
    """A cached profile whose domains may be decoded later (snapshot.LazyDomains)."""
    values = dict(zip(FIELDS, fields, strict=True))
    values.update(domains=domains, aliases=tuple(aliases))
    return _restore(Profile, **values)


def _restore(kind, **fields):
    """A frozen dataclass rebuilt from its own saved fields, all of them, without running its
    __init__: frozen __init__ sets each field through object.__setattr__, which is most of
    the cost of reading thousands of cached profiles."""
    instance = object.__new__(kind)
    instance.__dict__.update(fields)
    return instance
