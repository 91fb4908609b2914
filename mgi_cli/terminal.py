"""Printing for the command line: formats, colour, the pager and --save. Used by cli.py only.

Tables are rendered by rich into text first, then written: through a pager when the output is
long and goes to a terminal (as `git log` does: MGI_PAGER, then PAGER, then `less -FRX`),
straight to stdout otherwise. JSON, CSV and Markdown never import rich and never page.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

from mgi_cli.errors import MgiError

DEFAULT_PAGER = "less -FRX"
SAVE_SUFFIXES = (".svg", ".html", ".txt")


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SimpleFormat(str, Enum):
    table = "table"
    json = "json"


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_json(data: Any) -> None:
    from mgi_cli.serialize import to_json

    write(to_json(data))


def check_save_path(save: Path | None) -> None:
    """Refuse a --save name mgi cannot write, before any work is done."""
    if save is not None and save.suffix.lower() not in SAVE_SUFFIXES:
        raise MgiError(f"--save takes a file ending in {', '.join(SAVE_SUFFIXES)}, not {save}.")


def print_table(renderable: Any, no_color: bool, pager: bool, save: Path | None) -> None:
    """Render with rich; page long output on a terminal; keep a copy in `save`."""
    from rich.console import Console

    terminal = stdout_is_terminal()
    console = Console(
        file=io.StringIO(), force_terminal=terminal, width=shutil.get_terminal_size().columns,
        no_color=no_color or "NO_COLOR" in os.environ,
        highlight=False, emoji=False, markup=False, record=save is not None,
    )
    console.print(renderable)
    # Rich pads every line to the full width; output that is piped should not carry that.
    text = "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"
    if save is not None:
        _save(console, save)
    long = text.count("\n") >= shutil.get_terminal_size().lines
    if not (pager and terminal and long and _page(text)):
        sys.stdout.write(text)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


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
        text = console.export_text()
    write_text(path, text, force=True)


def _page(text: str) -> bool:
    """Send text through the user's pager; False when there is none that runs."""
    command = os.environ.get("MGI_PAGER") or os.environ.get("PAGER") or DEFAULT_PAGER
    if command.strip() in ("", "cat"):
        return False
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    try:
        pager = subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=environment)
    except (OSError, ValueError):
        return False
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):  # the user quit the pager
        pager.communicate(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
    return True
