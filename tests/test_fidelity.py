"""Fidelity: every finding placed by what the text says, or by a guess `mgi check` reports.

The fixtures in tests/fixtures/fidelity/ are the seeds changed the ways real profiles differ
from them (make_fidelity.py writes them), and full French and Spanish translations of seeds.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgi_cli import lines
from mgi_cli.domains import heading_number
from mgi_cli.furniture import furniture_lines
from mgi_cli.labels import is_section_marker, list_label
from mgi_cli.language import detect
from mgi_cli.loader import decode, load_paths
from mgi_cli.model import BY_NUMBER, BY_POSITION, GAPS, STATED, STRENGTHS, UNCLASSIFIED
from mgi_cli.parser import NotAProfile, parse_profile
from tests.dress import Dress, write

FIDELITY = Path(__file__).parent / "fixtures" / "fidelity"
SEED_COUNTS = {  # (strengths, gaps) per domain, as tests/test_parser.py counts the seeds
    "kazakhstan": [(5, 3), (3, 3), (4, 2), (3, 2), (3, 2), (3, 3)],
    "mombasa": [(3, 2), (3, 2), (3, 2), (2, 2), (3, 2), (2, 3)],
    "azerbaijan": [(4, 2), (4, 2), (4, 1), (4, 2), (5, 2), (4, 3)],
    "la-cruz": [(4, 2), (3, 3), (2, 3), (3, 3), (3, 3), (3, 2)],
    "kyrgyzstan": [(4, 3), (4, 1), (3, 1), (3, 2), (4, 2), (4, 2)],
}


def load(name: str):
    result = load_paths([FIDELITY / name])
    (profile,) = result.profiles
    return profile, result.problems


def warnings(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems if p.warn]


def notes(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems if p.note]


def counts(profile) -> list[tuple[int, int]]:
    return [(len(d.strengths), len(d.gaps)) for d in profile.domains[:6]]


def texts(profile) -> dict[str, tuple[list[str], list[str]]]:
    return {d.domain.key: ([" ".join(t.split()) for t in d.strengths],
                           [" ".join(t.split()) for t in d.gaps]) for d in profile.domains}


# -- the line classifier and its parts, one rule at a time -------------------------------------

@pytest.mark.parametrize(("line", "kind"), [
    ("Migration Governance: examples of well-developed areas", STRENGTHS),
    ("Migration Governance: Examples of well-developed areas:", STRENGTHS),
    ("Gouvernance des migrations : exemples de domaines bien développés", STRENGTHS),
    ("Exemples de domaines bien développés", STRENGTHS),
    ("Ejemplos de áreas bien desarrolladas", STRENGTHS),
    ("Points forts", STRENGTHS),
    ("Good practices", STRENGTHS),
    ("Areas with potential for further development", GAPS),
    ("Areas for further development", GAPS),
    ("Areas that could be further developed:", GAPS),
    ("Areas to strengthen", GAPS),
    ("Domaines susceptibles d’être développés davantage", GAPS),
    ("Domaines à développer davantage :", GAPS),
    ("Domaines pouvant être développés davantage", GAPS),
    ("Aspects à renforcer", GAPS),
    ("Áreas que podrían desarrollarse más", GAPS),
    ("Áreas con potencial de desarrollo adicional", GAPS),
    ("Áreas por desarrollar", GAPS),
    ("Ámbitos que deben fortalecerse", GAPS),
    ("AREAS WITH POTENTIAL FOR FURTHER DEVELOPMENT", GAPS),
    # Not labels: findings, wrapped lines of findings, headings, neither or both meanings.
    ("is an area with potential for further development.", None),
    ("and utilize the full potential of migration for the", None),
    ("Strengthening partnerships", None),
    ("Partnerships", None),
    ("Looking ahead", None),
    ("Well-developed areas and areas with potential for further development", None),
])
def test_list_labels_by_meaning(line, kind):
    assert list_label(line) == kind


@pytest.mark.parametrize("line", [
    "Key findings", "KEY FINDINGS", "Main findings:", "Principales conclusions",
    "principales conclusions", "Principales conclusiones", "Conclusiones principales",
    "Résultats clés", "Hallazgos principales", "Resultados", "Summary of key findings",
])
def test_section_markers_in_any_wording_and_case(line):
    assert is_section_marker(line)


@pytest.mark.parametrize("line", ["Partnerships", "Key findings of the 2019 survey show that",
                                  "The main findings were shared with the ministries."])
def test_not_section_markers(line):
    assert not is_section_marker(line)


@pytest.mark.parametrize(("heading", "number"), [
    ("Domaine 2 : Formulation de politiques", 2), ("Dominio 5: Gestión de emergencias", 5),
    ("Domain 3 - Something", 3), ("2. Something", 2), ("VI. Something", 6),
    ("Principle 3: Partnerships", 3), ("Objective 1: Advance well-being", 4),
    ("Domain one: institutional capacity", None), ("Domain 7: Other", None),
    ("2021 Mai", None), ("Partnerships", None),
])
def test_heading_numbers(heading, number):
    domain = heading_number(heading)
    assert (domain.number if domain else None) == number


@pytest.mark.parametrize(("line", "kind"), [
    ("", lines.BLANK), ("   ", lines.BLANK), ("12", lines.PAGE_NUMBER),
    ("Page 3 of 12", lines.PAGE_NUMBER), ("Résultats clés", lines.MARKER),
    ("  • A finding.", lines.BULLET), ("Areas for further development", lines.LABEL),
    ("2021", lines.DATE), ("Octubre de 2021", lines.DATE),
    ("Migration Governance Profile: Republic of Kazakhstan", lines.TITLE),
    ("Droits des migrants", lines.HEADING), ("Dominio 5: Gestión de emergencias", lines.HEADING),
    ("Looking ahead", lines.SHORT),
    ("Kazakhstan has a favourable framework for achieving long-term residency.", lines.PROSE),
])
def test_classify(line, kind):
    assert lines.classify(line) == kind


@pytest.mark.parametrize(("text", "language"), [
    ("Le gouvernement a mis en place une stratégie pour les migrants et leurs familles.", "fr"),
    ("El gobierno cuenta con una estrategia para los migrantes y sus familias.", "es"),
    ("The government has a strategy for migrants and their families.", "en"),
    ("", "en"),
])
def test_language(text, language):
    assert detect(text) == language


def test_furniture_is_told_by_how_it_repeats():
    text = [
        "  • The law on migra-", "", "MIGRATION GOVERNANCE INDICATORS 8", "",
        "MIGRATION GOVERNANCE INDICATORS  REPUBLIC OF KAZAKHSTAN | PROFILE 2018",
        "    tion was adopted.", "Areas for further development", "  • One.", "x",
        "MIGRATION GOVERNANCE INDICATORS 9", "MIGRATION GOVERNANCE INDICATORS  REPUBLIC OF "
        "KAZAKHSTAN | PROFILE 2018", "  • Two.", "Areas for further development", "  • Three.",
        "MIGRATION GOVERNANCE INDICATORS 10",
        "MIGRATION GOVERNANCE INDICATORS  REPUBLIC OF KAZAKHSTAN | PROFILE 2018",
        "Areas for further development",
    ]
    assert sorted(furniture_lines(text)) == [2, 4, 9, 10, 14, 15]


def test_repeated_label_mgi_cannot_read_is_not_furniture():
    text = ["Heading", "Looking ahead", "  • One.", "Other", "Looking ahead", "  • Two.",
            "Third", "Looking ahead", "  • Three."]
    assert furniture_lines(text) == set()


# -- the cases users met, on fixtures ------------------------------------------------------------

@pytest.mark.parametrize(("name", "profile_id"), [
    ("label_short_english.txt", "mombasa"),
    ("label_french_gaps.txt", "mombasa"),
    ("label_french_colon.txt", "azerbaijan"),
    ("label_spanish_gaps.txt", "la-cruz"),
    ("heading_numbered_french.txt", "azerbaijan"),
    ("markers.txt", "azerbaijan"),
    ("intro_bullets.txt", "mombasa"),
    ("date_bare_year.txt", "la-cruz"),
])
def test_variants_read_as_stated_with_nothing_guessed(name, profile_id):
    profile, problems = load(name)
    assert profile.id == profile_id
    assert counts(profile) == SEED_COUNTS[profile_id]
    assert warnings(problems) == []
    assert all(d.placed == (STATED, STATED) for d in profile.domains)


def test_unknown_gaps_label_is_taken_by_position_and_reported(seeds):
    profile, problems = load("label_unknown.txt")
    seed = next(p for p in seeds.profiles if p.id == "kazakhstan")
    assert texts(profile) == texts(seed)
    assert [d.placed for d in profile.domains] == [(STATED, BY_POSITION)] * 6
    assert warnings(problems)[:2] == [
        (74, "list label not recognised: 'Looking ahead' (line 74); its 3 findings taken as "
             "further development by position"),
        (88, "list label not recognised: 'Looking ahead' (line 88); its 3 findings taken as "
             "further development by position"),
    ]
    assert len(warnings(problems)) == 6


def test_unknown_strengths_label_is_taken_by_position_and_reported(seeds):
    profile, problems = load("label_unknown_strengths.txt")
    seed = next(p for p in seeds.profiles if p.id == "kyrgyzstan")
    assert texts(profile) == texts(seed)
    assert [d.placed for d in profile.domains] == [(BY_POSITION, STATED)] * 6
    assert warnings(problems)[0] == (
        66, "list label not recognised: 'What the country has in place' (line 66); its 4 "
            "findings taken as well-developed areas by position")


def test_numbered_heading_mgi_cannot_name_is_mapped_by_number_and_reported():
    profile, problems = load("heading_number_only.txt")
    crises = profile.domains[4]
    assert (crises.heading, crises.placed) == ("Dominio 5: Gestión de emergencias",
                                               (BY_NUMBER, BY_NUMBER))
    assert counts(profile) == SEED_COUNTS["azerbaijan"]
    assert warnings(problems) == [
        (119, "heading not recognised: 'Dominio 5: Gestión de emergencias'; mapped to domain 5 "
              "(Mobility dimensions of crises) by its number")]


def test_unknown_heading_starts_a_block_of_its_own_never_merged(seeds):
    profile, problems = load("heading_unknown.txt")
    assert not profile.domains[2].present
    extra = profile.domains[-1]
    assert (extra.domain.key, extra.heading, len(extra.strengths), len(extra.gaps)) == (
        "unclassified", "Cooperation beyond borders", 3, 1)
    assert extra.placed == (UNCLASSIFIED, UNCLASSIFIED)
    assert counts(profile)[1] == SEED_COUNTS["kyrgyzstan"][1]  # nothing merged into domain 2
    assert warnings(problems) == [
        (92, "heading maps to no MGI domain: 'Cooperation beyond borders'")]


def test_text_copied_from_a_pdf_viewer_reads_as_the_seed(seeds):
    profile, problems = load("pdf_copy.txt")
    seed = next(p for p in seeds.profiles if p.id == "kazakhstan")
    assert texts(profile) == texts(seed)
    assert profile.title == seed.title
    assert warnings(problems) == []
    (note,) = [p for p in problems if p.note]
    assert note.message == ("10 lines of page furniture dropped (running headers, footers, "
                            "page numbers), such as 'MIGRATION GOVERNANCE INDICATORS 3'")


def test_bulleted_introduction_is_never_findings():
    profile, problems = load("intro_bullets.txt")
    assert [d.domain.key for d in profile.domains][-1] == "safe-migration"  # no unclassified
    assert (profile.level, profile.country_code) == ("local", "KEN")


def test_missing_domain_is_not_in_this_profile(run, tmp_path):
    profile, problems = load("missing_domain.txt")
    crises = profile.domains[4]
    assert (crises.present, crises.strengths, crises.gaps) == (False, (), ())
    assert (0, "no heading for domain 5 (Mobility dimensions of crises)") in [
        (p.line, p.message) for p in problems]
    shutil.copy(FIDELITY / "missing_domain.txt", tmp_path)
    overview = json.loads(run("--data-dir", str(tmp_path), "overview", "-f", "json").stdout)
    assert overview[0]["domains"]["crises"] is None
    assert overview[0]["domains"]["partnerships"] == {"strengths": 3, "gaps": 1}
    table = run("--data-dir", str(tmp_path), "overview").stdout
    assert "\nkyrgyzstan   4 / 3    4 / 1     3 / 1        3 / 2         —      4 / 2\n" in table
    shown = json.loads(run("--data-dir", str(tmp_path), "show", "kyrgyzstan", "-d", "crises",
                           "-f", "json").stdout)
    assert shown["domains"][0] == {
        "key": "crises", "number": 5, "name": "Mobility dimensions of crises", "heading": None,
        "placed": None, "strengths": None, "gaps": None}
    text = run("--data-dir", str(tmp_path), "show", "kyrgyzstan", "-d", "crises").stdout
    assert "5. Mobility dimensions of crises\n  (not in this profile)\n" in text


def test_markers_are_never_glued_to_findings():
    profile, _ = load("markers.txt")
    findings = [t for d in profile.domains for t in (*d.strengths, *d.gaps)]
    assert not any("clés" in t or "CONCLUSIONES" in t or "Hallazgos" in t for t in findings)


def test_bare_year_is_the_date():
    profile, _ = load("date_bare_year.txt")
    assert profile.published == "2022"
    assert profile.domains[5].gaps[-1].endswith("is an area with potential for further "
                                                "development.")


def test_glued_sentences_stay_one_finding_with_a_note(seeds):
    kyrgyzstan = next(p for p in seeds.profiles if p.id == "kyrgyzstan")
    assert 'destination countries."The National Bank' in kyrgyzstan.domains[3].strengths[2]
    notes = [p for p in seeds.problems if p.note]
    assert [(p.line, p.warn) for p in notes] == [(110, False)]


def test_a_notes_file_is_not_a_profile():
    result = load_paths([FIDELITY / "notes.txt"])
    assert result.profiles == ()
    assert [p.message for p in result.problems] == ["holds no MGI profile (no domain headings)"]


@pytest.mark.parametrize(("name", "seed_id", "language", "name_written"), [
    ("kazakhstan_fr.txt", "kazakhstan", "fr", "République du Kazakhstan"),
    ("kazakhstan_es.txt", "kazakhstan", "es", "República de Kazajistán"),
    ("la_cruz_es.txt", "la-cruz", "es", "Municipalidad de La Cruz"),
    ("mombasa_fr.txt", "mombasa", "fr", "Comté de Mombasa"),
])
def test_translations_read_whole_in_their_language(name, seed_id, language, name_written):
    profile, problems = load(name)
    assert counts(profile) == SEED_COUNTS[seed_id]
    assert warnings(problems) == []
    assert (profile.language, profile.name) == (language, name_written)


# -- mgi check tells the truth -----------------------------------------------------------------

def test_check_reports_a_guess_and_exits_1(run):
    result = run("check", str(FIDELITY / "label_unknown.txt"))
    assert result.exit_code == 1
    assert "✗ " in result.stdout and "clean" not in result.stdout
    assert ("list label not recognised: 'Looking ahead' (line 74); its 3 findings taken as\n"
            "  further development by position") in result.stdout
    assert result.stdout.rstrip().endswith("1 file, 1 profile, 36 findings, 6 problems")


def test_check_json_says_how_each_list_was_placed(run):
    result = run("check", str(FIDELITY / "label_unknown.txt"), "-f", "json")
    report = json.loads(result.stdout)
    assert report["clean"] is False and report["files"][0]["clean"] is False
    assert report["files"][0]["profile"]["domains"]["partnerships"] == {
        "heading": "Domain 3: Partnerships", "placed": {"strengths": STATED, "gaps": BY_POSITION},
        "strengths": 4, "gaps": 2}


def test_other_commands_warn_of_guesses(run, tmp_path):
    shutil.copy(FIDELITY / "label_unknown.txt", tmp_path)
    result = run("--data-dir", str(tmp_path), "show", "kazakhstan", "-f", "json")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {tmp_path / 'label_unknown.txt'}:74: list label not recognised: "
        "'Looking ahead' (line 74); its 3 findings taken as further development by position "
        "(see mgi check)")
    assert json.loads(result.stdout)["domains"][0]["placed"] == {
        "strengths": STATED, "gaps": BY_POSITION}


def test_check_on_a_folder_with_subfolders_of_translations(run, tmp_path):
    for folder, name in (("fr", "kazakhstan_fr.txt"), ("es", "kazakhstan_es.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(FIDELITY / name, tmp_path / folder / name)
    result = run("check", str(tmp_path), "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["clean"] is True
    assert sorted(f["profile"]["language"] for f in report["files"]) == ["es", "fr"]


# -- property: whatever the labels and furniture, no gap lands among strengths in silence --------

KNOWN_STRENGTHS = ["Migration Governance: examples of well-developed areas",
                   "Exemples de domaines bien développés", "Ejemplos de áreas bien desarrolladas",
                   "Points forts"]
KNOWN_GAPS = ["Areas for further development", "Domaines à développer davantage :",
              "Áreas que podrían desarrollarse más", "Aspects à renforcer",
              "Areas with potential for further development"]
UNKNOWN = ["Looking ahead", "Next steps", "Pending matters", "What is in place", "Achievements"]


def relabelled(text: str, rng: random.Random) -> str:
    out = []
    for line in text.splitlines():
        if line == KNOWN_STRENGTHS[0]:
            line = rng.choice(KNOWN_STRENGTHS + UNKNOWN)
        elif line == "Areas with potential for further development":
            line = rng.choice(KNOWN_GAPS + UNKNOWN)
        out.append(line)
        if rng.random() < 0.06:  # a page break: footer and header, anywhere
            page = len(out)
            out += ["", f"MIGRATION GOVERNANCE INDICATORS {page}", "",
                    "REPUBLIC OF TESTLAND | PROFILE 2023", ""]
    return "\n".join(out) + "\n"


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed_index=st.integers(0, 4), glyph=st.sampled_from([0, 4, 7]),
       wrap=st.none() | st.integers(50, 90), blank_lines=st.booleans(),
       randomness=st.integers(0, 2**32))
def test_no_gap_lands_among_strengths_without_a_report(seeds, seed_index, glyph, wrap,
                                                        blank_lines, randomness):
    original = sorted(seeds.profiles, key=lambda p: p.source)[seed_index]
    findings = {b.domain.key: (list(b.strengths), list(b.gaps)) for b in original.domains}
    dress = Dress(glyph=glyph, wrap=wrap, blank_lines=blank_lines)
    text = relabelled(decode(write(findings, dress)), random.Random(randomness))
    profile, problems = parse_profile(text, "relabelled.txt")
    read = {k: v for k, v in texts(profile).items() if k != "unclassified"}
    want = {k: ([" ".join(t.split()) for t in s], [" ".join(t.split()) for t in g])
            for k, (s, g) in findings.items()}
    if not [p for p in problems if p.warn]:
        assert read == want  # nothing reported: everything is where the text puts it
    gaps = {t for _, g in want.values() for t in g}
    strengths_read = {t for s, _ in read.values() for t in s}
    if gaps & strengths_read:
        assert [p for p in problems if p.warn]


UNLABELLED = """Key findings
Partnerships

  • Kenya cooperates with Uganda on bus routes.
  • Another finding about cooperation.

