"""The words every output format shares: MGI's own list labels, and that counts are not scores.
(A module of its own, importing only the model, so the plain-text formats need not import rich.)"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mgi_cli.model import GAPS, STRENGTHS, UNSORTED

if TYPE_CHECKING:
    from mgi_cli.gcm import Tag

# A profile's findings' objectives by (domain key, list, position), as Tags.of gives them.
Objectives = Mapping[tuple[str, str, int], Sequence["Tag"]]

# MGI's own wording for the two lists, and the short forms used where space is tight;
# findings whose list the text does not tell are shown apart, never under either.
LIST_LABELS = {
    STRENGTHS: "Migration Governance: examples of well-developed areas",
    GAPS: "Areas with potential for further development",
    UNSORTED: "Findings whose list the text does not tell (see mgi check)",
}
SHORT_LABELS = {STRENGTHS: "Well-developed areas", GAPS: "Areas for further development",
                UNSORTED: "List not told"}
# A domain the profile does not contain, which is not the same as an empty list.
NOT_IN_PROFILE = "not in this profile"
# The overview's column of findings in no list or no domain, when a profile has any.
NOT_PLACED = " Not placed: findings in neither list, or in no domain (see mgi check)."
NOT_A_SCORE = "Counts of findings, not scores: the MGI does not rank countries or cities."
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish"}
# What the GCM tags are, said wherever they are shown.
TAGS_ARE_MGI_S = ("Objectives are mgi's reading of the text by rules anyone can read "
                  "(mgi_cli/objectives.txt), not IOM's coding.")


def short_list(kind: str) -> str:
    """The list's short name in a narrow column: 'well-dev.', 'further', 'unsorted'."""
    return {"strengths": "well-dev.", "gaps": "further"}.get(kind, kind)


def objective_numbers(tags: Sequence[Tag], why: bool = False) -> str:
    """A finding's objectives: '10, 7', with --why '10 (trafficking), 7 (victims)'; '—' for
    none."""
    if not tags:
        return "—"
    return ", ".join(f"{t.number} ({t.cue})" if why else str(t.number) for t in tags)


def objectives_note(tags: Sequence[Tag], why: bool = False) -> str:
    """A finding's objectives as shown beside it: 'GCM 10, 7'."""
    return f"GCM {objective_numbers(tags, why)}"
