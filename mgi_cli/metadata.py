"""A profile's metadata from its title, date line and introduction.

Titles come in the shapes IOM publishes, in English, French and Spanish:
"Migration Governance Second Profile: The Kyrgyz Republic (Kyrgyzstan)",
"Local Migration Governance Indicators Profile 2019 | City of Montréal",
"Indicadores de Gobernanza de la Migración Segundo Informe 2022 | Honduras", and as saved
pages and PDF headers name them ("Republic of Kazakhstan | Migration data portal",
"REPUBLIC OF KAZAKHSTAN | PROFILE 2018"). Countries are looked up in countries.py, dates
read in dates.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mgi_cli.countries import Country, english_name, exact_country, find_country

# Re-exported: similarity.py asks metadata for country_words; parse_date and title_year
# lived here before dates.py.
from mgi_cli.countries import country_words as country_words
from mgi_cli.dates import parse_date as parse_date
from mgi_cli.dates import title_year as title_year
from mgi_cli.text import fold, slugify

_TITLE = re.compile(r"\b(profile|profil|perfil|informe|report)\b")
_GOVERNANCE = re.compile(r"\b(governance|gouvernance|gobernanza)\b")
_LOCAL_TITLE = re.compile(r"\b(local|locale|locales|locaux)\b")
_EDITIONS = (
    (re.compile(r"\b(second|2nd|segundo|segunda|deuxieme|2e|2eme)\b"), 2),
    (re.compile(r"\b(third|3rd|tercer|tercera|troisieme|3e|3eme)\b"), 3),
)
# A title's parts: "Indicateurs ... | Profil 2021 | Burkina Faso", "Migration Governance
# Profile: Kenya - IOM". Hyphens join words ("Guinea-Bissau") and a colon must be followed
# by a space (":heart:" is text): only a spaced dash, a "|" or ": " separates.
_SEPARATOR = re.compile(r"(\s*(?:\||:\s|\s[-–—]\s)\s*)")
# A part that names the site or organisation a page was saved from, never a profile's place.
_SITE = re.compile(
    r"\b(iom|oim|un migration|onu migracion|onu migration"
    r"|international organi[sz]ation for migration"
    r"|organisation internationale pour les migrations"
    r"|organizacion internacional para las migraciones|migration data|donnees migratoires"
    r"|datos sobre migracion|portal|portail|publications?|publicaciones|bookstore|librairie"
    r"|libreria|platform|plateforme|plataforma|website|site web|sitio web)\b"
)
# MGI's own words in a title: a part that begins with them names its place after them
# ("MIGRATION GOVERNANCE INDICATORS REPUBLIC OF KAZAKHSTAN", "Perfil de la República de ...").
_MGI_WORDS = frozenset(
    "migration migrations migracion migraciones migratoire migratoires governance gouvernance "
    "gobernanza indicators indicator indicateurs indicadores profile profiles profil profils "
    "perfil perfiles informe report rapport summary resume resumen mgi igm edition edicion "
    "first second third premier premiere deuxieme troisieme primer primero segundo segunda "
    "tercer tercera".split()
)
_PREPOSITIONS = frozenset("of de du des del".split())
# The words of a title that name no place: a part made only of them and numbers ("Profile
# 2018", "Migration Governance Indicators (MGI)", "a nivel local: Perfil") is not the subject.
_TITLE_WORDS = _MGI_WORDS | _PREPOSITIONS | frozenset(
    "local locale locales locaux nivel level st nd rd th er e eme o a the la en on at and et y "
    "le les los las".split()
)
_ARTICLE_BEFORE_STATE = re.compile(
    r"^(the|la|le|el|l') ?(?=(republic|republique|republica|kingdom|royaume|reino|state|etat"
    r"|estado|principality|principaute|principado|sultanate|sultanat|sultanato|commonwealth"
    r"|federation|federacion)\b)"
)
# The kinds of local administration, in English, French and Spanish, each word with the
# English word that names its kind in an id ("Ciudad de México" -> "mexico-city"). The
# adjectives count: the "Gobierno Autónomo Municipal de La Paz" is a municipality.
_KINDS = {
    "city": "city ville ciudad cite",
    "county": "county comte condado",
    "municipality": "municipality municipalite municipio municipalidad municipal commune "
                    "comuna alcaldia mairie intendencia prefeitura",
    "district": "district distrito",
    "province": "province provincia provincial",
    "region": "region regional",
    "canton": "canton",
    "department": "department departement departamento departamental departemental",
    "governorate": "governorate gouvernorat gobernacion",
    "prefecture": "prefecture prefectura",
    "state": "state etat estado",
    "town": "town",
    "borough": "borough",
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words.split()}
# Words that stand beside a kind in an administration's name: "Distrito Metropolitano de
# Quito", "County Government of Mombasa", "Alcaldía Mayor de Bogotá".
_QUALIFIERS = (
    "metropolitan metropolitana metropolitano metropolitaine autonomous autonoma autonomo "
    "autonome urban urbaine urbana urbano rural rurale mayor special especial capital federal "
    "government gobierno gouvernement council conseil concejo consejo local"
).split()
_LOCAL_WORD = "|".join(sorted({*_KIND_OF, *_QUALIFIERS}, key=len, reverse=True))
# "Municipio de Upala", "Ville d'Abidjan": only the preposition goes, so "Municipalidad de
# La Paz" is in "La Paz".
_LOCAL_PREFIX = re.compile(rf"^(?:(?:{_LOCAL_WORD}) )+(?:(?:of|de|du|des|del) |d')")
# English puts the kind after the place: "Mexico City", "Nairobi City County".
_LOCAL_SUFFIX = re.compile(
    r"^(.+?) (city|county|municipality|district|province|region|town|borough|prefecture"
    r"|governorate|department|state)$"
)
_STATE_FORMS = re.compile(
    r"^(the )?((federal|islamic|democratic|people s|plurinational|bolivarian|socialist|"
    r"united|cooperative|argentine|arab|hashemite|oriental|sovereign) )*"
    r"(republic|kingdom|state|states|commonwealth|federation|principality|sultanate|emirates"
    r"|republique|royaume|etat|republica|reino|estado)( of| de| du| de la| del)? (the )?"
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


def strip_site_name(title: str) -> str:
    """A page title without the site it was saved from ('Republic of Kazakhstan | Migration
    data portal' -> 'Republic of Kazakhstan'), so a profile is never named after the portal."""
    pieces = _SEPARATOR.split(title)
    while len(pieces) > 2 and _SITE.search(fold(pieces[-1])):
        del pieces[-2:]
    return "".join(pieces).strip()


def title_subject(title: str) -> str:
    """The place a title names: of its parts (between '|', ':' or a spaced dash, the site's
    name dropped), the last that is not only title words ('Profile 2018', 'Migration
    Governance Indicators'); a local administration before the country it lies in."""
    parts = _title_parts(title)
    places = [part for part in parts if not _is_filler(part)]
    local = [part for part in places if _local_form(_place_name(part))]
    return (local or places or parts or [""])[-1]


def _title_parts(title: str) -> list[str]:
    pieces = _SEPARATOR.split(strip_site_name(title))[::2]  # the separators are kept at odd places
    parts = (_after_mgi_words(piece.strip(" .")) for piece in pieces)
    return [part for part in parts if part]


def _after_mgi_words(part: str) -> str:
    """'Migration Governance Indicators Republic of Kazakhstan' -> 'Republic of Kazakhstan',
    'Perfil de la República de Kazajistán' -> 'la República de Kazajistán': the MGI words a
    part begins with, and a preposition after them, go when a name follows (an article may
    be the name's own: 'Perfil de La Paz')."""
    words = part.split()
    folded = [fold(word).strip(".,;()") for word in words]
    count = 0
    while count < len(words) and (folded[count] in _MGI_WORDS or folded[count].isdigit()):
        count += 1
    if 0 < count < len(words) - 1 and folded[count] in _PREPOSITIONS:
        count += 1
    return " ".join(words[count:]) if 0 < count < len(words) else part


def _is_filler(part: str) -> bool:
    """Whether a title part names no place: only title words and numbers, or a site."""
    text = fold(part)
    words = re.findall(r"[^\W\d_]+", text)
    return all(word in _TITLE_WORDS for word in words) or bool(_SITE.search(text))


def edition(title: str) -> int:
    text = fold(title)
    return next((number for pattern, number in _EDITIONS if pattern.search(text)), 1)


def describe_place(title: str, introduction: str) -> Place:
    """Name, id, level and country of the place a profile is about, in any of MGI's languages.

    A name that is a country's, in English, French or Spanish, with or without its state form
    ('The Republic of Costa Rica', 'State of Libya'), is that country; else a name with a
    kind of local administration ('Municipio de Upala', 'Mexico City'), or a title that says
    local, is a local profile; else the name in brackets may be a country's.
    """
    parts = _title_parts(title)
    subject = title_subject(title)
    short = _parenthetical(subject)
    name = _place_name(subject)
    says_local = bool(_LOCAL_TITLE.search(fold(strip_site_name(title))))
    country = None if says_local else (
        find_country(name) or find_country(_STATE_FORMS.sub("", fold(name))))
    local = None if country else _local_form(name)
    if country is None and local is None and not says_local:
        country = find_country(short or "")
    if country is not None:
        return _national(name, short, country)
    if local is not None or says_local:
        others = [part for part in parts if part != subject and not _is_filler(part)]
        return _local(name, short, local, others, introduction)
    place = _STATE_FORMS.sub("", fold(short or name))
    aliases = tuple(a for a in (name, short or "") if a)
    return Place(name, slugify(place) or "profile", "national", None, None, aliases)


def _place_name(subject: str) -> str:
    """'The Kyrgyz Republic (Kyrgyzstan)' -> 'Kyrgyz Republic'; 'la République du Kazakhstan'
    -> 'République du Kazakhstan'; an article that is part of a name stays ('La Paz')."""
    name = re.sub(r"^the\s+", "", re.sub(r"\s*\([^)]*\)\s*$", "", subject), flags=re.I)
    article = _ARTICLE_BEFORE_STATE.match(fold(name))
    return name[article.end():] if article else name  # articles fold to as many characters


def _national(name: str, short: str | None, country: Country) -> Place:
    """A country's profile: its id comes from the country's English name, so the French and
    Spanish profiles of a country share the English one's id."""
    common = english_name(country)
    code = country.alpha_3
    aliases = (name, short or "", common, country.name, code)
    unique = tuple(dict.fromkeys(a for a in aliases if a))
    return Place(name, slugify(common), "national", country.name, code, unique)


def _local(name: str, short: str | None, local: tuple[str, str] | None, others: list[str],
           introduction: str) -> Place:
    """A city's, county's or municipality's profile. Its id is its place ('Municipio de
    Upala' -> 'upala'), with its kind when the place is named after its country, so 'Mexico
    City' is never taken for Mexico ('mexico-city'; a title that says local but names no
    kind is taken for a city's, the commonest local profile)."""
    kind, place = local or (None, fold(name))
    head, _, tail = place.rpartition(", ")
    stated = find_country(tail) if head else None  # 'Municipio de Upala, Costa Rica'
    place = head if stated else place
    named_after = exact_country(place)
    home = stated or _home_country(short, others, introduction) or named_after
    ident = slugify(place) + (f"-{kind or 'city'}" if named_after else "")
    return Place(
        name, ident or "profile", "local", home.name if home else None,
        home.alpha_3 if home else None, tuple(a for a in (name, short or "") if a),
    )


def _home_country(short: str | None, others: list[str], introduction: str) -> Country | None:
    """The country a local profile lies in: the one its introduction names in brackets
    ('County of Mombasa (Kenya)'), else one another part of the title names, else the one in
    brackets after its name."""
    for candidate in (*re.findall(r"\(([^)]{2,60})\)", introduction), *others, short or ""):
        if (country := find_country(candidate)) is not None:
            return country
    return None


def _local_form(name: str) -> tuple[str, str] | None:
    """(kind, place), folded, of a local administration's name: 'Municipalidad de La Paz' ->
    ('municipality', 'la paz'), 'Mexico City' -> ('city', 'mexico'); None for other names."""
    text = fold(name).strip()
    prefix = _LOCAL_PREFIX.match(text)
    words = prefix.group().split() if prefix else []
    kinds = [_KIND_OF[word] for word in words if word in _KIND_OF]
    if prefix and kinds:
        return kinds[0], text[prefix.end():].strip()
    kind = None
    while suffix := _LOCAL_SUFFIX.match(text):
        text, kind = suffix.group(1), suffix.group(2)
    return (kind, text) if kind else None


def _parenthetical(text: str) -> str | None:
    match = re.search(r"\(([^)]+)\)\s*$", text)
    return match.group(1).strip() if match else None


