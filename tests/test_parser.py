"""The loader on the five real seed profiles: exact counts, texts and metadata."""

from __future__ import annotations

import json

import pytest

from mgi_cli.model import GAPS, STRENGTHS
from mgi_cli.parser import NotAProfile, parse_profile
from tests.samples import UNMAPPED

# (strengths, gaps) per domain in canonical order, counted by hand in the seed files.
COUNTS = {
    "kyrgyzstan": [(4, 3), (4, 1), (3, 1), (3, 2), (4, 2), (4, 2)],
    "kazakhstan": [(5, 3), (3, 3), (4, 2), (3, 2), (3, 2), (3, 3)],
    "mombasa": [(3, 2), (3, 2), (3, 2), (2, 2), (3, 2), (2, 3)],
    "azerbaijan": [(4, 2), (4, 2), (4, 1), (4, 2), (5, 2), (4, 3)],
    "la-cruz": [(4, 2), (3, 3), (2, 3), (3, 3), (3, 3), (3, 2)],
}
KEYS = ["migrants-rights", "whole-of-government", "partnerships", "well-being", "crises",
        "safe-migration"]


def by_id(seeds):
    return {p.id: p for p in seeds.profiles}


def test_five_seeds_hold_169_findings_and_no_problems(seeds):
    assert sorted(by_id(seeds)) == sorted(COUNTS)
    assert sum(p.count(STRENGTHS) + p.count(GAPS) for p in seeds.profiles) == 169
    assert [p for p in seeds.problems if p.warn] == []


@pytest.mark.parametrize("profile_id", sorted(COUNTS))
def test_counts_per_domain_and_list(seeds, profile_id):
    profile = by_id(seeds)[profile_id]
    assert [d.domain.key for d in profile.domains] == KEYS
    assert [(len(d.strengths), len(d.gaps)) for d in profile.domains] == COUNTS[profile_id]


def test_la_cruz_paragraph_joins_its_bullet(seeds):
    partnerships = by_id(seeds)["la-cruz"].domains[2]
    assert partnerships.strengths[1] == (
        "La Cruz Cantonal Council for Institutional Coordination coordinates the design, "
        "implementation and oversight of public policy with local implications, to which end "
        "they coordinate the municipality or District Municipal Council and public bodies with "
        "cantonal or district-level representation."
    )


def test_kazakhstan_domain_3_well_being_maps_by_meaning(seeds):
    kazakhstan = by_id(seeds)["kazakhstan"]
    assert kazakhstan.domains[2].heading == "Domain 3: Partnerships"
    assert kazakhstan.domains[3].heading == "Domain 3: Well-being of migrants"
    assert kazakhstan.domains[3].strengths[2] == (
        "Kazakhstan is a party to a number of international conventions on the recognition "
        "of foreign degrees."
    )
    assert kazakhstan.domains[0].heading.startswith("Domain 1. Adherence to international")


def test_headings_are_kept_as_written(seeds):
    azerbaijan = by_id(seeds)["azerbaijan"]
    assert [d.heading for d in azerbaijan.domains][4:] == [
        "MOBILITY DIMENSION OF CRISES",
        "SAFE, ORDERLY AND DIGNIFIED MIGRATION",
    ]


def test_page_numbers_are_ignored(seeds):
    mombasa = by_id(seeds)["mombasa"]
    texts = [t for d in mombasa.domains for t in (*d.strengths, *d.gaps)]
    assert all(t != "1" and not t.endswith(" 1") for t in texts)
    assert mombasa.domains[5].gaps[-1] == (
        "The CGM does not have any measures in place to combat migrant labour exploitation."
    )


def test_date_and_title_are_not_findings(seeds):
    kyrgyzstan = by_id(seeds)["kyrgyzstan"]
    assert kyrgyzstan.domains[5].gaps[-1] == (
        "The country has some ad hoc measures in place to trace and identify missing migrants."
    )


METADATA = {
    "kyrgyzstan": ("Kyrgyz Republic", "national", "Kyrgyzstan", "KGZ", "2023-12", 2),
    "kazakhstan": ("Republic of Kazakhstan", "national", "Kazakhstan", "KAZ", "2018-05", 1),
    "mombasa": ("County of Mombasa", "local", "Kenya", "KEN", "2022-11", 1),
    "azerbaijan": ("Republic of Azerbaijan", "national", "Azerbaijan", "AZE", "2023-10", 1),
    "la-cruz": ("Municipality of La Cruz", "local", "Costa Rica", "CRI", "2022-09", 1),
}


@pytest.mark.parametrize("profile_id", sorted(METADATA))
def test_metadata(seeds, profile_id):
    p = by_id(seeds)[profile_id]
    assert (p.name, p.level, p.country, p.country_code, p.published, p.edition) == (
        METADATA[profile_id]
    )