Key findings
Migrants' rights

Migration Governance: examples of well-developed areas

  • A right.

Areas with potential for further development

  • A gap.

Migration Governance Profile: Republic of Kenya
"""


def test_findings_of_neither_list_are_kept_apart_shown_and_found(run, tmp_path):
    (tmp_path / "kenya.txt").write_text(UNLABELLED, encoding="utf-8")
    profile, problems = parse_profile(UNLABELLED, "kenya.txt")
    partnerships = profile.domains[2]
    assert (partnerships.strengths, partnerships.gaps) == ((), ())
    assert partnerships.unsorted == ("Kenya cooperates with Uganda on bus routes.",
                                     "Another finding about cooperation.")
    assert warnings(problems) == [
        (4, "2 findings under 'Partnerships' with no list label (line 4); kept unsorted")]
    shown = run("--data-dir", str(tmp_path), "show", "kenya", "-d", "3").stdout
    assert ("  Findings whose list the text does not tell (see mgi check)\n"
            "  • Kenya cooperates with Uganda on bus routes.\n") in shown
    found = json.loads(run("--data-dir", str(tmp_path), "search", "bus", "-f", "json").stdout)
    assert [(h["domain"], h["kind"]) for h in found["hits"]] == [("partnerships", "unsorted")]
    data = json.loads(run("--data-dir", str(tmp_path), "list", "-f", "json").stdout)
    assert (data[0]["strengths"], data[0]["gaps"]) == (1, 1)  # never counted as either


def test_label_after_a_finding_with_no_full_stop_starts_the_next_list():
    text = UNLABELLED.replace("  • Kenya cooperates with Uganda on bus routes.\n"
                              "  • Another finding about cooperation.\n",
                              "Migration Governance: examples of well-developed areas\n\n"
                              "  • Kenya cooperates with Uganda on bus routes\n\n"
                              "Potential for further development\n\n"
                              "  • No agreement with Tanzania\n")
    profile, problems = parse_profile(text, "kenya.txt")
    assert (profile.domains[2].strengths, profile.domains[2].gaps) == (
        ("Kenya cooperates with Uganda on bus routes",), ("No agreement with Tanzania",))
    assert warnings(problems) == []


@pytest.mark.parametrize("label", ["Less well-developed areas", "Domaines moins bien développés",
                                   "Areas that are not yet well developed",
                                   "Ámbitos aún no bien desarrollados"])
def test_negated_well_developed_labels_the_second_list(label):
    assert list_label(label) == GAPS


def test_lines_that_differ_by_a_number_but_end_a_sentence_are_text():
    text = ["  • Kazakhstan has ratified ILO", "    Convention No. 97.", "  • Other.",
            "  • It has not ratified ILO", "    Convention No. 143.", "  • More."]
    assert furniture_lines(text) == set()


@pytest.mark.parametrize("name", [
    "wrapped_label_no_glyphs_en.txt",  # "Areas with potential" / "for further development"
    "wrapped_label_no_glyphs_fr.txt",  # "Domaines susceptibles" / "d'être développés davantage"
    "wrapped_label_capitals.txt",  # "AREAS WITH POTENTIAL FOR FURTHER" / "DEVELOPMENT"
    "running_header_after_label.txt",  # a running header right under a list label
])
def test_variants_a_new_user_met_read_as_the_seed(seeds, name):
    profile, problems = load(name)
    seed = next(p for p in seeds.profiles if p.id == "kazakhstan")
    assert texts(profile) == texts(seed)
    assert warnings(problems) == []


def test_notes_under_one_label_like_line_are_not_a_profile():
    with pytest.raises(NotAProfile):
        parse_profile("Notes for the mission\n\nAreas to strengthen:\n\n- call the county\n"
                      "- send the draft\n", "notes.txt")


# -- layouts a review met: numbers for glyphs, paragraphs, page text --------------------------


def seed_texts(seeds, profile_id: str, full_stops: bool = True):
    seed = next(p for p in seeds.profiles if p.id == profile_id)
    found = texts(seed)
    if full_stops:
        return found
    return {key: ([t.rstrip(". ") for t in strengths], [t.rstrip(". ") for t in gaps])
            for key, (strengths, gaps) in found.items()}


@pytest.mark.parametrize(("name", "profile_id"), [
    ("numbered_findings.txt", "azerbaijan"),  # "1. The Migration Code ...", wrapped
    ("lettered_findings.txt", "mombasa"),  # "a) There are no ...", wrapped
    ("running_header_unnumbered.txt", "azerbaijan"),  # a header cutting sentences, no number
    ("date_under_unfinished_finding.txt", "azerbaijan"),  # "... and referrals" / "September 2021"
])
def test_layouts_read_as_the_seed(seeds, name, profile_id):
    profile, problems = load(name)
    expected = seed_texts(seeds, profile_id)
    if name.startswith("date_"):
        last = expected["safe-migration"][1]
        last[-1] = last[-1].rstrip(".")
        assert profile.published == "2021-09"
    assert texts(profile) == expected
    assert warnings(problems) == []


def test_paragraphs_with_no_full_stops_are_one_finding_each(seeds):
    profile, problems = load("paragraphs_no_full_stops.txt")
    assert texts(profile) == seed_texts(seeds, "azerbaijan", full_stops=False)
    assert counts(profile) == SEED_COUNTS["azerbaijan"]
    assert warnings(problems) == []


def test_a_pages_own_text_and_footnotes_are_left_out_and_noted(seeds):
    profile, problems = load("page_text_after_findings.txt")
    assert texts(profile) == seed_texts(seeds, "azerbaijan")
    assert warnings(problems) == []
    assert notes(problems) == [
        (150, "3 lines of page text (download links, sharing, copyright) left out of the "
              "findings (lines 150, 151, 154), such as 'Download the full profile (PDF, 2.1 MB)'"),
        (153, "1 line of footnotes left out of the findings (lines 153), such as '1 Based on "
              "the Migration Code of the Republic of Azerbaijan…'"),
    ]


@pytest.mark.parametrize(("line", "kind"), [
    ("Download the full profile (PDF, 2.1 MB)", lines.CHROME),
    ("Télécharger le profil (PDF)", lines.CHROME),
    ("Compartir", lines.CHROME),
    ("© OIM 2022", lines.CHROME),
    ("https://www.migrationdataportal.org/overviews/mgi/kenya", lines.CHROME),
    ("Share of migrants in formal jobs is not measured", lines.SHORT),
    ("2 Based on the 2019 census.", lines.FOOTNOTE),
    ("2. Whole-of-government approach", lines.HEADING),
])
def test_page_text_and_footnotes_are_told_from_findings(line, kind):
    assert lines.classify(line) == kind


def test_a_numbered_heading_after_numbered_findings_still_starts_its_domain():
    text = ("Key findings\n1. Migrants' rights\n\nExamples of well-developed areas\n\n"
            "1. Migrants have access to health care.\n\n"
            "Areas with potential for further development\n\n1. Data is scarce.\n\n"
            "2. Whole-of-government approach\n\nExamples of well-developed areas\n\n"
            "1. A ministry leads on migration.\n\n"
            "Areas with potential for further development\n\n1. No coordination body\n")
    profile, problems = parse_profile(text, "numbers.txt")
    assert counts(profile)[:2] == [(1, 1), (1, 1)]
    assert profile.domains[1].gaps == ("No coordination body",)


@pytest.mark.parametrize(("split", "joined"), [
    ("man-\n  datory", "mandatory"),  # a word split after a common compound head
    ("pre-\n  vious", "previous"),
    ("self-\n  employed", "self-employed"),  # a compound
    ("well-\n  being", "well-being"),
    ("co-\n  operation", "cooperation"),
])
def test_a_hyphen_at_a_line_end_is_mended_only_where_it_split_a_word(split, joined):
    text = (f"Key findings\nPartnerships\n\nExamples of well-developed areas\n\n"
            f"  • Migrants have {split} access.\n\n"
            "Areas with potential for further development\n\n  • None.\n")
    profile, _ = parse_profile(text, "hyphen.txt")
    assert profile.domains[2].strengths == (f"Migrants have {joined} access.",)


# -- layouts a later review met: findings a line each, run together, closed by a page -------

TITLE = "\nMigration Governance Profile: Republic of Kenya\n"


def test_one_finding_a_line_with_no_glyphs_stops_or_blank_lines(seeds):
    profile, problems = load("flush_no_stops.txt")
    assert texts(profile) == seed_texts(seeds, "azerbaijan", full_stops=False)
    assert list(problems) == []


def hard_wrapped_without_stops(profile, width: int | None) -> tuple[str, dict]:
    """A seed's findings with no glyphs, full stops or blank lines, hard-wrapped flush."""
    import textwrap

    from tests.dress import HEADINGS

    lines, want = [profile.title], {}
    for domain in profile.domains[:6]:
        lines += ["Key findings", HEADINGS[domain.domain.key][0]]
        lists = []
        for label, items in (("Migration Governance: examples of well-developed areas",
                              domain.strengths),
                             ("Areas with potential for further development", domain.gaps)):
            lines.append(label)
            found = [" ".join(item.split()).rstrip(". ") for item in items]
            for item in found:
                lines += textwrap.wrap(item, width, break_on_hyphens=False) if width else [item]
            lists.append(found)
        want[domain.domain.key] = tuple(lists)
    return "\n".join(lines + ["2023 Octobre"]) + "\n", want


