"""Which files hold profiles, and how mgi names them: the table of input formats (each
format's suffixes, reader and size cap; the store keeps every format's parse) and the walk of a
data folder. Light: it imports no parser and no reader (each is imported when a file of its
format is read: pdfminer only for a PDF), so a command served from the cache pays for none.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from mgi_cli.model import Problem
from mgi_cli.record import Record, frozen

Reader = Callable[[Path], str]  # a file -> the text lines the parser reads


@frozen()
class Format(Record):
    """One input format: a row of the table every question about a file's kind asks."""

    name: str  # "text", "html", "pdf"
    suffixes: tuple[str, ...]  # lower case, with the dot
    max_bytes: int  # a bigger file is not read: it cannot be a profile
    read: Reader  # imports its module on first use


def _read_text(path: Path) -> str:
    from mgi_cli.plain_text import read_plain

    return read_plain(path)


def _read_html(path: Path) -> str:
    from mgi_cli.html_text import read_html

    return read_html(path)


def _read_pdf(path: Path) -> str:
    from mgi_cli.pdf_text import pdf_to_text

    return pdf_to_text(path)


TEXT = Format("text", (".txt", ".text"), 2 * 1024 * 1024, _read_text)  # a profile: ~20 KB
# A saved page carries scripts and styles (skipped); MGI report PDFs run to about 10 MB.
HTML = Format("html", (".html", ".htm", ".xhtml"), 20 * 1024 * 1024, _read_html)
PDF = Format("pdf", (".pdf",), 100 * 1024 * 1024, _read_pdf)
FORMATS: tuple[Format, ...] = (TEXT, HTML, PDF)
_BY_SUFFIX = {suffix: form for form in FORMATS for suffix in form.suffixes}
SUFFIXES = tuple(_BY_SUFFIX)  # every suffix mgi reads, for messages and completion


def format_of(path: str | os.PathLike[str]) -> Format | None:
    """The format a file's name says, by its suffix in any case ("KAZ.PDF"); None for a name
    mgi reads no profile from. A name only: whether the path is a file is the reader's to tell."""
    return _BY_SUFFIX.get(os.path.splitext(path)[1].lower())


def reading_format(path: str | os.PathLike[str]) -> Format:
    """The format a file is read as: its suffix's, or plain text for a file named directly
    whatever its suffix (`mgi check notes.md`)."""
    return format_of(path) or TEXT


def read_text(path: Path) -> str:
    """A profile file's text, as its format reads it."""
    return reading_format(path).read(path)


MAX_DEPTH = 8  # folder levels under a data folder: fr/2018/... is two

# Told of a subfolder the walk could not read: (its path, its path relative to the data
# folder, why).
Unlisted = Callable[[str, str, str], None]


# Where the bundled seeds sit in the store of the library folder, which holds both: a hidden
# name, so never the path of a file the walk finds in a folder.
BUNDLED = ".bundled/"


def bundled_seeds() -> Path:
    """The seed profiles shipped inside the package (or beside it in a source checkout)."""
    packaged = Path(__file__).resolve().parent / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def library_folder() -> Path | None:
    """The user's library folder (where `mgi fetch` saves profiles by default): MGI_LIBRARY_DIR
    (`~` expanded; empty turns the library off: None), else the user's data folder."""
    configured = os.environ.get("MGI_LIBRARY_DIR")
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    from platformdirs import user_data_dir  # here: it costs a tenth of a run to import

    return Path(user_data_dir("mgi", appauthor=False))


def default_data() -> tuple[Path, bool]:
    """What mgi reads when no data folder is given: (the library folder, True) when it holds
    a profile file, read with the bundled seeds beside it; else (the seeds, False), exactly as
    with no library. A missing library costs one failed listing."""
    library = library_folder()
    if library is not None:
        try:
            if next(walk(library, lambda _path, _relative, _why: None), None) is not None:
                return library, True
        except OSError:  # missing, not a folder, or not readable: no library
            pass
    return bundled_seeds(), False


def real_path(folder: Path, relative: str) -> Path:
    """The file a store's relative path names: in the folder, or, under BUNDLED, a seed."""
    if relative.startswith(BUNDLED):
        return bundled_seeds() / relative[len(BUNDLED):]
    return folder / relative


