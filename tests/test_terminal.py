"""What reaches the terminal: colour only where it shows, shading that says what it is,
--save on every table (as text, SVG or HTML), the pager (MGI_PAGER) for long output on a
terminal only, and the same text piped as shown."""

from __future__ import annotations

import os
import re

import pytest
from typer.testing import CliRunner

from mgi_cli.cli import app
from mgi_cli.terminal import Terminal, color_depth, pager_command

ESCAPE = "\x1b"
TABLE_COMMANDS = [["list"], ["overview"], ["show", "kazakhstan"], ["domains"], ["check"],
                  ["compare", "kazakhstan", "kyrgyzstan"], ["search", "trafficking"]]


def invoke(*args: str, terminal: Terminal | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, list(args), obj=terminal, env=env)


def test_colour_shows_on_a_colour_terminal():
    shown = invoke("show", "kazakhstan", terminal=Terminal(stdout_isatty=True, colors=256))
    assert re.search(r"\x1b\[[0-9;]*36m3\. Partnerships", shown.stdout)  # cyan titles


@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=lambda c: c[0])
def test_piped_output_has_no_escape_sequences_even_on_a_colour_terminal_type(command):
    piped = Terminal(stdout_isatty=False, colors=0)
    result = invoke(*command, terminal=piped, env={"TERM": "xterm-256color"})
    assert result.stdout and ESCAPE not in result.stdout


@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=lambda c: c[0])
def test_no_color_on_a_terminal_sends_no_colour(command):
    tty = Terminal(stdout_isatty=True, colors=256)
    plain = invoke("--no-color", *command, terminal=tty).stdout
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|38;|48;)", plain)


@pytest.mark.parametrize(("environ", "depth"), [
    ({"TERM": "xterm-256color"}, 256), ({"TERM": "xterm"}, 8), ({"TERM": "dumb"}, 0),
    ({"TERM": "xterm", "COLORTERM": "truecolor"}, 1 << 24),
    ({"TERM": "xterm-256color", "NO_COLOR": ""}, 0), ({"NO_COLOR": "1"}, 0)])
def test_colour_depth_from_the_environment(environ, depth):
    assert color_depth(environ) == depth


def overview_cells(terminal: Terminal) -> list[str]:
    """The escape sequence that opens each count cell of the overview."""
    text = invoke("overview", terminal=terminal).stdout
    return re.findall(r"(\x1b\[[0-9;]*m|  )\s*\d+ / \d+", text)


@pytest.mark.parametrize("colors", [8, 256])
def test_overview_shades_differ_with_8_and_256_colours(colors):
    styles = overview_cells(Terminal(stdout_isatty=True, colors=colors, width=100))
    assert len(styles) == 30 and len(set(styles)) >= 3


def test_overview_caption_speaks_of_shading_only_when_there_is_shading():
    shaded = invoke("overview", terminal=Terminal(stdout_isatty=True, colors=8)).stdout
    plain = invoke("overview", terminal=Terminal()).stdout
    assert "shading shows how many findings a cell holds" in shaded
    assert "shading" not in plain


@pytest.mark.parametrize("command", TABLE_COMMANDS, ids=lambda c: c[0])
def test_save_keeps_a_copy_of_every_table_without_trailing_spaces(command, tmp_path):
    target = tmp_path / "table.txt"
    result = invoke(*command, "--save", str(target), terminal=Terminal(width=80))
    saved = target.read_text(encoding="utf-8")
    assert saved == result.stdout
    assert not [line for line in saved.splitlines() if line != line.rstrip()]


@pytest.mark.parametrize("suffix", [".svg", ".html"])
def test_save_keeps_what_was_shown(run, tmp_path, suffix):
    target = tmp_path / f"view{suffix}"
    result = run("show", "kazakhstan", "-d", "partnerships", "--save", str(target))
    assert result.exit_code == 0
    saved = target.read_text(encoding="utf-8")
    assert "Almaty" in saved and ("<svg" in saved if suffix == ".svg" else "<html" in saved)


def test_save_with_a_suffix_mgi_cannot_write_is_refused_before_anything_is_printed(tmp_path):
    result = invoke("overview", "--save", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"Error: --save: takes a file ending in .svg, .html, .txt, not "
                             f"{str(tmp_path / 'x.pdf')!r}. See 'mgi overview -h'.\n")
    assert not (tmp_path / "x.pdf").exists()


def test_save_with_another_format_is_refused(tmp_path):
    result = invoke("domains", "-f", "json", "--save", str(tmp_path / "x.txt"))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("Error: --save keeps a copy of a table")


def test_pager_receives_long_output_only_on_a_terminal(tmp_path):
    paged = tmp_path / "paged.txt"
    pager = f"sh -c 'cat > {paged}'"
    tty = Terminal(stdout_isatty=True, height=24, pager=pager)
    assert invoke("show", "kazakhstan", terminal=tty).stdout == ""
    assert "Republic of Kazakhstan" in paged.read_text()
    paged.unlink()
    assert "Republic of Kazakhstan" in invoke("--no-pager", "show", "kazakhstan",
                                              terminal=tty).stdout
    assert "kazakhstan" in invoke("list", terminal=tty).stdout  # shorter than the screen
    piped = Terminal(stdout_isatty=False, height=24, pager=pager)
    assert "Republic of Kazakhstan" in invoke("show", "kazakhstan", terminal=piped).stdout
    assert not paged.exists()


def test_long_output_goes_through_the_pager_on_a_terminal(run, tmp_path, monkeypatch):
    """The pager is the one MGI_PAGER names, as the terminal reads it from the environment."""
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MGI_PAGER", f"sh -c 'cat > {paged}'")
    tty = Terminal(stdout_isatty=True, width=80, height=24, pager=pager_command(os.environ))
    result = run("show", "kazakhstan", obj=tty)
    assert result.exit_code == 0 and result.stdout == ""
    assert "Migration Governance Profile: Republic of Kazakhstan" in paged.read_text()
