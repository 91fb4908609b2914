"""Findings by GCM objective: `mgi findings`, `mgi objectives`, the --objective filters,
--objectives and --why on show, the tags in every export, and mgi-tags.csv corrections."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest

from mgi_cli.loader import bundled_seeds

FINDING_KEYS = ["profile", "domain", "kind", "position", "text", "language", "objectives"]


def findings(run, *args: str) -> list[dict]:
    result = run("findings", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_findings_are_every_finding_of_the_two_lists_with_its_objectives(run):
    rows = findings(run)
    assert len(rows) == 169
    assert all(list(row) == FINDING_KEYS for row in rows)
    assert all(all(1 <= n <= 23 for n in row["objectives"]) for row in rows)
    shown = json.loads(run("show", "kazakhstan", "-f", "json").stdout)
    partnerships = next(d for d in shown["domains"] if d["key"] == "partnerships")
    mine = [r for r in rows if r["profile"] == "kazakhstan" and r["domain"] == "partnerships"]
    assert [r["text"] for r in mine] == partnerships["strengths"] + partnerships["gaps"]
    assert [r["position"] for r in mine if r["kind"] == "gaps"] == list(
        range(1, len(partnerships["gaps"]) + 1))


def test_findings_filters(run):
    every = findings(run, "kazakhstan")
    assert {r["profile"] for r in every} == {"kazakhstan"} and len(every) == 36
    gaps = findings(run, "kazakhstan", "--only", "gaps", "-d", "3")
    assert gaps == [r for r in every if r["kind"] == "gaps" and r["domain"] == "partnerships"]
    on_10 = findings(run, "--objective", "10")
    assert on_10 and all(10 in r["objectives"] for r in on_10)
    assert findings(run, "--objective", "trafficking") == on_10
    assert on_10 == [r for r in findings(run) if 10 in r["objectives"]]


@pytest.mark.parametrize("word", ["remittances", "Remesas", "envois", "20"])
def test_an_objective_is_named_by_number_or_a_word_of_its_name(run, word):
    rows = findings(run, "--objective", word)
    assert all(20 in r["objectives"] for r in rows)


def test_an_unknown_objective_is_a_usage_error_with_suggestions(run):
    result = run("findings", "--objective", "remitances")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "20" in result.stderr


def test_findings_why_gives_the_cue_of_each_objective(run):
    rows = findings(run, "kazakhstan", "--why")
    assert all(list(r) == FINDING_KEYS + ["why"] for r in rows)
    for row in rows:
        assert [w["objective"] for w in row["why"]] == row["objectives"]
        assert all(w["cue"] for w in row["why"])


def test_findings_csv_and_markdown(run):
    text = run("findings", "kazakhstan", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["profile", "domain", "kind", "position", "objectives", "text",
                             "language"]
    as_json = findings(run, "kazakhstan")
    assert [r["objectives"] for r in rows] == [
        ";".join(map(str, r["objectives"])) for r in as_json]
    md = run("findings", "kazakhstan", "-f", "markdown").stdout.splitlines()
    assert md[0] == "| profile | domain | kind | position | objectives | text | language |"
    assert len(md) == 2 + 36


def test_objectives_counts_each_profiles_findings_per_list(run):
    data = json.loads(run("objectives", "-f", "json").stdout)
    assert [o["objective"] for o in data] == list(range(1, 24))
    assert all(set(o["names"]) == {"en", "fr", "es"} for o in data)
    rows = findings(run)
    for entry in data:
        for profile, cell in entry["profiles"].items():
            on_it = [r for r in rows if r["profile"] == profile
                     and entry["objective"] in r["objectives"]]
            assert cell == {"strengths": sum(r["kind"] == "strengths" for r in on_it),
                            "gaps": sum(r["kind"] == "gaps" for r in on_it)}


def test_objectives_table_says_counts_are_not_scores_and_fits(run):
    text = run("objectives").stdout
    assert "not scores" in " ".join(text.split())
    assert "not IOM's coding" in " ".join(text.split())
    assert all(len(line) <= 80 for line in text.splitlines())
    for profile in ("azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz", "mombasa"):
        assert profile in text


def test_objectives_side_by_side_on_one_objective(run):
    args = ["objectives", "--objective", "10", "kazakhstan", "kyrgyzstan", "azerbaijan"]
    table = run(*args).stdout
    assert "10. Trafficking in persons" in table
    assert "[kazakhstan]" in table and "[azerbaijan]" in table
    data = json.loads(run(*args, "-f", "json").stdout)
    on_10 = findings(run, "kazakhstan", "kyrgyzstan", "azerbaijan", "--objective", "10")
    assert data == on_10 and data  # each finding with its real domain and position
    rows = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout)))
    assert [(r["domain"], int(r["position"])) for r in rows] == [
        (r["domain"], r["position"]) for r in on_10]
    five = run("objectives", "--objective", "10")
    assert five.exit_code == 2 and five.stderr.startswith("Error: Name 1 to 4 profiles")


def test_search_and_compare_take_an_objective(run):
    every = json.loads(run("search", "trafficking", "-f", "json").stdout)
    hits = json.loads(run("search", "trafficking", "--objective", "15", "-f", "json").stdout)
    tagged = {(r["profile"], r["domain"], r["kind"], r["position"])
              for r in findings(run, "--objective", "15")}
    assert hits["hits"] == [h for h in every["hits"] if
                            (h["profile"], h["domain"], h["kind"], h["position"]) in tagged]
    assert 0 < hits["total"] == len(hits["hits"]) < every["total"]
    limited = json.loads(run("search", "trafficking", "--objective", "10", "-n", "2",
                             "-f", "json").stdout)
    assert len(limited["hits"]) == 2 and limited["total"] > 2  # the limit after the filter
    none = run("search", "migrants", "--objective", "10", "-f", "json")
    assert none.exit_code == 1 and json.loads(none.stdout)["hits"] == []
    compared = json.loads(run("compare", "kazakhstan", "kyrgyzstan", "--objective", "10",
                              "-f", "json").stdout)
    on_10 = findings(run, "kazakhstan", "kyrgyzstan", "--objective", "10")
    shown = [(profile, domain["key"], kind, text) for domain in compared["domains"]
             for profile, lists in domain["findings"].items()
             for kind, texts in lists.items() for text in texts]
    assert sorted(shown) == sorted((r["profile"], r["domain"], r["kind"], r["text"])
                                   for r in on_10)


def test_show_objectives_beside_each_finding(run):
    table = run("show", "kazakhstan", "-d", "3", "--objectives").stdout
    assert table.count("GCM ") == 6
    data = json.loads(run("show", "kazakhstan", "-d", "3", "--objectives", "-f", "json").stdout)
    (domain,) = data["domains"]
    rows = findings(run, "kazakhstan", "-d", "3")
    assert domain["objectives"] == {
        kind: [r["objectives"] for r in rows if r["kind"] == kind]
        for kind in ("strengths", "gaps")}
    plain = json.loads(run("show", "kazakhstan", "-f", "json").stdout)
    assert "objectives" not in plain["domains"][0]  # the contract is unchanged without it


def test_every_export_carries_the_objectives(run, tmp_path):
    rows = findings(run)
    exported = json.loads(run("export").stdout)
    assert [r["objectives"] for r in exported] == [r["objectives"] for r in rows]
    text = run("export", "-f", "csv").stdout
    assert [r["objectives"] for r in csv.DictReader(io.StringIO(text))] == [
        ";".join(map(str, r["objectives"])) for r in rows]
    database = tmp_path / "mgi.db"
    assert run("export", "-f", "sqlite", "-o", str(database)).exit_code == 0
    connection = sqlite3.connect(database)
    names = connection.execute("SELECT number, name, name_fr, name_es FROM objectives "
                               "WHERE number = 20").fetchone()
    assert names[0] == 20 and all(names[1:])
    pairs = connection.execute(
        "SELECT f.profile, f.domain, f.kind, f.position, o.objective FROM finding_objectives o "
        "JOIN findings f ON f.id = o.finding ORDER BY o.finding, o.rank").fetchall()
    assert pairs == [(r["profile"], r["domain"], r["kind"], r["position"], n)
                     for r in rows for n in r["objectives"]]
    import sqlite_utils

    keys = {(k.column, k.other_table) for k in
            sqlite_utils.Database(database)["finding_objectives"].foreign_keys}
    assert keys == {("finding", "findings"), ("objective", "objectives")}


@pytest.fixture
def corrected(tmp_path):
    shutil.copy(bundled_seeds() / "001_803b044c30150796.txt", tmp_path / "kazakhstan.txt")
    (tmp_path / "mgi-tags.csv").write_text(
        "# an analyst's corrections\n"
        "profile,domain,kind,position,objectives\n"
        "kazakhstan,partnerships,strengths,1,23;5\n"
        "kazakhstan,crises,gaps,1,\n"
        "kazakhstan,partnerships,strengths,99,23\n"
        "testland,partnerships,strengths,1,23\n"
        "kazakhstan,partnerships,strengths,2,24\n"
        "kazakhstan,partnerships,best,1,23\n", encoding="utf-8")
    return tmp_path


def test_mgi_tags_csv_overrides_the_rules_for_the_findings_it_names(run, corrected):
    rows = json.loads(run("--data-dir", str(corrected), "findings", "--why", "-f",
                          "json").stdout)
    first = next(r for r in rows if (r["domain"], r["kind"], r["position"]) ==
                 ("partnerships", "strengths", 1))
    assert first["objectives"] == [23, 5]
    assert [w["cue"] for w in first["why"]] == ["mgi-tags.csv", "mgi-tags.csv"]
    crisis = next(r for r in rows if (r["domain"], r["kind"], r["position"]) ==
                  ("crises", "gaps", 1))
    assert crisis["objectives"] == []
    exported = json.loads(run("--data-dir", str(corrected), "export").stdout)
    assert next(r for r in exported if (r["domain"], r["kind"], r["position"]) ==
                ("partnerships", "strengths", 1))["objectives"] == [23, 5]


def test_check_reports_every_unusable_correction_with_its_line(run, corrected):
    result = run("--data-dir", str(corrected), "check", "-f", "json")
    assert result.exit_code == 1
    (tags,) = [f for f in json.loads(result.stdout)["files"]
               if f["file"].endswith("mgi-tags.csv")]
    assert tags["corrections"] == 2 and not tags["clean"]
    assert tags["problems"] == [
        {"line": 5, "message": "kazakhstan partnerships strengths has 4 findings, not 99"},
        {"line": 6, "message": "no profile 'testland' is loaded"},
        {"line": 7, "message": "objective '24' is not a GCM objective (1-23)"},
        {"line": 8, "message": "list 'best' is neither strengths nor gaps"},
    ]


def gold_labels() -> dict[tuple[str, str, str, int], tuple[int | None, set[int]]]:
    """tests/fixtures/gcm/gold.csv: each bundled finding's main objective and others."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "gcm" / "gold.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    return {(r["profile"], r["domain"], r["kind"], int(r["position"])): (
        int(r["main"]) if r["main"] else None,
        {int(n) for n in r["others"].split(";") if n}) for r in csv.DictReader(lines)}


