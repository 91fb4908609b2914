"""The line classifier and its parts, one rule at a time, on lines real profiles hold: list
labels, section markers, heading numbers, the kind of each line (heading, bullet, date, page
text, footnote, closing section), the language of a text, and page furniture told by how it
repeats. (Whole profiles read through them: test_fidelity.py, test_fidelity_layouts.py.)"""

from __future__ import annotations

import pytest

from mgi_cli import lines
from mgi_cli.furniture import furniture_lines
from mgi_cli.headings import heading_number
from mgi_cli.labels import is_section_marker, list_label
from mgi_cli.language import detect
from mgi_cli.model import GAPS, STRENGTHS

# -- list labels and section markers -----------------------------------------------------------

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


@pytest.mark.parametrize("label", ["Less well-developed areas", "Domaines moins bien développés",
                                   "Areas that are not yet well developed",
                                   "Ámbitos aún no bien desarrollados"])
def test_negated_well_developed_labels_the_second_list(label):
    assert list_label(label) == GAPS


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


# -- headings and the line classifier ----------------------------------------------------------

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


@pytest.mark.parametrize(("line", "kind"), [
    ("Sources", lines.BACK_MATTER), ("7. References", lines.BACK_MATTER),
    ("Méthodologie", lines.BACK_MATTER), ("Fuentes y metodología:", lines.BACK_MATTER),
    ("Bibliografía", lines.BACK_MATTER), ("Notes", lines.BACK_MATTER),
    ("Sources of funding are limited", lines.SHORT),
])
def test_closing_section_titles(line, kind):
    assert lines.classify(line) == kind


@pytest.mark.parametrize(("line", "closes"), [
    ("Related profiles", True), ("Privacy policy", True), ("Terms of use", True),
    ("Contact", True), ("Profils associés", True), ("Politique de confidentialité", True),
    ("Perfiles relacionados", True), ("Términos de uso", True), ("Aviso legal", True),
    ("Contact points for migrants exist in every county", False), ("Kenya", False),
    ("Terms of use of the portal are set by law.", False),
])
def test_a_web_pages_footer_is_told_by_its_first_line(line, closes):
    assert lines.closes_findings(line) is closes


# -- language ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("Le gouvernement a mis en place une stratégie pour les migrants et leurs familles.", "fr"),
    ("El gobierno cuenta con una estrategia para los migrantes y sus familias.", "es"),
    ("The government has a strategy for migrants and their families.", "en"),
    ("", "en"),
])
def test_language(text, language):
    assert detect(text) == language


# -- page furniture ----------------------------------------------------------------------------

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


def test_lines_that_differ_by_a_number_but_end_a_sentence_are_text():
    text = ["  • Kazakhstan has ratified ILO", "    Convention No. 97.", "  • Other.",
            "  • It has not ratified ILO", "    Convention No. 143.", "  • More."]
    assert furniture_lines(text) == set()
