"""Fidelity: every finding placed by what the text says, or by a guess `mgi check` reports.

The fixtures in tests/fixtures/fidelity/ are the seeds changed the ways real profiles differ
from them (make_fidelity.py writes them), and full French and Spanish translations of seeds.
This module: list labels and headings mgi does not know, text copied from a PDF viewer, a
missing domain, translations, and findings of neither list. Layouts: test_fidelity_layouts.py;
the line rules: test_line_classifier.py; what `mgi check` says of guesses: test_check.py.
"""

from __future__ import annotations

import json
import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgi_cli.loader import decode, load_paths
from mgi_cli.model import BY_NUMBER, BY_POSITION, STATED, UNCLASSIFIED
from mgi_cli.parser import NotAProfile, parse_profile
from tests.dress import Dress, write
from tests.fidelity import (
    FIDELITY,
    SEED_COUNTS,
    counts,
    load,
    texts,
    warnings,
)

# -- the cases users met, on fixtures ----------------------------------------------------------

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


# -- property: whatever the labels and furniture, no gap lands among strengths in silence ------

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


# -- findings of neither list ------------------------------------------------------------------

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