def test_title_implementation_and_funding(seeds):
    kazakhstan = by_id(seeds)["kazakhstan"]
    assert kazakhstan.title == "Migration Governance Profile: Republic of Kazakhstan"
    assert kazakhstan.funding == "Funding is provided by the Government of Sweden."
    assert kazakhstan.implementation.endswith(
        "implemented with the support of the Economist Intelligence Unit."
    )
    assert by_id(seeds)["azerbaijan"].implementation.endswith("from the Economist Impact.")


def test_french_introduction_is_not_a_domain(seeds):
    kyrgyzstan = by_id(seeds)["kyrgyzstan"]
    texts = [t for d in kyrgyzstan.domains for t in (*d.strengths, *d.gaps)]
    assert not any("indicateurs" in t.lower() for t in texts)
    assert kyrgyzstan.domains[0].heading == "Migrants' rights"


def test_unmapped_heading_is_kept_unclassified_and_reported():
    profile, problems = parse_profile(UNMAPPED, "test.txt")
    extra = profile.domains[-1]
    assert extra.domain.key == "unclassified"
    assert extra.heading == "Domain one: institutional capacity"
    assert extra.strengths == ("A finding under a heading that is no MGI domain.",)
    assert profile.domains[2].strengths == ("A partnership.",)
    warnings = [p for p in problems if p.warn]
    assert [(p.line, p.message) for p in warnings] == [
        (2, "heading maps to no MGI domain: 'Domain one: institutional capacity'")
    ]
    assert profile.id == "testland" and profile.country is None


def test_text_without_findings_is_not_a_profile():
    with pytest.raises(NotAProfile):
        parse_profile("Just a letter.\n\nNothing about migration governance.", "x.txt")


# -- a heading that names two domains ----------------------------------------------------------

AMBIGUOUS = """Migration Governance Profile: Republic of Testland

{heading}
Migration Governance: examples of well-developed areas
  • A finding under a heading that names two domains.
Areas with potential for further development
  • A second one.

Partnerships
Migration Governance: examples of well-developed areas
  • A partnership.
"""
TWO = "two domains, 1 (Migrants' rights) and 4 (Well-being of migrants)"


@pytest.mark.parametrize("heading", [
    "Migrants' rights and well-being", "MIGRANTS’ RIGHTS AND WELL-BEING",
    "Droits et bien-être des migrants", "Derechos y bienestar de los migrantes",
])
def test_a_heading_naming_two_domains_is_reported_with_both_and_kept_unclassified(heading):
    profile, problems = parse_profile(AMBIGUOUS.format(heading=heading), "test.txt")
    assert [(p.line, p.message) for p in problems if p.warn] == [
        (3, f"heading names {TWO}: {heading!r}; its findings are unclassified, as mgi cannot "
            "tell which it is")]
    extra = profile.unclassified
    assert extra is not None and extra.heading == heading
    assert extra.strengths == ("A finding under a heading that names two domains.",)
    assert extra.gaps == ("A second one.",)
    assert not profile.canonical[0].present and not profile.canonical[3].present


def test_a_numbered_heading_naming_two_domains_is_placed_by_its_number_and_says_so():
    heading = "Domain 4: Migrants' rights and well-being"
    profile, problems = parse_profile(AMBIGUOUS.format(heading=heading), "test.txt")
    assert [(p.line, p.message) for p in problems if p.warn] == [
        (3, f"heading names {TWO}: {heading!r}; mapped to domain 4 (Well-being of migrants) "
            "by its number")]
    assert profile.unclassified is None
    assert profile.canonical[3].strengths == (
        "A finding under a heading that names two domains.",)
    assert profile.canonical[3].placed == ("by-number", "by-number")


def test_a_numbered_heading_naming_two_domains_whose_number_another_heading_names():
    heading = "3. Migrants' rights and well-being"
    profile, problems = parse_profile(AMBIGUOUS.format(heading=heading), "test.txt")
    assert [(p.line, p.message) for p in problems if p.warn] == [
        (3, f"heading names {TWO}: {heading!r}; its number is that of domain 3, which another "
            "heading names, so its findings are unclassified")]
    assert profile.unclassified is not None and len(profile.unclassified.strengths) == 1


def test_check_names_both_domains_of_a_heading_with_its_line(run, tmp_path):
    heading = "Droits et bien-être des migrants"
    (tmp_path / "testland.txt").write_text(AMBIGUOUS.format(heading=heading), encoding="utf-8")
    result = run("check", str(tmp_path), "-f", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert {"line": 3, "message": f"heading names {TWO}: {heading!r}; its findings are "
                                  "unclassified, as mgi cannot tell which it is"} in problems