def test_the_tags_meet_the_quality_targets_on_every_bundled_finding(run):
    labels = gold_labels()
    rows = {(r["profile"], r["domain"], r["kind"], r["position"]): r["objectives"]
            for r in findings(run)}
    assert set(rows) == set(labels) and len(labels) == 169
    mains = [key for key, (main, _) in labels.items() if main is not None]
    recall = sum(labels[key][0] in rows[key] for key in mains) / len(mains)
    tags = [(key, n) for key, found in rows.items() for n in found]
    right = sum(n == labels[key][0] or n in labels[key][1] for key, n in tags)
    assert recall >= 0.85 and right / len(tags) >= 0.80, (recall, right / len(tags))


def test_french_and_spanish_findings_get_the_tags_of_their_english_originals(run):
    from pathlib import Path

    folder = Path(__file__).parent / "fixtures" / "languages"
    english = {(r["profile"], r["domain"], r["kind"], r["position"]): r["objectives"]
               for r in findings(run)}
    translated = json.loads(run("--data-dir", str(folder), "findings", "-f", "json").stdout)
    assert {r["language"] for r in translated} == {"fr", "es"} and len(translated) == 69
    differ = [(r["profile"], r["domain"], r["kind"], r["position"], r["objectives"])
              for r in translated
              if r["objectives"] != english[(r["profile"].split("-")[0], r["domain"],
                                               r["kind"], r["position"])]]
    assert differ == []


