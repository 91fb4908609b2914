"""The words every output format shares: MGI's own list labels, and that counts are not scores.
(A module of its own, importing only the model, so the plain-text formats need not import rich.)"""

from mgi_cli.model import GAPS, STRENGTHS, UNSORTED

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
