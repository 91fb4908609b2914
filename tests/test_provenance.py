"""Where a fetched profile came from: the folder's mgi-sources.json (manifest.py), shown by
`mgi show` and carried by JSON, CSV, Markdown and every export. A manifest that cannot be read
is ignored; an entry outside the folder is never believed; a URL is data, cleaned."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from mgi_cli.sources import bundled_seeds

KAZAKHSTAN = bundled_seeds() / "001_803b044c30150796.txt"
URL = "https://www.migrationdataportal.org/overviews/mgi/kazakhstan"
FETCHED = "2026-12-04T15:40:02Z"
ENTRY = {"url": URL, "final_url": URL, "fetched_at": FETCHED, "sha256": "0" * 64,
         "language": "en"}


@pytest.fixture
def folder(tmp_path) -> Path:
    """A data folder holding the Kazakhstan profile and the Mombasa one, as fetched."""
    data = tmp_path / "data"
    (data / "en").mkdir(parents=True)
    shutil.copy(KAZAKHSTAN, data / "en" / "kazakhstan.txt")
    shutil.copy(bundled_seeds() / "002_c0b57c0fbd21107e.txt", data / "mombasa.txt")
    return data


def manifest(folder: Path, files: object) -> None:
    (folder / "mgi-sources.json").write_text(json.dumps({"version": 1, "files": files}),
                                             encoding="utf-8")


def header(run, folder: Path, profile: str) -> list[str]:
    result = run("--data-dir", str(folder), "show", profile)
    assert result.exit_code == 0 and result.stderr == "", result.output
    lines = result.stdout.splitlines()
    return lines[1:lines.index("", 1)]


def test_show_prints_the_source_url_and_the_day_it_was_fetched(run, folder):
    manifest(folder, {"en/kazakhstan.txt": ENTRY})
    assert header(run, folder, "kazakhstan")[6:9] == [
        f"Source         {URL}",
        "Fetched        2026-12-04",
        f"File           {folder / 'en' / 'kazakhstan.txt'}",
    ]
    assert header(run, folder, "mombasa")[6] == f"Source         {folder / 'mombasa.txt'}"
    assert not any(line.startswith("Fetched") for line in header(run, folder, "mombasa"))


def test_a_long_url_is_never_cut(run, folder, monkeypatch):
    long = URL + "/" + "x" * 90
    manifest(folder, {"en/kazakhstan.txt": {**ENTRY, "url": long}})
    monkeypatch.setenv("COLUMNS", "60")
    assert f"Source         {long}" in header(run, folder, "kazakhstan")


def test_json_markdown_and_list_carry_the_provenance(run, folder):
    manifest(folder, {"en/kazakhstan.txt": ENTRY})
    shown = json.loads(run("--data-dir", str(folder), "show", "kazakhstan", "-f", "json").stdout)
    assert list(shown)[-3:] == ["domains", "source_url", "fetched_at"]
    assert (shown["source_url"], shown["fetched_at"]) == (URL, FETCHED)
    listed = json.loads(run("--data-dir", str(folder), "list", "-f", "json").stdout)
    assert [(p["id"], p["source_url"], p["fetched_at"]) for p in listed] == [
        ("kazakhstan", URL, FETCHED), ("mombasa", None, None)]
    assert list(listed[0])[-2:] == ["source_url", "fetched_at"]
    text = run("--data-dir", str(folder), "show", "kazakhstan", "-f", "markdown").stdout
    assert f"- **Source:** {URL}" in text and "- **Fetched:** 2026-12-04" in text
    rows = list(csv.DictReader(io.StringIO(run("--data-dir", str(folder), "list", "-f",
                                               "csv").stdout)))
    assert [(r["source_url"], r["fetched_at"]) for r in rows] == [(URL, FETCHED), ("", "")]


def test_every_export_carries_the_provenance(run, folder, tmp_path):
    manifest(folder, {"en/kazakhstan.txt": ENTRY})
    rows = json.loads(run("--data-dir", str(folder), "export").stdout)
    assert {(r["profile"], r["source_url"], r["fetched_at"]) for r in rows} == {
        ("kazakhstan", URL, FETCHED), ("mombasa", None, None)}
    flat = list(csv.DictReader(io.StringIO(run("--data-dir", str(folder), "export", "-f",
                                               "csv").stdout)))
    assert {(r["profile"], r["source_url"], r["fetched_at"]) for r in flat} == {
        ("kazakhstan", URL, FETCHED), ("mombasa", "", "")}
    target = tmp_path / "mgi.db"
    assert run("--data-dir", str(folder), "export", "-f", "sqlite", "-o",
               str(target)).exit_code == 0
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT id, source_url, fetched_at FROM profiles ORDER BY id"
                          ).fetchall() == [("kazakhstan", URL, FETCHED), ("mombasa", None, None)]


def test_the_library_folder_s_manifest_counts_too(run, tmp_path, monkeypatch):
    library = tmp_path / "library"
    library.mkdir()
    shutil.copy(KAZAKHSTAN, library / "kazakhstan.txt")
    manifest(library, {"kazakhstan.txt": ENTRY, ".bundled/002_c0b57c0fbd21107e.txt": ENTRY})
    monkeypatch.setenv("MGI_LIBRARY_DIR", str(library))
    listed = json.loads(run("list", "-f", "json").stdout)
    assert [(p["id"], p["source_url"]) for p in listed] == [
        ("azerbaijan", None), ("kazakhstan", URL), ("kyrgyzstan", None), ("la-cruz", None),
        ("mombasa", None)]  # a seed is never believed fetched


@pytest.mark.parametrize("damage", [
    "{not json", '{"version": 1}', '{"version": 1, "files": []}',
    '{"version": 1, "files": {"en/kazakhstan.txt": {"url": 3}}}', "\udcff"])
def test_a_damaged_manifest_is_ignored(run, folder, damage):
    (folder / "mgi-sources.json").write_text(damage, encoding="utf-8", errors="surrogateescape")
    result = run("--data-dir", str(folder), "show", "kazakhstan", "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["source_url"] is None
    assert "Fetched" not in run("--data-dir", str(folder), "show", "kazakhstan").stdout


def test_an_entry_outside_the_folder_is_ignored(run, folder):
    inner = folder / "inner"
    inner.mkdir()
    shutil.copy(KAZAKHSTAN, inner / "kazakhstan.txt")
    manifest(inner, {"../mombasa.txt": ENTRY, "/etc/passwd": ENTRY,
                     "sub/../kazakhstan.txt": ENTRY})
    listed = json.loads(run("--data-dir", str(inner), "list", "-f", "json").stdout)
    assert [(p["id"], p["source_url"]) for p in listed] == [("kazakhstan", None)]


def test_a_url_is_data_never_markup_or_escapes(run, folder):
    manifest(folder, {"en/kazakhstan.txt": {
        **ENTRY, "url": "https://example.org/[red]x[/red]\x1b[31m\x1b]8;;http://evil\x07y"}})
    lines = header(run, folder, "kazakhstan")
    assert lines[6] == "Source         https://example.org/[red]x[/red]y"
    shown = json.loads(run("--data-dir", str(folder), "show", "kazakhstan", "-f", "json").stdout)
    assert shown["source_url"] == "https://example.org/[red]x[/red]y"


def test_the_store_looks_for_the_manifest_by_its_name():
    from mgi_cli.manifest import MANIFEST
    from mgi_cli.store import reader

    assert reader.MANIFEST == MANIFEST
