"""A fetched body -> a profile file in the target folder, or the reason it is not one.

The loader decides what is a profile (a page that does not read as one is never saved); the
pages of a profile split over `?page=N` are joined into one file first. Names come from the
URL's slug, sanitised to letters, digits, `.`, `-` and `_` (no separators, no `..`, no
control characters), so nothing is ever written outside the folder. Each file is written
atomically: Ctrl-C or a dropped connection never leaves half a file.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mgi_cli.fetch.links import TREE, language_of
from mgi_cli.model import Profile

SUFFIXES = {"html": ".html", "pdf": ".pdf"}
MAX_NAME = 100
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAIN = re.compile(rb"<main\b[^>]*>(.*)</main\s*>", re.I | re.S)
_BODY = re.compile(rb"<body\b[^>]*>(.*)</body\s*>", re.I | re.S)
_END = (re.compile(rb"</main\s*>", re.I), re.compile(rb"</body\s*>", re.I))


def read_profile(body: bytes, kind: str) -> tuple[Profile | None, str]:
    """The profile a body holds, as the loader reads it from a file; (None, why) if none."""
    from mgi_cli.loader import read_or_report

    with tempfile.TemporaryDirectory(prefix="mgi-fetch-") as folder:
        path = Path(folder) / f"page{SUFFIXES[kind]}"
        path.write_bytes(body)
        profile, problems = read_or_report(path)
    if profile is None:
        found = problems[0].message if problems else ""
        detail = found.removeprefix("holds no MGI profile").strip(" ()")
        return None, f"not an MGI profile ({detail})" if detail else "not an MGI profile"
    return profile, ""


def join_pages(first: bytes, others: list[bytes]) -> bytes:
    """One page from a profile's pages: each later page's main content (its <main>, else its
    <body>) put at the end of the first page's; its repeated furniture left out."""
    content = b"\n".join(_content(page) for page in others)
    for end in _END:
        found = list(end.finditer(first))
        if found:
            at = found[-1].start()
            return first[:at] + content + b"\n" + first[at:]
    return first + b"\n" + content


def _content(page: bytes) -> bytes:
    for part in (_MAIN, _BODY):
        found = part.search(page)
        if found:
            return found.group(1)
    return page


def file_name(url: str, kind: str, taken: set[str]) -> str:
    """A safe file name for what `url` holds, not in `taken`: the portal's slug with the
    language of a translated page (`kazakhstan.html`, `kazakhstan-fr.html`), a PDF's own name."""
    path = unquote(urlsplit(url).path)
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    if kind == "pdf" and slug.lower().endswith(".pdf"):
        slug = slug[:-4]
    language = language_of(url)
    if kind == "html" and language not in (None, "en") and f"/{TREE}" in path:
        slug = f"{slug}-{language}"
    stem = _UNSAFE.sub("-", slug).strip(".-_")[:MAX_NAME].strip(".-_")
    stem = stem or "profile-" + hashlib.sha256(url.encode()).hexdigest()[:12]
    name, number = stem + SUFFIXES[kind], 2
    taken = {other.lower() for other in taken}  # a folder may ignore case (macOS, Windows)
    while name.lower() in taken:
        name, number = f"{stem}-{number}{SUFFIXES[kind]}", number + 1
    return name


def write(folder: Path, name: str, body: bytes) -> Path:
    """Write `body` as `folder/name` atomically. A link of that name is replaced, never
    followed: nothing is written outside the folder."""
    import os

    from mgi_cli.atomic import TEMPORARY_PREFIX, TEMPORARY_SUFFIX

    if not is_safe_name(name):
        raise ValueError(f"unsafe file name {name!r}")
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=TEMPORARY_SUFFIX,
                                         prefix=TEMPORARY_PREFIX.format(name=name))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(body)
        os.chmod(temporary, 0o644)
        os.replace(temporary, folder / name)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return folder / name


def is_safe_name(name: str) -> bool:
    """A name `file_name` could have made: a file in the folder itself, never hidden."""
    return name == _UNSAFE.sub("-", name) and not name.startswith(".") and bool(
        name.strip("._-"))


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
