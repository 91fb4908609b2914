"""Which files hold profiles, and how mgi names them. Light: it imports no parser, so a
command served from the cache never pays for one."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mgi_cli.model import Problem

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
CACHED_SUFFIXES = PDF_SUFFIXES  # reading a PDF costs ~100x a text file
MAX_TEXT_BYTES = 2 * 1024 * 1024  # a profile's text is about 20 KB
MAX_HTML_BYTES = 20 * 1024 * 1024  # a saved page carries scripts and styles; they are skipped
MAX_PDF_BYTES = 100 * 1024 * 1024  # MGI report PDFs run to about 10 MB


def bundled_seeds() -> Path:
    """The seed profiles shipped inside the package (or beside it in a source checkout)."""
    packaged = Path(__file__).resolve().parent / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def profile_files(folder: Path) -> list[Path]:
    """The profile files directly in a folder, in name order."""
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    return [p for p in entries if p.suffix.lower() in SUFFIXES and not p.name.startswith(".")]


def size_limit(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return MAX_PDF_BYTES
    return MAX_HTML_BYTES if suffix in HTML_SUFFIXES else MAX_TEXT_BYTES


def display_path(path: Path) -> str:
    """A path as mgi shows it: a file name is data too, so it cannot drive the terminal."""
    from mgi_cli.text import clean

    return clean(str(path))


def expand(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """Files as given, folders as the profile files in them; a missing path is a problem."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                files.extend(profile_files(path))
            except OSError as error:
                message = f"cannot be listed: {error.strerror}"
                problems.append(Problem(display_path(path), 0, message))
        elif path.exists() or os.path.islink(path):
            files.append(path)
        else:
            problems.append(Problem(display_path(path), 0, "no such file or folder"))
    return files
