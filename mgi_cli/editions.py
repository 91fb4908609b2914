"""What changed between two editions of a profile: kept, new, gone, and moved between lists.

Within each domain, every finding of the older edition is paired with the most similar finding
of the newer one (similarity.py), best pairs first, each finding used once. A pair scoring at
least KEPT_THRESHOLD is on the same subject: kept, perhaps reworded; moved if it changed lists
(a gap that became a well-developed area, or the reverse); reversed if one of the two denies
what the other states ("lacks" / "has", "there is no" / "there is": polarity.py), however
many words they share. Unpaired findings are gone (older) or new (newer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mgi_cli.compare import Item
from mgi_cli.model import KINDS, Domain, Profile

if TYPE_CHECKING:
    from mgi_cli.search import Corpus
    from mgi_cli.similarity import Similarity

KEPT_THRESHOLD = 60.0


@dataclass(frozen=True)
class Pair:
    older: Item
    newer: Item
    score: float
    reversed: bool = False  # one of the two says the opposite of the other


@dataclass(frozen=True)
class DomainChanges:
    domain: Domain
    kept: tuple[Pair, ...]
    moved: tuple[Pair, ...]  # reversed or not
    reversed: tuple[Pair, ...]  # in the same list, saying the opposite
    new: tuple[Item, ...]
    gone: tuple[Item, ...]


@dataclass(frozen=True)
class EditionDiff:
    older: Profile
    newer: Profile
    domains: tuple[DomainChanges, ...]
    # What the user should know about how the diff was taken (the editions were named newer
    # first, and put in order): for stderr, never part of the result.
    warnings: tuple[str, ...] = ()


def diff(
    older: Profile, newer: Profile, corpus: Sequence[Profile] = (), index: Corpus | None = None,
    warnings: Sequence[str] = (),
) -> EditionDiff:
    """The changes from `older` to `newer`, domain by domain (`index`: see compare())."""
    from mgi_cli.similarity import Similarity

    similarity = Similarity([*corpus] or [older, newer], index)
    changes = []
    for old_block, new_block in zip(older.canonical, newer.canonical, strict=True):
        before = [Item(older.id, k, t) for k in KINDS for t in old_block.findings(k)]
        after = [Item(newer.id, k, t) for k in KINDS for t in new_block.findings(k)]
        pairs = _pair(before, after, similarity)
        paired_old = {p.older for p in pairs}
        paired_new = {p.newer for p in pairs}
        changes.append(DomainChanges(
            old_block.domain,
            kept=tuple(p for p in pairs if p.older.kind == p.newer.kind and not p.reversed),
            moved=tuple(p for p in pairs if p.older.kind != p.newer.kind),
            reversed=tuple(p for p in pairs if p.older.kind == p.newer.kind and p.reversed),
            new=tuple(i for i in after if i not in paired_new),
            gone=tuple(i for i in before if i not in paired_old),
        ))
    return EditionDiff(older, newer, tuple(changes), tuple(warnings))


def put_in_order(older: Profile, newer: Profile) -> str:
    """The warning for editions named newer first: a diff reads forward in time (what was
    gone and what is new), so they are diffed in order, and the user told."""
    return (f"{newer.id!r} ({_when(newer)}) is the later edition: showing what changed from "
            f"{older.id!r} ({_when(older)}) to it.")


def _when(profile: Profile) -> str:
    return profile.published or f"edition {profile.edition}"


def _pair(before: list[Item], after: list[Item], similarity: Similarity) -> list[Pair]:
    from mgi_cli.polarity import reversed_meaning

    scored = sorted(
        ((similarity.score(a.text, b.text) if a.text != b.text else 100.0, i, j)
         for i, a in enumerate(before) for j, b in enumerate(after)),
        key=lambda s: (-s[0], s[1], s[2]),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < KEPT_THRESHOLD:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append(Pair(before[i], after[j], score,
                          reversed_meaning(before[i].text, after[j].text)))
    return sorted(pairs, key=lambda p: after.index(p.newer))
