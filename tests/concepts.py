"""The cross-language table (fixtures/languages/concepts.txt) and the folder it is searched in:
the five seeds plus French and Spanish translations of two of them. Used by
tests/test_languages.py and benchmarks/search_quality.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from mgi_cli.errors import NothingFound

LANGUAGES = Path(__file__).parent / "fixtures" / "languages"
TRANSLATED = {"kazakhstan", "kazakhstan-fr", "kyrgyzstan", "kyrgyzstan-es"}


def concepts() -> list[tuple[str, dict[str, str], set[tuple[str, int, str, int]]]]:
    """(concept, its query in each language, the findings a query must find)."""
    table = []
    for block in (LANGUAGES / "concepts.txt").read_text(encoding="utf-8").strip().split("\n\n"):
        key, *lines = block.strip().splitlines()
        fields = dict(line.split(": ", 1) for line in lines)
        expected = {(p, int(d), k, int(n)) for p, d, k, n in
                    (item.split() for item in fields["expect"].split("; "))}
        table.append((key.strip("[]"), fields, expected))
    return table


def fill(folder: Path) -> Path:
    """The seeds and the two translations, copied into `folder`."""
    from mgi_cli.sources import bundled_seeds

    for seed in bundled_seeds().iterdir():
        shutil.copy(seed, folder / seed.name)
    for translation in ("kazakhstan_fr.txt", "kyrgyzstan_es.txt"):
        shutil.copy(LANGUAGES / translation, folder / translation)
    return folder


def found_in(library, query: str, **options) -> set[tuple[str, int, str, int]]:
    """(profile, domain number, list, position) of what a search finds among the translated
    profiles; empty when nothing matches."""
    try:
        hits = library.search(query, **options).hits
    except NothingFound:
        return set()
    return {(h.profile.id, h.domain.number, h.kind, h.position) for h in hits
            if h.profile.id in TRANSLATED}
