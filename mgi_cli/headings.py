"""Heading normalization: what domain a heading names, however IOM writes it.

Headings map by meaning, never by number: the Kazakhstan profile numbers well-being
"Domain 3". A heading is stripped of its numbering ("Domain 2 -", "DOMAIN 3:", "4.", "5)",
"Principle 3:"), folded (case, accents, apostrophes) and matched against each domain's phrases
(domains.py). A heading that matches no domain maps to nothing; one that names two or more
("Migrants' rights and well-being") maps to none of them by meaning: the parser reports which
it names, and places it by its number or not at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mgi_cli.domains import BY_KEY, DOMAINS
from mgi_cli.model import Domain
from mgi_cli.text import fold

# Numbering that precedes a heading: "Domain 2 -", "DOMAIN 3:", "4.", "5)", "Principle 3:",
# "Objective 1 -", "Domaine 2 :", "Dominio 5.", "Domain one:".
_NUMBER = r"(?:\d{1,2}|[ivx]{1,4}|one|two|three|four|five|six)"
_PREFIX = re.compile(
    rf"^\s*(?:(?:domains?|domaines?|dominios?|principles?|principes?|principios?|"
    rf"objectives?|objectifs?|objetivos?|pillars?|piliers?|pilares?)\s*{_NUMBER}?"
    rf"|{_NUMBER}(?=\s*[.:)\-–—|]))\s*[.:)\-–—|]*\s*"
)
MAX_HEADING_WORDS = 24  # "Domaine 2 : Formulation de politiques fondées sur des données ..."
MAX_HEADING_CHARS = 300
# The EIU's 2016 Migration Governance Index spelled its five domains out ("Domain one:
# institutional capacity"); IOM's MGI numbers in digits. Such headings are reported, not mapped.
_OTHER_INDEX = re.compile(r"^\s*domain (one|two|three|four|five)\b")


def strip_numbering(heading: str) -> str:
    """'Domain 3: Well-being' -> 'well-being' (folded)."""
    return _PREFIX.sub("", fold(heading), count=1)


def has_numbering(heading: str) -> bool:
    """Whether a line starts with a domain number ("Domain 2 -", "4.", "Principle 3:")."""
    match = _PREFIX.match(fold(heading[:60]))
    return bool(match and match.group(0).strip())


# The number a heading carries, read as MGI numbers its domains: "Domaine 2", "Dominio 2",
# "Domain 2", "2." and "II." count as written; MiGOF's three principles are domains 1-3 and
# its three objectives domains 4-6. Spelled-out numbers are the EIU's, not MGI's.
_NUMBERED = re.compile(
    r"^\s*(?:(domains?|domaines?|dominios?|ambitos?|principles?|principes?|principios?"
    r"|objectives?|objectifs?|objetivos?)\s*(\d{1,2}|[ivx]{1,4})\b"
    r"|(\d{1,2}|[ivx]{1,4})\s*[.:)\-–—|])"
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def heading_number(heading: str) -> Domain | None:
    """The domain a heading's number names, when it carries one ("Domaine 2 : ..." -> 2)."""
    match = _NUMBERED.match(fold(heading[:60]))
    if not match:
        return None
    word, digits = match.group(1) or "", match.group(2) or match.group(3)
    number = int(digits) if digits.isdigit() else _ROMAN.get(digits, 0)
    if word.startswith("obje"):
        number = number + 3 if 1 <= number <= 3 else 0
    elif word.startswith("princ") and number > 3:
        number = 0
    return DOMAINS[number - 1].domain if 1 <= number <= len(DOMAINS) else None


def normalize_heading(heading: str) -> str | None:
    """The key of the domain a heading names, or None when it names none or several."""
    keys = heading_domains(heading)
    return keys[0] if len(keys) == 1 else None


@lru_cache(maxsize=4096)  # asked of a line by the classifier and again by the parser
def heading_domains(heading: str) -> tuple[str, ...]:
    """The keys of every domain a heading names, in MGI's order: one for most headings, two
    or more for a heading that names several ("Migrants' rights and well-being", "Droits et
    bien-être des migrants"), none for a heading or line that names no domain."""
    if len(heading) > MAX_HEADING_CHARS or _OTHER_INDEX.match(fold(heading)):
        return ()
    text = re.sub(r"[^\w]+", " ", strip_numbering(heading)).strip()
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return ()
    return tuple(key for key, pattern in _compiled_phrases() if pattern.search(text))


_COUNTS = ("no", "one", "two", "three", "four", "five", "six")


def naming(keys: tuple[str, ...]) -> str:
    """How a report names the domains a heading names: 'two domains, 1 (Migrants' rights)
    and 4 (Well-being of migrants)'."""
    names = [f"{BY_KEY[key].number} ({BY_KEY[key].name})" for key in keys]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    return f"{_COUNTS[len(keys)]} domain{'' if len(keys) == 1 else 's'}, {listed}"


@lru_cache(maxsize=1)
def _compiled_phrases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((i.domain.key, re.compile("|".join(i.phrases))) for i in DOMAINS)
