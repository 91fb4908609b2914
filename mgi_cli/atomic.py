"""Writing files as `cp` leaves them, but atomically where a file can be replaced.

A regular file (or a missing one) is written to a temporary file beside it and renamed onto it
once complete, so an interrupted write never leaves a half-written file. Symbolic links are
followed to the file they name, which is the one replaced; the link stays. The new file keeps
the old one's permission bits and owner, or takes 0666 less the umask, as `cp` would give it.

Anything else is written in place: a pipe, a device, a folder (which fails, as it should) and a
descriptor such as /dev/stdout or /dev/fd/3, which stands for a file already open elsewhere.
Used by exports, --save and the caches.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

# A temporary file is named after its target, hidden, with mkstemp's random middle:
# `.out.csv.k3j9x_2a.tmp` beside `out.csv`. temporary_files() finds them by these two.
TEMPORARY_PREFIX = ".{name}."
TEMPORARY_SUFFIX = ".tmp"
# /dev/stdout, /dev/fd/3, /proc/self/fd/3: each names a descriptor, not a place in a folder.
_DESCRIPTOR = re.compile(r"/dev/std(in|out|err)|/dev/fd/\d+|/proc/[^/]+/fd/\d+")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside the file `target` names (through any links), renamed onto that
    file when the block completes and removed if it does not."""
    import tempfile  # here, not at the top: reading never pays for it

    real = Path(os.path.realpath(target))
    existing = _stat_or_none(real)  # before the temporary file exists: a failure leaves none
    handle, temporary = tempfile.mkstemp(dir=real.parent, suffix=TEMPORARY_SUFFIX,
                                         prefix=TEMPORARY_PREFIX.format(name=real.name))
    os.close(handle)
    try:
        yield Path(temporary)
        # After the block, not before: a writer such as sqlite3 may have made the file anew.
        _take_over(Path(temporary), existing)
        os.replace(temporary, real)
    finally:
        Path(temporary).unlink(missing_ok=True)


def temporary_files(folder: Path, name: str | None = None) -> list[Path]:
    """The temporary files atomic_path has made in `folder` (for a target called `name`, or
    any) and not yet renamed or removed: none once every write has ended, however it ended."""
    import glob

    pattern = TEMPORARY_PREFIX.format(name="*" if name is None else glob.escape(name))
    return sorted(folder.glob(f"{pattern}*{TEMPORARY_SUFFIX}"))


def writes_in_place(target: Path) -> bool:
    """True where a rename cannot stand in for writing: a descriptor path, or anything there
    that is not a regular file (a pipe, a terminal, a device, a folder)."""
    import stat

    if _DESCRIPTOR.fullmatch(os.path.abspath(target)):
        return True
    found = _stat_or_none(target)
    return found is not None and not stat.S_ISREG(found.st_mode)


def write_file(target: Path, text: str) -> None:
    """Write `text` to `target` atomically where it is (or will be) a regular file, in place
    where it is not."""
    if writes_in_place(target):
        # Appending, not truncating: /dev/stdout may be a file the shell opened with `>>` or
        # shares with other commands, whose content is not ours to cut. Pipes and devices
        # make no difference between the two.
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(text)
        return
    write_text(target, text)


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def _stat_or_none(path: Path | str) -> os.stat_result | None:
    """The file a path names, through links; None when there is none (a dangling link too)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _take_over(temporary: Path, existing: os.stat_result | None) -> None:
    """Give the new file the mode (and, where allowed, the owner) of the one it replaces."""
    import stat

    if existing is None:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(OSError):  # only root may give a file away; others keep it
            os.chown(temporary, existing.st_uid, existing.st_gid)
    os.chmod(temporary, stat.S_IMODE(existing.st_mode))  # after chown, which clears set-id bits


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read the umask is to set it, then set it back
    os.umask(mask)
    return mask
