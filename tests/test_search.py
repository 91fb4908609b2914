"""Search on the seeds: stems, spellings, compounds, typos, phrases, prefixes, ranking (BM25, as
FTS5 computes it), filters, and the words that matched; `mgi search` as a table and JSON,
--limit, and exit 1 when nothing matches."""

from __future__ import annotations

import json
import math
import re

import pytest

from mgi_cli.domains import resolve_domain
from mgi_cli.errors import MgiError
from mgi_cli.query import edit_budget
from mgi_cli.search import Corpus

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


def texts(found):
    return [h.text for h in found.hits]


def matched(found):
    return {word.lower() for h in found.hits for word in h.matched}


@pytest.mark.parametrize("query", ["trafficking", "trafficing", "Traffiking", "TRAFFICKING",
                                   "traffick*", "traf\u200bficking", "traf\u00adficking",
                                   "trafficked", "traffickers"])
def test_trafficking_its_forms_typos_and_prefix_find_all_eight(corpus, query):
    assert keys(corpus.search(query)) == TRAFFICKING


def test_a_typo_counts_less_than_the_word_as_typed(corpus):
    exact = corpus.search('"trafficking"').hits[0]  # quoted: the word alone, no synonyms
    typo = corpus.search("trafficing").hits[0]
    assert (exact.profile.id, exact.position) == (typo.profile.id, typo.position)
    assert typo.score == pytest.approx(exact.score * 0.7, abs=0.01)  # the typo's weight
    assert corpus.search("trafficking").hits[0].score > exact.score  # and its synonyms


def test_matched_words_are_highlighted_as_written(corpus):
    hit = next(h for h in corpus.search("trafficing").hits if h.profile.id == "mombasa")
    assert [hit.text[a:b] for a, b in hit.spans] == ["trafficking"]
    assert hit.matched == ("trafficking",)


def test_a_short_word_is_whole_and_exact(corpus):
    assert texts(corpus.search("aid")) == [
        "Developing an emergency management framework and implementing specific measures to "
        "aid migrants during crises is identified as an area for further development."
    ]


@pytest.mark.parametrize(("query", "words"), [
    ("policies", {"policy", "policies"}), ("policy", {"policy", "policies"}),
    ("crisis", {"crisis", "crises"}), ("crises", {"crisis", "crises"}),
    ("migrant", {"migrant", "migrants"}),
])
def test_plural_and_singular_find_each_other_and_nothing_else(corpus, query, words):
    assert matched(corpus.search(query)) == words  # "policy" never finds "police"


# -- the misses the search issue names, each found --------------------------------------

@pytest.mark.parametrize("query", ["returns", "return reintegration", "reintegrating"])
def test_return_finds_returning_migrants(corpus, query):
    assert any("reintegration of returning migrants" in t for t in texts(corpus.search(query)))


def test_british_and_american_spellings_are_one_word(corpus):
    found = corpus.search("labour market")
    assert any("demand and supply in the labor market" in t for t in texts(found))
    assert keys(corpus.search("labor")) == keys(corpus.search("labour"))
    assert len(corpus.search("labor").hits) >= 15
    assert any("training programs" in t for t in texts(corpus.search("programme")))
    assert keys(corpus.search("organisation")) == keys(corpus.search("organization"))
    # and either spelling meets the glossary's terms ("labour migration", "labour mobility")
    assert keys(corpus.search("labor migration")) == keys(corpus.search("labour migration"))
    assert keys(corpus.search("labor mobility")) == keys(corpus.search("labour mobility"))


def test_irregular_plurals(corpus):
    assert any("unaccompanied migrant children" in t for t in texts(corpus.search("child")))
    assert keys(corpus.search("women")) == keys(corpus.search("woman"))


@pytest.mark.parametrize("query", ["healthcare", "health-care", "health care", '"health care"'])
def test_compounds_closed_hyphenated_or_open_are_one_term(corpus, query):
    assert any("health-care" in t for t in texts(corpus.search(query)))
    if not query.startswith('"'):  # the same term: its glossary synonyms too
        assert keys(corpus.search(query)) == keys(corpus.search("health care"))


def test_stem_and_phrase_misses(corpus):
    assert "stateless" in matched(corpus.search("statelessness"))
    assert any("collects and publishes migration data" in t
               for t in texts(corpus.search("data collection")))


# -- the query language --------------------------------------------------------------------

def test_several_words_must_all_match_in_any_form(corpus):
    found = corpus.search("diaspora engagement")
    assert keys(found) == {
        ("azerbaijan", "partnerships", "gaps", 1),
        ("mombasa", "partnerships", "gaps", 1),
        ("kyrgyzstan", "partnerships", "strengths", 3),  # "engages members of diaspora"
        ("kyrgyzstan", "whole-of-government", "strengths", 3),  # "engaging with the diaspora"
    }
    assert (found.hits[0].profile.id, found.hits[0].matched) == (
        "azerbaijan", ("diaspora engagement", "diaspora"))


def test_quoted_phrase_matches_in_order(corpus):
    assert corpus.search('"human trafficking"').total == 6
    assert corpus.search('"trafficking human"').total == 0