@pytest.mark.parametrize("width", [None, 60, 72, 95])
def test_lists_with_no_stops_are_split_where_lines_stop_short_else_reported(seeds, width):
    guesses = []
    for seed in seeds.profiles:
        text, want = hard_wrapped_without_stops(seed, width)
        profile, problems = parse_profile(text, "flush.txt")
        read = {k: v for k, v in texts(profile).items() if k != "unclassified"}
        if not [p for p in problems if p.warn]:
            assert read == want  # nothing reported: every finding read whole
        if width is None and seed.id != "mombasa":  # a Mombasa finding reads as a heading
            assert read == want and warnings(problems) == []
        guesses += [p.message for p in problems if p.message.endswith("its findings end")]
    # Hard-wrapped, a line that fills the column before a capitalised one may end a finding
    # or wrap it: mgi reads on, and says so.
    assert bool(guesses) is (width is not None)
    assert all(m.endswith("' read as going on from the line above; no glyph, blank line or "
                          "full stop in this list tells where its findings end")
               for m in guesses)


def test_bullets_run_together_on_one_line_are_findings_of_their_own(seeds):
    profile, problems = load("inline_bullets.txt")
    assert texts(profile) == seed_texts(seeds, "kyrgyzstan")
    assert not any("•" in t for d in profile.domains for t in (*d.strengths, *d.gaps))
    assert warnings(problems) == []


