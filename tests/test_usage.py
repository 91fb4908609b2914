"""Usage errors: one line on stderr naming what was wrong and where help is, exit code 2,
nothing on stdout; and the options whose misuse used to pass in silence."""

from __future__ import annotations

import json
import shutil

import pytest

from mgi_cli.loader import bundled_seeds

KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"


@pytest.mark.parametrize(("args", "message"), [
    (["show"], "Error: Missing argument 'profile'. See 'mgi show -h'."),
    (["--lang", "xx", "list"], "Error: --lang: 'xx' is not one of 'en', 'fr', 'es'. "
                               "See 'mgi -h'."),
    (["show", "kazakhstan", "--bogus"], "Error: No such option: --bogus. See 'mgi show -h'."),
    (["shw"], "Error: No such command 'shw'. Did you mean 'show'? See 'mgi -h'."),
    (["list", "-f", "yaml"], "Error: --format / -f: 'yaml' is not one of 'table', 'json', "
                             "'csv', 'markdown'. See 'mgi list -h'."),
    (["search", "x", "-n", "0"], "Error: --limit / -n: 0 is not in the range x>=1. "
                                 "See 'mgi search -h'."),
    (["diff", "a", "b", "c"], "Error: Diff one profile (with its previous edition) or two "
                              "editions of one profile, not 3 profiles."),
    (["--data-dir", "", "list"], "Error: --data-dir: is empty: give a folder, or leave it "
                                 "out for the bundled profiles and your library. See 'mgi -h'."),
    (["show", "kazakhstan", "-d", "nowhere"], None),
])
def test_a_usage_error_is_one_line_and_exit_2(run, args, message):
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    if message:
        assert result.stderr == message + "\n"


def test_an_empty_data_dir_variable_is_unset_as_for_any_variable(run):
    result = run("list", "-f", "json", env={"MGI_DATA_DIR": ""})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 5


def test_a_tilde_in_the_data_dir_variable_is_the_home_folder(run, tmp_path, monkeypatch):
    (tmp_path / "profiles").mkdir()
    shutil.copy(KYRGYZSTAN, tmp_path / "profiles" / "k.txt")
    monkeypatch.setenv("HOME", str(tmp_path))
    result = run("list", "-f", "json", env={"MGI_DATA_DIR": "~/profiles"})
    assert result.exit_code == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)] == ["kyrgyzstan"]


def test_a_repeated_domain_is_honoured_by_show(run):
    shown = json.loads(run("show", "kazakhstan", "-d", "2", "-d", "partnerships",
                           "-f", "json").stdout)
    assert [d["key"] for d in shown["domains"]] == ["whole-of-government", "partnerships"]


@pytest.mark.parametrize("command", [["search", "trafficking"],
                                     ["compare", "kazakhstan", "kyrgyzstan"]])
def test_a_repeated_domain_is_refused_where_one_is_searched(run, command):
    result = run(*command, "-d", "2", "-d", "3")
    assert result.exit_code == 2
    assert result.stderr == (f"Error: --domain is given 2 times; {command[0]} looks in one "
                             "domain or in all (leave it out).\n")


def test_list_and_overview_count_the_same_findings(run):
    listed = json.loads(run("list", "-f", "json").stdout)
    overview = json.loads(run("overview", "-f", "json").stdout)
    for summary, row in zip(listed, overview, strict=True):
        cells = [c for c in row["domains"].values() if c]
        assert summary["strengths"] == sum(c["strengths"] for c in cells)
        assert summary["gaps"] == sum(c["gaps"] for c in cells)
        assert summary["unsorted"] == row["unsorted"] == 0


def test_list_and_overview_show_the_findings_placed_nowhere_alike(run, tmp_path):
    from tests.samples import UNMAPPED

    (tmp_path / "p.txt").write_text(UNMAPPED, encoding="utf-8")
    folder = ["--data-dir", str(tmp_path)]
    (listed,) = json.loads(run(*folder, "list", "-f", "json").stdout)
    (row,) = json.loads(run(*folder, "overview", "-f", "json").stdout)
    assert listed["unsorted"] == row["unsorted"] == 1
    assert (listed["strengths"], listed["gaps"]) == (1, 0)
    table = run(*folder, "overview").stdout
    assert table.splitlines()[0].endswith("Not") and table.splitlines()[1].endswith("placed")
    assert "Not placed: findings in neither list, or in no domain" in " ".join(table.split())
    assert run(*folder, "overview", "-f", "csv").stdout.splitlines()[1].endswith(",1")
    assert "1 / 0 +1" in run(*folder, "list").stdout


def test_compare_shared_keeps_each_findings_real_position(run):
    args = ["compare", "kazakhstan", "kyrgyzstan", "-d", "partnerships", "-f", "csv"]
    every = run(*args).stdout.splitlines()
    shared = run(*args, "--shared").stdout.splitlines()
    assert shared[0] == every[0]
    assert len(shared) < len(every)
    assert set(shared[1:]) <= set(every[1:])  # the same rows, positions and all


def test_mgi_alone_prints_its_help_on_stdout_and_exits_2(run):
    result = run()
    assert result.exit_code == 2 and result.stderr == ""
    assert result.stdout.startswith("Usage: mgi [OPTIONS] COMMAND [ARGS]...\n")
    assert "Commands:" in result.stdout


@pytest.mark.parametrize("flag", ["--no-color", "--no-pager"])
def test_global_flags_work_after_the_command_too(run, flag):
    before = run(flag, "list", "-f", "json")
    after = run("list", "-f", "json", flag)
    assert after.exit_code == before.exit_code == 0 and after.stdout == before.stdout


def test_after_a_double_dash_a_flag_is_a_word(run):
    result = run("search", "trafficking", "--", "--no-color")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: Got unexpected extra argument(s) (--no-color).")


def test_domain_unclassified_shows_the_findings_under_headings_that_name_no_domain(
        run, tmp_path):
    from tests.samples import UNMAPPED

    (tmp_path / "p.txt").write_text(UNMAPPED, encoding="utf-8")
    shown = json.loads(run("--data-dir", str(tmp_path), "show", "testland", "-d",
                           "unclassified", "-f", "json").stdout)
    assert [d["key"] for d in shown["domains"]] == ["unclassified"]
    none = run("show", "kazakhstan", "-d", "unclassified")
    assert none.exit_code == 1
    assert none.stderr == "kazakhstan has no findings outside the six domains.\n"
