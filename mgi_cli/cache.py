"""Parsed profiles kept in the user's cache folder, so a PDF is read once.

An entry is keyed by the file's absolute path, size and modification time, stored as JSON
(never pickle: a cache file is data, not code), written atomically (a temporary file renamed
into place) and ignored, then rebuilt, when it is corrupt or was written by another version
of mgi. The cache is an optimization: when it cannot be read or written, mgi reads the file.
Set MGI_CACHE_DIR to move it, or to an empty string to turn it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from mgi_cli import __version__
from mgi_cli.model import Domain, DomainFindings, Problem, Profile

FORMAT = 1


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
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode()).hexdigest()
    return folder / f"{digest[:32]}.json", identity


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
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(data)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


def profile_record(profile: Profile, problems: list[Problem]) -> dict[str, Any]:
    return {
        "profile": {
            **{k: v for k, v in vars(profile).items() if k not in ("domains", "aliases")},
            "aliases": list(profile.aliases),
            "domains": [
                {"domain": vars(b.domain), "heading": b.heading, "strengths": list(b.strengths),
                 "gaps": list(b.gaps)}
                for b in profile.domains
            ],
        },
        "problems": [{"line": p.line, "message": p.message, "warn": p.warn} for p in problems],
    }


def error_record(kind: str, message: str) -> dict[str, Any]:
    return {"error": {"kind": kind, "message": message}}


def profile_from_record(record: dict[str, Any], source: str) -> tuple[Profile, list[Problem]]:
    data = dict(record["profile"])
    domains = tuple(
        DomainFindings(Domain(**d["domain"]), d["heading"], tuple(d["strengths"]),
                       tuple(d["gaps"]))
        for d in data.pop("domains")
    )
    data.update(domains=domains, aliases=tuple(data["aliases"]), source=source)
    problems = [Problem(source, p["line"], p["message"], p["warn"]) for p in record["problems"]]
    return Profile(**data), problems