@pytest.mark.parametrize(("name", "note"), [
    ("site_footer_under_last_finding.txt",
     (147, "6 lines of page text (download links, sharing, copyright) left out of the findings "
           "(lines 147, 148, 149, 150, 151, …), such as 'Related profiles'")),
    ("flush_then_date_and_links.txt",
     (90, "6 lines of page text (download links, sharing, copyright) left out of the findings "
          "(lines 90, 91, 92, 93, 94, …), such as 'Download the profile'")),
])
def test_a_web_pages_footer_and_links_end_the_findings(seeds, name, note):
    profile, problems = load(name)
    assert texts(profile) == seed_texts(seeds, "mombasa")
    assert warnings(problems) == []
    assert notes(problems) == [note]


def test_text_after_the_date_is_never_a_finding():
    text = ("Key findings\nPartnerships\nExamples of well-developed areas\n"
            "Kenya cooperates with Uganda.\nAreas with potential for further development\n"
            "There is no agreement with Tanzania.\nMay 2021\nKisumu\n"
            "The county is also assessed in a second profile, published in 2023.\n" + TITLE)
    profile, problems = parse_profile(text, "kenya.txt")
    assert profile.domains[2].gaps == ("There is no agreement with Tanzania.",)
    assert warnings(problems) == [
        (9, "text outside any list, not a finding: 'The county is also assessed in a second "
            "profile, published …'")]
    assert [p.line for p in problems if p.note] == [8]  # "Kisumu": a link, left out


