"""The fixed lines of a profile that are not findings: list labels and section markers.

Labels are recognized by meaning in English, French and Spanish, not from a list of exact
strings: a short line that speaks of something well developed ("Migration Governance:
examples of well-developed areas", "Ámbitos bien desarrollados", "Points forts") labels the
first list; one that speaks of further development, potential, strengthening or improvement
("Areas for further development", "Domaines susceptibles d'être développés davantage",
"Áreas que podrían desarrollarse más", "Aspects à renforcer") labels the second. A line that
speaks of both, or of neither, is no label mgi can name (the parser may still take it for a
label by its position, and says so). Only short lines that start with a capital and do not end
a sentence are labels, so a finding that says "is an area with potential for further
development." stays a finding; and a line that names no list ("areas", "domaines", ...) is a
label only when it is brief or ends with a colon, so the first line of a hard-wrapped finding
("The CGM Investment Authority Bill (2019) targets potential") stays a finding.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mgi_cli.model import GAPS, STRENGTHS, Kind
from mgi_cli.text import fold, starts_upper

MAX_LABEL_WORDS = 14
MAX_LABEL_CHARS = 200
MAX_BARE_LABEL_WORDS = 6  # without a word such as "areas" or "domaines"
# Cues over a folded line whose punctuation became spaces. Stems, so that every inflection
# counts: develop(ed|ment), développ(é|ement|és), desarroll(ado|adas|arse|o).
_DEVELOP = r"(develop\w*|developp\w*|desarroll\w*)"
_STRENGTHS = re.compile(
    rf"\b(well ?{_DEVELOP}|bien {_DEVELOP}|well established|bien etabli\w*|bien establecid\w*"
    r"|strengths?|points? forts?|fortalezas?|good practices?|bonnes? pratiques?"
    r"|buenas? practicas?|areas? of strength)\b"
)
_GAPS = re.compile(
    rf"\b(further {_DEVELOP}|{_DEVELOP} (further|more|davantage|mas|adicional\w*|plus pousse\w*)"
    rf"|(more|mayor|plus|additional) {_DEVELOP}|(a|por|to be|pour etre|a ser) {_DEVELOP}"
    r"|potential\w*|potentiel\w*|potencial\w*|strengthen\w*|renforc\w*|fortalec\w*"
    r"|improve\w*|amelior\w*|mejor(a|ar|as|arse|ado|ada)|davantage|adicional\w*"
    r"|susceptibles?|pourrai\w*|podrian|could be|gaps?|lacunes?|brechas?|weakness\w*"
    r"|faiblesses?|debilidad\w*|development needs?|room for)\b"
)
# "Less well-developed areas", "not yet well developed", "moins bien développés",
# "aún no bien desarrollados": well developed, negated, is the second list.
_NEGATED = re.compile(r"\b(less|not( yet)?|moins|pas( encore)?|peu|no|aun no|menos)( \w+)? "
                      r"(well|bien)\b")
# Words that name a list rather than a domain: "Areas ...", "Domaines ...", "Exemples ...".
_LIST_WORDS = re.compile(
    r"\b(areas?|domaines?|ambitos?|aspects?|aspectos?|exampl\w*|exempl\w*|ejempl\w*"
    r"|fields?|points?)\b"
)
# "Key findings" and its kind: a findings word, alone or with a word saying "main" or "key",
# in either order ("Principales conclusions", "Résultats clés", "Hallazgos principales").
_FINDINGS_WORDS = (
    r"(findings|results|conclusions?|conclusiones|resultats|resultados|hallazgos|constats"
    r"|observations)"
)
_MAIN_WORDS = r"(key|main|principal\w*|cles?|clave|major|essentiels?|fundamentales)"
_SECTIONS = re.compile(
    rf"^((summary of |resume des |resumen de (los |las )?)?({_MAIN_WORDS} )?{_FINDINGS_WORDS}"
    rf"( {_MAIN_WORDS})?)$"
)
_INTRODUCTIONS = re.compile(r"^(introduction|introduccion|introducao|about the migration .*)$")


def plain(line: str) -> str:
    """A line folded for matching, every run of punctuation a single space."""
    return re.sub(r"[^\w]+", " ", fold(line)).strip()


def is_label_shaped(line: str) -> bool:
    """Short, and not a sentence: the shape of a label or a heading."""
    if len(line) > MAX_LABEL_CHARS:  # cheap guard: long lines are findings, not labels
        return False
    text = plain(line)
    return bool(text) and len(text.split()) <= MAX_LABEL_WORDS and not line.rstrip().endswith(
        (".", ";", ","))


@lru_cache(maxsize=4096)  # the parser asks of a line more than once, and labels repeat
def list_label(line: str) -> Kind | None:
    """STRENGTHS or GAPS when a line is a list label whose meaning mgi can tell, else None.
    A label starts with a capital, as a line of its own does; a wrapped finding goes on in
    lower case ("and utilize the full potential of migration for the")."""
    if not is_label_shaped(line) or not starts_upper(line):
        return None
    text = plain(line)
    negated = bool(_NEGATED.search(text))
    gaps = negated or bool(_GAPS.search(text))
    strengths = not negated and bool(_STRENGTHS.search(text))
    if gaps == strengths:  # neither, or both: no label mgi can name
        return None
    if not _LIST_WORDS.search(text):
        if not _reads_as_label(line, text):
            return None  # "... targets potential" is a wrapped finding's first line
        if _names_a_domain(line):
            return None  # "Strengthening partnerships" is a heading, not a label
    return GAPS if gaps else STRENGTHS


def _reads_as_label(line: str, text: str) -> bool:
    """A label that names no list ("Good practices", "Things to improve:") is brief, or
    introduces what follows."""
    return len(text.split()) <= MAX_BARE_LABEL_WORDS or line.rstrip().endswith(":")


def _names_a_domain(line: str) -> bool:
    from mgi_cli.headings import normalize_heading

    return normalize_heading(line) is not None


def is_section_marker(line: str) -> bool:
    """'Key findings' and its translations: the start of a findings block."""
    return len(line) < 60 and bool(_SECTIONS.match(plain(line)))


def is_introduction(line: str) -> bool:
    """The heading of the profile's (or the MGI's) introduction, which holds no findings."""
    return len(line) < 100 and bool(_INTRODUCTIONS.match(plain(line)))
