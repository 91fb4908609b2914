"""The six canonical MGI domains: number, key, name, what each covers, the aliases --domain
accepts, and the phrases IOM writes their headings in (the portal, the local profiles, MiGOF's
principles and objectives, the French and Spanish profiles), which headings.py matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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

def resolve_domain(query: str) -> Domain:
    """A domain from a key, a number 1-6, a name, a heading or an unambiguous fragment; or
    the unclassified block, by its name ("unclassified", "non classé", "sin clasificar")."""
    text = fold(query).strip()
    if text.isdigit() and 1 <= int(text) <= len(DOMAINS):
        return DOMAINS[int(text) - 1].domain
    from mgi_cli.headings import normalize_heading

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