@pytest.mark.parametrize(("line", "closes"), [
    ("Related profiles", True), ("Privacy policy", True), ("Terms of use", True),
    ("Contact", True), ("Profils associés", True), ("Politique de confidentialité", True),
    ("Perfiles relacionados", True), ("Términos de uso", True), ("Aviso legal", True),
    ("Contact points for migrants exist in every county", False), ("Kenya", False),
    ("Terms of use of the portal are set by law.", False),
])
def test_a_web_pages_footer_is_told_by_its_first_line(line, closes):
    assert lines.closes_findings(line) is closes


def test_a_list_that_holds_only_a_placeholder_is_empty_with_a_note(seeds):
    profile, problems = load("placeholder_none_identified.txt")
    expected = seed_texts(seeds, "kyrgyzstan")
    expected["partnerships"] = ([], expected["partnerships"][1])
    assert texts(profile) == expected
    assert warnings(problems) == []
    assert (96, "'None identified.' under 'Migration Governance: examples of well-developed "
                "areas' is a placeholder, not a finding; the list is empty") in notes(problems)


@pytest.mark.parametrize("placeholder", ["None identified.", "N/A", "None", "Aucun.",
                                         "Néant", "Ninguno.", "No aplica", "Not applicable", "–"])
def test_placeholders_in_any_language(placeholder):
    text = ("Key findings\nPartnerships\n\nExamples of well-developed areas\n\n"
            "  • Kenya cooperates with Uganda.\n\nAreas with potential for further development"
            f"\n\n  • {placeholder}\n")
    profile, problems = parse_profile(text, "kenya.txt")
    assert (profile.domains[2].strengths, profile.domains[2].gaps) == (
        ("Kenya cooperates with Uganda.",), ())
    assert [p.line for p in problems if p.note] == [10]


