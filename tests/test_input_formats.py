"""The table of input formats: every suffix, in any case, names one format with its reader
and size cap; a folder named like a profile is never read as a file; a reader is imported
only when a file of its format is read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mgi_cli import sources
from mgi_cli.loader import bundled_seeds, load_paths
from mgi_cli.sources import FORMATS, HTML, PDF, TEXT, format_of, reading_format

SEED = sorted(bundled_seeds().glob("*.txt"))[0]


@pytest.mark.parametrize(("name", "expected"), [
    ("kazakhstan.txt", TEXT), ("notes.text", TEXT), ("KAZAKHSTAN.TXT", TEXT),
    ("page.html", HTML), ("page.htm", HTML), ("page.xhtml", HTML), ("Page.HTM", HTML),
    ("report.pdf", PDF), ("REPORT.PDF", PDF), ("report.Pdf", PDF),
    ("fr/2018/kazakhstan.txt", TEXT), ("a.b.pdf", PDF),
])
def test_every_suffix_in_any_case_names_its_format(name, expected):
    assert format_of(name) is expected
    assert format_of(Path(name)) is expected
    assert reading_format(name) is expected


@pytest.mark.parametrize("name", ["notes.md", "profile", "profile.txt.bak", ".txt", "x.pdfx",
                                  "page.html~", "archive.zip"])
def test_other_names_have_no_format_but_are_read_as_text_when_named(name):
    assert format_of(name) is None
    assert reading_format(name) is TEXT  # a file named on the command line is tried as text


def test_the_table_has_one_entry_per_format_and_each_suffix_once():
    assert [f.name for f in FORMATS] == ["text", "html", "pdf"]
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes)) and tuple(suffixes) == sources.SUFFIXES
    assert all(s == s.lower() and s.startswith(".") for s in suffixes)
    assert (TEXT.max_bytes, HTML.max_bytes, PDF.max_bytes) == (2 << 20, 20 << 20, 100 << 20)


def test_each_format_reads_with_its_own_reader(tmp_path):
    (tmp_path / "a.TXT").write_bytes("\ufeffKey findings\n".encode())
    (tmp_path / "b.HTM").write_text("<h1>Title</h1><ul><li>one</li></ul>", encoding="utf-8")
    assert sources.read_text(tmp_path / "a.TXT") == "Key findings\n"
    lines = sources.read_text(tmp_path / "b.HTM").splitlines()
    assert [line for line in lines if line] == ["Title", "• one"]


def test_a_folder_named_like_a_profile_is_reported_never_walked_or_read(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    (folder / "fr.txt").mkdir(parents=True)
    shutil.copy(SEED, folder / "fr.txt" / "inside.txt")
    shutil.copy(SEED, folder / "real.txt")

    def never(path: Path) -> str:
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(sources, "TEXT", TEXT.replace(read=never))
    monkeypatch.setattr(sources, "_BY_SUFFIX", {".txt": sources.TEXT})
    assert [rel for rel, _ in sources.walk(folder, lambda *_: None)] == ["fr.txt", "real.txt"]
    with pytest.raises(AssertionError, match="real.txt"):
        load_paths([folder])  # the real file is read; the folder before it never was
    monkeypatch.setattr(sources, "_BY_SUFFIX", {".txt": TEXT})
    result = load_paths([folder])
    assert [(Path(p.source).name, p.message) for p in result.problems if not p.note] == [
        ("fr.txt", "cannot be read: a folder, not a file")]
    assert len(result.profiles) == 1


def test_the_table_imports_no_reader_until_a_file_of_its_format_is_read(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    code = ("import sys; from pathlib import Path; from mgi_cli import sources\n"
            "assert sources.format_of('x.pdf') is sources.PDF\n"
            f"sources.read_text(Path({str(tmp_path / 'seed.txt')!r}))\n"
            "print(sorted(m for m in ('pdfminer', 'mgi_cli.pdf_text', 'mgi_cli.html_text',"
            " 'mgi_cli.parser') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["[]"]
