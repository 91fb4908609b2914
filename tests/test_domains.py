"""Heading normalization and --domain resolution, on real heading variants."""

from __future__ import annotations

import pytest

from mgi_cli.domains import normalize_heading, resolve_domain
from mgi_cli.errors import MgiError
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
