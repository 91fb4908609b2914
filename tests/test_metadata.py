"""Titles, dates and places in the shapes IOM publishes."""

from __future__ import annotations

import pytest

from mgi_cli.labels import list_label
from mgi_cli.metadata import describe_place, edition, is_title, parse_date

TITLES = [
    ("Migration Governance Profile: Republic of Kazakhstan",
     "kazakhstan", "national", "KAZ", 1),
    ("Migration Governance Second Profile: The Kyrgyz Republic (Kyrgyzstan)",
     "kyrgyzstan", "national", "KGZ", 2),
    ("Migration Governance Indicators Profile 2019 | The Republic of Costa Rica",
     "costa-rica", "national", "CRI", 1),
    ("Local Migration Governance Indicators Profile 2019 | City of Montréal",
     "montreal", "local", None, 1),
    ("Indicateurs de gouvernance des migrations | Profil 2021 | Burkina Faso",
     "burkina-faso", "national", "BFA", 1),
    ("Indicadores de Gobernanza de la Migración a nivel local Perfil 2021 | Municipio de Villa "
     "del Rosario", "villa-del-rosario", "local", None, 1),
    ("Indicadores de Gobernanza de la Migración Segundo Informe 2022 | Honduras",
     "honduras", "national", "HND", 2),
    ("Migration Governance Profile: County of Mombasa", "mombasa", "local", None, 1),
    ("Migration Governance Profile: Municipality of La Cruz", "la-cruz", "local", None, 1),
    ("Migration Governance Profile: State of Libya", "libya", "national", "LBY", 1),
    ("Migration Governance Profile: The Gambia", "gambia", "national", "GMB", 1),
    ("Migration Governance Profile: Côte d’Ivoire", "cote-d-ivoire", "national", "CIV", 1),
]


@pytest.mark.parametrize(("title", "profile_id", "level", "code", "number"), TITLES)
def test_titles(title, profile_id, level, code, number):
    assert is_title(title)
    place = describe_place(title, "")
    assert (place.id, place.level, place.country_code, edition(title)) == (
        profile_id, level, code, number)


def test_local_country_comes_from_the_introduction():
    place = describe_place("Migration Governance Profile: County of Mombasa",
                           "This local Profile describes the County of Mombasa (Kenya) ...")
    assert (place.country, place.country_code) == ("Kenya", "KEN")


@pytest.mark.parametrize(
    "line",
    ["Indicateurs de gouvernance des migrations (IGM)", "Key findings",
     "The Migration Governance Indicators (MGI) initiative is a policy-benchmarking programme."],
)
def test_not_titles(line):
    assert not is_title(line)


@pytest.mark.parametrize(
    ("line", "date"),
    [("2023 Décembre", "2023-12"), ("2018 Mai", "2018-05"), ("Octubre de 2021", "2021-10"),
     ("15 Oct 2020", "2020-10"), ("19 juil 2021", "2021-07"), ("2019", "2019"),
     ("December 2023", "2023-12"), ("1er mars 2022", "2022-03"), ("2022-11-03", "2022-11"),
     ("3 de septiembre de 2020", "2020-09"), ("Setiembre 2019", "2019-09")],
)
def test_dates(line, date):
    assert parse_date(line) == date


@pytest.mark.parametrize("line", ["1", "Ma 2020", "2023 Foo", "In 2020 the law changed."])
def test_not_dates(line):
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Migration Governance: examples of well-developed areas", "strengths"),
        ("Migration Governance: Examples of well-developed areas:", "strengths"),
        ("Gouvernance des migrations : exemples de domaines bien développés", "strengths"),
        ("Gobernanza de la migración: ejemplos de áreas bien desarrolladas", "strengths"),
        ("Areas with potential for further development", "gaps"),
        ("Domaines pouvant être développés davantage", "gaps"),
        ("Domaines présentant un potentiel de développement", "gaps"),
        ("Áreas con potencial de desarrollo adicional", "gaps"),
        ("Áreas con potencial para desarrollo", "gaps"),
        ("Providing training is an area with potential for development.", None),
        ("Key findings", None),
    ],
)
def test_list_labels(line, kind):
    assert list_label(line) == kind
