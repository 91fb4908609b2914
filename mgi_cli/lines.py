"""What one line of profile text is, on its own: the parser's first, pure step.

`classify` looks at a single line and says what it could be: a blank, a page number, a
section marker, a list label mgi can name, a bullet, a date, a title, a domain heading, a
short line (the shape of a heading or of a label mgi cannot name) or prose. What a line *is*
can also depend on its neighbours (a short line before a run of bullets is a label, a line
after an unfinished sentence continues it): that is the parser's part, which places each line
and says why.
"""

from __future__ import annotations

import re

from mgi_cli import headings, labels
from mgi_cli.dates import parse_date
from mgi_cli.metadata import is_title
from mgi_cli.text import fold

BLANK = "blank"
FURNITURE = "furniture"  # a running header or footer (see furniture.py)
PAGE_NUMBER = "page-number"
MARKER = "marker"  # "Key findings" and its kind
LABEL = "label"  # a list label whose meaning mgi can tell
BULLET = "bullet"  # a line that starts with a bullet glyph
CHROME = "chrome"  # a web page's or report's own text: "Download the profile (PDF)", "© IOM"
BACK_MATTER = "back-matter"  # the title of a report's closing section: "Sources", "Méthodologie"
FOOTNOTE = "footnote"  # "1 Based on the Migration Code, 2013.", at the foot of a PDF page
DATE = "date"
TITLE = "title"
HEADING = "heading"  # a short line that names a domain, or carries a domain number
SHORT = "short"  # short and not a sentence: a heading or label mgi cannot name, or prose
PROSE = "prose"

BULLET_GLYPH = re.compile(r"^\s*(?:\(cid:\d+\)|[•●▪◦▫■□‣⁃∙·○►▶➢✓\uf0b7\uf0a7*\-–—])\s*(?=\S)")
PAGE = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of|de|sur)\s*\d{1,3})?\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?;]['\"”’)\]]*$")
# A list item's number or letter: "1.", "2)", "(3)", "a)", "(b)", "c.", "(iv)".
ITEM_NUMBER = re.compile(r"^\s*(?:\(?(\d{1,2}|[a-z]|[ivx]{2,5})\)|(\d{1,2}|[a-z])\.)\s+(?=\S)")
# Lines a page or report carries around its findings, in English, French and Spanish.
_CHROME = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved|tous droits|todos los derechos"
    r"|(?:download|telecharger|descargar|print|imprimer|imprimir|share|partager|compartir)"
    r"(?:\s+(?:this|the|full|ce|cette|le|la|les|el|este|esta|pdf|report|profile)\b|\s*$)"
    r"|(?:back to top|retour en haut|volver arriba|read more|lire la suite|leer mas)\b"
    r"|(?:read|view|see|lire|voir|consulter|leer|ver|consultar)\s+(?:the |le |el )?(?:full "
    r"|complete )?(?:profile|report|profil|perfil|rapport|informe)(?: complet[oa]?)?$"
    r"|https?://\S+$|www\.\S+$)"
    r"|\((?:pdf|docx?)\b[^)]*\)$|\b\d+(?:[.,]\d+)?\s?[km]b\)?$"
    r"|^(?:home|menu|main menu|search|skip to (?:main )?content|accueil|aller au contenu"
    r"|rechercher|inicio|buscar|ir al contenido)$", re.I)
# A web page's footer, after the findings: its first line ends them ("Related profiles",
# "Contact", "Privacy policy", "Terms of use"); what follows it is the page's, not a list's.
_SITE_FOOTER = re.compile(
    r"^(?:related (?:profiles|pages|content|links)|see also|contact(?: us)?|privacy"
    r"(?: policy| notice| statement)?|terms (?:of use|and conditions|of service)"
    r"|cookies?(?: policy| settings| notice)?|site ?map|follow us|subscribe|newsletter"
    r"|legal notice|disclaimer|accessibility"
    r"|profils (?:associes|connexes|lies)|voir aussi|contact(?:ez-nous)?|nous contacter"
    r"|politique de confidentialite|conditions (?:d'utilisation|generales(?: d'utilisation)?)"
    r"|mentions legales|plan du site|suivez-nous|avis de non-responsabilite"
    r"|perfiles relacionados|ver tambien|vease tambien|contacto|contactenos|contactanos"
    r"|politica de privacidad|(?:terminos|condiciones) (?:de uso|y condiciones)|aviso legal"
    r"|mapa del sitio|siguenos)$")
# The title of a section after the findings, in English, French and Spanish ("Sources",
# "7. References", "Méthodologie", "Fuentes y metodología:"): it ends the findings.
_BACK_WORDS = (r"(?:sources?|references?|methodology|notes|end ?notes|bibliography|annex(?:es)?"
               r"|methodologie|bibliographie|annexes?|notes de fin|fuentes|referencias"
               r"|metodologia|bibliografia|notas|anexos?)")
_BACK_MATTER = re.compile(rf"^(?:(?:[ivx]+|\d{{1,2}})[.)]?\s+)?{_BACK_WORDS}"
                          rf"(?:\s+(?:and|et|y|&)\s+{_BACK_WORDS})?\s*:?$")
_FOOTNOTE = re.compile(r"^\d{1,3}\s+[A-ZÀ-Ý][a-zà-ÿ]+\b.*\S")


def classify(line: str) -> str:
    """The kind of one line, judged on its own (see the module docstring)."""
    text = line.strip()
    if not text:
        return BLANK
    if PAGE.match(text):
        return PAGE_NUMBER
    if labels.is_section_marker(text):
        return MARKER
    if is_chrome(text):
        return CHROME
    if len(text) <= 40 and _BACK_MATTER.match(fold(text)):
        return BACK_MATTER
    if BULLET_GLYPH.match(line):
        return BULLET
    if labels.list_label(text) and not headings.heading_number(text):
        return LABEL
    if parse_date(text):
        return DATE
    if is_title(text):
        return TITLE
    if is_heading_text(text) and (headings.normalize_heading(text)
                                  or headings.heading_number(text)):
        return HEADING
    if _FOOTNOTE.match(text) and not headings.heading_number(text):
        return FOOTNOTE
    return SHORT if labels.is_label_shaped(text) else PROSE


def is_heading_text(text: str) -> bool:
    """Short enough for a heading, and not a sentence."""
    return (len(text.split()) <= headings.MAX_HEADING_WORDS
            and not text.rstrip().endswith((".", ";", ",")))


def is_chrome(text: str, folded: str | None = None) -> bool:
    """A page's own words ("Download the full profile (PDF, 2 MB)", "Share this page", "© IOM
    2021", a bare address, "Privacy policy"): short, and never a finding."""
    if len(text) > 80 or SENTENCE_END.search(text):
        return False
    folded = fold(text) if folded is None else folded
    return bool(_CHROME.search(folded)) or closes_findings(text, folded)


def closes_findings(text: str, folded: str | None = None) -> bool:
    """The first line of a web page's footer ("Related profiles", "Privacy policy",
    "Términos de uso"), which ends the findings."""
    if len(text) > 40:
        return False
    folded = fold(text) if folded is None else folded
    return bool(_SITE_FOOTER.match(folded.rstrip(" :")))
