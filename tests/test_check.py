"""`mgi check` and data folders: what loads, what is reported, nothing lost in silence; every
guess the parser makes (a list label or heading it does not know) reported by `check`, in JSON
and as a warning from the other commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from mgi_cli.loader import bundled_seeds
from mgi_cli.model import BY_POSITION, STATED
from tests.fidelity import FIDELITY
from tests.samples import UNMAPPED

FIXTURES = Path(__file__).parent / "fixtures"
KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"


def test_check_seeds_is_clean(run):
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout.count("✓ ") == 5
    assert result.stdout.rstrip().endswith(
        "5 files, 5 profiles, 169 findings, 0 problems: clean, nothing guessed (1 note)")
    # Kyrgyzstan's source glues two sentences: one finding, as published, and a note.
    assert ("note: line 110: two sentences run together in the source: '… destination\n"
            "  countries.\"The National Bank prom…'; kept as one finding, as published"
            ) in result.stdout


def test_check_reports_every_problem_and_exits_1(run, tmp_path):
    shutil.copy(FIXTURES / "reported" / "eiu_2016_index.txt", tmp_path)
    shutil.copy(KYRGYZSTAN, tmp_path / "kyrgyzstan.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "letter.txt").write_text("Dear colleague,\n\nNothing here.\n", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    result = run("check", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    by_file = {Path(f["file"]).name: f for f in report["files"]}
    assert by_file["kyrgyzstan.txt"]["problems"] == []
    assert by_file["kyrgyzstan.txt"]["clean"] is True
    assert by_file["kyrgyzstan.txt"]["profile"]["domains"]["partnerships"] == {
        "heading": "Partnerships", "placed": {"strengths": "stated", "gaps": "stated"},
        "strengths": 3, "gaps": 1}
    eiu = by_file["eiu_2016_index.txt"]
    assert eiu["profile"]["domains"]["unclassified"] == {
        "heading": "Domain one: institutional capacity / Domain two: migrant rights",
        "placed": {"strengths": "unclassified", "gaps": "unclassified"},
        "strengths": 2, "gaps": 1}
    messages = [(p["line"], p["message"]) for p in eiu["problems"]]
    assert messages[:3] == [
        (0, "no heading for domain 1 (Migrants' rights)"),
        (0, "no heading for domain 2 (Whole-of-government approach)"),
        (0, "no heading for domain 3 (Partnerships)"),
    ]
    assert messages[-2:] == [
        (2, "heading maps to no MGI domain: 'Domain one: institutional capacity'"),
        (9, "heading maps to no MGI domain: 'Domain two: migrant rights'"),
    ]
    assert by_file["empty.txt"]["problems"] == [
        {"line": 0, "message": "cannot be read: empty file"}]
    assert by_file["binary.txt"]["problems"] == [
        {"line": 0, "message": "cannot be read: binary data, not text"}]
    assert by_file["letter.txt"]["problems"] == [
        {"line": 0, "message": "holds no MGI profile (no domain headings)"}]
    assert by_file["folder.txt"]["problems"] == [
        {"line": 0, "message": "cannot be read: a folder, not a file"}]
    assert report["summary"] == (
        "6 files, 2 profiles, 36 findings, 12 problems (4 not read) (1 note)")


def test_other_commands_skip_bad_files_with_one_warning_each(run, tmp_path):
    shutil.copy(KYRGYZSTAN, tmp_path / "kyrgyzstan.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("--data-dir", str(tmp_path), "list", "-f", "json")
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == ["kyrgyzstan"]
    assert result.stderr == (
        f"warning: {tmp_path / 'empty.txt'}: cannot be read: empty file (see mgi check)\n")


def test_data_dir_from_environment(run, tmp_path, monkeypatch):
    shutil.copy(KYRGYZSTAN, tmp_path / "k.txt")
    monkeypatch.setenv("MGI_DATA_DIR", str(tmp_path))
    result = run("list", "-f", "json")
    assert [p["id"] for p in json.loads(result.stdout)] == ["kyrgyzstan"]


def test_missing_data_dir_is_a_usage_error(run, tmp_path):
    result = run("--data-dir", str(tmp_path / "nope"), "list")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: The data folder") and "does not exist" in result.stderr


def test_empty_data_dir_finds_nothing(run, tmp_path):
    result = run("--data-dir", str(tmp_path), "list")
    assert result.exit_code == 1 and "No MGI profiles found" in result.stderr


def test_two_editions_both_load_and_plain_id_is_the_latest(run, tmp_path):
    second = KYRGYZSTAN.read_text(encoding="utf-8")
    first = (second.replace("2023 Décembre", "2018 Mars")
             .replace("Migration Governance Second Profile", "Migration Governance Profile")
             .replace("Kyrgyzstan has measures to combat migrant labour exploitation.",
                      "Kyrgyzstan has a 2018 measure."))
    (tmp_path / "kgz-2023.txt").write_text(second, encoding="utf-8")
    (tmp_path / "kgz-2018.txt").write_text(first, encoding="utf-8")
    listed = json.loads(run("--data-dir", str(tmp_path), "list", "-f", "json").stdout)
    assert [(p["id"], p["edition"], p["published"]) for p in listed] == [
        ("kyrgyzstan", 2, "2023-12"), ("kyrgyzstan-2018", 1, "2018-03")]
    latest = json.loads(run("--data-dir", str(tmp_path), "show", "kyrgyzstan", "-f", "json").stdout)
    assert latest["edition"] == 2
    older = json.loads(run("--data-dir", str(tmp_path), "show", "kyrgyzstan-2018", "-d", "safe",
                           "-f", "json").stdout)
    assert older["domains"][0]["strengths"][-1] == "Kyrgyzstan has a 2018 measure."
    checked = run("check", str(tmp_path))
    assert checked.exit_code == 0


def test_duplicate_profile_is_reported(run, tmp_path):
    shutil.copy(KYRGYZSTAN, tmp_path / "a.txt")
    shutil.copy(KYRGYZSTAN, tmp_path / "b.txt")
    result = run("check", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    problems = [p for f in json.loads(result.stdout)["files"] for p in f["problems"]]
    assert problems == [{"line": 0, "message": "duplicate profile id 'kyrgyzstan-2023'; renamed"}]


def test_check_missing_path(run, tmp_path):
    result = run("check", str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.stdout


def test_unmapped_heading_warns_on_stderr_and_keeps_findings(run, tmp_path):
    (tmp_path / "testland.txt").write_text(UNMAPPED, encoding="utf-8")
    result = run("--data-dir", str(tmp_path), "show", "testland", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: {tmp_path / 'testland.txt'}:2: heading maps to no MGI domain: "
        "'Domain one: institutional capacity' (see mgi check)\n"
    )
    data = json.loads(result.stdout)
    assert data["domains"][-1] == {
        "key": "unclassified", "number": 0, "name": "Unclassified",
        "heading": "Domain one: institutional capacity",
        "placed": {"strengths": "unclassified", "gaps": "unclassified"},
        "strengths": ["A finding under a heading that is no MGI domain."], "gaps": [],
    }


# -- guesses: mgi check tells the truth (tests/fixtures/fidelity/) -----------------------------

def test_check_reports_a_guess_and_exits_1(run):
    result = run("check", str(FIDELITY / "label_unknown.txt"))
    assert result.exit_code == 1
    assert "✗ " in result.stdout and "clean" not in result.stdout
    assert ("list label not recognised: 'Looking ahead' (line 74); its 3 findings taken as\n"
            "  further development by position") in result.stdout
    assert result.stdout.rstrip().endswith("1 file, 1 profile, 36 findings, 6 problems")


def test_check_json_says_how_each_list_was_placed(run):
    result = run("check", str(FIDELITY / "label_unknown.txt"), "-f", "json")
    report = json.loads(result.stdout)
    assert report["clean"] is False and report["files"][0]["clean"] is False
    assert report["files"][0]["profile"]["domains"]["partnerships"] == {
        "heading": "Domain 3: Partnerships", "placed": {"strengths": STATED, "gaps": BY_POSITION},
        "strengths": 4, "gaps": 2}


def test_other_commands_warn_of_guesses(run, tmp_path):
    shutil.copy(FIDELITY / "label_unknown.txt", tmp_path)
    result = run("--data-dir", str(tmp_path), "show", "kazakhstan", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {tmp_path / 'label_unknown.txt'}:74: list label not recognised: "
        "'Looking ahead' (line 74); its 3 findings taken as further development by position "
        "(see mgi check)")
    assert json.loads(result.stdout)["domains"][0]["placed"] == {
        "strengths": STATED, "gaps": BY_POSITION}


def test_check_on_a_folder_with_subfolders_of_translations(run, tmp_path):
    for folder, name in (("fr", "kazakhstan_fr.txt"), ("es", "kazakhstan_es.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(FIDELITY / name, tmp_path / folder / name)
    result = run("check", str(tmp_path), "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["clean"] is True
    assert sorted(f["profile"]["language"] for f in report["files"]) == ["es", "fr"]
