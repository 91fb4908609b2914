"""Heading normalization and --domain resolution, on real heading variants."""

from __future__ import annotations

import pytest

from mgi_cli.domains import UNCLASSIFIED, resolve_domain
from mgi_cli.errors import MgiError
from mgi_cli.headings import heading_domains, naming, normalize_heading
from tests.dress import HEADINGS as PUBLISHED

HEADINGS = [
    ("Migrants' rights", "migrants-rights"),
    ("MIGRANTS’ RIGHTS", "migrants-rights"),
    ("Domain 1. Adherence to international standards and fulfilment of migrants' rights",
     "migrants-rights"),
    ("Whole of government approach", "whole-of-government"),
    ("Domain 2: Whole of government approach", "whole-of-government"),
    ("WHOLE-OF-GOVERNMENT APPROACH", "whole-of-government"),
    ("Domain 3: Partnerships", "partnerships"),
    ("PARTNERSHIPS", "partnerships"),
    ("Domain 3: Well-being of migrants", "well-being"),
    ("WELL-BEING OF MIGRANTS", "well-being"),
    ("Domain 5: Mobility dimensions of crises", "crises"),
    ("MOBILITY DIMENSION OF CRISES", "crises"),
    ("DOMAIN 6: SAFE, ORDERLY AND REGULAR MIGRATION", "safe-migration"),
    ("SAFE, ORDERLY AND DIGNIFIED MIGRATION", "safe-migration"),
    ("Safe, orderly and regular migration", "safe-migration"),
]


PUBLISHED_FORMS = [(heading, key) for key, forms in PUBLISHED.items() for heading in forms]


@pytest.mark.parametrize(("heading", "key"), HEADINGS + PUBLISHED_FORMS)
def test_heading_maps_by_meaning(heading, key):
    assert normalize_heading(heading) == key


@pytest.mark.parametrize(
    "heading",
    ["Domain one: institutional capacity", "Domain two: migrant rights",
     "Domain three: safe and orderly migration", "Domain four: labour migration management",
     "Domain five: regional and international cooperation and other partnerships",
     "Introduction", "Key findings", "Domain 3", "Migrants' rights and well-being",
     "About the Migration Governance Indicators", "Labour migration management", ""],
)
def test_heading_that_is_no_domain_maps_to_none(heading):
    assert normalize_heading(heading) is None


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("rights", "migrants-rights"),
        ("1", "migrants-rights"),
        ("government", "whole-of-government"),
        ("partnerships", "partnerships"),
        ("wellbeing", "well-being"),
        ("Well-being of migrants", "well-being"),
        ("crisis", "crises"),
        ("5", "crises"),
        ("safe", "safe-migration"),
        ("safe-migration", "safe-migration"),
        ("SAFE", "safe-migration"),
    ],
)
def test_resolve_domain(query, key):
    assert resolve_domain(query).key == key


@pytest.mark.parametrize("query", ["7", "0", "migra", "xyz", "", "   "])
def test_unknown_domain_lists_the_six(query):
    with pytest.raises(MgiError) as error:
        resolve_domain(query)
    assert "1 migrants-rights" in str(error.value) and "6 safe-migration" in str(error.value)


# -- headings that name several domains --------------------------------------------------------

@pytest.mark.parametrize(("heading", "keys"), [
    ("Migrants' rights and well-being", ("migrants-rights", "well-being")),
    ("MIGRANTS’ RIGHTS AND WELL-BEING", ("migrants-rights", "well-being")),
    ("Droits et bien-être des migrants", ("migrants-rights", "well-being")),
    ("Derechos y bienestar de los migrantes", ("migrants-rights", "well-being")),
    ("Domain 1: Migrants' rights and well-being", ("migrants-rights", "well-being")),
    ("Partnerships for crisis preparedness", ("partnerships", "crises")),
    ("Rights, partnerships and crises", ("migrants-rights", "partnerships", "crises")),
    ("Migrants' rights", ("migrants-rights",)),
    ("Domain 1. Adherence to international standards and fulfilment of migrants' rights",
     ("migrants-rights",)),  # two phrases of one domain name one domain
    ("Key findings", ()),
])
def test_heading_domains_names_every_domain_a_heading_names(heading, keys):
    assert heading_domains(heading) == keys
    assert normalize_heading(heading) == (keys[0] if len(keys) == 1 else None)


def test_naming_lists_the_domains_a_heading_names():
    assert naming(("migrants-rights", "well-being")) == (
        "two domains, 1 (Migrants' rights) and 4 (Well-being of migrants)")
    assert naming(("migrants-rights", "partnerships", "crises")) == (
        "three domains, 1 (Migrants' rights), 3 (Partnerships) and 5 (Mobility dimensions of "
        "crises)")


# -- the unclassified block --------------------------------------------------------------------

@pytest.mark.parametrize("query", ["unclassified", "Unclassified", "UNCLASSIFIED", "unclass",
                                   "non classé", "Non classe", "sin clasificar",
                                   "no clasificado"])
def test_resolve_domain_finds_the_unclassified_block_by_name(query):
    assert resolve_domain(query) is UNCLASSIFIED


def test_the_unknown_domain_message_offers_unclassified():
    with pytest.raises(MgiError) as error:
        resolve_domain("xyz")
    assert str(error.value) == (
        "Unknown domain 'xyz'. Choose one of: 1 migrants-rights, 2 whole-of-government, "
        "3 partnerships, 4 well-being, 5 crises, 6 safe-migration, or unclassified (findings "
        "under headings that name no domain).")
