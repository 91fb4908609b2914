"""What the terminal is, read once per run, and the one place output is written.

Whether stdout and stderr are terminals, the width and height, how many colours (none when
piped, with --no-color or with NO_COLOR), and the pager: httpie's Environment is the model.
A command's Terminal is built by the CLI's callback and passed to whatever prints; tests hand
the CLI a Terminal of their own (`CliRunner().invoke(app, args, obj=Terminal(...))`).

Tables are rendered by rich into text first, then written: through a pager when the output is
long and goes to a terminal (as `git log` does: MGI_PAGER, then PAGER, then `less -FRX`),
straight to stdout otherwise. JSON, CSV and Markdown never import rich and never page.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # names for annotations only: rich is imported when a table is printed
    from rich.console import Console, RenderableType

DEFAULT_PAGER = "less -FRX"
SAVE_SUFFIXES = (".svg", ".html", ".txt")
# rich's names for the colour depths a terminal may have.
COLOR_SYSTEMS = {8: "standard", 256: "256", 1 << 24: "truecolor"}


class Terminal:
    """The facts output depends on. A plain class: a dataclass would compile its methods at
    import, on every keystroke of shell completion."""

    def __init__(self, *, stdout_isatty: bool = False, stderr_isatty: bool = False,
                 width: int = 80, height: int = 24, colors: int = 0,
                 pager: str | None = None) -> None:
        self.stdout_isatty, self.stderr_isatty = stdout_isatty, stderr_isatty
        self.width, self.height = max(width, 20), height
        self.colors = colors  # 0 (none), 8, 256 or 1 << 24
        self.pager = pager  # a command line, or None: never page

    @classmethod
    def detect(cls, environ: Mapping[str, str] = os.environ) -> Terminal:
        import shutil

        size = shutil.get_terminal_size()
        tty = sys.stdout.isatty()
        return cls(stdout_isatty=tty, stderr_isatty=sys.stderr.isatty(), width=size.columns,
                   height=size.lines, colors=color_depth(environ) if tty else 0,
                   pager=pager_command(environ))

    def without(self, *, color: bool = False, pager: bool = False) -> Terminal:
        """The same terminal with colour or paging turned off (--no-color, --no-pager)."""
        return Terminal(stdout_isatty=self.stdout_isatty, stderr_isatty=self.stderr_isatty,
                        width=self.width, height=self.height,
                        colors=0 if color else self.colors, pager=None if pager else self.pager)

    # -- writing --

    def write(self, text: str) -> None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")

    def error(self, line: str) -> None:
        """One line on stderr: a warning, an error, a note beside the results."""
        sys.stderr.write(line + "\n")

    def print_table(self, renderable: RenderableType, save: Path | None = None) -> None:
        """Render with rich; page long output on a terminal; keep a copy in `save`."""
        console = self.console(record=save is not None)
        console.print(renderable, crop=False)  # a name wider than the terminal stays whole
        text = _unpadded(console.file.getvalue())  # type: ignore[attr-defined]
        if save is not None:
            _save(console, save)
        long = text.count("\n") >= self.height
        if not (self.pager and self.stdout_isatty and long and _page(self.pager, text)):
            sys.stdout.write(text)

    def console(self, record: bool = False) -> Console:
        """A rich console that renders into a string as this terminal would show it."""
        import io

        from rich.console import Console

        return Console(
            file=io.StringIO(), width=self.width, force_terminal=self.stdout_isatty,
            # On a terminal without colours, bold and italic still show; piped, nothing does.
            color_system=COLOR_SYSTEMS.get(self.colors, "standard")  # type: ignore[arg-type]
            if self.stdout_isatty else None,
            no_color=not self.colors, highlight=False, emoji=False, markup=False,
            record=record,
        )


def color_depth(environ: Mapping[str, str]) -> int:
    """How many colours the terminal shows: NO_COLOR (any value) and TERM=dumb mean none."""
    term = environ.get("TERM", "")
    if "NO_COLOR" in environ or term == "dumb":
        return 0
    if environ.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return 1 << 24
    return 256 if "256" in term else 8


def pager_command(environ: Mapping[str, str]) -> str | None:
    command = environ.get("MGI_PAGER") or environ.get("PAGER") or DEFAULT_PAGER
    return None if command.strip() in ("", "cat") else command


def check_save_path(save: Path | None) -> None:
    """Refuse a --save name mgi cannot write, before any work is done."""
    from mgi_cli.errors import MgiError

    if save is not None and save.suffix.lower() not in SAVE_SUFFIXES:
        raise MgiError(f"--save takes a file ending in {', '.join(SAVE_SUFFIXES)}, not {save}.")


def _unpadded(text: str) -> str:
    """Rich pads every line to the full width: output that is piped or saved should not."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _save(console: Any, path: Path) -> None:
    """Write the recorded table as the suffix asks, the way exports are written (atomic.py).
    --save has always replaced an existing file without asking, so it still does."""
    from mgi_cli.export import write_text

    suffix = path.suffix.lower()
    if suffix == ".svg":
        text = console.export_svg(title="mgi")
    elif suffix == ".html":
        text = console.export_html()
    else:
        text = _unpadded(console.export_text())
    write_text(path, text, force=True)


def _page(command: str, text: str) -> bool:
    """Send text through the user's pager; False when there is none that runs."""
    import contextlib
    import shlex
    import subprocess

    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=environment)
    except (OSError, ValueError):
        return False
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):  # the user quit the pager
        pager.communicate(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
    return True