def test_the_tags_meet_the_targets_on_findings_written_apart_from_the_rules():
    """tests/fixtures/gcm/independent.csv: 75 findings in the style of other countries' and
    cities' profiles (50 English, 13 French, 12 Spanish), written and labelled by someone who
    never saw the rules; measured once, never tuned on (0.88 recall, 0.81 precision)."""
    from pathlib import Path

    from mgi_cli.gcm import tag_all

    path = Path(__file__).parent / "fixtures" / "gcm" / "independent.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    tags = [[t.number for t in found]
            for found in tag_all([(r["text"], r["language"]) for r in rows])]
    assert len(rows) == 75
    mains = [(int(r["main"]), found) for r, found in zip(rows, tags, strict=True) if r["main"]]
    recall = sum(main in found for main, found in mains) / len(mains)
    right = [n == int(r["main"] or 0) or str(n) in r["others"].split(";")
             for r, found in zip(rows, tags, strict=True) for n in found]
    assert recall >= 0.85 and sum(right) / len(right) >= 0.80, (recall, right)
    assert all(not found for r, found in zip(rows, tags, strict=True) if not r["main"])


def test_broken_corrections_are_said_on_stderr_by_every_command_that_uses_tags(run, tmp_path):
    shutil.copy(bundled_seeds() / "001_803b044c30150796.txt", tmp_path / "kazakhstan.txt")
    (tmp_path / "mgi-tags.csv").write_text("profile;domain;kind;position;objectives\n"
                                           "kazakhstan;3;strengths;1;23\n", encoding="utf-8")
    for command in (["findings"], ["objectives"], ["show", "kazakhstan", "--objectives"],
                    ["export"]):
        result = run("--data-dir", str(tmp_path), *command)
        assert result.exit_code == 0
        assert result.stderr == (f"warning: {tmp_path / 'mgi-tags.csv'}:1: the header must be "
                                 "profile,domain,kind,position,objectives (see mgi check)\n")


