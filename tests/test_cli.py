"""Every command has help with an example and a test; --version and `python -m mgi_cli`;
`list`, `show` and `domains` on the bundled seeds. (Other commands have a module each:
test_compare.py, test_search.py, test_overview.py, test_diff.py, test_export.py, test_check.py;
errors: test_errors.py; formats: test_csv.py, test_markdown.py.)"""

from __future__ import annotations

import json

import pytest

from mgi_cli import __version__
from mgi_cli.cli import app

COMMANDS = ["list", "show", "compare", "search", "domains", "check", "overview", "diff",
            "export", "fetch", "findings", "objectives"]


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
        "strengths": 22, "gaps": 11, "unsorted": 0, "source_url": None, "fetched_at": None,
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


def test_domains(run):
    result = run("domains")
    assert result.exit_code == 0
    for key in ("migrants-rights", "whole-of-government", "partnerships", "well-being",
                "crises", "safe-migration"):
        assert key in result.stdout
    data = json.loads(run("domains", "-f", "json").stdout)
    assert [d["number"] for d in data] == [1, 2, 3, 4, 5, 6]
    assert "wellbeing" in data[3]["aliases"]


def test_python_dash_m_works():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mgi_cli", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == f"mgi {__version__}\n"
