"""Files -> profiles: each file read as its format says (sources.FORMATS), then parsed (parser.py).

A file that cannot be read, or holds no profile, is skipped with a Problem that names it and
says why; the other files still load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mgi_cli.errors import UnreadableFile
from mgi_cli.model import Problem, Profile
from mgi_cli.parser import NotAProfile, parse_profile
from mgi_cli.plain_text import decode  # noqa: F401  (re-exported: tests decode through here)
from mgi_cli.sources import (  # noqa: F401  (re-exported: the loader's public names)
    TEXT,
    bundled_seeds,
    display_path,
    expand,
    profile_files,
    read_text,
    reading_format,
)

MAX_TEXT_BYTES = TEXT.max_bytes  # re-exported: tests/test_damaged_files.py makes a file one over

Progress = Callable[[int, int, Path], None]


@dataclass(frozen=True)
class LoadResult:
    profiles: tuple[Profile, ...]
    problems: tuple[Problem, ...]
    files: tuple[str, ...] = ()  # every file tried, read or not


def read_profile(path: Path) -> tuple[Profile, list[Problem]]:
    """One profile file; raise UnreadableFile (or NotAProfile) with the reason."""
    try:
        if path.is_dir():
            raise UnreadableFile("a folder, not a file")
        size, form = path.stat().st_size, reading_format(path)
        if size > form.max_bytes:
            raise UnreadableFile(f"{size:,} bytes, over the {form.max_bytes:,}-byte limit for "
                                 "this kind")
        if size == 0:
            raise UnreadableFile("empty file")
        return parse_profile(form.read(path), display_path(path))
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
