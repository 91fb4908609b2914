"""How well the GCM rules (mgi_cli/objectives.txt) tag findings, against hand-made gold labels.

    python benchmarks/gcm_quality.py                # training and held-out sets, languages
    python benchmarks/gcm_quality.py --split train  # the training set only (while writing rules)
    python benchmarks/gcm_quality.py --speed FOLDER # also: tag_all over a folder's findings

The gold labels (tests/fixtures/gcm/gold.csv) give each bundled finding its main objective
(empty: institutional set-up, no objective) and the others that clearly apply. The rules were
written on three profiles (TRAIN) and measured once on the other two (HELD_OUT). Per set:

- main recall: findings with a gold main whose predicted tags include it (the issue's figure);
- main exact: findings whose predicted main objective is the gold main;
- precision: predicted tags that are the gold main or among the gold others, over all
  predicted tags (a tag on a finding whose gold is "none" is wrong);
- none: findings with no gold main that get no tag.

The French and Spanish translations (tests/fixtures/languages) are tagged too, and each
finding's tags compared with its English original's (same profile, domain, list, position).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gcm" / "gold.csv"
LANGUAGES = ROOT / "tests" / "fixtures" / "languages"
TRAIN = ("azerbaijan", "kazakhstan", "la-cruz")
HELD_OUT = ("kyrgyzstan", "mombasa")

Key = tuple[str, str, str, int]  # profile, domain, kind, position


def gold(profiles: tuple[str, ...]) -> dict[Key, tuple[int | None, set[int]]]:
    """The gold rows of some profiles only: (main or None, others) by finding."""
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    rows = {}
    for row in csv.DictReader(lines):
        if row["profile"] in profiles:
            main = int(row["main"]) if row["main"].strip() else None
            others = {int(n) for n in row["others"].split(";") if n.strip()}
            rows[(row["profile"], row["domain"], row["kind"], int(row["position"]))] = (
                main, others)
    return rows


def findings(library: object) -> dict[Key, tuple[str, str]]:
    """Every finding of a library: (text, language) by (profile, domain, kind, position)."""
    from mgi_cli.model import ordered_findings

    found = {}
    for profile in library.profiles:  # type: ignore[attr-defined]
        for block, kind, position, text in ordered_findings(profile):
            found[(profile.id, block.domain.key, kind, position)] = (text, profile.language)
    return found


def measure(name: str, labels: dict[Key, tuple[int | None, set[int]]],
            texts: dict[Key, tuple[str, str]], show: bool) -> dict[str, float]:
    from mgi_cli.gcm import tag

    with_main = hit = exact = predicted = right = nones = nones_right = 0
    for key, (main, others) in sorted(labels.items()):
        text, language = texts[key]
        tags = [t.number for t in tag(text, language)]
        predicted += len(tags)
        right += sum(1 for n in tags if n == main or n in others)
        if main is None:
            nones += 1
            nones_right += not tags
        else:
            with_main += 1
            hit += main in tags
            exact += bool(tags) and tags[0] == main
        wrong = (main is None and tags) or (main is not None and (not tags or tags[0] != main)
                                           ) or any(n != main and n not in others for n in tags)
        if show and wrong:
            print(f"  {key[0]} {key[1]} {key[2]} {key[3]}: gold {main} {sorted(others)} "
                  f"got {tags}  {text[:90]}")
    figures = {
        "main recall": hit / with_main if with_main else 1.0,
        "main exact": exact / with_main if with_main else 1.0,
        "precision": right / predicted if predicted else 1.0,
        "none": nones_right / nones if nones else 1.0,
    }
    print(f"{name}: {len(labels)} findings ({with_main} with a main objective, {nones} none)\n"
          f"  main recall (gold main among the tags): {hit}/{with_main} = "
          f"{figures['main recall']:.2f}\n"
          f"  main exact (predicted main = gold main): {exact}/{with_main} = "
          f"{figures['main exact']:.2f}\n"
          f"  precision of all tags: {right}/{predicted} = {figures['precision']:.2f}\n"
          f"  none kept none: {nones_right}/{nones} = {figures['none']:.2f}")
    return figures


def languages() -> None:
    """Each translated finding's tags against its English original's."""
    import mgi_cli
    from mgi_cli.gcm import tag

    english = findings(mgi_cli.open())
    translated = findings(mgi_cli.open(LANGUAGES))
    same = same_main = total = 0
    differ = []
    for (profile, domain, kind, position), (text, language) in sorted(translated.items()):
        base = profile.removesuffix(f"-{language}")  # the id, or the id with its language
        original = english.get((base, domain, kind, position))
        if language == "en" or original is None:
            continue
        total += 1
        ours = [t.number for t in tag(text, language)]
        theirs = [t.number for t in tag(*original)]
        same += set(ours) == set(theirs)
        same_main += ours[:1] == theirs[:1]
        if set(ours) != set(theirs):
            differ.append(f"  {profile} {domain} {kind} {position}: {language} {ours} "
                          f"en {theirs}  {text[:70]}")
    print(f"languages: {total} French and Spanish findings; same tags as the English "
          f"original: {same}/{total}; same main objective: {same_main}/{total}")
    print("\n".join(differ))


def speed(folder: str) -> None:
    """tag_all over every finding of a folder, cold (rules compiled, no word stemmed yet) and
    again; then over as many texts all different (no text tagged once for many), cold."""
    import mgi_cli
    from mgi_cli import gcm, gcm_tagger

    pairs = list(findings(mgi_cli.open(folder)).values())
    gcm.rules.cache_clear()
    texts = sorted({text for text, _ in pairs})
    n = len(texts)
    # every text different, from the same words: each followed by words of two other texts
    distinct = [(f"{texts[i % n]} {' '.join(texts[i // n % n].split()[:5])} "
                 f"{' '.join(texts[i // n // n % n].split()[-3:])}", "en")
                for i in range(len(pairs))]
    for label, batch in (("cold", pairs), ("warm", pairs), ("distinct texts, cold", distinct)):
        if label.endswith("cold"):
            gcm_tagger.matcher.cache_clear()
        start = time.perf_counter()
        gcm.tag_all(batch)
        print(f"tag_all, {len(batch)} findings ({len(set(batch))} distinct texts), {label}: "
              f"{time.perf_counter() - start:.2f} s")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("train", "held-out", "both"), default="both")
    parser.add_argument("--mistakes", action="store_true", help="list each mistake")
    parser.add_argument("--speed", metavar="FOLDER", help="time tag_all over a folder")
    args = parser.parse_args()
    import mgi_cli

    texts = findings(mgi_cli.open())
    if args.split in ("train", "both"):
        measure(f"training ({', '.join(TRAIN)})", gold(TRAIN), texts, args.mistakes)
    if args.split in ("held-out", "both"):
        measure(f"held-out ({', '.join(HELD_OUT)})", gold(HELD_OUT), texts, args.mistakes)
    if args.split == "both":
        languages()
    if args.speed:
        speed(args.speed)


if __name__ == "__main__":
    main()
