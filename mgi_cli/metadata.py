"""A profile's metadata from its title, date line and introduction.

Titles come in the shapes IOM publishes, in English, French and Spanish:
"Migration Governance Second Profile: The Kyrgyz Republic (Kyrgyzstan)",
"Local Migration Governance Indicators Profile 2019 | City of Montréal",
"Indicadores de Gobernanza de la Migración Segundo Informe 2022 | Honduras".
Countries and their ISO codes come from pycountry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mgi_cli.text import fold, slugify

_TITLE = re.compile(r"\b(profile|profil|perfil|informe|report)\b")
_GOVERNANCE = re.compile(r"\b(governance|gouvernance|gobernanza)\b")
_LOCAL_TITLE = re.compile(r"\blocal\b")
_EDITIONS = (
    (re.compile(r"\b(second|2nd|segundo|segunda|deuxieme|2e|2eme)\b"), 2),
    (re.compile(r"\b(third|3rd|tercer|tercera|troisieme|3e|3eme)\b"), 3),
)
# Words that name a local administration before its place name ("County of Mombasa").
_LOCAL_PREFIX = re.compile(
    r"^(the )?((metropolitan |municipal )?(city|county|municipality|district|province|region"
    r"|governorate|prefecture|canton|town|borough|state|area|department)"
    r"|ville|commune|municipalite|departement|district|province|region|canton"
    r"|ciudad|municipio|municipalidad|distrito|provincia|departamento|alcaldia|canton|comuna"
    r"|estado|gobernacion|region)( metropolitana?)? (of|de la|de|du|des|del) ",
)
_STATE_FORMS = re.compile(
    r"^(the )?((federal|islamic|democratic|people s|plurinational|bolivarian|socialist|"
    r"united|cooperative|argentine|arab|hashemite|oriental|sovereign) )*"
    r"(republic|kingdom|state|states|commonwealth|federation|principality|sultanate|emirates"
    r"|republique|royaume|etat|republica|reino|estado)( of| de| du| de la| del)? (the )?"
)

_MONTHS = {
    1: ("january", "janvier", "enero"),
    2: ("february", "fevrier", "febrero"),
    3: ("march", "mars", "marzo"),
    4: ("april", "avril", "abril"),
    5: ("may", "mai", "mayo"),
    6: ("june", "juin", "junio"),
    7: ("july", "juillet", "julio"),
    8: ("august", "aout", "agosto"),
    9: ("september", "septembre", "septiembre", "setiembre"),
    10: ("october", "octobre", "octubre"),
    11: ("november", "novembre", "noviembre"),
    12: ("december", "decembre", "diciembre"),
}
_ABBREVIATIONS = {"ene": 1, "avr": 4, "ago": 8, "dic": 12, "fev": 2, "juil": 7}
_YEAR = r"((?:19|20)\d{2})"
_MONTH = r"([a-z]{3,10})\.?"
_DATES = (
    re.compile(rf"^{_YEAR} {_MONTH}$"),  # 2023 Décembre
    re.compile(rf"^{_MONTH},? (?:de )?{_YEAR}$"),  # Octubre de 2021, December 2023
    re.compile(rf"^\d{{1,2}}(?:er)? (?:de )?{_MONTH},? (?:de )?{_YEAR}$"),  # 15 Oct 2020
    re.compile(rf"^{_YEAR}$"),
    re.compile(rf"^{_YEAR}-(\d{{2}})(?:-\d{{2}})?$"),
)


@dataclass(frozen=True)
class Place:
    """Who a profile is about, as read from its title and introduction."""

    name: str
    id: str
    level: str
    country: str | None
    country_code: str | None
    aliases: tuple[str, ...]


def is_title(line: str) -> bool:
    """'Migration Governance Profile: Republic of Kazakhstan' and its published variants."""
    if len(line) > 300:
        return False
    text = fold(line)
    return bool(
        _TITLE.search(text) and _GOVERNANCE.search(text) and re.search(r"[:|]", line)
    ) and len(line.split()) <= 30


def title_subject(title: str) -> str:
    """The place a title names: the text after its last '|' or its first ':'."""
    subject = title.rsplit("|", 1)[1] if "|" in title else title.split(":", 1)[-1]
    return subject.strip(" .")


def edition(title: str) -> int:
    text = fold(title)
    return next((number for pattern, number in _EDITIONS if pattern.search(text)), 1)


def parse_date(line: str) -> str | None:
    """'2023 Décembre' -> '2023-12'; '19 juil 2021' -> '2021-07'; '2019' -> '2019'."""
    if len(line) > 40:
        return None
    text = re.sub(r"\s+", " ", fold(line).strip())
    for pattern in _DATES:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groups()
        year = next(g for g in groups if re.fullmatch(_YEAR, g))
        rest = [g for g in groups if g != year]
        if not rest:
            return year
        month = int(rest[0]) if rest[0].isdigit() else month_number(rest[0])
        if month and 1 <= month <= 12:
            return f"{year}-{month:02d}"
    return None


def month_number(word: str) -> int | None:
    """A month in English, French or Spanish, full or abbreviated to three letters or more."""
    if word in _ABBREVIATIONS:
        return _ABBREVIATIONS[word]
    found = {n for n, names in _MONTHS.items() for name in names if name.startswith(word)}
    return found.pop() if len(word) >= 3 and len(found) == 1 else None


def title_year(title: str) -> str | None:
    match = re.search(_YEAR, title)
    return match.group(1) if match else None


def describe_place(title: str, introduction: str) -> Place:
    """Name, id, level and country of the place a profile is about."""
    subject = title_subject(title)
    short = _parenthetical(subject)
    name = re.sub(r"^the\s+", "", re.sub(r"\s*\([^)]*\)\s*$", "", subject), flags=re.I)
    country = None if _LOCAL_TITLE.search(fold(title)) else find_country(short or name)
    if country is None and short is None:
        country = find_country(_STATE_FORMS.sub("", fold(name)))
    if country is not None:
        common = getattr(country, "common_name", None) or country.name.split(",")[0]
        aliases = (name, short or "", common, country.name, country.alpha_3)
        return Place(
            name, slugify(short or common), "national", country.name, country.alpha_3,
            tuple(a for a in aliases if a),
        )
    local = _LOCAL_PREFIX.search(fold(name)) or _LOCAL_TITLE.search(fold(title))
    prefix = _LOCAL_PREFIX if local else _STATE_FORMS
    place = prefix.sub("", fold(name if local else short or name))
    home = _local_country(name, introduction) if local else None
    return Place(
        name,
        slugify(place) or "profile",
        "local" if local else "national",
        home.name if home else None,
        home.alpha_3 if home else None,
        tuple(a for a in (name, short or "") if a),
    )


def _parenthetical(text: str) -> str | None:
    match = re.search(r"\(([^)]+)\)\s*$", text)
    return match.group(1).strip() if match else None


def _local_country(name: str, introduction: str) -> object | None:
    """The country a local profile's introduction names: 'County of Mombasa (Kenya)'."""
    for candidate in re.findall(r"\(([^)]{2,60})\)", introduction):
        country = find_country(candidate)
        if country is not None:
            return country
    return None


def find_country(text: str) -> object | None:
    """A pycountry country by name, official name, common name or code, ignoring accents."""
    key = re.sub(r"[^\w]+", " ", fold(text)).strip()
    key = re.sub(r"^the ", "", key)
    return _countries_by_folded_name().get(key)


@lru_cache(maxsize=1)
def _countries_by_folded_name() -> dict[str, object]:
    import pycountry

    table: dict[str, object] = {}
    for country in pycountry.countries:
        names = [country.alpha_3, country.name, country.name.split(",")[0]]
        names += [getattr(country, a, "") for a in ("common_name", "official_name")]
        for name in filter(None, names):
            key = re.sub(r"[^\w]+", " ", fold(name)).strip()
            table.setdefault(re.sub(r"^the ", "", key), country)
    return table
