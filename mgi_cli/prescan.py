"""Which command a command line names, read before Typer builds the app.

Typer builds every registered command before parsing, and a process runs one: main() keeps
only the one named (mgi starts on every Tab of shell completion). The words are read past the
global options, so this module must know which of them take a value (a test checks that list
against the real options).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

VALUED_GLOBALS = ("--data-dir", "--lang")  # global options followed by a value
STOPPING = ("-h", "--help", "--version")  # top-level help or version: every command is named


def words() -> list[str]:
    """The command line's words, or the words being completed in completion mode."""
    if "_MGI_COMPLETE" not in os.environ:
        return sys.argv[1:]
    import shlex

    line = os.environ.get("COMP_WORDS") or os.environ.get("_TYPER_COMPLETE_ARGS", "")
    try:
        typed = shlex.split(line)[1:]
    except ValueError:
        return []
    # The word under the cursor may be a command name still being typed: keep them all.
    cursor = os.environ.get("COMP_CWORD")
    return typed[: int(cursor) - 1] if cursor and cursor.isdigit() else typed[:-1]


def invoked_command(typed: list[str], names: Iterable[str]) -> str | None:
    """The command the words name, past the global options; None for top-level help."""
    skip = False
    for word in typed:
        if skip:
            skip = False
        elif word in VALUED_GLOBALS:
            skip = True
        elif word in STOPPING or word.startswith(("--install-completion", "--show-completion")):
            return None
        elif not word.startswith("-"):
            return word if word in set(names) else None
    return None
