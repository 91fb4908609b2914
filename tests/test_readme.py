"""Every example in README.md's ```console blocks is what mgi prints today.

Each `$ mgi ...` line is one test case, named by its command. The lines below it, up to the
next `$` line or the end of the block, are what the README shows it printing:

- a line `...` (or `…`) means "lines left out": the shown text is then a series of chunks,
  each found as consecutive lines of the real output, in order; without a leading (trailing)
  `...` the first (last) chunk starts (ends) the output;
- lines are compared with trailing spaces stripped, trailing blank lines ignored;
- stdout alone, or stdout and stderr as printed together where the README shows a line that
  mgi writes to stderr (an error message);
- a comment `# ... exit code N` (or `exit N`) states the exit code; else it is 0, as the
  README's exit code table says of success; a comment ending in `: N` states how many
  findings a search finds;
- shell around the command: `| head -N` compares the first N lines; `&& other` and `| other`
  run the mgi part only (its exit code; `-f json` output must parse), and an output shown
  after `| other` would be other's, not mgi's: the test refuses it;
- `~/mgi-profiles`, the reader's own folder, is a folder built below from the seeds and the
  test fixtures (FOLDERS); the README shows it as /home/ana/mgi-profiles.

Run in-process with CliRunner, 80 columns, no colour, MGI_DATA_DIR unset, in an empty
working folder (so `--output mgi.db` or a failed `--save` writes nothing into the project).
"""

from __future__ import annotations

import difflib
import json
import re
import shlex
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgi_cli.cli import app
from mgi_cli.loader import bundled_seeds
from tests.editions import write_editions

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "MGI_DATA_DIR": None, "MGI_LANG": None,
       "MGI_PAGER": None, "PAGER": None}
GAP = {"...", "…"}
OPERATORS = {"|", "||", "&&", ";", "&", ">", ">>", "<"}
HOME_FOLDER = "~/mgi-profiles"  # as the README writes the reader's folder
SHOWN_FOLDER = "/home/ana/mgi-profiles"  # as the README shows mgi printing it


@dataclass
class Example:
    line: int  # of the `$` line in README.md
    command: str  # after "$ ", comment included
    shown: list[str] = field(default_factory=list)

    @property
    def comment(self) -> str:
        match = re.search(r"\s#\s*(.*)$", self.command)
        return match.group(1) if match else ""

    @property
    def words(self) -> list[str]:
        lexer = shlex.shlex(self.command, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        return list(lexer)  # comments dropped; |, &&, > ... are words of their own

    @property
    def argv(self) -> list[str]:
        """The mgi part: the words before the first shell operator, without `mgi`."""
        words = self.words
        end = next((i for i, w in enumerate(words) if w in OPERATORS), len(words))
        assert words[0] == "mgi", f"README.md:{self.line}: not an mgi command: {self.command}"
        return words[1:end]

    @property
    def shell(self) -> list[str]:
        """What follows the mgi part: [] or ['|', 'head', '-2'], ['&&', 'datasette', ...]."""
        words = self.words
        return words[len(self.argv) + 1:]

    @property
    def name(self) -> str:
        return " ".join(shlex.quote(w) if not w or re.search(r"[\s'\"]", w) else w
                        for w in self.words)

    @property
    def exit_code(self) -> int:
        match = re.search(r"\bexit(?: code)? (\d+)", self.comment)
        return int(match.group(1)) if match else 0

    @property
    def count(self) -> int | None:
        match = re.search(r":\s*(\d+)\s*$", self.comment)
        return int(match.group(1)) if match else None


def examples() -> list[Example]:
    found: list[Example] = []
    in_block = False
    current: Example | None = None
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), 1):
        if not in_block:
            in_block = line.strip() == "```console"
            current = None
        elif line.strip().startswith("```"):
            in_block = False
        elif line.startswith("$ "):
            current = Example(number, line[2:])
            found.append(current)
        else:
            assert current is not None, f"README.md:{number}: output before any command"
            current.shown.append(line)
    return found


# -- the reader's own folders, rebuilt ------------------------------------------------------

def checked(folder: Path) -> None:
    """A clean profile, the EIU's 2016 index, a French profile with an unknown list label,
    and a file of notes."""
    shutil.copy(bundled_seeds() / "000_8695948dd2a135b0.txt", folder)
    shutil.copy(FIXTURES / "reported" / "eiu_2016_index.txt", folder)
    shutil.copy(FIXTURES / "fidelity" / "notes.txt", folder)
    french = (FIXTURES / "fidelity" / "kazakhstan_fr.txt").read_text(encoding="utf-8")
    label = "Domaines pouvant être développés davantage :\u00a0\n"  # line 74, domain 1
    assert french.count(label) >= 1
    (folder / "fr").mkdir()
    (folder / "fr" / "kazakhstan.txt").write_text(french.replace(label, "Perspectives\n", 1),
                                                  encoding="utf-8")


FOLDERS: dict[str, Callable[[Path], None]] = {
    "mgi --data-dir ~/mgi-profiles diff kyrgyzstan": write_editions,  # as tests/test_diff.py
    "mgi check ~/mgi-profiles": checked,
}

SKIPPED: dict[str, str] = {}  # command -> why it cannot run here (none today)


