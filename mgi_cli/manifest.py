"""Where each fetched file came from: the manifest `mgi fetch` keeps in its target folder.

`mgi-sources.json`, beside the files it describes, maps each file's path (relative to the
folder, with `/`) to its provenance: the URL asked for, the final URL after redirects, when it
was fetched, the server's ETag and Last-Modified (for conditional requests next time), the
sha256 of the file as written, and its language. `mgi show` prints the source and the date;
`list -f json` and the exports carry them. A manifest that cannot be read is treated as empty
(the profiles still load; the next fetch writes it again); an entry mgi would not have
written is left out.

Its `pages` part is fetch's own memory of the pages that are not profiles (the overview, its
indexes, publication pages, robots.txt): their validators and links, so that a second run
asks for each with a conditional request and a 304 still tells it where the profiles are.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from mgi_cli.record import Record, frozen

MANIFEST = "mgi-sources.json"
VERSION = 1


@frozen()
class Provenance(Record):
    """One fetched file's origin."""

    url: str  # the URL fetched (a portal page, a publication page's PDF, a PDF)
    final_url: str  # after redirects
    fetched_at: str  # ISO 8601, UTC: "2026-12-04T15:40:02Z"
    sha256: str  # of the file as written
    language: str | None = None  # "en", "fr", "es" as the URL's path says; None if it does not
    etag: str | None = None
    last_modified: str | None = None
    pages: tuple[str, ...] = ()  # the ?page=N URLs a profile split over pages was joined from
    publication: str | None = None  # the publication page that linked this PDF
    profile: str | None = None  # its id as the loader read it, and its date: a second copy
    published: str | None = None  # of the same profile from another URL is not kept


_FIELDS = ("url", "final_url", "fetched_at", "sha256", "language", "etag", "last_modified",
           "pages", "publication", "profile", "published")
_REQUIRED = ("url", "final_url", "fetched_at", "sha256")
_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
# What fetch remembers of a page that is no profile, and the type each value must have.
_PAGE_FIELDS = {"etag": str, "last_modified": str, "kind": str, "reason": str, "text": str,
                "links": list, "parts": list}


def read_manifest(folder: Path) -> dict[str, Provenance]:
    """The folder's manifest: relative path -> provenance; {} when it is missing or unreadable.
    An entry that is not what mgi writes (a path out of the folder, a value of another type)
    is left out; the others are still believed."""
    try:
        files = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        entries = files.items()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
    found = {}
    for path, entry in entries:
        try:
            if isinstance(path, str) and _is_relative(path):
                found[path] = _provenance(entry)
        except (TypeError, AttributeError):
            continue
    return found


def read_pages(folder: Path) -> dict[str, dict[str, Any]]:
    """Fetch's memory of the pages that are not profiles: URL -> what it knew of each; an
    entry whose values are not of their types (a hand edit) is forgotten, never believed."""
    try:
        pages = json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("pages", {})
        return {url: entry for url, entry in pages.items() if _is_page(entry)}
    except (OSError, ValueError, AttributeError):
        return {}


def _is_page(entry: Any) -> bool:
    return isinstance(entry, dict) and all(
        name in _PAGE_FIELDS and isinstance(value, _PAGE_FIELDS[name])
        and (not isinstance(value, list) or all(isinstance(v, str) for v in value))
        for name, value in entry.items())


def manifest_text(entries: dict[str, Provenance], pages: dict[str, dict[str, Any]]) -> str:
    """The manifest as written: files and pages in order, so two runs that learnt the same
    things write the same text (and a run that learnt nothing rewrites nothing)."""
    files = {path: _entry(entries[path]) for path in sorted(entries)}
    known = {url: pages[url] for url in sorted(pages)}
    data = {"version": VERSION, "files": files, "pages": known}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_manifest(folder: Path, entries: dict[str, Provenance],
                   pages: dict[str, dict[str, Any]] | None = None) -> None:
    """Write the manifest atomically, unless it already says exactly this."""
    from mgi_cli.atomic import write_text

    text = manifest_text(entries, pages if pages is not None else read_pages(folder))
    path = folder / MANIFEST
    if path.is_symlink():  # replaced, never followed: nothing is written outside the folder
        path.unlink()
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, ValueError):
        pass
    write_text(path, text)


def _provenance(entry: Any) -> Provenance:
    """An entry as a Provenance; TypeError for one whose values are not of their types."""
    values = {name: entry.get(name) for name in _FIELDS}
    for name, value in values.items():
        if name == "pages":
            if not isinstance(value or [], list) or not all(isinstance(v, str)
                                                            for v in value or []):
                raise TypeError("pages is not a list of URLs")
        elif not isinstance(value, str) and (name in _REQUIRED or value is not None):
            raise TypeError(f"{name} is not text")
    for name in ("url", "final_url", "publication"):
        if values[name] is not None and not is_web(values[name]):
            raise TypeError(f"{name} is not an http or https URL")
    if not _TIME.fullmatch(values["fetched_at"]):
        raise TypeError("fetched_at is not a time as mgi writes it")
    values["pages"] = tuple(values["pages"] or ())
    return Provenance(**values)


def is_web(url: str) -> bool:
    """An http or https URL that names a host (and can be read: `http://[::1` cannot)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def _entry(provenance: Provenance) -> dict[str, Any]:
    entry = {name: getattr(provenance, name) for name in _FIELDS}
    entry["pages"] = list(provenance.pages)
    return {name: value for name, value in entry.items() if value not in (None, [])}


def _is_relative(path: str) -> bool:
    """A path inside the folder: never absolute, never climbing out of it."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and ".." not in parts and "\\" not in path
