"""Profile text is untrusted: control, bidirectional and zero-width characters are taken out
when a profile is read, and Rich markup or emoji codes in a finding, a heading, a title or a file
name print as written in every command and format, and in a saved SVG or HTML copy."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgi_cli.model import Domain, DomainFindings, Profile
from mgi_cli.parser import NotAProfile, parse_profile
from mgi_cli.text import clean
from tests.editions import KYRGYZSTAN
from tests.samples import CONTROL, HOSTILE, MARKUP, TEMPLATE, profile_folder

# -- control characters --------------------------------------------------------------------------

def test_control_and_format_characters_are_removed_at_load_time():
    profile, _ = parse_profile(TEMPLATE.format(heading="Partnerships", finding=HOSTILE,
                                               title="Republic of Testland"))
    text = profile.domains[2].strengths[0]
    assert not CONTROL.search(text)
    assert text == ("Clears the screen, sets the title, forges a link, rings, reorders evil "
                    "text, hides words and tags.")


@pytest.mark.parametrize("args", [
    ["show", "testland"], ["show", "testland", "-f", "json"], ["show", "testland", "-f", "csv"],
    ["show", "testland", "-f", "markdown"], ["search", "screen"], ["list"], ["check"],
    ["compare", "testland", "kyrgyzstan"], ["overview"], ["export"],
])
def test_no_output_can_drive_the_terminal(run, tmp_path, args):
    folder = profile_folder(tmp_path, HOSTILE, title="Republic of \x1b[31mTestland\x07")
    shutil.copy(KYRGYZSTAN, folder / "k.txt")
    if args[0] == "check":
        args = ["check", str(folder)]
    result = run("--data-dir", str(folder), *args)
    assert result.exit_code == (1 if args[0] == "check" else 0), result.output  # check: the
    assert not CONTROL.search(result.stdout) and not CONTROL.search(result.stderr)  # 5 missing


def test_a_file_name_cannot_drive_the_terminal(run, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "evil\x1b[2J\x07.txt").write_bytes(b"")
    result = run("check", str(folder))
    assert result.exit_code == 1 and "cannot be read: empty file" in result.stdout
    assert not CONTROL.search(result.stdout)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_loader_on_random_text_returns_a_profile_or_not_a_profile(text):
    try:
        profile, problems = parse_profile(text, "fuzz.txt")
    except NotAProfile:
        return
    for block in profile.domains:
        for finding in (*block.strengths, *block.gaps):
            assert finding == clean(finding) and not CONTROL.search(finding)


def one_finding_profile(text: str) -> Profile:
    domains = tuple(DomainFindings(Domain(k, n, k), k, (text,) if n == 1 else ())
                    for n, k in enumerate(["migrants-rights", "whole-of-government",
                                           "partnerships", "well-being", "crises",
                                           "safe-migration"], 1))
    return Profile("fuzz", "Fuzz", "Migration Governance Profile: Fuzz", "national", None, None,
                   "2024-01", 1, "fuzz.txt", domains)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_renderers_on_random_finding_text(raw):
    from mgi_cli.dataset import finding_rows
    from mgi_cli.terminal import Terminal
    from mgi_cli.views import csv as as_csv
    from mgi_cli.views import json as as_json
    from mgi_cli.views import markdown, table

    text = clean(raw)  # what the loader guarantees every finding to be
    profile = one_finding_profile(text)
    data = json.loads(as_json.to_json(as_json.profile_dict(profile, profile.domains)))
    assert data["domains"][0]["strengths"] == [text]
    parsed = list(csv.DictReader(io.StringIO(as_csv.to_csv(*finding_rows([profile])))))
    assert [r["text"] for r in parsed] == [text]
    assert not CONTROL.search(markdown.profile_markdown(profile, profile.domains))
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        Terminal(width=80).print_table(table.profile_view(profile, profile.domains))
    shown = buffer.getvalue()
    assert not CONTROL.search(shown.replace("\n", ""))
    def letters(value: str) -> str:  # the text without layout: spaces, wraps, bullet glyphs
        return "".join(value.split()).replace("•", "")

    assert letters(text) in letters(shown)


# -- markup and emoji codes ----------------------------------------------------------------------

def lines_with(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if word in line]


def left_cells(text: str, domain: str) -> list[str]:
    """The left column of one domain's table in `mgi compare`, a cell line each."""
    block = text[text.index(domain):].split("└")[0]
    return [line.split("│")[1].strip() for line in block.splitlines() if line.startswith("│")]


# Each case: the command, its exit code, and where in its output the text must stand, exactly.
# `check` exits 1: the test profile has five of its six domains missing.
MARKUP_CASES = {
    "show": (["show", "testland"], 0,
             lambda out: lines_with(out, "[red]"), [f"  • {MARKUP}"]),
    "show-json": (["show", "testland", "-f", "json"], 0,
                  lambda out: json.loads(out)["domains"][2]["strengths"], [MARKUP]),
    "show-csv": (["show", "testland", "-f", "csv"], 0,
                 lambda out: [r["text"] for r in csv.DictReader(io.StringIO(out))],
                 [MARKUP, "A gap."]),
    "search": (["search", "claim"], 0,
               lambda out: lines_with(out, "[red]"), [f"  {MARKUP}"]),
    "search-json": (["search", "claim", "-f", "json"], 0,
                    lambda out: [h["text"] for h in json.loads(out)["hits"]], [MARKUP]),
    "compare": (["compare", "testland", "kgz"], 0,
                lambda out: left_cells(out, "3. Partnerships")[:5],
                ["Well-developed areas", "• A [red]bold[/red] claim [/x]",
                 "[link=http://x]y[/link] :heart:", "[bold]here[/].", ""]),
    "list": (["list"], 0,  # the title as written; the id made from it
             lambda out: out.split("\n  Level")[0].splitlines(),
             ["bold-testland-heart", "  Name      [bold]Testland[/] :heart:"]),
    "overview": (["overview"], 0,  # the id made from the title
                 lambda out: lines_with(out, "bold-"),
                 ["bold-testland-heart     —       —      1 / 1         —          —       —"]),
    "check": (["check"], 1,  # the heading as written
              lambda out: lines_with(out, "[red]"),
              ["  3 partnerships         [red]Partnerships[/red]          1             1"]),
}


@pytest.mark.parametrize(("args", "code", "found", "expected"), MARKUP_CASES.values(),
                         ids=MARKUP_CASES.keys())
def test_markup_and_emoji_codes_print_literally(run, tmp_path, args, code, found, expected):
    marked_title = args[0] in ("list", "overview")
    folder = profile_folder(
        tmp_path, MARKUP, heading="[red]Partnerships[/red]" if args[0] == "check" else
        "Partnerships", title="[bold]Testland[/] :heart:" if marked_title else "Testland")
    shutil.copy(KYRGYZSTAN, folder / "k.txt")
    if args[0] == "check":
        args = ["check", str(folder)]
    result = run("--data-dir", str(folder), *args)
    assert result.exit_code == code, result.output
    assert result.stderr == ""
    assert found(result.stdout) == expected


def test_markup_saved_to_svg_and_html_stays_text(run, tmp_path):
    folder = profile_folder(tmp_path, MARKUP)
    for suffix, written in ((".svg", ">" + MARKUP.replace(" ", "&#160;") + "</text>"),
                            (".html", f"\n  • {MARKUP}\n")):
        target = tmp_path / f"out{suffix}"
        result = run("--data-dir", str(folder), "show", "testland", "--save", str(target))
        assert result.exit_code == 0
        assert written in target.read_text(encoding="utf-8")