def profile_files(folder: Path, problems: list[Problem] | None = None) -> list[Path]:
    """The profile files in a folder and its subfolders, in path order (see `walk`).

    A subfolder that cannot be read is added to `problems`; the folder itself raises OSError.
    """

    def unlisted(path: str, _relative: str, reason: str) -> None:
        if problems is not None:
            problems.append(Problem(display_path(Path(path)), 0, reason))

    return [Path(entry.path) for _, entry in walk(folder, unlisted)]


def walk(folder: Path, unlisted: Unlisted) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """(path relative to the folder, entry) of every profile file under it, in path order.

    The one place the rules for which files a data folder holds live, shared by loading and
    by the snapshot's fingerprint so the two can never disagree. Profiles are often sorted
    into subfolders (`fr/`, `2018/`), so the walk goes down; it skips hidden names and the
    `*_files` folders a browser saves beside a page (their scripts are not profiles), reads a
    folder reached twice (a symlink to one already read, or a loop) once, and stops at
    MAX_DEPTH levels. A subfolder it cannot read goes to `unlisted(path, relative, reason)`
    and the walk goes on; the folder itself raises OSError. os.scandir, not pathlib: the
    fingerprint runs on every command and scandir's entries carry their type for free.
    """
    real = os.path.realpath(folder)
    listing = _listing(os.fspath(folder))
    yield from _Walk(unlisted, {real}).files(listing, "", real, 0)


class _Walk:
    """One walk's state: what to do with a folder it cannot read, and the folders seen."""

    def __init__(self, unlisted: Unlisted, seen: set[str]) -> None:
        self.unlisted, self.seen = unlisted, seen

    def files(self, listing: list[os.DirEntry[str]], relative: str, real: str,
              depth: int) -> Iterator[tuple[str, os.DirEntry[str]]]:
        for entry in listing:
            name = entry.name
            if name.startswith("."):
                continue
            if format_of(name) is not None:
                # Even a folder so named ("fr.txt/"): listed, so the loader reports it as "a
                # folder, not a file" rather than dropping it unseen; never walked, never read.
                yield relative + name, entry
            elif not name.endswith("_files") and _is_folder(entry):
                yield from self.folder(entry, relative + name, real, depth + 1)

    def folder(self, entry: os.DirEntry[str], relative: str, parent: str,
               depth: int) -> Iterator[tuple[str, os.DirEntry[str]]]:
        # Only a link can lead back: a plain folder's real path is its parent's plus its name.
        real = (os.path.realpath(entry.path) if _is_link(entry)
                else os.path.join(parent, entry.name))
        if real in self.seen:
            return
        self.seen.add(real)
        if depth > MAX_DEPTH:
            self.unlisted(entry.path, relative, f"not read: over {MAX_DEPTH} folder levels deep")
            return
        try:
            listing = _listing(entry.path)
        except OSError as error:
            self.unlisted(entry.path, relative, f"cannot be listed: {error.strerror or error}")
            return
        yield from self.files(listing, relative + "/", real, depth)


def _listing(path: str) -> list[os.DirEntry[str]]:
    with os.scandir(path) as entries:
        return sorted(entries, key=lambda e: e.name)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: os.DirEntry[str]) -> bool:
    """A symlink, or a Windows junction (which is_symlink does not count)."""
    try:
        junction = getattr(entry, "is_junction", None)  # Python 3.12+
        return entry.is_symlink() or bool(junction and junction())
    except OSError:
        return True


def display_path(path: Path) -> str:
    """A path as mgi shows it: a file name is data too, so it cannot drive the terminal."""
    from mgi_cli.text import clean

    return clean(str(path))


def expand(paths: Iterable[Path], problems: list[Problem]) -> list[Path]:
    """Files as given, folders as the profile files in them and their subfolders; a missing
    path, or a folder that cannot be listed, is a problem."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            try:
                files.extend(profile_files(path, problems))
            except OSError as error:
                message = f"cannot be listed: {error.strerror}"
                problems.append(Problem(display_path(path), 0, message))
        elif path.exists() or os.path.islink(path):
            files.append(path)
        else:
            problems.append(Problem(display_path(path), 0, "no such file or folder"))
    return files
