"""The fidelity fixtures (tests/fixtures/fidelity/) and how their tests read a profile back:
counts per domain, texts with spaces squashed, warnings and notes apart. Shared by
test_fidelity.py, test_fidelity_layouts.py and test_check.py."""

from __future__ import annotations

from pathlib import Path

from mgi_cli.loader import load_paths

FIDELITY = Path(__file__).parent / "fixtures" / "fidelity"
SEED_COUNTS = {  # (strengths, gaps) per domain, as tests/test_parser.py counts the seeds
    "kazakhstan": [(5, 3), (3, 3), (4, 2), (3, 2), (3, 2), (3, 3)],
    "mombasa": [(3, 2), (3, 2), (3, 2), (2, 2), (3, 2), (2, 3)],
    "azerbaijan": [(4, 2), (4, 2), (4, 1), (4, 2), (5, 2), (4, 3)],
    "la-cruz": [(4, 2), (3, 3), (2, 3), (3, 3), (3, 3), (3, 2)],
    "kyrgyzstan": [(4, 3), (4, 1), (3, 1), (3, 2), (4, 2), (4, 2)],
}


def load(name: str):
    result = load_paths([FIDELITY / name])
    (profile,) = result.profiles
    return profile, result.problems


def warnings(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems if p.warn]


def notes(problems) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in problems if p.note]


def counts(profile) -> list[tuple[int, int]]:
    return [(len(d.strengths), len(d.gaps)) for d in profile.domains[:6]]


def texts(profile) -> dict[str, tuple[list[str], list[str]]]:
    return {d.domain.key: ([" ".join(t.split()) for t in d.strengths],
                           [" ".join(t.split()) for t in d.gaps]) for d in profile.domains}


def seed_texts(seeds, profile_id: str, full_stops: bool = True):
    seed = next(p for p in seeds.profiles if p.id == profile_id)
    found = texts(seed)
    if full_stops:
        return found
    return {key: ([t.rstrip(". ") for t in strengths], [t.rstrip(". ") for t in gaps])
            for key, (strengths, gaps) in found.items()}
