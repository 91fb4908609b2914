"""The argv pre-scan: which command a command line names, before Typer builds the app."""

from __future__ import annotations

import pytest

from mgi_cli.cli import app, command_name
from mgi_cli.prescan import VALUED_GLOBALS, invoked_command

COMMANDS = [command_name(c) for c in app.registered_commands]


def test_every_command_is_known():
    assert COMMANDS == ["list", "show", "compare", "search", "overview", "diff", "export",
                        "check", "domains", "fetch", "findings", "objectives"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("before", [
    [], ["--data-dir", "X"], ["--data-dir", "show"], ["--data-dir=X"], ["--lang", "fr"],
    ["--lang", "es", "--data-dir", "profiles", "--no-color", "--no-pager"]])
def test_each_command_is_found_past_the_global_options(command, before):
    assert invoked_command([*before, command, "kazakhstan", "--format", "json"],
                           COMMANDS) == command


@pytest.mark.parametrize("words", [
    [], ["--help"], ["-h"], ["--version"], ["--lang", "fr"], ["--lang", "fr", "--help"],
    ["--data-dir", "X", "-h", "show"], ["--show-completion", "bash"],
    ["--install-completion"], ["shw", "kazakhstan"]])
def test_help_version_completion_and_typos_keep_every_command(words):
    assert invoked_command(words, COMMANDS) is None


def test_the_valued_globals_are_the_real_options_that_take_a_value():
    import typer.main

    group = typer.main.get_group(app)
    taking = sorted(name for param in group.params if not param.is_flag
                    for name in param.opts)
    assert sorted(VALUED_GLOBALS) == taking
