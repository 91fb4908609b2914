"""Presentation: what a command found -> text in the format asked for.

One module per format: table.py and table_compare.py (rich renderables for people), json.py
(plain data), csv.py (rows), markdown.py; wording.py holds the words all of them share. A
command hands `present` a View, a builder per format it offers; only the one asked for is
built, and terminal.py writes it. Nothing here imports rich until a table is built.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mgi_cli.errors import MgiError

if TYPE_CHECKING:  # names for annotations only: rich is imported when a table is built
    from rich.console import RenderableType

    from mgi_cli.dataset import Rows
    from mgi_cli.terminal import Terminal


class Lazy:
    """A views module imported on first use: `mgi show -f json` never imports rich."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        from importlib import import_module

        return getattr(import_module(self._name), attribute)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SimpleFormat(str, Enum):
    """The formats of commands whose results are not rows (diff, check, domains)."""

    table = "table"
    json = "json"


class View:
    """What a command hands to the printer: how to build each format it offers."""

    def __init__(self, *, table: Callable[[], RenderableType], json: Callable[[], Any],
                 csv: Callable[[], Rows] | None = None,
                 markdown: Callable[[], str] | None = None) -> None:
        self.table, self.json, self.csv, self.markdown = table, json, csv, markdown


def present(view: View, output: OutputFormat | SimpleFormat, terminal: Terminal,
            save: Path | None = None) -> None:
    """Build the format asked for and write it: tables through the terminal (colour, pager,
    --save), the others as plain text on stdout."""
    if save is not None and output.value != "table":
        raise MgiError("--save keeps a copy of a table; leave out --format or use --format table.")
    if output.value == "table":
        terminal.print_table(view.table(), save)
    elif output.value == "json":
        from mgi_cli.views.json import to_json

        terminal.write(to_json(view.json()))
    elif output.value == "csv" and view.csv is not None:
        from mgi_cli.views.csv import to_csv

        terminal.write(to_csv(*view.csv()))
    elif output.value == "markdown" and view.markdown is not None:
        terminal.write(view.markdown())
    else:  # the command's --format option offers only what its View builds
        raise MgiError(f"This command has no {output.value} output; use table or json.")
