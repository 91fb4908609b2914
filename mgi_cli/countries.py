"""Countries by any of their names: English, French or Spanish, official or common, with or
without accents, or misspelt by one letter; and their ISO 3166 codes.

Names, codes and translations come from pycountry and the translations it ships (imported on
the first lookup only: a run served from the cache never pays for it).
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from typing import Protocol

from mgi_cli.text import fold


class Country(Protocol):
    """A pycountry country, as far as mgi reads one."""

    @property
    def name(self) -> str: ...

    @property
    def alpha_3(self) -> str: ...


NEAR_NAME_LENGTH = 8  # a country name this long or longer may be misspelt by one letter


def english_name(country: Country) -> str:
    """The short English name: 'Bolivia' for 'Bolivia, Plurinational State of', but 'Democratic
    Republic of the Congo' for 'Congo, The Democratic Republic of the', as 'Congo' is another
    country."""
    common: str | None = getattr(country, "common_name", None)
    if common:
        return common
    name = country.name
    head, _, tail = name.partition(",")
    if not tail or exact_country(head) is country:
        return head
    return re.sub(r"^the\s+", "", f"{tail.strip()} {head}", flags=re.I)


def find_country(text: str) -> Country | None:
    """A pycountry country by its name, official name, common name or code, in English,
    French or Spanish, ignoring case and accents, or by a long name misspelt by one letter."""
    key = _key(text)
    if not key:
        return None
    table = _countries_by_folded_name()
    if (found := table.get(key)) is not None or len(key) < NEAR_NAME_LENGTH:
        return found
    return _near_country(key, table)


def exact_country(text: str) -> Country | None:
    """A country by one of its names exactly (not a code, not a misspelling): whether a
    place is named after its country."""
    key = _key(text)
    found = _countries_by_folded_name().get(key)
    return found if found is not None and key != found.alpha_3.lower() else None


def _near_country(key: str, table: dict[str, Country]) -> Country | None:
    """The one country with a name one letter away: IOM writes 'República Kirguisa' where
    ISO 3166 has 'República Kirguiza'. None when two countries are that near."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    near = process.extract(key, list(table), scorer=Levenshtein.distance, score_cutoff=1,
                           limit=None)
    found = {id(table[name]): table[name] for name, _, _ in near}
    return next(iter(found.values())) if len(found) == 1 else None


def _key(name: str) -> str:
    """A name as the country table holds it: folded, words only, no leading 'the' or 'l''."""
    return re.sub(r"^(the|l) ", "", re.sub(r"[^\w]+", " ", fold(name)).strip())


# Words of country names that name no country alone ("Republic of ...", "United ...").
_GENERIC_NAME_WORDS = set("""
    republic republique republica united unidos unis states etats estados kingdom royaume reino
    islands island iles islas democratic democratique democratica federal federale federation
    federative state etat estado saint sainte santa north south northern southern nord sud norte
    territory territoire territorio plurinational plurinacional people peuple popular populaire
    socialist socialiste socialista islamic islamique islamica emirates union outlying minor
    british french french kingdom principality principaute principado grand duchy commonwealth
    sovereign order bolivarian bolivariana bolivarienne arab arabe province provincia
    central eastern western occidental oriental independent independant independiente ocean
    part pays paises menores mineures marin isla isle christmas navidad reunion territories
    territorios federados confederation confederacion ultramarinas sandwich unida unido unie
    verde vert cabo costa rica rico sierra leone pierre martin vincent lucia helena elena pedro
    tome bajos heard turks cook jersey norfolk mayen keeling marino caribe america american
    americaines amerique darussalam sultanate sultanat sultanato hachemi hachemite hashemite
    helvetique helenica hellenic administrative administrativa special especial region
""".split())


def country_words() -> set[str]:
    """The folded words of every country's names (English, French, Spanish) that name a
    country on their own ("kazakhstan", "belarus", "turkmenistan"): place names, which say
    nothing of whether two findings are about the same thing."""
    return {word for name in _countries_by_folded_name() for word in name.split()
            if len(word) >= 5 and word not in _GENERIC_NAME_WORDS}


@lru_cache(maxsize=1)
def _countries_by_folded_name() -> dict[str, Country]:
    """Every country by its English, French and Spanish names (pycountry's own translations),
    each also with its comma turned round ('Bolivia, Estado plurinacional de' -> 'Estado
    plurinacional de Bolivia'), and its alpha-3 code.

    Built on the first lookup (about 7 ms after pycountry's own 45 ms import, once per process
    that parses a profile; a run served from the cache never builds it). A full name always
    wins over the short form before a comma ('Congo' is the Republic of the Congo, not
    'Congo, The Democratic Republic of the'), and a short form two countries share ('Korea')
    names neither.
    """

    import pycountry

    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in ("fr", "es")
    ]
    table: dict[str, Country] = {}
    shorts: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for name in _names(country, translations):
            head, _, tail = name.partition(",")
            forms = (name, f"{tail.strip()} {head}") if tail else (name,)
            for form in forms:
                table.setdefault(_key(form), country)
            if tail:
                shorts.setdefault(_key(head), set()).add(country.alpha_3)
    for country in pycountry.countries:
        table.setdefault(_key(country.alpha_3), country)
    for key, codes in shorts.items():
        found = pycountry.countries.get(alpha_3=codes.pop()) if len(codes) == 1 else None
        if found is not None:
            table.setdefault(key, found)
    return table


def _names(country: Country, translations: list[gettext.NullTranslations]
           ) -> dict[str, None]:
    """A country's English name, official and common names, and their translations."""
    names: list[str | None] = [getattr(country, a, None)
                               for a in ("name", "official_name", "common_name")]
    english = [name for name in names if name]
    return dict.fromkeys([*english, *(t.gettext(n) for t in translations for n in english)])

