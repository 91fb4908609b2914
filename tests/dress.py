"""Write a profile's findings back out as text, in the many dresses real profiles arrive in.

Used by the fixture generator and by the property tests: whatever the dress, the loader must
read back the same findings in the same domains and lists.
"""

from __future__ import annotations

import codecs
import textwrap
from dataclasses import dataclass

# Headings as IOM has published them: the portal, local profiles, numbered forms, MiGOF's
# principles and objectives (short, long, sentence forms), French and Spanish.
HEADINGS = {
    "migrants-rights": [
        "Migrants' rights", "Migrant's Rights", "MIGRANTS’ RIGHTS", "1. Migrants' rights",
        "Domain 1 - Migrants' rights", "DOMAIN 1: MIGRANTS' RIGHTS",
        "Adherence to international standards and fulfillment of migrants' rights",
        "Principle 1: Adherence to international standards and the fulfilment of migrants’ "
        "rights",
        "Droits des migrants", "DROITS DES MIGRANTS", "Derechos de los migrantes",
        "1) Derechos de las personas migrantes",
    ],
    "whole-of-government": [
        "Whole of Government Approach", "Whole-of-government approach",
        "2. Whole of government approach", "Domain 2 - Whole of government approach",
        "“Whole of government” approach to migration policies",
        "Principle 2: Formulates policy using evidence and a whole-of-government approach",
        "Approche associant l'ensemble du gouvernement",
        "Approche associant l’ensemble du gouvernement", "Enfoque de gobierno integral",
    ],
    "partnerships": [
        "Partnerships", "3. Partnerships", "DOMAIN 3: PARTNERSHIPS",
        "Engagement with partners to address migration-related issues",
        "Principle 3: Good migration governance relies on strong partnerships",
        "Partenariats", "Alianzas", "Colaboración", "3) Alianzas",
    ],
    "well-being": [
        "Well-being of migrants", "4. Socioeconomic well-being of migrants",
        "DOMAIN 4: WELL-BEING OF MIGRANTS", "4) Well-being of migrants",
        "Advancement of the socio-economic well-being of migrants and society",
        "Objective 1: Advance the socioeconomic well-being of migrants and society",
        "Bien-être des migrants", "Bienestar socioeconómico de los migrantes",
        "BIENESTAR SOCIOECONOMICO DE LOS MIGRANTES",
    ],
    "crises": [
        "Mobility dimensions of crises", "5. Mobility dimension of crises",
        "Domain 5 - Mobility dimension of crises", "5) Mobility dimensions of crises",
        "Effectively address the mobility dimensions of crises",
        "Objective 2: Effectively address the mobility dimensions of crises",
        "Aspects d’une crise relatifs à la mobilité", "Movilidad en situaciones de crisis",
    ],
    "safe-migration": [
        "Safe, orderly and regular migration", "6. Safe, orderly and dignified migration",
        "SAFE, ORDERLY AND DIGNIFIED MIGRATION", "Domain 6 - Safe, orderly and regular migration",
        "Ensure that migration takes place in a safe, orderly and dignified manner",
        "Objective 3: Ensure that migration takes place in a safe, orderly and dignified manner",
        "Migrations sûres, ordonnées et régulières", "Migración segura, ordenada y regular",
        "Migración segura, ordenada y digna",
    ],
}
STRENGTH_LABELS = [
    "Migration Governance: examples of well-developed areas",
    "Migration Governance: Examples of well-developed areas:",
    "Gouvernance des migrations : exemples de domaines bien développés",
    "Gobernanza de la migración: ejemplos de áreas bien desarrolladas",
]
GAP_LABELS = [
    "Areas with potential for further development",
    "Areas with potential for further development:",
    "Domaines pouvant être développés davantage",
    "Domaines présentant un potentiel de développement",
    "Áreas con potencial de desarrollo adicional",
    "Áreas con potencial para desarrollo",
]
MARKERS = ["Key findings", "Principales conclusions", "Resultados", None]
GLYPHS = ["•", "●", "▪", "◦", "-", "*", "–", ""]

