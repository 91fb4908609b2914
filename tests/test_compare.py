"""`mgi compare`: two to four profiles side by side, domain by domain, at any width; the
findings they share marked (≈N) and alone with --shared; what counts as shared, on the hits
and non-hits the similarity threshold was chosen on."""

from __future__ import annotations

import json

import pytest

from mgi_cli.compare import compare
from mgi_cli.similarity import SHARED_THRESHOLD, Similarity

# -- side by side -------------------------------------------------------------------------------

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