def test_a_placeholder_among_findings_is_no_placeholder():
    text = ("Key findings\nPartnerships\n\nExamples of well-developed areas\n\n"
            "  • Kenya cooperates with Uganda.\n  • None of the counties has a plan.\n")
    profile, _ = parse_profile(text, "kenya.txt")
    assert len(profile.domains[2].strengths) == 2


def test_footnote_numbers_glued_after_sentences_are_taken_out_with_a_note(seeds):
    profile, problems = load("footnote_numbers.txt")
    assert texts(profile) == seed_texts(seeds, "azerbaijan")
    assert warnings(problems) == []
    assert notes(problems) == [
        (73, "2 lines of footnotes left out of the findings (lines 73, 74), such as '1 "
             "Migration Code, art. 11.'"),
        (68, "3 footnote numbers taken out of findings (lines 68, 85, 92), such as '…par with "
             "nationals.1'"),
    ]


@pytest.mark.parametrize(("finding", "kept"), [
    ("Adopted in 2019.2 The law applies.", "Adopted in 2019.2 The law applies."),  # a decimal?
    ("It follows Art.3 of the Code.", "It follows Art.3 of the Code."),
    ("It was amended (2013).12 It applies.", "It was amended (2013). It applies."),
    ("Version 2.1 is used.", "Version 2.1 is used."),
])
def test_only_numbers_after_a_sentence_end_are_footnote_numbers(finding, kept):
    text = ("Key findings\nPartnerships\n\nExamples of well-developed areas\n\n"
            f"  • {finding}\n")
    profile, _ = parse_profile(text, "kenya.txt")
    assert profile.domains[2].strengths == (kept,)


