"""Recall and precision of `mgi search`, per query, in English, French and Spanish.

    python benchmarks/search_quality.py

Over the five seeds plus the French and Spanish translations of two of them
(tests/fixtures/languages/), each concept of tests/fixtures/languages/concepts.txt is searched
in its three languages; what a query finds among the translated profiles is held to the
findings the table says are about the concept. run.py prints this table too.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ROOT / "tests" / "fixtures" / "languages"
TRANSLATED = {"kazakhstan", "kazakhstan-fr", "kyrgyzstan", "kyrgyzstan-es"}


def concepts() -> list[tuple[str, dict[str, str], set]]:
    table = []
    for block in (LANGUAGES / "concepts.txt").read_text(encoding="utf-8").strip().split("\n\n"):
        key, *lines = block.strip().splitlines()
        fields = dict(line.split(": ", 1) for line in lines)
        expected = {(p, int(d), k, int(n)) for p, d, k, n in
                    (item.split() for item in fields["expect"].split("; "))}
        table.append((key.strip("[]"), fields, expected))
    return table


def found(library, query: str) -> set:
    from mgi_cli.errors import NothingFound

    try:
        hits = library.search(query).hits
    except NothingFound:
        return set()
    return {(h.profile.id, h.domain.number, h.kind, h.position) for h in hits
            if h.profile.id in TRANSLATED}


def report() -> None:
    import mgi_cli
    from mgi_cli.sources import bundled_seeds

    with tempfile.TemporaryDirectory() as folder:
        for seed in bundled_seeds().iterdir():
            shutil.copy(seed, folder)
        for name in ("kazakhstan_fr.txt", "kyrgyzstan_es.txt"):
            shutil.copy(LANGUAGES / name, folder)
        library = mgi_cli.open(folder)
        print("\n| concept | language | query | found | expected | recall | precision |\n"
              "|---|---|---|---:|---:|---:|---:|")
        recalls, precisions = [], []
        for concept, fields, expected in concepts():
            for language in ("en", "fr", "es"):
                got = found(library, fields[language])
                right = len(got & expected)
                recall = right / len(expected) if expected else 1.0
                precision = right / len(got) if got else 1.0
                recalls.append(recall)
                precisions.append(precision)
                print(f"| {concept} | {language} | {fields[language]} | {len(got)} | "
                      f"{len(expected)} | {recall:.2f} | {precision:.2f} |")
        print(f"| **all {len(recalls)} queries** | | | | | "
              f"{sum(recalls) / len(recalls):.2f} | {sum(precisions) / len(precisions):.2f} |")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    report()
