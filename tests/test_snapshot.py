"""The folder snapshot: a warm run gives exactly what a cold one gives, and any change to the
folder, a damaged snapshot or another mgi version means loading afresh."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from mgi_cli import snapshot
from mgi_cli.catalog import Catalog
from mgi_cli.loader import bundled_seeds, load_paths
from mgi_cli.search import Corpus


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    shutil.copytree(bundled_seeds(), data)
    return data


def test_warm_equals_cold(folder):
    cold = snapshot.load_folder(folder)
    warm = snapshot.lookup(folder)
    assert warm is not None
    assert warm.profiles == cold.profiles and warm.problems == cold.problems
    assert warm.files == cold.files
    profiles = Catalog(warm.profiles).profiles
    from_cache = Corpus(profiles, warm.postings).search("trafficing")
    rebuilt = Corpus(profiles).search("trafficing")
    assert [(h.profile.id, h.text, h.score, h.spans) for h in from_cache.hits] == [
        (h.profile.id, h.text, h.score, h.spans) for h in rebuilt.hits]
    assert from_cache.total == 8
    assert snapshot.ids(folder) == ["azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz",
                                    "mombasa"]


def test_a_changed_added_or_removed_file_is_seen(folder):
    snapshot.load_folder(folder)
    target = folder / "001_803b044c30150796.txt"
    target.write_text(target.read_text(encoding="utf-8").replace(
        "It is not yet possible to apply for visas online.", "Visas are online."),
        encoding="utf-8")
    assert snapshot.lookup(folder) is None
    reloaded = snapshot.load_folder(folder)
    kazakhstan = next(p for p in reloaded.profiles if p.id == "kazakhstan")
    assert "Visas are online." in kazakhstan.domains[5].gaps
    (folder / "002_c0b57c0fbd21107e.txt").unlink()
    assert snapshot.lookup(folder) is None
    assert len(snapshot.load_folder(folder).profiles) == 4


def test_damaged_or_foreign_snapshots_are_ignored(folder, tmp_path):
    snapshot.load_folder(folder)
    (record,) = (tmp_path / "cache" / "folders").glob("*.json")
    data = json.loads(record.read_text())
    data["header"]["mgi"] = "0.0.0"
    record.write_text(json.dumps(data))
    assert snapshot.lookup(folder) is None
    record.write_text("{broken")
    assert snapshot.lookup(folder) is None
    assert len(snapshot.load_folder(folder).profiles) == 5
    assert snapshot.lookup(folder) is not None


def test_no_cache_at_all(folder, monkeypatch):
    monkeypatch.setenv("MGI_CACHE_DIR", "")
    assert len(snapshot.load_folder(folder).profiles) == 5
    assert snapshot.lookup(folder) is None


def test_search_limit_ranks_before_reading_and_counts_all(catalog):
    corpus = Corpus(catalog.profiles)
    found = corpus.search("trafficking", limit=3)
    assert len(found.hits) == 3 and found.total == 8
    assert [h.score for h in found.hits] == [100.0, 100.0, 100.0]


def test_touching_a_file_without_changing_it_reloads(folder):
    snapshot.load_folder(folder)
    target = folder / "000_8695948dd2a135b0.txt"
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert snapshot.lookup(folder) is None


def test_cached_domains_are_decoded_only_when_used(folder):
    snapshot.load_folder(folder)
    warm = snapshot.lookup(folder)
    lazy = [p.domains for p in warm.profiles]
    assert [d.finding_count for d in lazy] == [33, 36, 29, 37, 34]
    assert all(d._domains is None for d in lazy)  # nothing decoded yet
    found = Corpus(Catalog(warm.profiles).profiles, warm.postings).search("oralmans", limit=1)
    assert found.hits[0].profile.id == "kazakhstan"
    assert sum(d._domains is not None for d in lazy) == 1  # only the profile shown
    cold = {p.id: p for p in load_paths([folder]).profiles}
    assert all(p == cold[p.id] and hash(p) == hash(cold[p.id]) for p in warm.profiles)
