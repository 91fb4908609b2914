"""The fixed lines of a profile that are not findings: list labels and section markers.

Labels are recognized by meaning in English, French and Spanish ("Migration Governance:
examples of well-developed areas", "Domaines pouvant être développés davantage", "Áreas con
potencial de desarrollo adicional"), and only on short lines that do not end a sentence, so a
finding that says "is an area with potential for further development." stays a finding.
"""

from __future__ import annotations

import re

from mgi_cli.model import GAPS, STRENGTHS
from mgi_cli.text import fold

MAX_LABEL_WORDS = 14
MAX_LABEL_CHARS = 200
_STRENGTHS = re.compile(r"well ?developed|bien developpe|bien desarrollad|fortalezas|points forts")
_GAPS = re.compile(
    r"potential (for|of) (further )?development|potential for development"
    r"|pouvant etre developpe|potentiel de developpement|potentiel d amelioration"
    r"|potencial (de|para) (un )?(mayor )?desarrollo|potencial de mejora"
)
_SECTIONS = re.compile(
    r"^(key findings|main findings|principales conclusions|principaux resultats|conclusions"
    r"|resultados|resultados principales|principales resultados|hallazgos principales"
    r"|conclusiones principales)$"
)
_INTRODUCTIONS = re.compile(r"^(introduction|introduccion|introducao|about the migration .*)$")


def _plain(line: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(line)).strip()


def list_label(line: str) -> str | None:
    """STRENGTHS or GAPS when a line is one of the two list labels, else None."""
    if len(line) > MAX_LABEL_CHARS:  # cheap guard: long lines are findings, not labels
        return None
    text = _plain(line)
    stripped = line.rstrip()
    if not text or len(text.split()) > MAX_LABEL_WORDS or stripped.endswith((".", ";")):
        return None
    if _GAPS.search(text):
        return GAPS
    if _STRENGTHS.search(text):
        return STRENGTHS
    return None


def is_section_marker(line: str) -> bool:
    """'Key findings' and its translations: the start of a findings block."""
    return len(line) < 60 and bool(_SECTIONS.match(_plain(line)))


def is_introduction(line: str) -> bool:
    """The heading of the profile's (or the MGI's) introduction, which holds no findings."""
    return len(line) < 100 and bool(_INTRODUCTIONS.match(_plain(line)))