def test_a_correction_may_name_its_domain_by_number_and_a_repeat_is_reported(run, tmp_path):
    shutil.copy(bundled_seeds() / "001_803b044c30150796.txt", tmp_path / "kazakhstan.txt")
    (tmp_path / "mgi-tags.csv").write_text(
        "profile,domain,kind,position,objectives\n"
        "kazakhstan,3,strengths,1,19\n"
        "kazakhstan,partnerships,strengths,1,23\n", encoding="utf-8")
    rows = json.loads(run("--data-dir", str(tmp_path), "findings", "-d", "3", "-f",
                          "json").stdout)
    assert rows[0]["objectives"] == [23]  # the later row
    checked = json.loads(run("--data-dir", str(tmp_path), "check", "-f", "json").stdout)
    (tags,) = [f for f in checked["files"] if f["file"].endswith("mgi-tags.csv")]
    assert tags["problems"] == [{"line": 3, "message": "names the finding of line 2 again; "
                                                       "this later row is used"}]


def test_no_findings_on_an_objective_still_gives_scripts_the_shape(run):
    as_json = run("findings", "mombasa", "--objective", "9", "-f", "json")
    assert as_json.exit_code == 1 and json.loads(as_json.stdout) == []
    as_csv = run("findings", "mombasa", "--objective", "9", "-f", "csv")
    assert as_csv.exit_code == 1
    assert as_csv.stdout == "profile,domain,kind,position,objectives,text,language\n"
    table = run("findings", "mombasa", "--objective", "9")
    assert table.exit_code == 1 and table.stderr == (
        "No findings match objective 9 (Smuggling of migrants).\n")
    search = run("search", "trafficking", "--objective", "20")
    assert search.exit_code == 1
    assert search.stderr == "8 findings match 'trafficking', none of them on objective 20.\n"
    lang = run("findings", "kazakhstan", "--lang", "es")
    assert lang.stderr == "None of the profiles named is in language 'es'.\n"
