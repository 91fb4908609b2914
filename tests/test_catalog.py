"""Finding a profile by what users type, and the errors when it cannot be found."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mgi_cli.catalog import Catalog, UnknownProfile
from mgi_cli.errors import MgiError
from mgi_cli.loader import bundled_seeds
from tests.editions import EN18, EN23, ES18, FR18, FR23, kazakhstan_copies


@pytest.mark.parametrize(
    ("query", "profile_id"),
    [
        ("kyrgyzstan", "kyrgyzstan"),
        ("Kyrgyz Republic", "kyrgyzstan"),
        ("KGZ", "kyrgyzstan"),
        ("kaz", "kazakhstan"),
        ("Republic of Azerbaijan", "azerbaijan"),
        ("AZE", "azerbaijan"),
        ("kenya", "mombasa"),
        ("Costa Rica", "la-cruz"),
        ("La Cruz", "la-cruz"),
        ("LA-CRUZ", "la-cruz"),
        ("mom", "mombasa"),
        ("Kazakhstan", "kazakhstan"),
    ],
)
def test_resolve(catalog, query, profile_id):
    assert catalog.resolve(query).id == profile_id


def test_typo_gets_suggestions(catalog):
    with pytest.raises(UnknownProfile, match=r"Unknown profile 'kazakstan'\. Did you mean: "
                       r"kazakhstan\?"):
        catalog.resolve("kazakstan")


def test_ambiguous_prefix_lists_candidates(catalog):
    with pytest.raises(UnknownProfile, match="ambiguous: it could be kazakhstan, kyrgyzstan"):
        catalog.resolve("k")


def test_nothing_close_points_to_list(catalog):
    with pytest.raises(UnknownProfile, match="Run 'mgi list'"):
        catalog.resolve("zzzz")


def test_two_editions_plain_id_means_latest(seeds):
    kyrgyzstan = next(p for p in seeds.profiles if p.id == "kyrgyzstan")
    first = kyrgyzstan.replace(published="2018-03", edition=1, source="old.txt")
    catalog = Catalog([*seeds.profiles, first])
    assert [p.id for p in catalog.profiles if p.id.startswith("kyrgyzstan")] == [
        "kyrgyzstan", "kyrgyzstan-2018"]
    assert catalog.resolve("kyrgyzstan").published == "2023-12"
    assert catalog.resolve("kyrgyzstan-2018").source == "old.txt"
    assert catalog.resolve("kyrgyzstan-2023").published == "2023-12"
    assert catalog.resolve("KGZ").published == "2023-12"


# -- editions and translations ---------------------------------------------------------------

def ids_of(catalog) -> list[tuple[str, str, str]]:
    return [(p.id, p.language, p.published) for p in catalog.profiles if p.id.startswith("kaz")]


@pytest.mark.parametrize(
    ("copies", "language", "expected"),
    [
        ([EN18, FR18], "en", [("kazakhstan", "en", "2018-05"), ("kazakhstan-fr", "fr", "2018-07")]),
        ([FR18, EN18], "en", [("kazakhstan", "en", "2018-05"), ("kazakhstan-fr", "fr", "2018-07")]),
        ([EN18, FR18], "fr", [("kazakhstan-en", "en", "2018-05"), ("kazakhstan", "fr", "2018-07")]),
        ([EN18, FR18, ES18], "es", [("kazakhstan-en", "en", "2018-05"),
                                    ("kazakhstan-fr", "fr", "2018-07"),
                                    ("kazakhstan", "es", "2018-06")]),
        # the language asked for is missing: English, then French, then Spanish
        ([EN18, ES18], "fr", [("kazakhstan", "en", "2018-05"), ("kazakhstan-es", "es", "2018-06")]),
        ([ES18, FR18], "en", [("kazakhstan", "fr", "2018-07"), ("kazakhstan-es", "es", "2018-06")]),
        ([EN18, FR18, EN23], "en", [("kazakhstan", "en", "2023-05"),
                                    ("kazakhstan-2018", "en", "2018-05"),
                                    ("kazakhstan-fr", "fr", "2018-07")]),
        ([EN18, FR18, EN23], "fr", [("kazakhstan", "en", "2023-05"),
                                    ("kazakhstan-2018-en", "en", "2018-05"),
                                    ("kazakhstan-fr", "fr", "2018-07")]),
        # the latest edition exists only in French: it keeps the plain id
        ([EN18, FR18, FR23], "en", [("kazakhstan", "fr", "2023-09"),
                                    ("kazakhstan-en", "en", "2018-05"),
                                    ("kazakhstan-2018-fr", "fr", "2018-07")]),
        ([EN18, FR18, EN23, FR23], "en", [("kazakhstan", "en", "2023-05"),
                                          ("kazakhstan-fr", "fr", "2023-09"),
                                          ("kazakhstan-2018", "en", "2018-05"),
                                          ("kazakhstan-2018-fr", "fr", "2018-07")]),
        ([EN18, FR18, EN23, FR23], "fr", [("kazakhstan-en", "en", "2023-05"),
                                          ("kazakhstan", "fr", "2023-09"),
                                          ("kazakhstan-2018-en", "en", "2018-05"),
                                          ("kazakhstan-2018", "fr", "2018-07")]),
    ],
)
def test_ids_per_language_and_edition(seeds, copies, language, expected):
    """Listed newest edition first, then English, French, Spanish, whatever the language."""
    catalog = Catalog(kazakhstan_copies(seeds, *copies), language=language)
    assert ids_of(catalog) == expected
    assert catalog.problems == []


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("en", "kazakhstan", ("fr", "2023-09")),
        ("en", "kazakhstan-fr", ("fr", "2023-09")),
        ("en", "kazakhstan-en", ("en", "2018-05")),
        ("en", "kazakhstan-2018", ("en", "2018-05")),
        ("en", "kazakhstan-2018-fr", ("fr", "2018-07")),
        ("en", "Kazakhstan-2018-FR", ("fr", "2018-07")),
        ("en", "kazakhstan-2023", ("fr", "2023-09")),
        ("en", "kazakhstan-2023-fr", ("fr", "2023-09")),
        ("en", "KAZ", ("fr", "2023-09")),
        ("en", "kaz", ("fr", "2023-09")),
        ("en", "République du Kazakhstan", ("fr", "2023-09")),
        ("en", "Republic of Kazakhstan", ("en", "2018-05")),
        ("fr", "kazakhstan-2018", ("fr", "2018-07")),
        ("fr", "kazakhstan-en", ("en", "2018-05")),
    ],
)
def test_every_copy_answers_to_its_language_and_year(seeds, language, query, expected):
    catalog = Catalog(kazakhstan_copies(seeds, EN18, FR18, FR23), language=language)
    found = catalog.resolve(query)
    assert (found.language, found.published) == expected


@pytest.mark.parametrize(
    ("query", "profile_id"),
    [("kazakhstan-en", "kazakhstan"), ("kazakhstan-2018", "kazakhstan"),
     ("kazakhstan-2018-en", "kazakhstan"), ("mombasa-2022-en", "mombasa")],
)
def test_a_profile_with_no_copy_answers_to_its_language_and_year(catalog, query, profile_id):
    assert catalog.resolve(query).id == profile_id


def test_a_language_not_loaded_is_unknown(catalog):
    with pytest.raises(UnknownProfile, match=r"Unknown profile 'kazakhstan-fr'\. Did you mean: "
                       r"kazakhstan\?"):
        catalog.resolve("kazakhstan-fr")


def test_editions_of_a_profile_stay_in_its_language(seeds):
    catalog = Catalog(kazakhstan_copies(seeds, EN18, FR18, EN23, FR23))
    english, french = catalog.resolve("kazakhstan"), catalog.resolve("kazakhstan-fr")
    assert [p.id for p in catalog.editions(english)] == ["kazakhstan-2018", "kazakhstan"]
    assert [p.id for p in catalog.editions(french)] == ["kazakhstan-2018-fr", "kazakhstan-fr"]
    pair = catalog.edition_pair([french])
    assert [(p.language, p.published) for p in pair] == [("fr", "2018-07"), ("fr", "2023-09")]
    with pytest.raises(MgiError, match="in two languages"):  # tests/test_editions.py: why
        catalog.edition_pair([catalog.resolve("kazakhstan-2018-fr"), english])


def test_a_translation_is_not_a_previous_edition(seeds):
    catalog = Catalog(kazakhstan_copies(seeds, EN18, FR18))
    with pytest.raises(MgiError, match=r"Only one edition of 'kazakhstan' in its language is "
                       r"loaded"):
        catalog.edition_pair([catalog.resolve("kazakhstan")])


def test_a_duplicate_translation_is_reported(seeds):
    catalog = Catalog(kazakhstan_copies(seeds, EN18, FR18, FR18))
    assert ids_of(catalog) == [("kazakhstan", "en", "2018-05"),
                               ("kazakhstan-fr", "fr", "2018-07"),
                               ("kazakhstan-2018-fr-2", "fr", "2018-07")]
    assert [(p.source, p.message) for p in catalog.problems] == [
        ("kazakhstan-2018-07-fr.txt", "duplicate profile id 'kazakhstan-2018-fr'; renamed")]
    assert catalog.resolve("kazakhstan-fr").id == "kazakhstan-fr"


FIDELITY = Path(__file__).parent / "fixtures" / "fidelity"


def test_lang_option_and_env_choose_the_plain_id(run, tmp_path, monkeypatch):
    shutil.copy(bundled_seeds() / "001_803b044c30150796.txt", tmp_path / "kazakhstan.txt")
    shutil.copy(FIDELITY / "kazakhstan_fr.txt", tmp_path / "kazakhstan_fr.txt")
    listed = json.loads(run("--data-dir", str(tmp_path), "list", "-f", "json").stdout)
    assert [p["id"] for p in listed] == ["kazakhstan", "kazakhstan-fr"]
    french = run("--data-dir", str(tmp_path), "--lang", "fr", "show", "kazakhstan", "-f", "json")
    assert json.loads(french.stdout)["name"] == "République du Kazakhstan"
    monkeypatch.setenv("MGI_LANG", "fr")
    listed = json.loads(run("--data-dir", str(tmp_path), "list", "-f", "json").stdout)
    assert [(p["id"], p["name"]) for p in listed] == [
        ("kazakhstan-en", "Republic of Kazakhstan"), ("kazakhstan", "République du Kazakhstan")]
    wrong = run("--lang", "de", "list")
    assert wrong.exit_code == 2 and "'de' is not one of 'en', 'fr', 'es'" in wrong.stderr


def test_cached_search_index_finds_the_right_copy_in_any_language(run, tmp_path):
    """The cached index numbers findings in the catalog's order, which --lang never changes."""
    shutil.copy(bundled_seeds() / "001_803b044c30150796.txt", tmp_path / "kazakhstan.txt")
    shutil.copy(FIDELITY / "kazakhstan_fr.txt", tmp_path / "kazakhstan_fr.txt")
    for lang, profile in [("en", "kazakhstan-fr"), ("fr", "kazakhstan"), ("fr", "kazakhstan")]:
        found = run("--data-dir", str(tmp_path), "--lang", lang, "search", "rapatriement",
                    "--exact", "-f", "json")  # no translation: the French word alone
        hits = json.loads(found.stdout)["hits"]
        assert {h["profile"] for h in hits} == {profile}
        assert all("rapatriement" in h["text"] for h in hits)
