"""Dates as MGI profiles write them, in English, French and Spanish: "2023 Décembre",
"Octubre de 2021", "15 juil 2021", "2019" -> "YYYY-MM" or "YYYY".
"""

from __future__ import annotations

import re

from mgi_cli.text import fold

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


