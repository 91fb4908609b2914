"""Finding a profile by what users type, and the errors when it cannot be found."""

from __future__ import annotations

import dataclasses

import pytest

from mgi_cli.catalog import Catalog, UnknownProfile


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
    first = dataclasses.replace(kyrgyzstan, published="2018-03", edition=1, source="old.txt")
    catalog = Catalog([*seeds.profiles, first])
    assert [p.id for p in catalog.profiles if p.id.startswith("kyrgyzstan")] == [
        "kyrgyzstan", "kyrgyzstan-2018"]
    assert catalog.resolve("kyrgyzstan").published == "2023-12"
    assert catalog.resolve("kyrgyzstan-2018").source == "old.txt"
    assert catalog.resolve("kyrgyzstan-2023").published == "2023-12"
    assert catalog.resolve("KGZ").published == "2023-12"
