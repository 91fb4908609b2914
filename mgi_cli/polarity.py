"""Whether a finding says that something is absent ("lacks", "there is no", "no longer has"),
in English, French or Spanish: two findings on one subject whose polarity differs say opposite
things, however many words they share (`mgi diff` marks them reversed).

The cues are negations of having, existing or doing; "not only" and "without" (which qualify
rather than deny: "access without discrimination") are not cues.
"""

from __future__ import annotations

import re
from functools import cache

from mgi_cli.text import fold

_CUES = (
    # English
    r"\black(s|ed|ing)?\b|\bno longer\b|\bthere (is|are|was|were) no\b|\bno (specific|formal|"
    r"dedicated|national|official|comprehensive|clear)\b|\b(does|do|did|has|have|had|is|are|"
    r"was|were|can|could|will|would) not\b(?! only)|\b(doesn|don|didn|hasn|haven|isn|aren|"
    r"wasn|weren|cannot|can't)\b|\bnot (yet|in place|available|exist)|\babsence of\b|"
    r"\bnone\b|\bneither\b|\bnor\b|\bnever\b"
    # French
    r"|\bne\b|\bn'|\baucune?\b|\bmanque\b|\babsence\b|\bplus de\b(?= \w+ (n'|ne))|\bsans que\b"
    r"|\bpas (de|d')\b"
    # Spanish
    r"|\bno (existe|existen|hay|cuenta|cuentan|dispone|tiene|tienen|se)\b|\bcarece|\bfalta\b|"
    r"\bausencia\b|\bning[uú]n[oa]?\b|\bya no\b|\btodav[ií]a no\b|\baún no\b|\baun no\b"
)


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile(_CUES)


def negated(text: str) -> bool:
    """Whether the finding denies rather than states ("lacks a plan", "n'existe pas")."""
    return bool(_pattern().search(fold(text)))


def reversed_meaning(first: str, second: str) -> bool:
    """Whether one of two findings on one subject denies what the other states."""
    return negated(first) != negated(second)
