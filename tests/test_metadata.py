"""Titles, dates and places in the shapes IOM publishes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mgi_cli.countries import find_country
from mgi_cli.dates import parse_date
from mgi_cli.labels import list_label
from mgi_cli.metadata import describe_place, edition, is_title, strip_site_name, title_subject

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


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("République démocratique du Congo", "COD"),
        ("República Democrática del Congo", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("République du Congo", "COG"),
        ("Estado Plurinacional de Bolivia", "BOL"),
        ("État plurinational de Bolivie", "BOL"),
        ("République du Kazakhstan", "KAZ"),
        ("Kazajistán", "KAZ"),
        ("República de Kazajistán", "KAZ"),
        ("République kirghize", "KGZ"),
        ("República Kirguisa", "KGZ"),
        ("Kirghizistan", "KGZ"),
        ("Costa de Marfil", "CIV"),
        ("República de Costa Rica", "CRI"),
        ("Royaume du Maroc", "MAR"),
        ("Reino de Marruecos", "MAR"),
        ("República Bolivariana de Venezuela", "VEN"),
        ("Estados Unidos Mexicanos", "MEX"),
        ("México", "MEX"),
        ("Mexique", "MEX"),
        ("L’État de Palestine", "PSE"),
        ("Republic of Korea", "KOR"),
        ("Kazakstan", "KAZ"),
    ],
)
def test_countries_in_english_french_and_spanish(name, code):
    assert find_country(name).alpha_3 == code


@pytest.mark.parametrize("name", ["Korea", "Corée", "Virgin Islands", "Upala", "La Paz", "Kazak"])
def test_a_name_two_countries_share_or_none_has_names_none(name):
    assert find_country(name) is None


def test_country_names_are_read_on_first_lookup_only():
    code = ("import sys, mgi_cli.countries as m; before = 'pycountry' in sys.modules; "
            "m.find_country('Kirghizistan'); m.find_country('Kazajistán'); "
            "print(before, m._countries_by_folded_name.cache_info().misses)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["False", "1"]


LOCAL_TITLES = [
    ("Perfil de Gobernanza de la Migración: Municipio de Upala", "upala", "CRI"),
    ("Perfil de Gobernanza de la Migración: Cantón de Upala", "upala", "CRI"),
    ("Migration Governance Profile: Municipalidad de La Paz", "la-paz", None),
    ("Perfil | Gobierno Autónomo Municipal de La Paz", "la-paz", None),
    ("Migration Governance Profile: Municipality of La Cruz", "la-cruz", None),
    ("Indicadores de Gobernanza de la Migración a nivel local: Perfil | Municipalidad de La "
     "Cruz", "la-cruz", None),
    ("Indicateurs locaux de gouvernance des migrations : Profil | Commune de Kankan", "kankan",
     None),
    ("Local Migration Governance Indicators Profile 2019 | Ville de Montréal", "montreal", None),
    ("Migration Governance Profile: City of Montréal", "montreal", None),
    ("Perfil de Gobernanza de la Migración: Alcaldía de Medellín", "medellin", None),
    ("Migration Governance Profile: County of Mombasa", "mombasa", None),
    ("Indicateurs locaux de gouvernance des migrations : Profil | Comté de Mombasa", "mombasa",
     None),
    ("Migration Governance Profile: Nairobi City County", "nairobi", None),
    ("Local MGI Profile 2021 | Costa Rica | Municipio de Upala", "upala", "CRI"),
    ("Perfil de Gobernanza de la Migración | Municipio de Upala, Costa Rica", "upala", "CRI"),
    ("Migration Governance Profile: Mexico City", "mexico-city", "MEX"),
    ("Perfil de Gobernanza de la Migración: Ciudad de México", "mexico-city", "MEX"),
    ("Profil de gouvernance des migrations : Ville de Djibouti", "djibouti-city", "DJI"),
]


@pytest.mark.parametrize(("title", "profile_id", "code"), LOCAL_TITLES)
def test_local_profiles_in_every_language(title, profile_id, code):
    intro = "This local Profile describes the Municipality of Upala (Costa Rica)." if (
        "Upala" in title and "Costa Rica" not in title) else ""
    place = describe_place(title, intro)
    assert (place.id, place.level, place.country_code) == (profile_id, "local", code)


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("REPUBLIC OF KAZAKHSTAN | PROFILE 2018", "REPUBLIC OF KAZAKHSTAN"),
        ("MIGRATION GOVERNANCE INDICATORS  REPUBLIC OF KAZAKHSTAN | PROFILE 2018",
         "REPUBLIC OF KAZAKHSTAN"),
        ("Migration Governance Profile: [bold]Testland[/] :heart:", "[bold]Testland[/] :heart:"),
        ("Perfil de Gobernanza de la Migración | Perfil de La Paz", "La Paz"),
        ("Migration Governance Indicators | Profile 2018 | Republic of Kazakhstan",
         "Republic of Kazakhstan"),
        ("Indicadores de Gobernanza de la Migración | Perfil 2021 | Honduras", "Honduras"),
        ("Indicateurs de gouvernance des migrations : Profil de la République du Kazakhstan",
         "la République du Kazakhstan"),
        ("Migration Governance Second Profile: The Kyrgyz Republic (Kyrgyzstan)",
         "The Kyrgyz Republic (Kyrgyzstan)"),
        ("Republic of Kazakhstan | Migration data portal", "Republic of Kazakhstan"),
        ("Migration Governance Profile: Kenya - IOM", "Kenya"),
        ("Migration Governance Indicators Profile 2018 – Republic of the Philippines – "
         "International Organization for Migration", "Republic of the Philippines"),
        ("Local MGI Profile 2021 | Costa Rica | Municipio de Upala", "Municipio de Upala"),
    ],
)
def test_title_subject_is_the_part_that_names_a_place(title, subject):
    assert title_subject(title) == subject


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("Republic of Kazakhstan | Migration data portal", "Republic of Kazakhstan"),
        ("Migration Governance Profile: Kenya - IOM", "Migration Governance Profile: Kenya"),
        ("Perfil de Gobernanza de la Migración: Honduras | Portal de datos sobre migración",
         "Perfil de Gobernanza de la Migración: Honduras"),
        ("Profil de gouvernance des migrations : Mali | Portail sur les données migratoires",
         "Profil de gouvernance des migrations : Mali"),
        ("Migration Governance Profile: Ghana – International Organization for Migration",
         "Migration Governance Profile: Ghana"),
        ("Profil de gouvernance des migrations : Niger | Organisation internationale pour les "
         "migrations", "Profil de gouvernance des migrations : Niger"),
        ("Perfil de Gobernanza de la Migración: Perú | OIM Publicaciones | Organización "
         "Internacional para las Migraciones", "Perfil de Gobernanza de la Migración: Perú"),
        ("Migration Governance Profile: Republic of Kazakhstan | IOM Publications Platform",
         "Migration Governance Profile: Republic of Kazakhstan"),
        ("Migration Governance Profile: Guinea-Bissau", "Migration Governance Profile: "
         "Guinea-Bissau"),
        ("IOM", "IOM"),
    ],
)
def test_strip_site_name(title, stripped):
    assert strip_site_name(title) == stripped


@pytest.mark.parametrize(
    ("title", "profile_id", "code", "name"),
    [
        ("REPUBLIC OF KAZAKHSTAN | PROFILE 2018", "kazakhstan", "KAZ", "REPUBLIC OF KAZAKHSTAN"),
        ("Republic of Kazakhstan | Migration data portal", "kazakhstan", "KAZ",
         "Republic of Kazakhstan"),
        ("Migration Governance Profile: Kenya - IOM", "kenya", "KEN", "Kenya"),
        ("Indicateurs de gouvernance des migrations : Profil de la République du Kazakhstan",
         "kazakhstan", "KAZ", "République du Kazakhstan"),
        ("Indicadores de Gobernanza de la Migración: Perfil de la República de Kazajistán",
         "kazakhstan", "KAZ", "República de Kazajistán"),
        ("Perfil de Gobernanza de la Migración: República Kirguisa | Portal de datos sobre "
         "migración", "kyrgyzstan", "KGZ", "República Kirguisa"),
        ("Profil de gouvernance des migrations : République kirghize (Kirghizistan)",
         "kyrgyzstan", "KGZ", "République kirghize"),
        ("Profil de gouvernance des migrations : République démocratique du Congo",
         "democratic-republic-of-the-congo", "COD", "République démocratique du Congo"),
        ("Migration Governance Profile: Republic of the Congo", "congo", "COG",
         "Republic of the Congo"),
        ("Perfil de Gobernanza de la Migración: Estado Plurinacional de Bolivia", "bolivia",
         "BOL", "Estado Plurinacional de Bolivia"),
        ("Perfil de Gobernanza de la Migración: Estados Unidos Mexicanos", "mexico", "MEX",
         "Estados Unidos Mexicanos"),
        ("Profil de gouvernance des migrations : Royaume du Maroc", "morocco", "MAR",
         "Royaume du Maroc"),
        ("Migration Governance Profile: El Salvador", "el-salvador", "SLV", "El Salvador"),
    ],
)
def test_national_profiles_in_every_language_share_the_english_id(title, profile_id, code, name):
    place = describe_place(title, "")
    assert (place.id, place.level, place.country_code, place.name) == (
        profile_id, "national", code, name)
