"""`--format csv`: one row per finding (show, search, compare) or per profile (list,
overview), read back by Python's csv module with commas, quotes and newlines kept."""

from __future__ import annotations

import csv
import io

import pytest


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