def test_words_sub_bullets_are_part_of_their_finding(seeds):
    profile, problems = load("word_sub_bullets.txt")
    expected = seed_texts(seeds, "kazakhstan")
    expected["migrants-rights"][0][0] = (
        "Immigrants are guaranteed access to the following levels of education in public "
        "institutions: preschool; primary; and secondary education.")
    assert texts(profile) == expected
    assert warnings(problems) == []


def test_closing_sections_end_the_findings_with_a_note(seeds):
    profile, problems = load("closing_sections.txt")
    assert texts(profile) == seed_texts(seeds, "kyrgyzstan")
    assert warnings(problems) == []
    assert (145, "6 lines of closing sections ('Methodology', 'Sources') left out of the "
                 "findings (lines 145, 147, 148, 150, 151, …)") in notes(problems)


@pytest.mark.parametrize(("line", "kind"), [
    ("Sources", lines.BACK_MATTER), ("7. References", lines.BACK_MATTER),
    ("Méthodologie", lines.BACK_MATTER), ("Fuentes y metodología:", lines.BACK_MATTER),
    ("Bibliografía", lines.BACK_MATTER), ("Notes", lines.BACK_MATTER),
    ("Sources of funding are limited", lines.SHORT),
])
def test_closing_section_titles(line, kind):
    assert lines.classify(line) == kind


