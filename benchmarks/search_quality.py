"""Recall and precision of `mgi search`, per query, in English, French and Spanish.

    python benchmarks/search_quality.py

Over the five seeds plus the French and Spanish translations of two of them
(tests/fixtures/languages/), each concept of tests/fixtures/languages/concepts.txt is searched
in its three languages; what a query finds among the translated profiles is held to the
findings the table says are about the concept. run.py prints this table too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def report() -> None:
    sys.path.insert(0, str(ROOT))  # the table and its folder are the tests'
    import mgi_cli
    from tests.concepts import concepts, fill, found_in

    with tempfile.TemporaryDirectory() as folder:
        library = mgi_cli.open(fill(Path(folder)))
        print("\n| concept | language | query | found | expected | recall | precision |\n"
              "|---|---|---|---:|---:|---:|---:|")
        recalls, precisions = [], []
        for concept, queries, expected in concepts():
            for language in ("en", "fr", "es"):
                got = found_in(library, queries[language])
                right = len(got & expected)
                recall = right / len(expected) if expected else 1.0
                precision = right / len(got) if got else 1.0
                recalls.append(recall)
                precisions.append(precision)
                print(f"| {concept} | {language} | {queries[language]} | {len(got)} | "
                      f"{len(expected)} | {recall:.2f} | {precision:.2f} |")
        print(f"| **all {len(recalls)} queries** | | | | | "
              f"{sum(recalls) / len(recalls):.2f} | {sum(precisions) / len(precisions):.2f} |")


if __name__ == "__main__":
    report()
