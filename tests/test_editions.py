"""`mgi diff` through the library API: which pairs of profiles it diffs, in which order, and
what it refuses, with the exact words. Diff pairs findings by their words, so it compares
editions of one profile in one language; anything else would show every finding as gone and
new. Editions named newer first are diffed older first, with a warning on the result."""

from __future__ import annotations

import pytest

from mgi_cli.errors import MgiError, NotEditions
from mgi_cli.library import Library
from tests.editions import EN18, EN23, FR18, FR23, kazakhstan_copies


@pytest.fixture(scope="module")
def library(seeds):
    return Library(kazakhstan_copies(seeds, EN18, FR18, EN23, FR23), (), ())


def ids(changes):
    return changes.older.id, changes.newer.id


@pytest.mark.parametrize(("names", "expected"), [
    (["kazakhstan"], ("kazakhstan-2018", "kazakhstan")),
    (["kazakhstan-2018"], ("kazakhstan-2018", "kazakhstan")),  # the first: with the next
    (["kazakhstan-fr"], ("kazakhstan-2018-fr", "kazakhstan-fr")),
    (["kazakhstan-2018", "kazakhstan"], ("kazakhstan-2018", "kazakhstan")),
    (["kazakhstan-2018-fr", "kazakhstan-fr"], ("kazakhstan-2018-fr", "kazakhstan-fr")),
])
def test_editions_of_one_profile_in_one_language_are_diffed_older_first(library, names,
                                                                       expected):
    changes = library.diff(*names)
    assert ids(changes) == expected
    assert changes.warnings == ()


def test_editions_named_newer_first_are_diffed_older_first_with_a_warning(library):
    changes = library.diff("kazakhstan", "kazakhstan-2018")
    assert ids(changes) == ("kazakhstan-2018", "kazakhstan")
    assert changes.warnings == (
        "'kazakhstan' (2023-05) is the later edition: showing what changed from "
        "'kazakhstan-2018' (2018-05) to it.",)
    assert changes.domains == library.diff("kazakhstan-2018", "kazakhstan").domains


@pytest.mark.parametrize(("names", "message"), [
    (("kazakhstan", "kyrgyzstan"),
     "'kazakhstan' (Republic of Kazakhstan) and 'kyrgyzstan' (Kyrgyz Republic) are different "
     "profiles: diff compares editions of one profile. To set different profiles side by "
     "side: mgi compare kazakhstan kyrgyzstan"),
    (("mombasa", "la-cruz"),  # two places, of two countries
     "'mombasa' (County of Mombasa) and 'la-cruz' (Municipality of La Cruz) are different "
     "profiles: diff compares editions of one profile. To set different profiles side by "
     "side: mgi compare mombasa la-cruz"),
    (("kazakhstan", "kazakhstan"),
     "'kazakhstan' is named twice: diff compares two editions of one profile. To diff it "
     "with its previous edition, name it once: mgi diff kazakhstan"),
    (("KAZ", "Republic of Kazakhstan"),  # two names of one profile are the same profile
     "'kazakhstan' is named twice: diff compares two editions of one profile. To diff it "
     "with its previous edition, name it once: mgi diff kazakhstan"),
    (("kazakhstan-2018-fr", "kazakhstan"),
     "'kazakhstan-2018-fr' and 'kazakhstan' are in two languages (fr, en): diff pairs findings "
     "by their words, so every finding would show as gone and new. Diff two editions in one "
     "language: mgi diff kazakhstan-2018-fr kazakhstan-fr"),
    (("kazakhstan", "kazakhstan-2018-fr"),  # the hint in the first one's language, in order
     "'kazakhstan' and 'kazakhstan-2018-fr' are in two languages (en, fr): diff pairs findings "
     "by their words, so every finding would show as gone and new. Diff two editions in one "
     "language: mgi diff kazakhstan-2018 kazakhstan"),
    (("kazakhstan", "kazakhstan-fr"),
     "'kazakhstan' and 'kazakhstan-fr' are one edition in two languages (en, fr): diff "
     "compares editions in one language, pairing findings by their words. To read them side "
     "by side: mgi compare kazakhstan kazakhstan-fr"),
    (("kazakhstan-2018", "kazakhstan", "kazakhstan-fr"),
     "Diff one profile (with its previous edition) or two editions of one profile, not 3 "
     "profiles."),
    (("kazakhstan", "no-such-profile", "kyrgyzstan"),  # counted before any is looked up
     "Diff one profile (with its previous edition) or two editions of one profile, not 3 "
     "profiles."),
    ((), "Diff one profile (with its previous edition) or two editions of one profile, not 0 "
         "profiles."),
])
def test_what_is_not_two_editions_of_one_profile_is_refused(library, names, message):
    with pytest.raises(NotEditions) as refused:
        library.diff(*names)
    assert str(refused.value) == message
    assert isinstance(refused.value, MgiError) and refused.value.exit_code == 2


def test_two_languages_with_no_edition_to_suggest(seeds):
    library = Library(kazakhstan_copies(seeds, EN18, FR23), (), ())
    with pytest.raises(NotEditions) as refused:
        library.diff("kazakhstan-2018", "kazakhstan")
    assert str(refused.value) == (
        "'kazakhstan-en' and 'kazakhstan' are in two languages (en, fr): diff pairs findings "
        "by their words, so every finding would show as gone and new. Diff two editions in one "
        "language.")
