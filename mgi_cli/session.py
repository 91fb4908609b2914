"""One run of a command: its terminal and global options, the library loaded once, and what
loading had to say (a progress bar while it takes a moment, warnings said once, capped)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgi_cli.errors import NothingFound

if TYPE_CHECKING:  # names for annotations only: the core is imported when a command needs it
    from mgi_cli.library import Library, Progress
    from mgi_cli.model import Problem
    from mgi_cli.terminal import Terminal

PROGRESS_AFTER_SECONDS = 0.3
WARNINGS_PER_FILE = 3
WARNINGS_IN_ALL = 10


class Session:
    """The global options and what one command loads once (a plain class: a dataclass
    compiles its methods at import, on every start)."""

    def __init__(self, terminal: Terminal, data_dir: Path | None, language: str = "en") -> None:
        self.terminal, self.data_dir = terminal, data_dir
        self.language = language  # what a plain id prefers among a profile's translations
        self.library: Library | None = None
        self.warned = 0  # how many of the library's warnings were printed
        self.tags_warned = False  # mgi-tags.csv's problems, said once

    def load(self) -> Library:
        """The profiles of the data folder (or the bundled seeds), loaded once per command."""
        if self.library is None:
            from mgi_cli import library

            self.adopt(self.with_progress(lambda on_file: library.open(
                self.data_dir, language=self.language, on_file=on_file)))
            assert self.library is not None
            if not self.library.profiles:
                raise NothingFound(f"No MGI profiles found in {self.library.where}; see mgi "
                                   "check.")
        return self.library

    def adopt(self, found: Library) -> None:
        """Keep a library read for this command, and say what reading it met."""
        self.library = found
        self.store_warnings()
        warn(self.terminal, [p for p in found.problems if p.warn])

    def store_warnings(self) -> None:
        """What the store had to do (rebuilt, not used), each said once, when it happens."""
        if self.library is None:
            return
        for warning in self.library.warnings[self.warned:]:
            self.terminal.error(f"warning: {warning}")
        self.warned = len(self.library.warnings)
        if not self.tags_warned and (problems := self.library.tag_problems()):
            warn(self.terminal, problems)  # corrections not used: never in silence
            self.tags_warned = True

    def with_progress(self, load: Callable[[Progress | None], Library]) -> Library:
        """Run `load(on_file)`; on a terminal, a progress bar on stderr once loading takes a
        moment."""
        if not self.terminal.stderr_isatty:
            return load(None)
        bar = _Bar(time.monotonic())
        try:
            return load(bar.step)
        finally:
            bar.stop()


class _Bar:
    """rich's progress bar, started only once loading has taken PROGRESS_AFTER_SECONDS."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.progress: Any = None
        self.task: Any = None

    def step(self, done: int, total: int, path: Path) -> None:
        if self.progress is None and time.monotonic() - self.started > PROGRESS_AFTER_SECONDS:
            from rich.console import Console
            from rich.progress import Progress

            self.progress = Progress(console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task("Reading profiles", total=total)
            self.progress.start()
        if self.progress is not None:
            self.progress.update(self.task, completed=done, description=f"Reading {path.name}")

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def warn(terminal: Terminal, problems: Sequence[Problem]) -> None:
    """One line per problem on stderr, at most a few per file and a few in all: damaged files
    should not bury the results under thousands of lines; `mgi check` lists them all."""
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        if shown.get(problem.source, 0) >= WARNINGS_PER_FILE or sum(
                shown.values()) >= WARNINGS_IN_ALL:  # a dozen numbers at most
            hidden[problem.source] = hidden.get(problem.source, 0) + 1
            continue
        shown[problem.source] = shown.get(problem.source, 0) + 1
        where = f"{problem.source}:{problem.line}" if problem.line else problem.source
        terminal.error(f"warning: {where}: {problem.message} (see mgi check)")
    if len(hidden) == 1:
        (source, more), = hidden.items()
        terminal.error(f"warning: {source}: {more} more problems (see mgi check)")
    elif hidden:
        terminal.error(f"warning: {sum(hidden.values())} more problems in {len(hidden)} files "
                       "(see mgi check)")
