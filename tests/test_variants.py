"""Profiles as they really arrive: every variant class reads back to the same findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mgi_cli.loader import decode, load_paths
from mgi_cli.parser import parse_profile
from tests.dress import GAP_LABELS, GLYPHS, HEADINGS, MARKERS, STRENGTH_LABELS, Dress, write
from tests.variants import BASE, FRENCH_INTRO

FIXTURES = Path(__file__).parent / "fixtures"
KEYS = list(HEADINGS)


def squash(text: str) -> str:
    return " ".join(text.split())


def findings_of(profile) -> dict[str, tuple[list[str], list[str]]]:
    return {
        block.domain.key: ([squash(t) for t in block.strengths], [squash(t) for t in block.gaps])
        for block in profile.domains
    }


def expected(findings) -> dict[str, tuple[list[str], list[str]]]:
    return {k: ([squash(t) for t in s], [squash(t) for t in g]) for k, (s, g) in findings.items()}


FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


# One fixture per variant class, as tests/fixtures/make_fixtures.py writes them.
VARIANT_CLASSES = [
    "bullets_asterisk", "bullets_black_circle", "bullets_en_dash", "bullets_hyphen",
    "bullets_indentation_only", "bullets_square", "bullets_white_circle", "domains_any_order",
    "encoding_cp1252_cr", "encoding_utf16_bom", "encoding_utf8_bom_crlf", "findings_only",
    "headings_domain_numbered", "headings_french", "headings_french_labels_wrapped",
    "headings_local_numbered", "headings_migof_long", "headings_migof_principles",
    "headings_portal", "headings_spanish", "headings_spanish_variants", "intro_english",
    "intro_french", "labels_wrapped_english", "no_blank_lines", "no_blank_lines_wrapped",
    "spaces_tabs_nbsp_zero_width", "wrapped_flush", "wrapped_indentation_only_flush",
    "wrapped_indented",
]


def test_there_is_a_fixture_per_variant_class():
    assert [path.stem for path in FIXTURE_FILES] == VARIANT_CLASSES
    from tests.fixtures.make_fixtures import VARIANTS  # what the generator writes

    assert sorted(VARIANTS) == VARIANT_CLASSES


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_reads_back_to_the_same_findings(path):
    result = load_paths([path])
    assert [p.message for p in result.problems] == []
    (profile,) = result.profiles
    assert findings_of(profile) == expected(BASE)


@pytest.mark.parametrize(
    ("stem", "published", "profile_id", "edition"),
    [("headings_spanish", "2021-10", "honduras", 2), ("intro_french", "2023-12", "testland", 1)],
)
def test_fixture_metadata(stem, published, profile_id, edition):
    (profile,) = load_paths([FIXTURES / f"{stem}.txt"]).profiles
    assert (profile.published, profile.id, profile.edition) == (published, profile_id, edition)


dresses = st.builds(
    Dress,
    headings=st.tuples(*(st.integers(0, len(HEADINGS[k]) - 1) for k in KEYS)),
    order=st.permutations(range(6)).map(tuple),
    strength_label=st.integers(0, len(STRENGTH_LABELS) - 1),
    gap_label=st.integers(0, len(GAP_LABELS) - 1),
    wrap_labels=st.booleans(),
    marker=st.integers(0, len(MARKERS) - 1),
    glyph=st.integers(0, len(GLYPHS) - 1),
    blank_lines=st.booleans(),
    wrap=st.none() | st.integers(40, 100),
    flush=st.booleans(),
    intro=st.sampled_from(["none", "french", "english"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    odd_spaces=st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dress=dresses, seed_index=st.integers(0, 4))
def test_any_dress_of_a_seed_reads_back_the_same(seeds, dress, seed_index):
    original = sorted(seeds.profiles, key=lambda p: p.source)[seed_index]
    findings = {b.domain.key: (list(b.strengths), list(b.gaps)) for b in original.domains}
    text = decode(write(findings, dress, FRENCH_INTRO))
    profile, problems = parse_profile(text, "dressed.txt")
    assert [p.message for p in problems if p.warn] == []
    assert findings_of(profile) == expected(findings)
