"""The six canonical MGI domains and every way IOM writes their headings.

Headings map by meaning, never by number: the Kazakhstan profile numbers well-being
"Domain 3". A heading is stripped of its numbering ("Domain 2 -", "DOMAIN 3:", "4.", "5)",
"Principle 3:"), folded (case, accents, apostrophes) and matched against the phrases below,
which come from the forms IOM has published: the portal, the local profiles, MiGOF's principles
and objectives, and the French and Spanish profiles. A heading that matches no domain maps to
nothing; one that names two or more ("Migrants' rights and well-being") maps to none of them
by meaning: the parser reports which it names, and places it by its number or not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mgi_cli.errors import MgiError
from mgi_cli.model import Domain
from mgi_cli.text import fold


@dataclass(frozen=True)
class DomainInfo:
    """A canonical domain with what users may type for it and what it covers."""

    domain: Domain
    aliases: tuple[str, ...]  # short forms accepted by --domain
    phrases: tuple[str, ...]  # regexes over a folded heading, English, French, Spanish
    national: str  # what the domain covers in a national profile
    local: str  # ... and in a local one


DOMAINS: tuple[DomainInfo, ...] = (
    DomainInfo(
        Domain("migrants-rights", 1, "Migrants' rights"),
        ("rights", "migrants-rights", "droits", "derechos"),
        (
            r"\brights?\b",
            r"\bdroits?\b",
            r"\bderechos?\b",
            r"\binternational standards\b",
            r"\bnormes internationales\b",
            r"\bnormas internacionales\b",
        ),
        "Migrants' access to health, education and social security; family reunification, "
        "work, residence and citizenship.",
        "Migrants' access to the city's social services (health, education, housing) and "
        "measures for integration and access to work.",
    ),
    DomainInfo(
        Domain("whole-of-government", 2, "Whole-of-government approach"),
        ("government", "whole-of-government", "wog", "gouvernement", "gobierno"),
        (
            r"\bwhole of (the )?government\b",
            r"\bwhole government\b",
            r"\bensemble du gouvernement\b",
            r"\bgouvernement dans son ensemble\b",
            r"\bpangouvernementale?\b",
            r"\bgobierno integral\b",
            r"\bintegral de gobierno\b",
            r"\bgobierno en su conjunto\b",
            r"\bconjunto del gobierno\b",
        ),
        "Institutional, legal and regulatory frameworks, national migration strategies, "
        "coherence across government, and migration data.",
        "The city's institutional framework for migration, local strategies, transparency "
        "and coordination with other levels of government.",
    ),
    DomainInfo(
        Domain("partnerships", 3, "Partnerships"),
        ("partnerships", "partners", "partenariats", "alianzas"),
        (
            r"\bpartnerships?\b",
            r"\bpartners\b",
            r"\bpartenariats?\b",
            r"\bpartenaires\b",
            r"\balianzas?\b",
            r"\bcolaboracion(es)?\b",
            r"\basociaciones\b",
        ),
        "Cooperation with other states, civil society and the private sector; regional "
        "consultative processes and international conventions.",
        "The city's cooperation with the national government, other cities, civil society "
        "and the private sector.",
    ),
    DomainInfo(
        Domain("well-being", 4, "Well-being of migrants"),
        ("wellbeing", "well-being", "bien-etre", "bienestar", "socioeconomic"),
        (r"\bwell ?being\b", r"\bbien etre\b", r"\bbienestar\b"),
        "Socioeconomic well-being: recognition of qualifications, student and labour "
        "migration, ethical recruitment, diaspora and remittances.",
        "International students, access to the labour market and decent work for migrant "
        "workers, diaspora engagement and remittances.",
    ),
    DomainInfo(
        Domain("crises", 5, "Mobility dimensions of crises"),
        ("crisis", "crises", "mobility", "crise"),
        (r"\bcrisis\b", r"\bcrises?\b"),
        "Preparedness for the mobility dimensions of disasters, environmental change and "
        "conflict, for nationals and non-nationals alike.",
        "The city's preparedness for crises and the help open to migrants during and after "
        "a disaster.",
    ),
    DomainInfo(
        Domain("safe-migration", 6, "Safe, orderly and regular migration"),
        ("safe", "safe-migration", "orderly", "regular", "dignified", "segura", "sures"),
        (
            r"\bsafe\b.*\borderly\b",
            r"\bsafe migration\b",
            r"\bsure?s?\b.*\bordonnees?\b",
            r"\bsegura\b.*\bordenada\b",
            r"\bordenada\b.*\b(regular|digna)\b",
        ),
        "Border management, admission, preparedness for large and unexpected flows, "
        "trafficking and smuggling, and return and reintegration.",
        "Migrants' safety in the city, return and reintegration, and the fight against "
        "trafficking in persons.",
    ),
)

UNCLASSIFIED = Domain("unclassified", 0, "Unclassified")
BY_KEY = {info.domain.key: info.domain for info in DOMAINS}
# What --domain accepts for the findings under headings that name no domain: a block a
# profile may have after its six, so it is asked for by name (in MGI's three languages),
# never by a number, which is MGI's.
UNCLASSIFIED_ALIASES = ("unclassified", "non classé", "non classés", "sin clasificar",
                        "no clasificado", "no clasificados")

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


def resolve_domain(query: str) -> Domain:
    """A domain from a key, a number 1-6, a name, a heading or an unambiguous fragment; or
    the unclassified block, by its name ("unclassified", "non classé", "sin clasificar")."""
    text = fold(query).strip()
    if text.isdigit() and 1 <= int(text) <= len(DOMAINS):
        return DOMAINS[int(text) - 1].domain
    key = normalize_heading(query) if text else None
    if key:
        return BY_KEY[key]
    squashed = _squash(text)
    matches = [domain for domain, names in _searchable() if squashed and squashed in names]
    if len(matches) == 1:
        return matches[0]
    choices = ", ".join(f"{d.domain.number} {d.domain.key}" for d in DOMAINS)
    raise MgiError(f"Unknown domain {query!r}. Choose one of: {choices}, or "
                   f"{UNCLASSIFIED.key} (findings under headings that name no domain).")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def _searchable() -> list[tuple[Domain, str]]:
    """Each domain, and the unclassified block, with every name it answers to, squashed."""
    entries = [(i.domain, (i.domain.key, i.domain.name, *i.aliases)) for i in DOMAINS]
    entries.append((UNCLASSIFIED, (UNCLASSIFIED.key, *UNCLASSIFIED_ALIASES)))
    return [(domain, " ".join(_squash(n) for n in names)) for domain, names in entries]
