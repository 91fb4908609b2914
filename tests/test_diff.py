"""`mgi diff`: what changed between two editions of one profile, and the refusals of
anything that is not two editions of one profile in one language."""

from __future__ import annotations

import json

import pytest


def test_diff_of_two_editions(run, editions):
    result = run("--data-dir", str(editions), "diff", "kyrgyzstan", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["from"], data["to"]) == ("kyrgyzstan-2018", "kyrgyzstan")
    domains = {d["key"]: d for d in data["domains"]}
    partnerships = domains["partnerships"]
    reworded = [k for k in partnerships["kept"] if k["from"] != k["to"]]
    assert reworded == [{
        "from": "Kyrgyzstan is a member of the Almaty Process on Refugee Protection and "
                "International Migration.",
        "to": "Kyrgyzstan participates in the Almaty Process on Refugee Protection and "
              "International Migration.",
        "score": reworded[0]["score"], "from_kind": "strengths", "to_kind": "strengths",
        "reversed": False}]
    assert reworded[0]["score"] >= 60
    assert partnerships["gone"] == [
        {"kind": "gaps", "text": "Kyrgyzstan has no bilateral labour agreements."}]
    assert domains["safe-migration"]["new"] == [
        {"kind": "strengths", "text": "Kyrgyzstan has measures to combat migrant labour "
                                      "exploitation."}]
    (moved,) = domains["crises"]["moved"]
    assert (moved["from_kind"], moved["to_kind"]) == ("gaps", "strengths")
    assert moved["to"] == ("The country has contingency plans to manage large-scale population "
                           "movements in times of crisis.")
    untouched = domains["migrants-rights"]
    assert (len(untouched["kept"]), untouched["new"], untouched["gone"],
            untouched["moved"]) == (7, [], [], [])


def test_diff_table_and_two_profile_form(run, editions):
    table = run("--data-dir", str(editions), "diff", "kyrgyzstan-2018", "kyrgyzstan")
    assert table.exit_code == 0
    assert "⇄ Areas for further development → Well-developed areas:" in table.stdout
    assert "+ [Well-developed areas] Kyrgyzstan has measures to combat" in table.stdout
    assert "− [Areas for further development] Kyrgyzstan has no bilateral" in table.stdout
    assert "was: Kyrgyzstan is a member of the Almaty Process" in table.stdout
    assert "= 7 findings unchanged" in table.stdout
    everything = run("--data-dir", str(editions), "diff", "kyrgyzstan", "--unchanged").stdout
    assert "= [Areas for further development] Foreigners on family reunification" in everything


def test_diff_of_a_single_edition_is_a_usage_error(run):
    result = run("diff", "kazakhstan")
    assert result.exit_code == 2 and "Only one edition of 'kazakhstan'" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["kazakhstan", "kyrgyzstan"],
     "Error: 'kazakhstan' (Republic of Kazakhstan) and 'kyrgyzstan' (Kyrgyz Republic) are "
     "different profiles: diff compares editions of one profile. To set different profiles "
     "side by side: mgi compare kazakhstan kyrgyzstan"),
    (["kazakhstan", "KAZ"],
     "Error: 'kazakhstan' is named twice: diff compares two editions of one profile. To diff "
     "it with its previous edition, name it once: mgi diff kazakhstan"),
    (["a", "b", "c"], "Error: Diff one profile (with its previous edition) or two editions of "
                      "one profile, not 3 profiles."),
])
def test_anything_but_two_editions_is_refused_in_one_line(run, args, message):
    result = run("diff", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == message + "\n"


def test_newer_then_older_is_shown_older_to_newer_with_a_warning(run, editions):
    result = run("--data-dir", str(editions), "diff", "kyrgyzstan", "kyrgyzstan-2018",
                 "-f", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["from"], data["to"]) == ("kyrgyzstan-2018", "kyrgyzstan")
    assert result.stderr == ("warning: 'kyrgyzstan' (2023-12) is the later edition: showing "
                             "what changed from 'kyrgyzstan-2018' (2018-03) to it.\n")
