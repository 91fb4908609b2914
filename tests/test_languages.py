"""Search across English, French and Spanish: the seeds plus a French and a Spanish profile
(full translations of the Kazakhstan and Kyrgyzstan seeds, tests/fixtures/languages/), and
the trilingual glossary that joins them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import mgi_cli
from mgi_cli.glossary import concepts as glossary_concepts
from mgi_cli.glossary import from_file
from mgi_cli.query import TRANSLATION, plan
from tests.concepts import concepts, fill, found_in


def concept_table() -> list[tuple[str, str, str, set]]:
    """(concept, language, query, the findings it must find)."""
    return [(concept, language, queries[language], expected)
            for concept, queries, expected in concepts() for language in ("en", "fr", "es")]


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return mgi_cli.open(fill(tmp_path_factory.mktemp("languages")))


def test_the_translations_read_clean_in_their_language(library):
    assert [(p.id, p.language) for p in library.profiles] == [
        ("azerbaijan", "en"), ("kazakhstan", "en"), ("kazakhstan-fr", "fr"),
        ("kyrgyzstan", "en"), ("kyrgyzstan-es", "es"), ("la-cruz", "en"), ("mombasa", "en")]
    assert [p.message for p in library.problems if p.warn] == []


@pytest.mark.parametrize(("concept", "language", "query", "expected"), concept_table(),
                         ids=lambda value: value if isinstance(value, str) else "")
def test_a_concept_finds_the_same_findings_in_every_language(library, concept, language,
                                                              query, expected):
    assert found_in(library, query) == expected


def test_the_table_covers_enough_concepts():
    assert len({row[0] for row in concept_table()}) >= 12


def test_trafficking_is_traite_and_trata_and_says_which_form_matched(library):
    hits = library.search("trafficking", profiles=["kazakhstan-fr"]).hits
    assert {word for hit in hits for word in hit.matched} == {
        "traite des personnes", "lutte contre la traite des personnes"}
    spanish = library.search("trafficking", profiles=["kyrgyzstan-es"]).hits
    assert len(spanish) == 2
    assert all(any("trata de personas" in word.lower() for word in hit.matched) for hit in spanish)


def test_smuggling_is_never_trafficking():
    def translations(query: str) -> set[str]:
        return {form.shown for term in plan(query) for form in term.forms
                if form.how == TRANSLATION}

    assert "tráfico ilícito de migrantes" in translations("smuggling")
    assert "trafic illicite de migrants" in translations("smuggling")
    assert not {"traite des personnes", "trata de personas"} & translations("smuggling")
    assert not {"trafic illicite de migrants", "tráfico ilícito de migrantes"} & translations(
        "trafficking")
    assert "smuggling of migrants" in translations("tráfico ilícito de migrantes")


def test_remesas_finds_remittances_in_every_language(library):
    hits = library.search("remesas").hits
    assert {(hit.profile.language, word) for hit in hits for word in hit.matched} >= {
        ("en", "remittances"), ("es", "remesas")}
    assert {hit.profile.id for hit in library.search("santé").hits} >= {"kazakhstan",
                                                                      "kazakhstan-fr"}


def test_lang_keeps_the_profiles_in_that_language(library):
    assert {h.profile.language for h in library.search("health", language="fr").hits} == {"fr"}
    assert {h.profile.id for h in library.search("salud", language="es").hits} == {
        "kyrgyzstan-es"}


def test_exact_does_not_translate(library):
    assert {h.profile.language for h in library.search("remesas", exact=True).hits} == {"es"}


def test_an_english_word_is_not_taken_for_a_french_one(library):
    """"policies" stems like French "police" in French; English findings write it, so it is
    English, and no translation of police is searched."""
    forms = library.search("policies", exact=False).terms[0].forms
    assert all("polic" not in form.shown or form.how != TRANSLATION for form in forms)


def test_cli_explain_json_and_lang(run, library):
    folder = str(Path(library.files[0]).parent)
    explained = run("--data-dir", folder, "search", "remesas", "--explain", "-n", "1")
    assert explained.exit_code == 0
    assert "Searched 'remesas':" in explained.stdout
    assert "translation: " in explained.stdout and "remittance (en)" in explained.stdout
    data = json.loads(run("--data-dir", folder, "search", "remesas", "--explain", "-f", "json",
                          "--lang", "en").stdout)
    assert {hit["language"] for hit in data["hits"]} == {"en"}
    assert data["searched"][0]["term"] == "remesas"
    forms = data["searched"][0]["forms"]
    assert {"form": "remesas", "how": "as typed", "languages": ["all"], "weight": 1.0} in forms
    assert {"form": "remes", "how": "stem", "languages": ["fr", "es"], "weight": 0.95} in (
        forms)  # its stem is the same in French and Spanish


def test_no_hits_in_json_is_an_empty_list_and_exit_1(run):
    result = run("search", "xylophone", "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"query": "xylophone", "total": 0, "hits": []}


def test_the_glossary_is_whole_and_trilingual():
    table = glossary_concepts()
    assert len(table) >= 200
    for concept, terms in table.items():
        assert {term.language for term in terms} == {"en", "fr", "es"}, concept
    assert any(t.text == "trata de personas" and t.exact for t in table["trafficking-in-persons"])
    assert from_file().lookup(("remesas",))[0].concept == "remittances"


def test_show_never_loads_the_stemmers_or_the_glossary():
    code = ("import sys; from mgi_cli.cli import main; sys.argv = ['mgi', 'show', 'kazakhstan', "
            "'-f', 'json']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('Stemmer', 'breame', 'mgi_cli.glossary', 'mgi_cli.query') "
            "if m in sys.modules], file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("query", "profile", "words"), [
    ("retornos", "kyrgyzstan-es", {"retornan", "retornen"}),  # Spanish stems
    ("travailleur", "kazakhstan-fr", {"travailleurs"}),  # French stems
    ("apatride", "kazakhstan-fr", {"apatrides"}),
    ("frontiere", "kazakhstan-fr", {"frontières"}),  # typed without its accent
    # stemmed with their accents: one family ("rapatri"), and the English one by glossary
    ("rapatriés", "kazakhstan-fr", {"rapatriement", "rapatriés"}),
    ("rapatriement", "kazakhstan", {"repatriated", "repatriation"}),
])
def test_french_and_spanish_words_find_their_forms(library, query, profile, words):
    hits = library.search(query, profiles=[profile], exact=False).hits
    assert hits and words <= {word.lower() for hit in hits for word in hit.matched}


def test_no_hits_keep_every_format_and_the_explanation(run):
    csv_text = run("search", "xyzzyq", "-f", "csv")
    assert csv_text.exit_code == 1
    assert csv_text.stdout == (
        "profile,domain,domain_name,kind,position,score,language,matched,text\n")
    markdown = run("search", "xyzzyq", "-f", "markdown").stdout.splitlines()
    assert markdown[0].startswith("| profile | domain |") and len(markdown) == 2
    explained = run("search", "xyzzyq", "--explain", "-f", "json")
    assert explained.exit_code == 1
    assert json.loads(explained.stdout)["searched"][0]["forms"][0] == {
        "form": "xyzzyq", "how": "as typed", "languages": ["all"], "weight": 1.0}
    table = run("search", "xyzzyq", "--explain")
    assert table.exit_code == 1 and "Searched 'xyzzyq':" in table.stdout
    assert table.stderr == "No findings match 'xyzzyq'.\n"


@pytest.mark.parametrize(("language", "one", "other"), [
    ("en", "returns", "returning"), ("es", "retornos", "retorno"),
    ("fr", "transferts", "transfert"), ("fr", "rapatriés", "rapatriement"),
    ("es", "migración", "migracion"), ("fr", "visas", "visa"),
])
def test_snowball_stems_join_a_words_forms(language, one, other):
    from mgi_cli.stems import stem

    assert stem(one, language) == stem(other, language)


@pytest.mark.parametrize(("language", "one", "other"), [
    ("en", "policy", "police"), ("fr", "visa", "visant"), ("en", "aid", "said"),
])
def test_stems_keep_apart_what_differs(language, one, other):
    from mgi_cli.stems import stem

    assert stem(one, language) != stem(other, language)


def test_remesas_is_searched_as_transferts_de_fonds():
    forms = {(form.shown, form.how) for term in plan("remesas") for form in term.forms}
    assert {("transferts de fonds", TRANSLATION), ("remittance", TRANSLATION)} <= forms


def test_ligatures_are_spelled_out(library):
    """"main-d'oeuvre" as people type it is the glossary's and the findings' "main-d'œuvre"."""
    assert found_in(library, "main-d'oeuvre") == found_in(library, "main-d'œuvre") != set()


def test_lang_with_no_profile_in_that_language_says_so(run):
    result = run("search", "migration", "--lang", "fr")
    assert result.exit_code == 1
    assert result.stderr == ("No profiles in language 'fr' are loaded, and --lang fr searches "
                             "only those.\n")