def test_filters(corpus, catalog):
    hits = corpus.search("trafficking", domain=resolve_domain("rights"))
    assert keys(hits) == {("kazakhstan", "migrants-rights", "strengths", 5)}
    hits = corpus.search("trafficking", profiles=[catalog.resolve("la-cruz")], kinds=("gaps",))
    assert keys(hits) == {("la-cruz", "safe-migration", "gaps", 2)}


def test_exact_searches_the_words_as_typed(corpus):
    assert corpus.search("trafficking", exact=True).total == 8
    assert corpus.search("trafficing", exact=True).total == 0
    assert corpus.search("labor", exact=True).total == 1  # no spelling variant
    assert corpus.search("returns", exact=True).total == 0  # no stems


@pytest.mark.parametrize("query", ["", "   ", "?!", "x" * 501])
def test_bad_query_is_a_usage_error(corpus, query):
    with pytest.raises(MgiError) as error:
        corpus.search(query)
    assert error.value.exit_code == 2


def test_regex_characters_are_plain_text(corpus):
    assert corpus.search("(.*)[a-z]+").total == 0
    assert corpus.search("traffick.*").total == 8  # the word "traffick", as a stem


def test_edit_budget_grows_with_length():
    assert [edit_budget("x" * n) for n in (3, 4, 5, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


# -- ranking -------------------------------------------------------------------------------

def test_relevance_is_fts5_bm25_of_the_word_or_its_stem(corpus):
    """One word: its score is BM25 computed here, with FTS5's constants (k1 1.2, b 0.75) and
    its idf, over the findings' words as written, or over their stems at 0.95 of the weight,
    whichever is more."""
    from mgi_cli.stems import WORD
    from mgi_cli.text import fold

    rows = corpus._store.connection.execute(
        "SELECT profile_key, ordinal, text, terms FROM findings").fetchall()
    by_words = {(key, ordinal): WORD.findall(fold(text)) for key, ordinal, text, _ in rows}
    by_stems = {(key, ordinal): terms.split() for key, ordinal, _, terms in rows}

    def bm25(documents):
        average = sum(map(len, documents.values())) / len(documents)
        holding = [key for key, words in documents.items() if "diaspora" in words]
        idf = math.log((len(documents) - len(holding) + 0.5) / (len(holding) + 0.5))
        scores = {}
        for key in holding:
            words = documents[key]
            frequency = words.count("diaspora")
            scores[key] = idf * frequency * 2.2 / (
                frequency + 1.2 * (0.25 + 0.75 * len(words) / average))
        return scores

    written, stemmed = bm25(by_words), bm25(by_stems)
    expected = sorted((round(max(written.get(key, 0), 0.95 * value), 2)
                       for key, value in stemmed.items()), reverse=True)
    found = corpus.search('"diaspora"')  # quoted: the word alone, no synonyms
    assert found.total == len(stemmed)
    assert [hit.score for hit in found.hits] == expected


def test_a_finding_about_the_subject_ranks_above_a_passing_mention(corpus):
    hits = corpus.search("diaspora").hits
    assert hits[0].text.lower().count("diaspora") >= 2
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_limit_shows_the_most_relevant(corpus):
    everything = corpus.search("migration")
    top = corpus.search("migration", limit=5)
    assert top.total == everything.total
    assert keys(top) == keys(everything.__class__(everything.hits[:5], 5, []))


def test_ties_go_to_the_newest_profile_then_the_id(tmp_path):
    from mgi_cli.loader import bundled_seeds, load_paths

    seed = next(p for p in sorted(bundled_seeds().iterdir()) if "Kyrgyz" in p.read_text())
    text = seed.read_text(encoding="utf-8")
    for name, year in (("a.txt", "2019"), ("b.txt", "2024"), ("c.txt", "2021")):
        (tmp_path / name).write_text(re.sub(r"\b20\d\d\b", year, text), encoding="utf-8")
    profiles = load_paths([tmp_path]).profiles
    hits = Corpus(profiles).search("remittances").hits
    years = [hit.profile.published[:4] for hit in hits]
    assert len({hit.score for hit in hits}) == 1 and years == ["2024", "2021", "2019"]


# -- the command -----------------------------------------------------------------------------

def test_search_table(run):
    result = run("search", "trafficing")
    assert result.exit_code == 0
    assert result.stdout.startswith("8 findings match 'trafficing'")
    assert result.stdout.count("safe-migration") == 0  # labels use domain names
    assert result.stdout.count("Safe, orderly and regular migration") == 7


def test_search_json(run):
    data = json.loads(run("search", "trafficking", "-p", "mombasa", "-f", "json").stdout)
    assert data == {
        "query": "trafficking",
        "total": 1,
        "hits": [{
            "profile": "mombasa", "domain": "safe-migration", "kind": "gaps",
            "text": "The CGM does not have a local strategy to combat human trafficking.",
            "score": 3.63, "position": 2, "language": "en", "matched": ["human trafficking"],
        }],
    }


def test_search_limit(run):
    result = run("search", "trafficking", "--limit", "2")
    assert result.stdout.startswith("2 of 8 findings match")


def test_search_nothing_found_exits_1(run):
    result = run("search", "xylophone")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == "No findings match 'xylophone'.\n"
