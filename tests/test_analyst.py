"""Analyst features: shared findings, editions diff, overview, formats, export, save, pager,
completion; on the seeds and on --data-dir folders."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import sqlite3

import pytest

from mgi_cli.compare import compare
from mgi_cli.loader import bundled_seeds
from mgi_cli.similarity import SHARED_THRESHOLD, Similarity

KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"


# -- shared findings ---------------------------------------------------------------------------

def test_kazakhstan_and_kyrgyzstan_share_almaty_eaeu_and_civil_society(catalog):
    comparison = compare([catalog.resolve("kaz"), catalog.resolve("kgz")], None, catalog.profiles)
    groups = [(g.domain.key, g.score, [(i.profile, i.kind, i.text[:39]) for i in g.items])
              for g in comparison.shared]
    assert groups == [
        ("partnerships", 75.0, [
            ("kazakhstan", "strengths", "Kazakhstan is also a member of two regi"),
            ("kyrgyzstan", "strengths", "Kyrgyzstan participates in the Almaty P")]),
        ("partnerships", 100.0, [  # both: members of the Eurasian Economic Union
            ("kazakhstan", "strengths", "A major development in terms of labour "),
            ("kyrgyzstan", "strengths", "The country is part of the Eurasian Eco")]),
        ("partnerships", 74.6, [
            ("kazakhstan", "gaps", "Engagement of the private sector and ci"),
            ("kyrgyzstan", "gaps", "There is no specific engagement with th")]),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Same domain, both about migration, but not the same thing.
        ("Kyrgyzstan participates in the Almaty Process on Refugee Protection and International "
         "Migration.",
         "Kazakhstan is a participant of the Global Forum on Migration and Development (GFMD). "
         "It is also a member state of the IOM and is actively involved in IOM-led activities."),
        ("Kyrgyzstan collects and publishes migration data regularly and its national census "
         "includes questions on migration.",
         "Policy coherence between different government entities could be strengthened."),
        ("The CGM has put in place early warning mechanisms that are also accessible to migrants "
         "in case of crises.",
         "The Cantonal Emergency Plan addresses emergency response strategies without "
         "pinpointing the specific needs and vulnerabilities of migrant women."),
        # A country named in both is no evidence (the search issue's example, scored 75).
        ("A major development in terms of labour mobility has been Kazakhstan’s membership in "
         "the Eurasian Economic Union and access to the common labour market.",
         "Azerbaijan signed migration cooperation agreements with Belarus (2019), Kazakhstan "
         "(2019), and Turkmenistan (2020)."),
        # Two different institutions of one kind (scored 100): "Border Service", "Academy".
        ("While the Kazakh Border Service Academy is responsible for training members of the "
         "border service, there is also regular training on border management.",
         "Established by Decree No. 740 in 2002 by the President of Azerbaijan, the State "
         "Border Service operates within a unified system to ensure the protection of the "
         "state border."),
    ],
)
def test_unrelated_findings_are_not_shared(catalog, first, second):
    assert Similarity(catalog.profiles).score(first, second) < SHARED_THRESHOLD


def test_compare_marks_shared_and_shared_flag_shows_only_them(run):
    table = run("compare", "mombasa", "la-cruz")
    assert table.exit_code == 0
    assert table.stdout.count("≈1") == 2 and table.stdout.count("≈2") == 2
    only = run("compare", "mombasa", "la-cruz", "--shared", "-f", "json")
    data = json.loads(only.stdout)
    assert [d["key"] for d in data["domains"]] == ["whole-of-government", "partnerships"]
    assert data["domains"][1]["findings"]["la-cruz"] == {"strengths": [
        "The municipality of La Cruz cooperates actively with United Nations agencies on "
        "migration issues."], "gaps": []}
    assert data["shared"][1] == {"domain": "partnerships", "score": 100.0, "items": [
        {"profile": "mombasa", "kind": "strengths",
         "text": "The CGM collaborates on migration issues with different United Nations "
                 "agencies."},
        {"profile": "la-cruz", "kind": "strengths",
         "text": "The municipality of La Cruz cooperates actively with United Nations agencies "
                 "on migration issues."}]}


def test_shared_with_nothing_in_common_exits_1(run):
    result = run("compare", "kazakhstan", "mombasa", "-d", "rights", "--shared")
    assert result.exit_code == 1 and "share no findings" in result.stderr


# -- overview ----------------------------------------------------------------------------------

def test_overview(run):
    table = run("overview")
    assert table.exit_code == 0
    assert "\nkazakhstan   5 / 3    3 / 3     4 / 2        3 / 2       3 / 2    3 / 3\n" in (
        table.stdout)
    assert "not scores" in table.stdout
    data = json.loads(run("overview", "-f", "json").stdout)
    assert data[1] == {"id": "kazakhstan", "name": "Republic of Kazakhstan", "domains": {
        "migrants-rights": {"strengths": 5, "gaps": 3},
        "whole-of-government": {"strengths": 3, "gaps": 3},
        "partnerships": {"strengths": 4, "gaps": 2},
        "well-being": {"strengths": 3, "gaps": 2},
        "crises": {"strengths": 3, "gaps": 2},
        "safe-migration": {"strengths": 3, "gaps": 3}}}


def test_overview_on_a_data_dir(run, editions):
    data = json.loads(run("--data-dir", str(editions), "overview", "-f", "json").stdout)
    assert [p["id"] for p in data] == ["kyrgyzstan", "kyrgyzstan-2018"]


# -- CSV and Markdown --------------------------------------------------------------------------

def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("args", "rows", "first"),
    [
        (["list"], 5, {"id": "azerbaijan", "strengths": "25", "gaps": "12"}),
        (["show", "kazakhstan"], 36, {"profile": "kazakhstan", "domain": "migrants-rights",
                                      "kind": "strengths", "position": "1"}),
        (["search", "trafficking"], 8, {"kind": "strengths", "score": "5.48"}),
        (["compare", "kaz", "kgz", "-d", "partnerships"], 10,
         {"domain": "partnerships", "profile": "kazakhstan", "shared": ""}),
        (["overview"], 5, {"id": "azerbaijan", "crises_strengths": "5"}),
    ],
)
def test_csv_one_row_per_finding_or_profile(run, args, rows, first):
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0
    parsed = read_csv(result.stdout)
    assert len(parsed) == rows
    assert first.items() <= parsed[0].items()


def test_csv_keeps_commas_quotes_and_newlines_in_text(run):
    parsed = read_csv(run("show", "kazakhstan", "-d", "3", "-f", "csv").stdout)
    assert parsed[3]["text"].startswith("Kazakhstan also has participated in a number of "
                                        "agreements, including the legal act of “Labour")


@pytest.mark.parametrize("args", [["list"], ["show", "la-cruz"], ["search", "trafficking"],
                                  ["compare", "mombasa", "la-cruz"], ["overview"]])
def test_markdown_tables(run, args):
    result = run(*args, "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("|---|") for line in lines)
    table_lines = [line for line in lines if line.startswith("|")]
    assert all(line.endswith("|") for line in table_lines)


def test_markdown_escapes_profile_text(run, tmp_path):
    (tmp_path / "p.txt").write_text(
        "Key findings\nPartnerships\n\nMigration Governance: examples of well-developed areas\n"
        "  • A | pipe, [a link](http://x), *stars* and <b>html</b>.\n\n"
        "Migration Governance Profile: Republic of Testland\n", encoding="utf-8")
    out = run("--data-dir", str(tmp_path), "show", "testland", "-f", "markdown").stdout
    assert r"A \| pipe, \[a link\](http://x), \*stars\* and \<b\>html\</b\>." in out


# -- export ------------------------------------------------------------------------------------

def test_export_json_and_csv_to_stdout(run):
    rows = json.loads(run("export").stdout)
    assert len(rows) == 169
    assert list(rows[0]) == ["profile", "profile_name", "level", "country", "published",
                             "domain", "domain_name", "kind", "position", "text", "language",
                             "placed"]
    assert (rows[0]["language"], rows[0]["placed"]) == ("en", "stated")
    assert len(read_csv(run("export", "-f", "csv").stdout)) == 169


def test_export_csv_to_a_file(run, tmp_path):
    target = tmp_path / "out.csv"
    result = run("export", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(read_csv(target.read_text(encoding="utf-8"))) == 169


def test_export_sqlite_opens_in_sqlite_utils_and_datasette(run, tmp_path):
    target = tmp_path / "mgi.db"
    result = run("export", "-f", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(target)
    assert connection.execute("select count(*) from findings").fetchone() == (169,)
    assert connection.execute("select count(*) from profiles").fetchone() == (5,)
    hits = connection.execute(
        "select profile from findings where id in "
        "(select rowid from findings_fts where findings_fts match 'trafficking')").fetchall()
    assert len(hits) == 8

    import sqlite_utils

    assert sqlite_utils.Database(target)["findings"].detect_fts() == "findings_fts"

    from datasette.app import Datasette

    async def search_with_datasette():
        datasette = Datasette([str(target)])
        table = await datasette.client.get("/mgi/findings.json?_search=trafficking&_shape=array")
        page = await datasette.client.get("/mgi/findings")
        return table, page

    table, page = asyncio.run(search_with_datasette())
    assert table.status_code == 200 and len(table.json()) == 8
    assert 'name="_search"' in page.text  # Datasette offers its search box


def test_export_sqlite_needs_a_path_and_force_to_overwrite(run, tmp_path):
    assert run("export", "-f", "sqlite").exit_code == 2
    target = tmp_path / "mgi.db"
    target.write_text("keep me")
    refused = run("export", "-f", "sqlite", "-o", str(target))
    assert refused.exit_code == 2 and "add --force" in refused.stderr
    assert target.read_text() == "keep me"
    assert run("export", "-f", "sqlite", "-o", str(target), "--force").exit_code == 0
    assert sqlite3.connect(target).execute("select count(*) from findings").fetchone() == (169,)


def test_export_on_a_data_dir(run, editions):
    rows = json.loads(run("--data-dir", str(editions), "export").stdout)
    assert {r["profile"] for r in rows} == {"kyrgyzstan", "kyrgyzstan-2018"}


# -- save to a file --------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".txt", ".svg", ".html"])
def test_save_keeps_what_was_shown(run, tmp_path, suffix):
    target = tmp_path / f"view{suffix}"
    result = run("show", "kazakhstan", "-d", "partnerships", "--save", str(target))
    assert result.exit_code == 0
    saved = target.read_text(encoding="utf-8")
    if suffix == ".txt":
        assert [line.rstrip() for line in saved.splitlines()] == result.stdout.splitlines()
    else:
        assert "Almaty" in saved and ("<svg" in saved if suffix == ".svg" else "<html" in saved)


def test_save_refuses_other_suffixes_and_formats(run, tmp_path):
    assert run("list", "--save", str(tmp_path / "x.pdf")).exit_code == 2
    assert run("list", "-f", "json", "--save", str(tmp_path / "x.txt")).exit_code == 2


# -- pager -------------------------------------------------------------------------------------

@pytest.fixture
def terminal(monkeypatch):
    """A 24-line terminal whose pager is MGI_PAGER's as set by the test."""
    from mgi_cli.terminal import Terminal, pager_command

    return lambda: Terminal(stdout_isatty=True, width=80, height=24,
                            pager=pager_command(os.environ))


