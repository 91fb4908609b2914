"""The words every output format shares: MGI's own list labels, and that counts are not scores.
(A module of its own, importing only the model, so the plain-text formats need not import rich.)"""

from mgi_cli.model import GAPS, STRENGTHS

# MGI's own wording for the two lists, and the short forms used where space is tight.
LIST_LABELS = {
    STRENGTHS: "Migration Governance: examples of well-developed areas",
    GAPS: "Areas with potential for further development",
}
SHORT_LABELS = {STRENGTHS: "Well-developed areas", GAPS: "Areas for further development"}
NOT_A_SCORE = "Counts of findings, not scores: the MGI does not rank countries or cities."
