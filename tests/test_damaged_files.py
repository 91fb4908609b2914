"""Damaged files in a data folder: empty, binary, in an unknown encoding, a folder, huge, a
link loop, nested too deep, a truncated PDF, a PDF of thousands of pages, unreadable; and files
with thousands of problems. `mgi check` explains each; other commands skip each with one
warning, capped at a few lines; nothing is read that is over its limit; and any bytes or lines
give a profile or the parser's one documented error, never a crash."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgi_cli import loader
from mgi_cli.errors import UnreadableFile
from mgi_cli.loader import decode, load_paths
from mgi_cli.parser import NotAProfile, parse_profile
from tests.editions import KYRGYZSTAN

# -- files mgi cannot read ---------------------------------------------------------------------

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


# -- thousands of problems: a few warning lines ---------------------------------------------

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


# -- any bytes, any lines ----------------------------------------------------------------------

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
