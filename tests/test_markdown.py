"""`--format markdown`: a GitHub table for every command, with the exact header and rows, and
profile text escaped so that a `|`, a link, stars or HTML in a finding or a name stay text."""

from __future__ import annotations

import shutil

import pytest

from tests.editions import KYRGYZSTAN

TESTLAND = (
    "Key findings\nPartnerships\n\nMigration Governance: examples of well-developed areas\n"
    "  • A | pipe, [a link](http://x), *stars* and <b>html</b>.\n\n"
    "Migration Governance Profile: {title}\n")
ESCAPED = r"A \| pipe, \[a link\](http://x), \*stars\* and \<b\>html\</b\>."
ESCAPED_NAME = r"Republic of \*Test\* \<Land\>"


def header_and_rows(markdown: str) -> tuple[str, str, list[str]]:
    """The first table: its header row, its separator row, and every line of the output that
    is a table row."""
    lines = markdown.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("|---|"))
    return lines[at - 1], lines[at], [line for line in lines if line.startswith("|")]


@pytest.mark.parametrize(("args", "header", "row"), [
    (["list"],
     "| id | name | level | country | published | edition | strengths | gaps | language | "
     "unsorted | source_url | fetched_at |",
     "| kyrgyzstan | Kyrgyz Republic | national | Kyrgyzstan | 2023-12 | 2 | 22 | 11 | en | 0 |  "
     "|  |"),
    (["show", "la-cruz"],
     "| List | Finding |",
     "| Areas with potential for further development | The development of programmes to guide "
     "or welcome newly arrived migrants is deemed an area with potential for further "
     "development. |"),
    (["search", "trafficking"],
     "| profile | domain | domain_name | kind | position | score | language | matched | text |",
     "| mombasa | safe-migration | Safe, orderly and regular migration | gaps | 2 | 3.63 | en | "
     "human trafficking | The CGM does not have a local strategy to combat human trafficking. |"),
    (["compare", "mombasa", "la-cruz"],
     "| List | County of Mombasa (mombasa) | Municipality of La Cruz (la-cruz) |",
     "| Areas for further development | • The CGM does not have an agency or department "
     "responsible for designing migration policies or strategic plans.<br>• There is no "
     "local-level coordination mechanism on migration issues. (≈1) | • The municipality still "
     "lacks a local migration strategy or policy laid out in a programme document or manifesto."
     "<br>• There is no formal process of coordination at the political, technical and "
     "operational levels for migration issues in La Cruz. (≈1)<br>• Providing regular training "
     "for municipal officers in cultural sensitivity is an area with potential for development. |"),
    (["overview"],
     "| Profile | 1. Migrants' rights | 2. Whole-of-government approach | 3. Partnerships | "
     "4. Well-being of migrants | 5. Mobility dimensions of crises | 6. Safe, orderly and "
     "regular migration |",
     "| Republic of Kazakhstan (kazakhstan) | 5 / 3 | 3 / 3 | 4 / 2 | 3 / 2 | 3 / 2 | 3 / 3 |"),
], ids=["list", "show", "search", "compare", "overview"])
def test_markdown_tables(run, args, header, row):
    result = run(*args, "--format", "markdown")
    assert result.exit_code == 0 and result.stderr == ""
    first_header, separator, table_lines = header_and_rows(result.stdout)
    assert first_header == header
    assert separator == "|" + "---|" * header.count(" | ") + "---|"
    assert row in table_lines
    assert all(line.endswith("|") for line in table_lines)


def test_markdown_escapes_profile_text(run, tmp_path):
    (tmp_path / "p.txt").write_text(TESTLAND.format(title="Republic of Testland"),
                                    encoding="utf-8")
    out = run("--data-dir", str(tmp_path), "show", "testland", "-f", "markdown").stdout
    assert r"A \| pipe, \[a link\](http://x), \*stars\* and \<b\>html\</b\>." in out


@pytest.mark.parametrize(("args", "row"), [
    (["list"], f"| test-land | {ESCAPED_NAME} | national |  |  | 1 | 1 | 0 | en | 0 |  |  |"),
    (["overview"], f"| {ESCAPED_NAME} (test-land) | — | — | 1 / 0 | — | — | — |"),
    (["show", "test-land"],
     f"| Migration Governance: examples of well-developed areas | {ESCAPED} |"),
    (["search", "pipe"],
     f"| test-land | partnerships | Partnerships | strengths | 1 | 3.86 | en | pipe | {ESCAPED} |"),
    (["compare", "test-land", "kyrgyzstan", "-d", "3"],
     f"| List | {ESCAPED_NAME} (test-land) | Kyrgyz Republic (kyrgyzstan) |"),
    (["compare", "test-land", "kyrgyzstan", "-d", "3"],
     f"| Well-developed areas | • {ESCAPED} | • Kyrgyzstan participates in the Almaty Process "
     "on Refugee Protection and International Migration.<br>• The country is part of the "
     "Eurasian Economic UnionTreaty (2014), which promotes regional labour mobility.<br>• "
     "Kyrgyzstan formally engages members of diaspora and expatriate communities in "
     "agenda-setting and the implementation of development policy. |"),
], ids=["list", "overview", "show", "search", "compare-header", "compare-row"])
def test_markdown_escapes_names_and_findings_in_every_table(run, tmp_path, args, row):
    """A `|` in a finding would split its cell; stars, brackets and tags would format it."""
    (tmp_path / "p.txt").write_text(TESTLAND.format(title="Republic of *Test* <Land>"),
                                    encoding="utf-8")
    shutil.copy(KYRGYZSTAN, tmp_path / "k.txt")
    result = run("--data-dir", str(tmp_path), *args, "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert row in result.stdout.splitlines()
