"""Files -> profiles: the only module that reads files. Parsing itself is in parser.py.

A file that cannot be read, or holds no profile, is skipped with a Problem that names it and
says why; the other files still load.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mgi_cli.errors import UnreadableFile
from mgi_cli.model import Problem, Profile
from mgi_cli.parser import NotAProfile, parse_profile
from mgi_cli.sources import (  # noqa: F401  (re-exported: the loader's public names)
    HTML_SUFFIXES,
    MAX_HTML_BYTES,
    MAX_PDF_BYTES,
    MAX_TEXT_BYTES,
    PDF_SUFFIXES,
    bundled_seeds,
    display_path,
    expand,
    profile_files,
    size_limit,
)

Progress = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class LoadResult:
    profiles: tuple[Profile, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...] = ()  # every file tried, read or not


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise UnreadableFile("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableFile("not text in UTF-8, UTF-16 or Windows-1252") from None


def read_profile(path: Path) -> tuple[Profile, list[Problem]]:
    """One profile file; raise UnreadableFile (or NotAProfile) with the reason."""
    try:
        if path.is_dir():
            raise UnreadableFile("a folder, not a file")
        size = path.stat().st_size
        limit = size_limit(path)
        if size > limit:
            raise UnreadableFile(f"{size:,} bytes, over the {limit:,}-byte limit for this kind")
        if size == 0:
            raise UnreadableFile("empty file")
        return parse_profile(read_text(path), display_path(path))
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None


def read_or_report(path: Path) -> tuple[Profile | None, list[Problem]]:
    """One file's profile and problems; a file that cannot be read or holds no profile is
    (None, the problem that says why)."""
    try:
        return read_profile(path)
    except NotAProfile:
        return None, [Problem(display_path(path), 0, "holds no MGI profile (no domain headings)")]
    except UnreadableFile as error:
        return None, [Problem(display_path(path), 0, f"cannot be read: {error}")]


def read_text(path: Path) -> str:
    """A profile file's text: plain text as it is, HTML and PDF turned into text lines."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        from mgi_cli.pdf_text import pdf_to_text

        return pdf_to_text(path)
    text = decode(path.read_bytes())
    if suffix in HTML_SUFFIXES:
        from mgi_cli.html_text import html_to_text

        return html_to_text(text)
    return text


def load_paths(paths: Iterable[Path], on_file: Progress | None = None) -> LoadResult:
    """Every profile in these files and folders, with the problems met on the way.

    `on_file(done, total, path)` is called before each file, for a progress display.
    """
    profiles: list[Profile] = []
    problems: list[Problem] = []
    files = expand(paths, problems)
    for done, path in enumerate(files):
        if on_file is not None:
            on_file(done, len(files), path)
        profile, found = read_or_report(path)
        if profile is not None:
            profiles.append(profile)
        problems.extend(found)
    return LoadResult(tuple(profiles), tuple(problems), tuple(display_path(f) for f in files))
