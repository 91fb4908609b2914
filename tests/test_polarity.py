"""A finding whose meaning reversed between two editions ("lacks" to "has", "has" to "no
longer has", "there is no" to "there is") is marked reversed, never kept as the same finding."""

from __future__ import annotations

import json

import pytest

from mgi_cli.loader import bundled_seeds
from mgi_cli.polarity import negated, reversed_meaning

KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"
HAS = ("All migrants have access to health services under the same conditions as Kyrgyz "
       "nationals.")


@pytest.mark.parametrize("text", [
    "Kyrgyzstan lacks a national strategy on return.",
    "There is no specific engagement with the private sector.",
    "The country no longer has a diaspora office.",
    "Migrants do not have access to health services.",
    "Foreigners on family reunification visas are not allowed to take up employment.",
    "Le pays ne dispose pas d'une stratégie nationale.",
    "Il n'existe aucun mécanisme de coordination.",
    "El país carece de una estrategia nacional.",
    "No existe un mecanismo de coordinación.",
    "Ya no hay una oficina de la diáspora.",
])
def test_denials_in_three_languages(text):
    assert negated(text)


@pytest.mark.parametrize("text", [
    HAS,
    "Migrants have access to services without discrimination.",  # "without" qualifies
    "The plan covers not only returnees but also their families.",  # "not only" adds
    "Le pays dispose d'une stratégie nationale.",
    "El país cuenta con una estrategia nacional.",
])
def test_statements_are_not_denials(text):
    assert not negated(text)


def test_lacks_to_has_is_reversed():
    assert reversed_meaning("The country lacks a diaspora office.", "The country has a "
                                                                    "diaspora office.")
    assert not reversed_meaning("The country has a diaspora office.", "The country has a "
                                                                       "new diaspora office.")


def test_diff_marks_the_reversed_finding(run, tmp_path):
    text = KYRGYZSTAN.read_text(encoding="utf-8").replace("\u00a0", " ")
    older = text.replace("2023 Décembre", "2018 Mars").replace(
        "Migration Governance Second Profile", "Migration Governance Profile").replace(
        HAS, "Migrants do not have access to health services under the same conditions as "
             "Kyrgyz nationals.")
    assert older != text
    (tmp_path / "kyrgyzstan-2018.txt").write_text(older, encoding="utf-8")
    (tmp_path / "kyrgyzstan-2023.txt").write_text(text, encoding="utf-8")
    result = run("--data-dir", str(tmp_path), "diff", "kyrgyzstan", "-f", "json")
    assert result.exit_code == 0, result.stderr
    rights = json.loads(result.stdout)["domains"][0]
    assert [(p["to"], p["reversed"]) for p in rights["reversed"]] == [(HAS, True)]
    assert HAS not in [p["to"] for p in rights["kept"]]
    table = run("--data-dir", str(tmp_path), "diff", "kyrgyzstan").stdout
    flat = " ".join(table.split())
    assert "≠ [Well-developed areas] All migrants have access" in flat
    assert "Kyrgyz nationals. (said the opposite)" in flat and "similarity 100" not in flat
