"""The store (one SQLite database per data folder) and the library API on top of it.

Incremental updates re-read only what changed; a damaged, old, locked or unwritable store is
never believed and never costs a right answer; two processes at once both answer right; the
export has the store's schema; the API answers as the CLI does.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import mgi_cli
from mgi_cli import store
from mgi_cli.sources import bundled_seeds

SEEDS = sorted(bundled_seeds().glob("*.txt"))


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """The five seeds in a folder of their own, with a cache folder of their own."""
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data"
    data.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, data / seed.name)
    return data


def findings(lib) -> dict[str, list[tuple[str, str, str]]]:
    return {p.id: [(b.domain.key, kind, text) for b in p.domains for kind in ("strengths", "gaps")
                   for text in b.findings(kind)] for p in lib.profiles}


def store_file(folder: Path) -> Path:
    path = store.store_path(folder)
    assert path is not None and path.exists()
    return path


# -- incremental ----------------------------------------------------------------------------------


def test_a_warm_store_reads_no_file_and_answers_as_a_cold_one(folder, reads):
    cold = mgi_cli.open(folder)
    assert len(reads) == 5
    warm = mgi_cli.open(folder)
    assert len(reads) == 5  # nothing parsed again
    assert findings(warm) == findings(cold)
    assert [p.id for p in warm.profiles] == [p.id for p in cold.profiles] == [
        "azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]
    assert warm.problems == cold.problems and warm.files == cold.files


def test_a_changed_added_removed_or_renamed_file_is_the_only_one_read(folder, reads):
    mgi_cli.open(folder)
    reads.clear()
    kazakhstan = folder / SEEDS[1].name
    kazakhstan.write_text(kazakhstan.read_text(encoding="utf-8").replace(
        "It is not yet possible to apply for visas online.", "Visas are online."),
        encoding="utf-8")
    lib = mgi_cli.open(folder)
    assert reads == [SEEDS[1].name]
    assert "Visas are online." in lib.profile("kazakhstan").domains[5].gaps
    reads.clear()
    shutil.copy(SEEDS[0], folder / "copy.txt")  # added
    assert len(mgi_cli.open(folder).files) == 6 and reads == ["copy.txt"]
    reads.clear()
    (folder / "copy.txt").rename(folder / "renamed.txt")
    assert len(mgi_cli.open(folder).files) == 6 and reads == ["renamed.txt"]
    reads.clear()
    (folder / "renamed.txt").unlink()  # removed
    lib = mgi_cli.open(folder)
    assert len(lib.files) == 5 and reads == []
    assert len(lib.profiles) == 5


def test_other_parser_rules_or_another_mgi_rebuild_the_store_silently(folder, reads,
                                                                       monkeypatch):
    mgi_cli.open(folder)
    monkeypatch.setattr(store.schema, "rules_digest", lambda: "edited")
    assert mgi_cli.open(folder).warnings == ()
    assert len(reads) == 10
    connection = sqlite3.connect(store_file(folder))
    connection.execute("UPDATE meta SET value = '0.0.0' WHERE key = 'mgi'")
    connection.commit()
    connection.close()
    assert mgi_cli.open(folder).warnings == ()
    assert len(reads) == 15


def test_the_store_keeps_files_with_their_checksums_and_problems(folder):
    (folder / "notes.txt").write_text("Notes\n\n- call the county\n", encoding="utf-8")
    mgi_cli.open(folder)
    connection = sqlite3.connect(store_file(folder))
    rows = connection.execute("SELECT path, format, sha256, parsed_by, outcome FROM files "
                              "ORDER BY position").fetchall()
    assert [row[0] for row in rows][-1] == "notes.txt"
    assert rows[-1][1:] == ("text", rows[-1][2], mgi_cli.__version__, "not read")
    assert all(len(row[2]) == 64 for row in rows)
    assert connection.execute("SELECT file, message FROM problems WHERE file = 'notes.txt'"
                              ).fetchall() == [
        ("notes.txt", "holds no MGI profile (no domain headings)")]
    finding = connection.execute(
        "SELECT profile, domain, kind, position, heading, placed, line FROM findings "
        "WHERE profile = 'kazakhstan' ORDER BY ordinal LIMIT 1").fetchone()
    assert finding[:4] == ("kazakhstan", "migrants-rights", "strengths", 1)
    assert finding[5] == "stated" and finding[6] > 0
    assert finding[4].startswith("Domain 1.")
    assert mgi_cli.open(folder).problems[-1].message.startswith("holds no MGI profile")


# -- damage -------------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage", "empty", "wal"])
def test_a_damaged_store_is_rebuilt_with_one_warning_at_most(folder, damage):
    cold = mgi_cli.open(folder)
    path = store_file(folder)
    if damage == "delete":
        path.unlink()
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(path.stat().st_size))
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    again = mgi_cli.open(folder)
    assert findings(again) == findings(cold)
    assert len(again.warnings) <= 1
    assert findings(mgi_cli.open(folder)) == findings(cold)  # and the store works again
    assert mgi_cli.open(folder).warnings == ()


def test_a_store_truncated_after_opening_is_not_believed(folder):
    cold = mgi_cli.open(folder)
    warm = mgi_cli.open(folder)  # opened, findings not read yet
    path = store_file(folder)
    warm._store.connection.close()  # the next read fails as a damaged file does
    path.write_bytes(b"")
    assert findings(warm) == findings(cold)


def test_an_unwritable_cache_folder_keeps_the_store_in_memory(folder, tmp_path, monkeypatch):
    cold = mgi_cli.open(folder)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("MGI_CACHE_DIR", str(blocked))
    lib = mgi_cli.open(folder)
    assert findings(lib) == findings(cold)
    (warning,) = lib.warnings
    assert "kept in memory" in warning


def test_no_cache_at_all(folder, monkeypatch):
    cold = mgi_cli.open(folder)
    monkeypatch.setenv("MGI_CACHE_DIR", "")
    lib = mgi_cli.open(folder)
    assert findings(lib) == findings(cold) and lib.warnings == ()


@pytest.mark.parametrize("lock", ["EXCLUSIVE", "IMMEDIATE"])
def test_a_store_another_run_is_writing_is_waited_for_and_never_taken_away(folder, monkeypatch,
                                                                          lock):
    cold = mgi_cli.open(folder)
    path = store_file(folder)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute(f"BEGIN {lock}")
    try:
        monkeypatch.setattr(store.opening, "BUSY_SECONDS", 0.1)
        (folder / SEEDS[0].name).touch()  # a change: the store must be written
        lib = mgi_cli.open(folder)
        assert findings(lib) == findings(cold)
        assert lib.warnings == (
            "another mgi is updating the store; this run read the files itself",)
        assert path.exists()  # the other run's store is left alone
        holder.execute("INSERT INTO meta VALUES ('other run', 'was here')")
        holder.execute("COMMIT")
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
    assert sqlite3.connect(path).execute(
        "SELECT value FROM meta WHERE key = 'other run'").fetchone() == ("was here",)


def test_a_store_damaged_where_opening_did_not_look_is_not_believed(run, folder, monkeypatch):
    expected = run("--data-dir", str(folder), "search", "trafficking", "-f", "json").stdout

    matching, domains = store.Store.matching, store.Store.domains

    def damaged(original):
        def read(self, *args):
            if self.folder == folder:  # the folder's store, not the index built in memory
                raise sqlite3.DatabaseError("database disk image is malformed")
            return original(self, *args)
        return read

    monkeypatch.setattr(store.Store, "matching", damaged(matching))
    monkeypatch.setattr(store.Store, "domains", damaged(domains))
    result = run("--data-dir", str(folder), "search", "trafficking", "-f", "json")
    assert result.exit_code == 0 and result.stdout == expected
    assert result.stderr == ("warning: the store was damaged; this run read the files, the "
                             "next rebuilds it\n")
    assert store.store_path(folder).exists() is False  # the next run rebuilds it
    monkeypatch.undo()
    again = run("--data-dir", str(folder), "search", "trafficking", "-f", "json")
    assert again.stdout == expected and again.stderr == ""


def test_an_edit_that_keeps_size_and_modification_time_is_seen(folder):
    target = folder / SEEDS[1].name
    mgi_cli.open(folder)
    stat = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("Oralmans", "Oralmanz"), encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as `touch -r` does
    assert target.stat().st_size == stat.st_size
    kazakhstan = mgi_cli.open(folder).profile("kazakhstan")
    assert any("Oralmanz" in t for b in kazakhstan.domains for t in b.strengths + b.gaps)


def test_two_processes_at_once_both_answer_right(folder):
    env = {**os.environ, "MGI_DATA_DIR": str(folder), "COLUMNS": "80", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mgi_cli", "list", "-f", "json"]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    listed = [json.loads(out) for out, _ in outputs]
    assert listed[0] == listed[1] == listed[2]
    assert [p["id"] for p in listed[0]] == [
        "azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"]
    assert all(err == "" for _, err in outputs)


# -- export: the store's own schema ---------------------------------------------------------------


def schema(path: Path) -> set[tuple[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return {(name, " ".join(sql.split())) for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    finally:
        connection.close()


def test_the_export_has_the_stores_schema_and_the_clis_ids(run, folder, tmp_path):
    target = tmp_path / "mgi.db"
    result = run("--data-dir", str(folder), "export", "-f", "sqlite", "-o", str(target))
    assert result.exit_code == 0
    assert schema(target) == schema(store_file(folder))
    connection = sqlite3.connect(target)
    assert connection.execute("SELECT id FROM profiles ORDER BY id").fetchall() == [
        ("azerbaijan",), ("kazakhstan",), ("kyrgyzstan",), ("la-cruz",), ("mombasa",)]
    assert connection.execute("SELECT count(*) FROM findings").fetchone() == (169,)
    assert connection.execute("SELECT count(*) FROM findings_fts WHERE findings_fts MATCH "
                              "'trafficking'").fetchone()[0] > 0


# -- the API --------------------------------------------------------------------------------------


def test_the_api_answers_as_the_cli_does(run):
    lib = mgi_cli.open()
    listed = json.loads(run("list", "-f", "json").stdout)
    assert [p["id"] for p in listed] == [p.id for p in lib.profiles]
    assert lib.profile("kazakhstan").name == "Republic of Kazakhstan"
    found = lib.search("trafficking", limit=3)
    shown = json.loads(run("search", "trafficking", "-n", "3", "-f", "json").stdout)
    assert [(h.profile.id, h.text) for h in found.hits] == [
        (h["profile"], h["text"]) for h in shown["hits"]]
    comparison = lib.compare(["azerbaijan", "kyrgyzstan"], domain="partnerships")
    assert [p.id for p in comparison.profiles] == ["azerbaijan", "kyrgyzstan"]
    assert [d.key for d, _ in comparison.rows] == ["partnerships"]
    rows = list(lib.findings(profile="kazakhstan"))
    assert len(rows) == 36 and rows[0]["profile"] == "kazakhstan"
    exported = run("export", "-f", "csv").stdout.splitlines()
    assert exported[0].split(",")[:3] == list(rows[0])[:3]
    assert lib.problems == () or all(p.source for p in lib.problems)


def test_an_unknown_profile_is_an_error_with_suggestions():
    with pytest.raises(mgi_cli.UnknownProfile, match="Did you mean: kazakhstan"):
        mgi_cli.open().profile("kazakstan")


def test_the_api_diffs_two_editions(tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "editions"
    data.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    (data / "new.txt").write_text(text, encoding="utf-8")
    (data / "old.txt").write_text(text.replace("2023 Décembre", "2018 Mars").replace(
        "Second Profile", "Profile"), encoding="utf-8")
    lib = mgi_cli.open(data)
    changes = lib.diff("kyrgyzstan")
    assert (changes.older.published, changes.newer.published) == ("2018-03", "2023-12")


def test_findings_make_a_dataframe():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(mgi_cli.open().findings())
    assert len(frame) == 169 and {"profile", "domain", "kind", "text"} <= set(frame.columns)


def test_the_package_exports_its_api():
    assert {"open", "Library", "UnknownProfile", "Profile"} <= set(mgi_cli.__all__)
    assert mgi_cli.open.__module__ == "mgi_cli.library"


def test_the_sqlite_export_goes_to_stdout_or_a_pipe_in_place(run, tmp_path):
    result = run("export", "-f", "sqlite", "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"SQLite format 3\x00")
    assert "Wrote stdout: 5 profiles." in result.stderr
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert run("export", "-f", "sqlite", "-o", str(fifo)).exit_code == 0
    reader.join(timeout=30)
    assert fifo.exists() and not fifo.is_file()  # still a pipe
    copy = tmp_path / "copy.db"
    copy.write_bytes(received[0])
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM findings").fetchone() == (169,)


def test_profiles_copy_and_pickle_with_their_findings():
    import copy
    import pickle

    kazakhstan = mgi_cli.open().profile("kazakhstan")
    for twin in (copy.deepcopy(kazakhstan), pickle.loads(pickle.dumps(kazakhstan))):
        assert twin == kazakhstan and twin.domains[0].strengths == kazakhstan.domains[0].strengths


def test_the_api_takes_a_domain_number_and_refuses_an_unknown_language():
    found = mgi_cli.open().search("trafficking", domain=6)
    assert {h.domain.key for h in found.hits} == {"safe-migration"}
    with pytest.raises(mgi_cli.MgiError, match="Unknown language 'de'"):
        mgi_cli.open(language="de")
    with pytest.raises(mgi_cli.NothingFound):
        mgi_cli.open().search("zzzzzz")


# -- what a warm run loads ---------------------------------------------------------------------

WARM_STORE = ["mgi_cli.store", "mgi_cli.store.changes", "mgi_cli.store.opening",
              "mgi_cli.store.reader", "mgi_cli.store.schema"]
NEVER_WARM = ["mgi_cli.loader", "mgi_cli.parser", "Stemmer", "breame", "rapidfuzz", "pycountry",
              "pdfminer", "rich", "concurrent.futures.process", "hashlib"]


def test_a_warm_run_loads_the_store_s_reading_half_only(folder):
    """A run over an unchanged folder opens the store and reads it: writing it (update,
    insert, indexes), the loader and every heavy library are loaded only when a file changed."""
    code = ("import sys; from mgi_cli.cli import main; sys.argv = ['mgi', '--data-dir', "
            f"{str(folder)!r}, 'show', 'kazakhstan', '-f', 'json']\ntry:\n    main()\n"
            "except SystemExit:\n    pass\nprint(sorted(m for m in sys.modules if "
            f"m.startswith('mgi_cli.store') or m.split('.')[0] in {NEVER_WARM!r} or m in "
            f"{NEVER_WARM!r}), file=sys.stderr)")
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "mgi_cli.store.update" in cold.stderr.splitlines()[-1]  # the first run writes
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert warm.stderr.strip().splitlines()[-1] == repr(WARM_STORE)
