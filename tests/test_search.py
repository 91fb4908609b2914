"""Search recall and precision on the seeds: typos, plurals, phrases, several words."""

from __future__ import annotations

import pytest

from mgi_cli.domains import resolve_domain
from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.search import Corpus, edit_budget

TRAFFICKING = {
    ("azerbaijan", "safe-migration", "strengths", 3),
    ("kazakhstan", "migrants-rights", "strengths", 5),
    ("kazakhstan", "safe-migration", "strengths", 2),
    ("kyrgyzstan", "safe-migration", "strengths", 2),
    ("kyrgyzstan", "safe-migration", "strengths", 3),
    ("la-cruz", "safe-migration", "strengths", 1),
    ("la-cruz", "safe-migration", "gaps", 2),
    ("mombasa", "safe-migration", "gaps", 2),
}


@pytest.fixture(scope="module")
def corpus(catalog):
    return Corpus(catalog.profiles)


def keys(found):
    return {(h.profile.id, h.domain.key, h.kind, h.position) for h in found.hits}


@pytest.mark.parametrize("query", ["trafficking", "trafficing", "Traffiking", "TRAFFICKING"])
def test_trafficking_and_its_typos_find_all_eight(corpus, query):
    assert keys(corpus.search(query)) == TRAFFICKING


def test_exact_match_scores_above_typo(corpus):
    assert corpus.search("trafficking").hits[0].score == 100.0
    assert corpus.search("trafficing").hits[0].score == 90.9


def test_matched_words_are_highlighted(corpus):
    hit = next(h for h in corpus.search("trafficing").hits if h.profile.id == "mombasa")
    assert [hit.text[a:b] for a, b in hit.spans] == ["trafficking"]


def test_short_word_is_whole_and_exact(corpus):
    hits = corpus.search("aid").hits
    assert [h.text for h in hits] == [
        "Developing an emergency management framework and implementing specific measures to "
        "aid migrants during crises is identified as an area for further development."
    ]


@pytest.mark.parametrize(
    ("query", "found"),
    [("policies", {"policy", "policies"}), ("policy", {"policy", "policies"}),
     ("crisis", {"crisis", "crises"}), ("crises", {"crisis", "crises"}),
     ("migrant", {"migrant", "migrants"})],
)
def test_plural_and_singular_find_each_other_and_nothing_else(corpus, query, found):
    words = {h.text[a:b].lower() for h in corpus.search(query).hits for a, b in h.spans}
    assert words == found


def test_several_words_must_all_match(corpus):
    hits = corpus.search("diaspora engagement")
    assert keys(hits) == {
        ("azerbaijan", "partnerships", "gaps", 1),
        ("mombasa", "partnerships", "gaps", 1),
    }


def test_quoted_phrase_matches_in_order(corpus):
    assert corpus.search('"human trafficking"').total == 6
    with pytest.raises(NothingFound):
        corpus.search('"trafficking human"')


def test_filters(corpus, catalog):
    hits = corpus.search("trafficking", domain=resolve_domain("rights"))
    assert keys(hits) == {("kazakhstan", "migrants-rights", "strengths", 5)}
    hits = corpus.search("trafficking", profiles=[catalog.resolve("la-cruz")], kinds=("gaps",))
    assert keys(hits) == {("la-cruz", "safe-migration", "gaps", 2)}


@pytest.mark.parametrize("query", ["", "   ", "?!", "x" * 501])
def test_bad_query_is_a_usage_error(corpus, query):
    with pytest.raises(MgiError) as error:
        corpus.search(query)
    assert error.value.exit_code == 2


def test_regex_characters_are_plain_text(corpus):
    with pytest.raises(NothingFound):
        corpus.search("traffick.*")  # 'traffick' alone is no word of the corpus


def test_edit_budget_grows_with_length():
    assert [edit_budget("x" * n) for n in (3, 4, 5, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]
