"""Every command and format through Typer's CliRunner, on the bundled seeds."""

from __future__ import annotations

import json

import pytest

from mgi_cli import __version__
from mgi_cli.cli import app

COMMANDS = ["list", "show", "compare", "search", "domains", "check", "overview", "diff",
            "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: mgi " in result.output


def test_every_registered_command_is_tested():
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    assert names == set(COMMANDS)


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and result.output == f"mgi {__version__}\n"


def test_list_table(run):
    result = run("list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.split()[:1] == ["kazakhstan"] and "21 / 15" in line for line in lines)
    assert "not scores" in result.stdout
    assert max(len(line) for line in lines) <= 80


def test_list_json(run):
    data = json.loads(run("list", "--format", "json").stdout)
    assert [p["id"] for p in data] == ["azerbaijan", "kazakhstan", "kyrgyzstan", "la-cruz",
                                       "mombasa"]
    assert data[2] == {
        "id": "kyrgyzstan", "name": "Kyrgyz Republic", "level": "national",
        "country": "Kyrgyzstan", "published": "2023-12", "edition": 2, "language": "en",
        "strengths": 22, "gaps": 11, "unsorted": 0,
    }


def test_show_table(run):
    result = run("show", "kazakhstan")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Migration Governance Profile: Republic of Kazakhstan\n")
    assert "4. Well-being of migrants  (as written: Domain 3: Well-being of migrants)" in out
    assert out.count("Migration Governance: examples of well-developed areas") == 6
    assert out.count("Areas with potential for further development") == 6
    assert "• It is not yet possible to apply for visas online." in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_domain_and_only(run):
    result = run("show", "KGZ", "--domain", "3", "--only", "gaps")
    assert result.exit_code == 0
    assert "3. Partnerships" in result.stdout
    assert "examples of well-developed areas" not in result.stdout
    assert "• There is no specific engagement with the private sector" in result.stdout
    assert "Whole-of-government" not in result.stdout


def test_show_json(run):
    data = json.loads(run("show", "la-cruz", "--format", "json").stdout)
    assert list(data)[:9] == ["id", "name", "title", "level", "country", "published",
                              "edition", "source", "country_code"]
    assert [d["key"] for d in data["domains"]][:2] == ["migrants-rights", "whole-of-government"]
    assert data["domains"][2]["strengths"][1].endswith("district-level representation.")
    assert data["language"] == "en"
    assert list(data["domains"][0]) == ["key", "number", "name", "heading", "placed",
                                        "strengths", "gaps"]
    assert data["domains"][0]["placed"] == {"strengths": "stated", "gaps": "stated"}


def test_compare_table_at_80_columns(run):
    result = run("compare", "azerbaijan", "kyrgyzstan", "--domain", "partnerships")
    assert result.exit_code == 0
    out = result.stdout
    assert "3. Partnerships" in out and "Republic of Azerbaijan [azerbaijan]" in out
    assert "Migrants' rights" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    flat = " ".join(line.strip("│ ") for line in out.splitlines())
    assert "Almaty" in flat and "Turkmenistan (2020)." in flat


def test_compare_four_profiles_wraps_never_cuts(run):
    result = run("compare", "kazakhstan", "kyrgyzstan", "mombasa", "la-cruz", "-d", "safe")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "…" not in result.stdout


def test_compare_json(run):
    data = json.loads(run("compare", "kaz", "kgz", "-d", "partnerships", "-f", "json").stdout)
    assert data["profiles"] == ["kazakhstan", "kyrgyzstan"]
    assert data["domains"][0]["key"] == "partnerships"
    assert data["domains"][0]["findings"]["kyrgyzstan"]["strengths"][0] == (
        "Kyrgyzstan participates in the Almaty Process on Refugee Protection and International "
        "Migration."
    )
    assert len(data["domains"][0]["findings"]["kazakhstan"]["gaps"]) == 2


@pytest.mark.parametrize("args", [["compare", "kazakhstan"], ["compare", "kaz", "kazakhstan"],
                                  ["compare", "kaz", "kgz", "aze", "mombasa", "la-cruz"]])
def test_compare_needs_two_to_four_different_profiles(run, args):
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""


def test_search_table(run):
    result = run("search", "trafficing")
    assert result.exit_code == 0
    assert result.stdout.startswith("8 findings match 'trafficing'")
    assert result.stdout.count("safe-migration") == 0  # labels use domain names
    assert result.stdout.count("Safe, orderly and regular migration") == 7


def test_search_json(run):
    data = json.loads(run("search", "trafficking", "-p", "mombasa", "-f", "json").stdout)
    assert data == {
        "query": "trafficking",
        "total": 1,
        "hits": [{
            "profile": "mombasa", "domain": "safe-migration", "kind": "gaps",
            "text": "The CGM does not have a local strategy to combat human trafficking.",
            "score": 3.63, "position": 2, "language": "en", "matched": ["human trafficking"],
        }],
    }


def test_search_limit(run):
    result = run("search", "trafficking", "--limit", "2")
    assert result.stdout.startswith("2 of 8 findings match")


def test_search_nothing_found_exits_1(run):
    result = run("search", "xylophone")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == "No findings match 'xylophone'.\n"


def test_domains(run):
    result = run("domains")
    assert result.exit_code == 0
    for key in ("migrants-rights", "whole-of-government", "partnerships", "well-being",
                "crises", "safe-migration"):
        assert key in result.stdout
    data = json.loads(run("domains", "-f", "json").stdout)
    assert [d["number"] for d in data] == [1, 2, 3, 4, 5, 6]
    assert "wellbeing" in data[3]["aliases"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "kazakstan"], "Error: Unknown profile 'kazakstan'. Did you mean: kazakhstan?"),
        (["show", "k"], "Error: Profile 'k' is ambiguous: it could be kazakhstan, kyrgyzstan."),
        (["show", "kaz", "--domain", "migra"], "Error: Unknown domain 'migra'."),
        (["search", ""], "Error: The search query is empty."),
        (["search", "   "], "Error: The search query is empty."),
    ],
)
def test_user_errors_exit_2_with_one_line(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_missing_argument_is_usage_error(run):
    result = run("show")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_markup_in_profile_text_prints_literally(run, tmp_path):
    text = (tmp_path / "p.txt")
    text.write_text(
        "Key findings\nPartnerships\n\nMigration Governance: examples of well-developed areas\n"
        "  • A [red]bold[/] claim [/x] [link=http://x]y[/link] :heart: here.\n\n"
        "Migration Governance Profile: Republic of Testland\n",
        encoding="utf-8",
    )
    for fmt in ("table", "json"):
        result = run("--data-dir", str(tmp_path), "show", "testland", "-f", fmt)
        assert result.exit_code == 0
        assert "A [red]bold[/] claim [/x] [link=http://x]y[/link] :heart: here." in result.stdout


def test_python_dash_m_works():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mgi_cli", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == f"mgi {__version__}\n"


def test_unmapped_heading_warns_on_stderr_and_keeps_findings(run, tmp_path):
    from tests.test_parser import UNMAPPED

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
