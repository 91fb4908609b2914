"""The long tables (`list`, `overview`): laid out at every width from 40 columns without losing
or cutting an id or a count, stacked below the width a table needs; counts from the store equal
counts of the findings."""

from __future__ import annotations

import io
import json
import re

import pytest
from rich.console import Console

import mgi_cli
from mgi_cli.model import counted
from mgi_cli.views.grid import Column, Grid, _wrap

SEED_IDS = ["azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]


def printed(grid: Grid, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, no_color=True, markup=False)
    console.print(grid)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


def test_list_at_80_columns_is_a_table_whose_names_wrap_at_words(run):
    lines = run("list").stdout.splitlines()
    assert lines[0] == ("ID          Name              Level     Country     Date     Ed.  Lang  "
                        "Findings")
    assert lines[2] == ("azerbaijan  Republic of       national  Azerbaijan  2023-10    1  en    "
                        "25 / 12")
    assert lines[3] == "            Azerbaijan"
    assert lines[6] == ("kyrgyzstan  Kyrgyz Republic   national  Kyrgyzstan  2023-12    2  en    "
                        "22 / 11")


@pytest.mark.parametrize("command", ["list", "overview"])
@pytest.mark.parametrize("width", [40, 45, 50, 60, 65, 70, 75, 80, 100])
def test_every_width_keeps_ids_and_counts_whole(run, monkeypatch, command, width):
    monkeypatch.setenv("COLUMNS", str(width))
    result = run(command)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    for profile_id in SEED_IDS:  # each id starts a line, whole
        assert any(line.split()[:1] == [profile_id] for line in lines), (profile_id, width)
    counts = re.findall(r"\d+ / \d+", result.stdout)  # every count, whole, in order
    assert counts == expected_counts(run, command)


def expected_counts(run, command: str) -> list[str]:
    data = json.loads(run(command, "-f", "json").stdout)
    if command == "list":
        return [f"{p['strengths']} / {p['gaps']}" for p in data]
    return [f"{d['strengths']} / {d['gaps']}" for p in data for d in p["domains"].values()]


def test_below_the_width_a_table_needs_each_row_is_a_block(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    text = run("list").stdout
    assert text.startswith(
        "azerbaijan\n"
        "  Name      Republic of Azerbaijan\n"
        "  Level     national\n"
        "  Country   Azerbaijan\n"
        "  Date      2023-10\n"
        "  Ed.       1\n"
        "  Lang      en\n"
        "  Findings  25 / 12\n"
        "\n"
        "kazakhstan\n")
    overview = run("overview").stdout
    assert "kyrgyzstan\n  1 Rights      4 / 3\n  2 Gov.        4 / 1\n" in overview


def test_a_narrow_overview_wraps_its_headers_not_its_counts(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "66")
    lines = run("overview").stdout.splitlines()
    assert lines[:2] == ["Profile       1       2       3          4         5       6",
                         "            Rights  Gov.   Partners  Well-being  Crises  Safe"]
    assert lines[3] == "azerbaijan  4 / 2   4 / 2   4 / 1      4 / 2     5 / 2   4 / 3"


def test_cells_are_data_never_markup_or_control_sequences():
    grid = Grid([Column("ID"), Column("Name", wrap=True)])
    grid.add_row("x", "[bold]Name[/] :heart: \x1b[31mred\x07 two\nlines")
    text = printed(grid, 80)
    assert text.splitlines()[2] == "x   [bold]Name[/] :heart: [31mred two lines"


def test_a_word_too_long_beside_its_header_goes_below_it_whole():
    grid = Grid([Column("ID"), Column("Heading as written", wrap=True)], stacked=True)
    grid.add_row("x", "WHOLE-OF-GOVERNMENT APPROACH")
    assert printed(grid, 40).splitlines() == [
        "x", "  Heading as written", "    WHOLE-OF-GOVERNMENT APPROACH"]


def test_a_word_longer_than_the_terminal_is_folded_not_lost():
    grid = Grid([Column("ID"), Column("Name", wrap=True)])
    grid.add_row("x", "a" * 50)
    assert printed(grid, 40).splitlines() == ["x", "  Name", "    " + "a" * 36, "    " + "a" * 14]


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("Republic of Azerbaijan", 12, ["Republic of", "Azerbaijan"]),
    ("Municipality of La Cruz", 16, ["Municipality of", "La Cruz"]),
    ("", 10, [""]),
    ("tierra del fuego", 100, ["tierra del fuego"]),
    ("日本語の名前", 6, ["日本語の名前"]),  # one word of 12 cells overflows unless folded
])
def test_wrap_breaks_between_words(text, width, lines):
    assert _wrap(text, width) == lines


def test_wrap_counts_wide_characters_as_two_cells():
    assert _wrap("日本語の名前", 6, fold=True) == ["日本語", "の名前"]


def test_stored_counts_equal_counts_of_the_findings():
    library = mgi_cli.open()
    stored = [p.counts() for p in library.profiles]  # from the domains table
    assert stored == [tuple(counted(b) for b in p.domains) for p in library.with_findings()]
    kazakhstan = library.profile("kazakhstan")
    assert (kazakhstan.count("strengths"), kazakhstan.count("gaps")) == (21, 15)
    assert [(c.domain, c.present, c.strengths, c.gaps) for c in kazakhstan.counts()[:2]] == [
        ("migrants-rights", True, 5, 3), ("whole-of-government", True, 3, 3)]
