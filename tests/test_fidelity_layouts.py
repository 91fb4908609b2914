"""Fidelity on the layouts reviews met: numbers or letters for glyphs, paragraphs, findings a
line each with no full stops, bullets run together, a web page's footer, placeholders, footnote
numbers, sub-bullets, closing sections, headings continued or wrapped. Each reads as the seed
it was made from, or says what it guessed. (The fixtures: tests/fixtures/fidelity/.)"""

from __future__ import annotations

import pytest

from mgi_cli.parser import parse_profile
from tests.fidelity import (
    SEED_COUNTS,
    counts,
    load,
    notes,
    seed_texts,
    texts,
    warnings,
)

# -- numbers for glyphs, paragraphs, page text -------------------------------------------------

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


# -- findings a line each, run together, closed by a page --------------------------------------

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


# -- placeholders, footnotes, sub-bullets, closing sections ------------------------------------

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


# -- headings continued, wrapped, in accordion buttons -----------------------------------------

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
