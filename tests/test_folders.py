"""Data folders with subfolders: every profile under them is read, in path order, once; hidden
names and a saved page's `*_files` folder are skipped; links never loop; the store's
fingerprint sees exactly the files loading reads; and no command ever writes into a data
folder."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from mgi_cli import library, sources, store
from mgi_cli.loader import bundled_seeds, load_paths
from tests.editions import KYRGYZSTAN
from tests.pages import write_pdf

SEEDS = sorted(bundled_seeds().glob("*.txt"))  # kyrgyzstan, kazakhstan, mombasa, ...


def relative(folder: Path, files) -> list[str]:
    return [Path(f).relative_to(folder).as_posix() for f in files]


def problems(result) -> list[tuple[str, str]]:
    """The problems met loading, notes (which are not problems) left out."""
    return [(p.source, p.message) for p in result.problems if not p.note]


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A folder sorted the way people sort profiles: by language and by year."""
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "data"
    for name, seed in [("top.txt", 0), ("fr/kazakhstan.txt", 1), ("fr/2018/mombasa.txt", 2),
                       ("en/azerbaijan.txt", 3), ("fr-old/la-cruz.txt", 4)]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEEDS[seed], root / name)
    return root


def test_subfolders_are_read_in_path_order(data):
    result = load_paths([data])
    assert problems(result) == []
    assert relative(data, result.files) == [
        "en/azerbaijan.txt", "fr/2018/mombasa.txt", "fr/kazakhstan.txt",
        "fr-old/la-cruz.txt", "top.txt"]
    assert sorted(p.id for p in result.profiles) == [
        "azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]


def test_hidden_names_and_saved_page_folders_are_skipped(data):
    for name in [".git/profile.txt", "fr/.trash/old.txt", "fr/.draft.txt",
                 "kazakhstan_files/frame.html", "en/page_files/nested/frame.htm"]:
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text("<p>not a profile</p>", encoding="utf-8")
    (data / "fr" / "notes").mkdir()  # a folder without profiles is no problem
    result = load_paths([data])
    assert problems(result) == []
    assert len(result.files) == 5


def test_a_link_loop_or_a_second_link_is_followed_once(data, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(SEEDS[0], outside / "linked.txt")
    try:
        (data / "fr" / "loop").symlink_to(data, target_is_directory=True)
        (data / "fr" / "2018" / "up").symlink_to(data / "fr", target_is_directory=True)
        (data / "zz-same-as-fr").symlink_to(data / "fr", target_is_directory=True)
        (data / "a-link").symlink_to(outside, target_is_directory=True)
        (data / "z-link").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("this file system has no symbolic links")
    files = relative(data, load_paths([data]).files)
    assert files == ["a-link/linked.txt", "en/azerbaijan.txt", "fr/2018/mombasa.txt",
                     "fr/kazakhstan.txt", "fr-old/la-cruz.txt", "top.txt"]
    assert [mark[0] for mark in store.fingerprint(data)[0]] == files


def test_folders_deeper_than_the_limit_are_reported(data):
    deep = data.joinpath(*[f"level{n}" for n in range(1, sources.MAX_DEPTH + 2)])
    deep.mkdir(parents=True)
    shutil.copy(SEEDS[0], deep.parent / "deepest-read.txt")
    shutil.copy(SEEDS[0], deep / "too-deep.txt")
    result = load_paths([data])
    assert [Path(f).name for f in result.files].count("deepest-read.txt") == 1
    assert not any(Path(f).name == "too-deep.txt" for f in result.files)
    assert problems(result) == [
        (str(deep), f"not read: over {sources.MAX_DEPTH} folder levels deep")]


@pytest.fixture
def locked(data, monkeypatch) -> Path:
    """`fr/` cannot be listed (as chmod 000 would make it, even for root)."""
    folder = data / "fr"
    scandir = os.scandir

    def refuse(path="."):
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refuse)
    return folder


def test_a_subfolder_that_cannot_be_listed_is_a_problem_and_the_rest_loads(data, locked):
    result = load_paths([data])
    assert problems(result) == [
        (str(locked), "cannot be listed: Permission denied")]
    assert relative(data, result.files) == ["en/azerbaijan.txt", "fr-old/la-cruz.txt", "top.txt"]
    assert store.fingerprint(data)[1] == [("fr", "cannot be listed: Permission denied")]


def test_check_lists_files_in_subfolders_with_their_paths(run, data, monkeypatch):
    monkeypatch.chdir(data.parent)  # short paths: the listing is 80 columns wide
    result = run("check", "data")
    assert result.exit_code == 0
    assert f"✓ {Path('data', 'fr', '2018', 'mombasa.txt')}\n  mombasa · " in result.stdout
    assert "5 files, 5 profiles, 169 findings, 0 problems" in result.stdout.splitlines()[-1]
    report = json.loads(run("check", str(data), "-f", "json").stdout)
    assert relative(data, [f["file"] for f in report["files"]])[:2] == [
        "en/azerbaijan.txt", "fr/2018/mombasa.txt"]


def test_check_names_a_subfolder_that_cannot_be_listed(run, data, locked):
    result = run("check", str(data), "-f", "json")
    assert result.exit_code == 1
    problems = {f["file"]: f["problems"] for f in json.loads(result.stdout)["files"]}
    assert problems[str(locked)] == [{"line": 0, "message": "cannot be listed: Permission denied"}]
    assert len(problems) == 4


def test_fingerprint_names_files_by_their_path_in_the_folder(data):
    marks, _ = store.fingerprint(data)
    assert [m[0] for m in marks] == relative(data, load_paths([data]).files)
    size = (data / "fr" / "2018" / "mombasa.txt").stat().st_size
    assert marks[1][:2] == ("fr/2018/mombasa.txt", size)


def test_a_change_in_a_subfolder_is_read_again(data):
    library.open(data)
    target = data / "fr" / "kazakhstan.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "It is not yet possible to apply for visas online.", "Visas are online."),
        encoding="utf-8")
    reloaded = library.open(data)
    assert "Visas are online." in reloaded.profile("kazakhstan").domains[5].gaps
    shutil.copy(SEEDS[0], data / "fr" / "2018" / "again.txt")  # added
    assert len(library.open(data).files) == 6
    (data / "fr" / "2018" / "again.txt").unlink()  # removed
    assert len(library.open(data).files) == 5


# -- nothing written -----------------------------------------------------------------------

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
