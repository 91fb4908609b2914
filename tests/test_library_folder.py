"""The library folder (MGI_LIBRARY_DIR, else the user's data folder): with no data folder given,
every command reads the bundled profiles and the library's together. A library copy of a
bundled profile's edition (same id, language and date) replaces it; other editions and
languages sit beside it; `--data-dir` and an empty MGI_LIBRARY_DIR leave the library out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mgi_cli import loader
from mgi_cli.sources import bundled_seeds, library_folder
from mgi_cli.store import store_path
from tests.editions import first_edition
from tests.pages import write_html

SEEDS = ["azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]
KAZAKHSTAN = bundled_seeds() / "001_803b044c30150796.txt"
FRENCH = Path(__file__).parent / "fixtures" / "languages" / "kazakhstan_fr.txt"


@pytest.fixture
def library(tmp_path, monkeypatch) -> Path:
    """An empty library folder, and a cache folder of this test's own."""
    folder = tmp_path / "library"
    folder.mkdir()
    monkeypatch.setenv("MGI_LIBRARY_DIR", str(folder))
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def ids(run, *args: str) -> list[str]:
    result = run(*args, "list", "-f", "json")
    assert result.exit_code == 0, result.output
    return [profile["id"] for profile in json.loads(result.stdout)]


def source(run, profile: str) -> str:
    result = run("show", profile, "-f", "json")
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["source"])


def kazakhstan_copy(folder: Path) -> Path:
    """The Kazakhstan seed as a saved portal page: the same id, language and date."""
    profile = loader.read_profile(KAZAKHSTAN)[0]
    assert profile is not None
    write_html(profile, folder / "kazakhstan.html")
    return folder / "kazakhstan.html"


def uzbekistan(folder: Path) -> Path:
    """A profile the bundled ones do not have."""
    path = folder / "uzbekistan.txt"
    path.write_text(KAZAKHSTAN.read_text(encoding="utf-8").replace("Kazakhstan", "Uzbekistan"),
                    encoding="utf-8")
    return path


# -- where the library is ---------------------------------------------------------------------


def test_the_library_folder_is_the_environment_s_or_the_user_s_data_folder(monkeypatch):
    monkeypatch.setenv("MGI_LIBRARY_DIR", "~/profiles")
    assert library_folder() == Path.home() / "profiles"
    monkeypatch.setenv("MGI_LIBRARY_DIR", "")
    assert library_folder() is None
    monkeypatch.delenv("MGI_LIBRARY_DIR")
    from platformdirs import user_data_dir

    assert library_folder() == Path(user_data_dir("mgi", appauthor=False))


# -- no library: exactly as before ------------------------------------------------------------


@pytest.mark.parametrize("state", ["empty", "missing", "off", "no profile file"])
def test_no_library_reads_the_five_seeds_in_their_own_store(run, library, tmp_path,
                                                             monkeypatch, state):
    if state == "missing":
        monkeypatch.setenv("MGI_LIBRARY_DIR", str(tmp_path / "nowhere"))
    elif state == "off":
        uzbekistan(library)
        monkeypatch.setenv("MGI_LIBRARY_DIR", "")
    elif state == "no profile file":
        (library / "mgi-sources.json").write_text("{}", encoding="utf-8")
        (library / ".hidden.txt").write_text("x", encoding="utf-8")
    assert ids(run) == SEEDS
    assert source(run, "kazakhstan") == str(KAZAKHSTAN)
    assert [p.name for p in (tmp_path / "cache" / "stores").glob("*.sqlite")] == [
        store_path(bundled_seeds()).name]  # type: ignore[union-attr]


# -- beside the seeds, or in place of one ------------------------------------------------------


def test_a_library_copy_of_a_seed_replaces_it(run, library):
    copy = kazakhstan_copy(library)
    assert ids(run) == SEEDS  # five, and no duplicate
    assert source(run, "kazakhstan") == str(copy)
    assert source(run, "mombasa") == str(bundled_seeds() / "002_c0b57c0fbd21107e.txt")
    result = run("list")
    assert result.exit_code == 0 and result.stderr == ""  # no "duplicate profile id"