def test_a_heading_repeated_continued_at_a_page_top_is_the_same_domain(seeds):
    profile, problems = load("heading_continued.txt")
    assert texts(profile) == seed_texts(seeds, "azerbaijan")
    assert warnings(problems) == []
    assert notes(problems) == [
        (99, "2 headings repeated at a page top read as the domain going on (lines 99, 129), "
             "such as 'PARTNERSHIPS (continued)'")]


def test_a_heading_continued_in_french_or_spanish():
    text = ("Résultats clés\nPartenariats\n\nExemples de domaines bien développés\n\n"
            "  • Le Kenya coopère avec l'Ouganda.\n\nPartenariats (suite)\n\n"
            "  • Le comté coopère avec Kisumu.\n\nDomaines à développer davantage :\n\n"
            "  • Aucun accord avec la Tanzanie.\n" + TITLE)
    profile, problems = parse_profile(text, "kenya.txt")
    assert counts(profile)[2] == (2, 1)
    assert warnings(problems) == []


def test_a_wrapped_heading_right_under_the_last_bullet_starts_its_domain():
    text = ("Key findings\nPARTNERSHIPS\nExamples of well-developed areas\n"
            "• Kenya cooperates with Uganda.\nAreas for further development\n"
            "• There is no agreement with\n   Tanzania.\nWHOLE-OF-GOVERNMENT\nAPPROACH\n"
            "Examples of well-developed\nareas\n• A ministry leads on migration.\n" + TITLE)
    profile, problems = parse_profile(text, "kenya.txt")
    assert profile.domains[2].gaps == ("There is no agreement with Tanzania.",)
    assert (profile.domains[1].heading, profile.domains[1].strengths) == (
        "WHOLE-OF-GOVERNMENT APPROACH", ("A ministry leads on migration.",))
    assert warnings(problems) == []


def test_accordion_buttons_carry_the_domain_headings_other_buttons_nothing():
    from mgi_cli.html_text import html_to_text

    html = ("<html><body><h1>Migration Governance Profile: Republic of Kenya</h1>"
            "<button class='accordion-toggle'>Partnerships<span class='icon'>+</span></button>"
            "<div class='panel'><h4>Examples of well-developed areas</h4>"
            "<ul><li>Kenya cooperates with Uganda.</li></ul>"
            "<h4>Areas with potential for further development</h4>"
            "<ul><li>There is no agreement with Tanzania.</li></ul>"
            "<p><a href='kenya.pdf'>Read the full profile</a></p></div>"
            "<button aria-expanded='false'>Well-being of migrants ▾</button>"
            "<h4>Examples of well-developed areas</h4><ul><li>Migrants can work.</li></ul>"
            "<p>Share <button>Copy link</button> this page</p></body></html>")
    text = html_to_text(html)
    assert "\nPartnerships\n" in text and "\nWell-being of migrants\n" in text
    assert "+" not in text and "Copy link" not in text and "Share this page" in text
    profile, problems = parse_profile(text, "kenya.html")
    assert (profile.domains[2].strengths, profile.domains[2].gaps) == (
        ("Kenya cooperates with Uganda.",), ("There is no agreement with Tanzania.",))
    assert profile.domains[3].strengths == ("Migrants can work.",)
    assert [p.message for p in problems if p.warn] == []
