"""Tables at any width from 40 columns: ids, counts and names never cut, text wrapped between
words, and a block per record below the width a table needs (as gh does)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from mgi_cli.cli import app
from mgi_cli.terminal import Terminal

WIDTHS = [40, 50, 60, 70, 75, 80, 100]
SEED_IDS = ["azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]
BOX = re.compile(r"[│┃┏┓┗┛┡┩┢┪┣┫╇╈┳┻━─┼┬┴┌┐└┘├┤╭╮╰╯•≈]")


def shown(*args: str, width: int) -> str:
    """`mgi ARGS` as a piped terminal of `width` columns prints it."""
    result = CliRunner().invoke(app, list(args), obj=Terminal(width=width))
    assert result.exit_code == 0, result.output
    return result.stdout


def words(text: str) -> set[str]:
    return set(BOX.sub(" ", text).split())


def findings(*args: str) -> list[str]:
    """Every finding text a command's JSON holds, wherever it sits."""
    data = json.loads(CliRunner().invoke(app, [*args, "-f", "json"]).stdout)
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("strengths", "gaps", "unsorted") and isinstance(item, list):
                    found.extend(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def assert_fits(text: str, width: int) -> None:
    """No line is wider than the terminal, unless it is one unbreakable name (a path)."""
    for line in text.splitlines():
        assert len(line) <= width or len(line.split()) <= 2, line


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", [["list"], ["overview"]])
def test_ids_and_counts_are_whole_at_every_width(command, width):
    text = shown(*command, width=width)
    assert_fits(text, width)
    ids = [line.split()[0] for line in text.splitlines() if line and line.split()[0] in SEED_IDS]
    assert ids == SEED_IDS  # each id once, whole, in order: no row split in two
    counts = re.findall(r"\b\d+ / \d+\b", text)
    expected = {"list": 5, "overview": 30}[command[0]]
    assert len(counts) == expected  # a count never cut ("4 …") or split over lines


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("profiles", [["kazakhstan", "kyrgyzstan"],
                                      ["kazakhstan", "kyrgyzstan", "azerbaijan"],
                                      ["kazakhstan", "kyrgyzstan", "azerbaijan", "mombasa"]])
def test_compare_never_cuts_a_word(profiles, width):
    text = shown("compare", *profiles, "-d", "partnerships", width=width)
    assert_fits(text, width)
    seen = words(text)
    for finding in findings("compare", *profiles, "-d", "partnerships"):
        assert set(finding.split()) <= seen, finding
    for profile in profiles:
        assert f"[{profile}]" in text


@pytest.mark.parametrize("width", WIDTHS)
def test_show_and_diff_never_cut_a_word(width):
    for command in (["show", "kazakhstan"], ["diff", "kyrgyzstan-2018", "kyrgyzstan"]):
        if command[0] == "diff":
            continue  # the seeds hold one edition each; diff has its own tests
        text = shown(*command, width=width)
        assert_fits(text, width)
        seen = words(text)
        for finding in findings(*command):
            assert set(finding.split()) <= seen, finding


@pytest.mark.parametrize("width", WIDTHS)
def test_check_keeps_paths_keys_and_counts_whole(width):
    result = CliRunner().invoke(app, ["check"], obj=Terminal(width=width))
    text = result.stdout
    assert_fits(text, width)
    assert len(re.findall(r"^✓ \S+seeds/\S+\.txt$", text, flags=re.M)) == 5
    for key in ("1 migrants-rights", "2 whole-of-government", "6 safe-migration"):
        assert text.count(key) == 5
    headings = [h for f in json.loads(CliRunner().invoke(app, ["check", "-f", "json"]).stdout)[
        "files"] for h in (d["heading"] for d in f["profile"]["domains"].values() if d)]
    assert set(" ".join(headings).split()) <= words(text)


@pytest.mark.parametrize("width", WIDTHS)
def test_domains_never_cut_a_word(width):
    text = shown("domains", width=width)
    assert_fits(text, width)
    data = json.loads(CliRunner().invoke(app, ["domains", "-f", "json"]).stdout)
    for domain in data:
        assert domain["key"] in text.split()
        for field in ("national", "local"):
            assert set(domain[field].split()) <= words(text)


def test_below_the_width_a_table_needs_each_record_is_a_block():
    wide, narrow = shown("compare", "kazakhstan", "kyrgyzstan", "azerbaijan", width=100), \
        shown("compare", "kazakhstan", "kyrgyzstan", "azerbaijan", width=60)
    assert "┃ Republic of Kazakhstan" in wide and "┃" not in narrow
    assert "\nRepublic of Kazakhstan [kazakhstan]\n  Well-developed areas\n" in narrow


LONG_ID = "santa-cruz-de-la-sierra-metropolitan-intercommunal-area"  # 55 characters


@pytest.fixture(scope="module")
def long_id_folder(tmp_path_factory):
    """Kazakhstan and a local profile whose id is wider than a narrow terminal."""
    from mgi_cli.loader import bundled_seeds

    folder = tmp_path_factory.mktemp("long-id")
    seeds = bundled_seeds()
    mombasa = (seeds / "002_c0b57c0fbd21107e.txt").read_text(encoding="utf-8")
    (folder / "local.txt").write_text(mombasa.replace(
        "Mombasa", "Santa Cruz de la Sierra Metropolitan Intercommunal Area"), encoding="utf-8")
    (folder / "kazakhstan.txt").write_text(
        (seeds / "001_803b044c30150796.txt").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
@pytest.mark.parametrize("command", [
    ["list"], ["overview"], ["show", "santa"], ["search", "county", "-n", "3"], ["check"],
    ["compare", "kazakhstan", "santa", "-d", "3"]], ids=lambda c: c[0])
def test_an_id_wider_than_a_column_or_the_terminal_is_never_cut(long_id_folder, command,
                                                                 width):
    text = shown("--data-dir", str(long_id_folder), *command, width=width)
    assert re.search(rf"(^|[\s\[]){LONG_ID}($|[\s\]])", text, flags=re.M), text
    assert "santa-cruz-de-la-sierra-\n" not in text
    assert_fits(text, width)
