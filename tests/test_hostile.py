"""Hostile and broken input: it never hurts the user, and nothing is lost or changed."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgi_cli import loader
from mgi_cli.cli import app
from mgi_cli.errors import UnreadableFile
from mgi_cli.loader import bundled_seeds, decode, load_paths
from mgi_cli.model import Domain, DomainFindings, Profile
from mgi_cli.parser import NotAProfile, parse_profile
from mgi_cli.text import clean
from tests.pages import write_pdf

KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TEMPLATE = (
    "Key findings\n{heading}\n\nMigration Governance: examples of well-developed areas\n"
    "  • {finding}\n\nAreas with potential for further development\n  • A gap.\n\n"
    "Migration Governance Profile: {title}\n"
)
HOSTILE = (
    "Clears\x1b[2J the screen, sets\x1b]0;pwned\x07 the title, forges "
    "\x1b]8;;http://evil.example\x1b\\a link\x1b]8;;\x1b\\, rings\x07, reorders "
    "\u202eevil\u202c text, hides\u200b\u2066 words\u2069 and \U000e0041tags."
)
MARKUP = "A [red]bold[/red] claim [/x] [link=http://x]y[/link] :heart: [bold]here[/]."


def profile_folder(tmp_path: Path, finding: str, heading: str = "Partnerships",
                   title: str = "Republic of Testland") -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    text = TEMPLATE.format(heading=heading, finding=finding, title=title)
    (folder / "testland.txt").write_text(text, encoding="utf-8")
    return folder


# -- terminal safety ---------------------------------------------------------------------------

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


@pytest.mark.parametrize("args", [
    ["show", "testland"], ["show", "testland", "-f", "json"], ["show", "testland", "-f", "csv"],
    ["search", "claim"], ["search", "claim", "-f", "json"], ["compare", "testland", "kgz"],
    ["list"], ["overview"], ["check"],
])
def test_markup_and_emoji_codes_print_literally(run, tmp_path, args):
    marked_title = args[0] in ("list", "overview")
    folder = profile_folder(
        tmp_path, MARKUP, heading="[red]Partnerships[/red]" if args[0] == "check" else
        "Partnerships", title="[bold]Testland[/] :heart:" if marked_title else "Testland")
    shutil.copy(KYRGYZSTAN, folder / "k.txt")
    if args[0] == "check":
        args = ["check", str(folder)]
    result = run("--data-dir", str(folder), *args)
    assert result.exit_code in (0, 1), result.output
    flat = " ".join(result.stdout.split())
    if args[0] == "list":
        assert "[bold]" in flat and ":heart:" in flat  # the name column wraps
    elif args[0] == "overview":
        assert "bold-" in flat  # the id made from the title, wrapped
    elif args[0] == "check":
        assert "[red]Partnerships[/red]" in flat  # the heading as written
    elif "json" in args:
        assert MARKUP in result.stdout
    else:
        assert " ".join(MARKUP.split()) in flat.replace("│ ", "").replace(" │", "") or (
            "[red]bold[/red]" in flat and ":heart:" in flat)


def test_markup_saved_to_svg_and_html_stays_text(run, tmp_path):
    folder = profile_folder(tmp_path, MARKUP)
    for suffix in (".svg", ".html"):
        target = tmp_path / f"out{suffix}"
        result = run("--data-dir", str(folder), "show", "testland", "--save", str(target))
        assert result.exit_code == 0
        assert "[red]bold[/red]" in target.read_text() or "[red]bold[/red]" in (
            target.read_text().replace("&#160;", " ").replace("&nbsp;", " "))


# -- broken files ------------------------------------------------------------------------------

def broken_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    folder.mkdir()
    shutil.copy(KYRGYZSTAN, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "encoding.txt").write_bytes(b"Key findings\n\x81\x8d\x8f\x90\x9d\xff\xfe bad")
    (folder / "folder.txt").mkdir()
    with (folder / "huge.txt").open("wb") as huge:  # sparse: nothing is really written
        huge.truncate(loader.MAX_TEXT_BYTES + 1)
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    (folder / "deep.html").write_text("<div>" * 50000 + "<p>x</p>")
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    return folder


EXPECTED = {
    "empty.txt": "cannot be read: empty file",
    "binary.txt": "cannot be read: binary data, not text",
    "encoding.txt": "cannot be read: not text in UTF-8, UTF-16 or Windows-1252",
    "folder.txt": "cannot be read: a folder, not a file",
    "huge.txt": "cannot be read: 2,097,153 bytes, over the 2,097,152-byte limit for this kind",
    "loop-a.txt": "cannot be read: Too many levels of symbolic links",
    "loop-b.txt": "cannot be read: Too many levels of symbolic links",
    "deep.html": "holds no MGI profile (no domain headings)",
    "truncated.pdf": "cannot be read: a damaged or truncated PDF",
}


def test_check_explains_each_broken_file(run, tmp_path):
    folder = broken_folder(tmp_path)
    result = run("check", str(folder), "-f", "json")
    assert result.exit_code == 1
    report = {Path(f["file"]).name: f["problems"] for f in json.loads(result.stdout)["files"]}
    assert report.pop("good.txt") == []
    assert {name: problems[0]["message"][:len(EXPECTED[name])]
            for name, problems in report.items()} == EXPECTED
    assert all(len(problems) == 1 for problems in report.values())


def test_other_commands_skip_each_broken_file_with_one_warning(run, tmp_path):
    folder = broken_folder(tmp_path)
    result = run("--data-dir", str(folder), "list", "-f", "json")
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == ["kyrgyzstan"]
    warnings = result.stderr.splitlines()
    assert len(warnings) == len(EXPECTED)
    assert all(w.startswith("warning: ") and w.endswith("(see mgi check)") for w in warnings)


def test_a_huge_file_is_refused_without_being_read(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(loader.MAX_TEXT_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    with pytest.raises(UnreadableFile, match="over the"):
        loader.read_profile(huge)


def test_unreadable_permissions(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    shutil.copy(KYRGYZSTAN, locked)

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = load_paths([tmp_path])
    assert result.profiles == ()
    assert [p.message for p in result.problems] == ["cannot be read: Permission denied"]


def test_a_pdf_of_thousands_of_pages_is_refused_before_layout(tmp_path, monkeypatch):
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "long.pdf"
    canvas = Canvas(str(pdf))
    for _ in range(1200):
        canvas.drawString(72, 720, "page")
        canvas.showPage()
    canvas.save()
    import pdfminer.high_level

    monkeypatch.setattr(pdfminer.high_level, "extract_pages",
                        lambda *a, **k: pytest.fail("laid out a 1,200-page PDF"))
    result = load_paths([pdf])
    assert [p.message for p in result.problems] == [
        "cannot be read: over 500 pages; MGI reports are far shorter"]


# -- bad requests ------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "code", "message"), [
    (["search", "x" * 10_000], 2, "Error: The search query is over 500 characters"),
    (["search", "   \t "], 2, "Error: The search query is empty."),
    (["search", "(.*)[a-z]+\\"], 1, "No findings match"),
    (["search", '"unbalanced quote'], 1, "No findings match"),
    (["search", "***"], 2, "Error: The search query '***' has no words"),
    (["show", "nowhere"], 2, "Error: Unknown profile 'nowhere'."),
    (["show", "\x1b[2Jkaz"], 2, "Error: Unknown profile '\\x1b[2Jkaz'."),
    (["show", "kaz", "-d", "9"], 2, "Error: Unknown domain '9'."),
    (["--data-dir", "/no/such/folder", "list"], 2, "Error: The data folder '/no/such/folder'"),
    (["export", "-f", "csv", "-o", "/no/such/folder/out.csv"], 2,
     "Error: Cannot write '/no/such/folder/out.csv'"),
    (["list", "--save", "/no/such/folder/out.svg"], 2, "Error: Cannot write"),
])
def test_bad_requests_get_one_clear_line(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output and not CONTROL.search(result.stderr)


def test_pretty_exceptions_never_show_local_variables():
    assert app.pretty_exceptions_show_locals is False


# -- nothing lost, nothing changed -------------------------------------------------------------

def snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns,
                                         hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_mgi_never_writes_into_a_data_folder(run, seeds, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(KYRGYZSTAN, folder / "k.txt")
    write_pdf(next(p for p in seeds.profiles if p.id == "mombasa"), folder / "mombasa.pdf")
    before = snapshot(folder)
    for args in (["list"], ["show", "mombasa"], ["search", "trafficking"], ["overview"],
                 ["compare", "mombasa", "kyrgyzstan"], ["check", str(folder)], ["export"],
                 ["show", "mombasa"]):
        run("--data-dir", str(folder), *args)
    assert snapshot(folder) == before


@pytest.mark.parametrize("form", ["sqlite", "csv"])
def test_an_interrupted_export_leaves_no_file(run, tmp_path, monkeypatch, form):
    target = tmp_path / f"out.{form}"
    if form == "sqlite":
        from mgi_cli import store

        run("list")  # the store is up to date: only the export writes rows now

        def interrupted(*args):
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "write_problems", interrupted)
    else:
        monkeypatch.setattr(Path, "write_text",
                            lambda self, *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    result = run("export", "-f", form, "-o", str(target))
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []


# -- fuzzing -----------------------------------------------------------------------------------

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


LINES = st.lists(st.sampled_from([
    "Key findings", "Partnerships", "Migrants' rights", "Domain 3: Well-being", "1",
    "Migration Governance: examples of well-developed areas",
    "Areas with potential for further development", "  • A finding.", "- another", "",
    "continued text", "2023 Décembre", "Migration Governance Profile: Republic of Kazakhstan",
    "Domain one: institutional capacity", "\x1b[31m", "\u202e", "•", "  ◦ sub",
]) | st.text(max_size=40), max_size=60)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_loader_on_random_profile_shaped_lines(lines):
    try:
        profile, problems = parse_profile("\n".join(lines), "fuzz.txt")
    except NotAProfile:
        return
    assert [b.domain.number for b in profile.domains][:6] == [1, 2, 3, 4, 5, 6]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_loader_on_random_bytes_returns_text_or_a_documented_error(data):
    try:
        text = decode(data)
    except UnreadableFile:
        return
    with contextlib.suppress(NotAProfile):  # the one documented error of the parser
        parse_profile(text, "fuzz.bin")


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


def test_a_file_with_thousands_of_problems_gets_a_few_warning_lines(run, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(KYRGYZSTAN, folder / "good.txt")
    lines = ["Key findings", "Partnerships", "", "  • A finding before any label."] * 2000
    (folder / "noisy.txt").write_text("\n".join(lines), encoding="utf-8")
    result = run("--data-dir", str(folder), "list", "-f", "json")
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()
    assert len(warnings) == 4
    assert warnings[-1].endswith("more problems (see mgi check)")
    checked = json.loads(run("check", str(folder / "noisy.txt"), "-f", "json").stdout)
    assert len(checked["files"][0]["problems"]) > 1000


def test_many_files_with_a_problem_each_get_a_dozen_warning_lines(run, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for number in range(25):  # the same profile 25 times: 24 duplicate ids, renamed
        shutil.copy(KYRGYZSTAN, folder / f"{number:02}.txt")
    result = run("--data-dir", str(folder), "list", "-f", "json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 25
    warnings = result.stderr.splitlines()
    assert len(warnings) == 11
    assert all("duplicate profile id" in line for line in warnings[:10])
    assert warnings[-1] == "warning: 14 more problems in 14 files (see mgi check)"