def cases() -> Iterator[object]:
    seen: set[str] = set()
    for example in examples():
        name = example.name
        assert name not in seen, f"README.md:{example.line}: {name} shown twice"
        seen.add(name)
        marks = []
        if name in SKIPPED:
            marks.append(pytest.mark.skip(reason=SKIPPED[name]))
        yield pytest.param(example, id=name, marks=marks)


# -- comparing -------------------------------------------------------------------------------

def mismatch(shown: list[str], printed: str) -> str | None:
    """None when `printed` shows every chunk of `shown` in order; else why not."""
    shown = [line.rstrip() for line in shown]
    real = [line.rstrip() for line in printed.splitlines()]
    while shown and not shown[-1]:
        shown.pop()
    while real and not real[-1]:
        real.pop()
    chunks: list[list[str]] = [[]]
    for line in shown:
        if line.strip() in GAP:
            chunks.append([])
        else:
            chunks[-1].append(line)
    open_start = bool(shown) and shown[0].strip() in GAP
    open_end = bool(shown) and shown[-1].strip() in GAP
    at = 0
    for index, chunk in enumerate(chunks):
        if not chunk:
            continue
        if index == 0 and not open_start:
            starts = [0] if real[:len(chunk)] == chunk else []
        else:
            starts = [i for i in range(at, len(real) - len(chunk) + 1)
                      if real[i:i + len(chunk)] == chunk]
        if not starts:
            return "this part of the example is not in the output:\n" + "\n".join(
                difflib.unified_diff(chunk, real[at:], "README", "mgi", lineterm="", n=2))
        at = starts[0] + len(chunk)
    if not open_end and at != len(real):
        return "the output goes on after the example (add a line '...'?):\n" + "\n".join(
            real[at:])
    return None


def run(example: Example, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    argv = example.argv
    folder = None
    if any("~" in word for word in argv):  # the reader's own folder: never silently skipped
        assert example.name in FOLDERS and any(HOME_FOLDER in word for word in argv), (
            f"README.md:{example.line}: add a folder to FOLDERS, or the example to SKIPPED")
        # A short path, as the README's: a long one could wrap differently.
        folder = Path(tempfile.mkdtemp(prefix="mgi-readme-")) / "mgi-profiles"
        folder.mkdir()
        FOLDERS[example.name](folder)
        argv = [word.replace(HOME_FOLDER, str(folder)) for word in argv]
    try:
        result = CliRunner().invoke(app, argv, env=ENV)
    finally:
        if folder is not None:
            shutil.rmtree(folder.parent)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        pytest.fail("".join(traceback.format_exception(result.exception)))
    return result, folder


@pytest.mark.parametrize("example", list(cases()))
def test_readme_example(example: Example, tmp_path, monkeypatch):
    result, folder = run(example, tmp_path, monkeypatch)
    where = f"README.md:{example.line}: {example.name}"
    assert result.exit_code == example.exit_code, (
        f"{where}: exit code {result.exit_code}, the README says {example.exit_code}\n"
        f"{result.output}")
    shell = example.shell
    printed = result.stdout
    errors = {line.strip() for line in result.stderr.splitlines() if line.strip()}
    if any(line.strip() in errors for line in example.shown):
        printed = result.output  # stdout and stderr, as a terminal shows them
    if folder is not None:
        printed = printed.replace(str(folder), SHOWN_FOLDER)
    if shell[:2] == ["|", "head"]:
        lines = int(shell[2].lstrip("-")) if len(shell) > 2 else 10
        printed = "".join(printed.splitlines(keepends=True)[:lines])
    elif shell[:1] == ["|"]:
        assert not example.shown, f"{where}: the output shown is {shell[1]}'s, not mgi's"
        if "json" in argv_format(example.argv):
            json.loads(result.stdout)
        return
    if example.count is not None:
        first = result.stdout.splitlines()[0]
        assert re.match(rf"{example.count} findings? match", first), (
            f"{where}: the README says {example.count} findings, mgi says: {first}")
    if not example.shown:
        return  # the README shows no output
    why = mismatch(example.shown, printed)
    assert why is None, f"{where}: {why}"


def argv_format(argv: list[str]) -> str:
    for flag in ("-f", "--format"):
        if flag in argv[:-1]:
            return argv[argv.index(flag) + 1]
    return ""


def test_every_console_block_has_examples():
    """The parser sees the README's examples: a changed fence would silently test nothing."""
    text = README.read_text(encoding="utf-8")
    assert len(examples()) >= text.count("```console") >= 10


# -- the domains table ----------------------------------------------------------------------

def test_domains_table_is_what_mgi_domains_says():
    """README's table of the six domains: numbers, keys, names and every alias mgi accepts
    (other than the key itself)."""
    text = README.read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d) \| `([a-z-]+)` \| ([^|]+) \| ([^|]+) \|$", text, re.M)
    shown = [(int(n), key, name.strip(), [a.strip() for a in aliases.split(",")])
             for n, key, name, aliases in rows]
    result = CliRunner().invoke(app, ["domains", "-f", "json"], env=ENV)
    assert result.exit_code == 0, result.output
    real = [(d["number"], d["key"], d["name"], [a for a in d["aliases"] if a != d["key"]])
            for d in json.loads(result.stdout)]
    assert shown == real