ENGLISH_INTRO = """About the Migration Governance Indicators

The MGI help countries assess the comprehensiveness of their migration governance structures.

Migrants' rights
Migrants' rights

Indicators in this domain look at the extent to which migrants have access to social services.

Whole-of-government approach
Whole-of-government approach

Indicators in this domain assess institutional, legal and regulatory frameworks.

Partnerships
Partnerships

This domain focuses on efforts to cooperate on migration-related issues with other States.

Well-being of migrants
Well-being of migrants

This domain includes indicators on policies for managing migrants' socioeconomic well-being.

Mobility dimensions of crises
Mobility dimensions of crises

This domain studies the type and level of preparedness of countries facing crises.

Safe, orderly and regular migration
Safe, orderly and regular migration

This domain analyses the approach to border control and enforcement.
"""


@dataclass(frozen=True)
class Dress:
    headings: tuple[int, ...] = (0, 0, 0, 0, 0, 0)  # index into HEADINGS[key], per domain
    order: tuple[int, ...] = (0, 1, 2, 3, 4, 5)
    strength_label: int = 0
    gap_label: int = 0
    wrap_labels: bool = False
    marker: int = 0
    glyph: int = 0
    blank_lines: bool = True
    wrap: int | None = None  # hard-wrap findings at this width, as text copied from a PDF
    flush: bool = False  # wrapped lines start at the margin rather than under the text
    intro: str = "none"  # none, french, english
    newline: str = "\n"
    encoding: str = "utf-8"
    odd_spaces: bool = False  # tabs for indentation, non-breaking and zero-width spaces
    title: str = "Migration Governance Profile: Republic of Testland"
    date: str = "2023 Décembre"


KEYS = list(HEADINGS)


def write(findings: dict[str, tuple[list[str], list[str]]], dress: Dress,
          french_intro: str = "") -> bytes:
    """The text of a profile with these findings (domain key -> (strengths, gaps))."""
    blank = [""] if dress.blank_lines else []
    lines: list[str] = []
    if dress.intro == "french":
        lines += french_intro.splitlines() + blank
    elif dress.intro == "english":
        lines += ENGLISH_INTRO.splitlines() + blank
    marker = MARKERS[dress.marker]
    for number in dress.order:
        key = KEYS[number]
        if marker:
            lines.append(marker)
        lines += [_pick(HEADINGS[key], dress.headings[number])] + blank
        strengths, gaps = findings[key]
        for label, items in ((_pick(STRENGTH_LABELS, dress.strength_label), strengths),
                             (_pick(GAP_LABELS, dress.gap_label), gaps)):
            lines += _label(label, dress.wrap_labels) + blank
            for item in items:
                lines += _item(item, dress)
            lines += blank
    lines += [dress.date] + blank + [dress.title]
    text = dress.newline.join(lines) + dress.newline
    codec = codecs.lookup(dress.encoding).name
    data = text.encode(dress.encoding)
    return codecs.BOM_UTF16_LE + data if codec == "utf-16-le" else data


def _pick(options: list[str], index: int) -> str:
    return options[index % len(options)]


def _label(label: str, wrap: bool) -> list[str]:
    if not wrap:
        return [label]
    words = label.split()
    half = max(1, len(words) - 2)
    return [" ".join(words[:half]), " ".join(words[half:])]


def _item(text: str, dress: Dress) -> list[str]:
    glyph = _pick(GLYPHS, dress.glyph)
    indent = "\t" if dress.odd_spaces else "  "
    first = f"{indent}{glyph} " if glyph else indent
    if dress.odd_spaces:
        text = text.replace(" the ", " the\u00a0", 1).replace("ion", "i\u200bon", 1)
    if dress.wrap is None:
        return [first + text]
    later = "" if dress.flush else " " * (len(first.expandtabs(4)) + (0 if glyph else 4))
    lines = textwrap.wrap(text, dress.wrap, break_long_words=False, break_on_hyphens=False)
    lines = _keep_dashes_on_previous_line(lines)
    return [first + lines[0]] + [later + line for line in lines[1:]]


def _keep_dashes_on_previous_line(lines: list[str]) -> list[str]:
    """A line may not start with a dash or a bare number, nor end with a hyphen that the text
    follows with a space ("old- age"): where the text itself is ambiguous, no reader can tell."""
    kept: list[str] = []
    for line in lines:
        if kept and (line[:1] in "-–—*" or line.strip(".").isdigit() or kept[-1][-1:] == "-"):
            kept[-1] += " " + line
        else:
            kept.append(line)
    return kept