def test_a_translation_an_edition_and_a_new_profile_sit_beside_the_seeds(run, library):
    shutil.copy(FRENCH, library / "kazakhstan_fr.txt")
    (library / "2018").mkdir()
    (library / "2018" / "kyrgyzstan.txt").write_text(first_edition(), encoding="utf-8")
    uzbekistan(library)
    assert ids(run) == ["azerbaijan", "kazakhstan", "kazakhstan-fr", "kyrgyzstan",
                        "kyrgyzstan-2018", "la-cruz", "mombasa", "uzbekistan"]
    assert source(run, "kazakhstan-fr") == str(library / "kazakhstan_fr.txt")
    assert source(run, "kyrgyzstan") == str(bundled_seeds() / "000_8695948dd2a135b0.txt")
    diff = run("diff", "kyrgyzstan", "-f", "json")
    assert diff.exit_code == 0
    assert (json.loads(diff.stdout)["from"], json.loads(diff.stdout)["to"]) == (
        "kyrgyzstan-2018", "kyrgyzstan")


def test_data_dir_leaves_the_library_out(run, library, tmp_path):
    uzbekistan(library)
    assert ids(run, "--data-dir", str(library)) == ["uzbekistan"]
    assert ids(run) == [*SEEDS, "uzbekistan"]
    kept = {path.name for path in (tmp_path / "cache" / "stores").glob("*.sqlite")}
    assert kept == {store_path(library).name,  # type: ignore[union-attr]
                    store_path(library, seeds=True).name}  # type: ignore[union-attr]
    assert store_path(library, seeds=True).name.endswith(  # type: ignore[union-attr]
        "-with-seeds.sqlite")


def test_search_never_finds_a_replaced_profile(run, library):
    before = json.loads(run("search", "trafficking", "-f", "json").stdout)
    kazakhstan_copy(library)
    after = json.loads(run("search", "trafficking", "-f", "json").stdout)
    assert after["total"] == before["total"] == 8

    def found(hits):
        return sorted((h["profile"], h["domain"], h["kind"], h["position"]) for h in hits)

    assert found(after["hits"]) == found(before["hits"])


def test_check_reports_the_files_of_both(run, library):
    kazakhstan_copy(library)
    uzbekistan(library)
    result = run("check", "-f", "json")
    files = [f["file"] for f in json.loads(result.stdout)["files"]]
    seeds = sorted(str(p) for p in bundled_seeds().glob("*.txt") if p != KAZAKHSTAN)
    assert sorted(files) == sorted([str(library / "kazakhstan.html"),
                                    str(library / "uzbekistan.txt"), *seeds])


def test_the_library_s_tag_corrections_apply(run, library):
    uzbekistan(library)
    (library / "mgi-tags.csv").write_text(
        "profile,domain,kind,position,objectives\nmombasa,crises,gaps,1,23;5\n"
        "uzbekistan,partnerships,strengths,1,\n", encoding="utf-8")
    mombasa = json.loads(run("findings", "mombasa", "-d", "crises", "--only", "gaps",
                             "-f", "json").stdout)
    assert mombasa[0]["objectives"] == [23, 5]
    found = json.loads(run("findings", "uzbekistan", "-d", "partnerships", "--only",
                           "strengths", "-f", "json").stdout)
    assert found[0]["objectives"] == []


# -- the store --------------------------------------------------------------------------------


def test_the_store_is_reused_and_follows_the_library(run, library, reads):
    uzbekistan(library)
    assert ids(run) == [*SEEDS, "uzbekistan"]
    assert sorted(reads) == sorted([*(p.name for p in bundled_seeds().glob("*.txt")),
                                    "uzbekistan.txt"])
    reads.clear()
    assert ids(run) == [*SEEDS, "uzbekistan"]
    assert reads == []  # nothing read again
    copy = kazakhstan_copy(library)
    assert ids(run) == [*SEEDS, "uzbekistan"]
    assert reads == ["kazakhstan.html"] and source(run, "kazakhstan") == str(copy)
    reads.clear()
    copy.unlink()
    assert ids(run) == [*SEEDS, "uzbekistan"]
    assert reads == [] and source(run, "kazakhstan") == str(KAZAKHSTAN)  # back, unread
    (library / "uzbekistan.txt").unlink()
    assert ids(run) == SEEDS


def test_completion_offers_the_library_s_ids(library):
    from mgi_cli.completion import profile_ids

    shutil.copy(FRENCH, library / "kazakhstan_fr.txt")
    kazakhstan_copy(library)
    assert profile_ids(None) == ["azerbaijan", "kazakhstan", "kazakhstan-fr", "kyrgyzstan",
                                 "la-cruz", "mombasa"]
    assert profile_ids(None, "fr")[:3] == ["azerbaijan", "kazakhstan", "kazakhstan-en"]