def test_long_output_goes_through_the_pager_on_a_terminal(run, tmp_path, monkeypatch, terminal):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MGI_PAGER", f"sh -c 'cat > {paged}'")
    result = run("show", "kazakhstan", obj=terminal())
    assert result.exit_code == 0 and result.stdout == ""
    assert "Migration Governance Profile: Republic of Kazakhstan" in paged.read_text()


def test_no_pager_flag_and_short_output_print_directly(run, tmp_path, monkeypatch, terminal):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MGI_PAGER", f"sh -c 'cat > {paged}'")
    assert "Kazakhstan" in run("--no-pager", "show", "kazakhstan", obj=terminal()).stdout
    assert "kazakhstan" in run("list", obj=terminal()).stdout  # shorter than the terminal
    assert not paged.exists()


def test_never_pages_when_piped(run, tmp_path, monkeypatch):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("MGI_PAGER", f"sh -c 'cat > {paged}'")
    assert "Kazakhstan" in run("show", "kazakhstan").stdout
    assert not paged.exists()


# -- completion --------------------------------------------------------------------------------

def complete(run, words: str, data_dir=None):
    env = {"_MGI_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    if data_dir:
        env["MGI_DATA_DIR"] = str(data_dir)
    from typer.testing import CliRunner

    from mgi_cli.cli import app

    return CliRunner().invoke(app, [], env=env, prog_name="mgi").stdout.split()


def test_completion_of_profiles_domains_and_formats(run):
    assert complete(run, "mgi show k") == ["kazakhstan", "kyrgyzstan"]
    assert complete(run, "mgi compare azerbaijan m") == ["mombasa"]
    assert complete(run, "mgi show kazakhstan --domain w") == ["whole-of-government",
                                                                  "well-being"]
    assert complete(run, "mgi list --format ") == ["table", "json", "csv", "markdown"]


def test_completion_reads_the_data_dir(run, editions):
    assert complete(run, "mgi show ky", editions) == ["kyrgyzstan", "kyrgyzstan-2018"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_and_install_completion(run, shell, tmp_path, monkeypatch):
    shown = run("--show-completion", shell)
    assert shown.exit_code == 0 and "_MGI_COMPLETE" in shown.stdout
    monkeypatch.setenv("HOME", str(tmp_path))
    installed = run("--install-completion", shell)
    assert installed.exit_code == 0, installed.output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("_MGI_COMPLETE" in p.read_text() for p in written)
