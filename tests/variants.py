"""The small profile the variant fixtures dress up, taken from the Kyrgyzstan seed."""

from __future__ import annotations

from mgi_cli.loader import bundled_seeds

SEED = bundled_seeds() / "000_8695948dd2a135b0.txt"
FRENCH_INTRO = SEED.read_text(encoding="utf-8").split("Key findings")[0]

BASE = {
    "migrants-rights": (
        ["All migrants have access to health services under the same conditions as Kyrgyz "
         "nationals.",
         "An agreement signed in 2020 between Kyrgyzstan and Türkiye guarantees equal social "
         "and pension security rights for migrants from both countries."],
        ["Foreigners on family reunification visas are not allowed to take up any employment."],
    ),
    "whole-of-government": (
        ["The Migration Policy Concept of the Kyrgyz Republic for 2021–2030 aims to create safe "
         "migration pathways and utilize the full potential of migration for the country’s "
         "development."],
        ["The National Action Plan on Gender Equality for 2022–2024 only includes some measures "
         "related to migrant women."],
    ),
    "partnerships": (
        ["Kyrgyzstan participates in the Almaty Process on Refugee Protection and International "
         "Migration.",
         "The Municipal Migrant Centre has been the municipal body tasked with streamlining "
         "guidance services for migrants in La Cruz – including access to services."],
        ["There is no specific engagement with the private sector and civil society in the "
         "formulation of migration policies."],
    ),
    "well-being": (
        ["Kyrgyzstan has legal provisions to ensure gender equality in the labour market, "
         "including for foreign citizens and stateless persons."],
        ["Kyrgyzstan does not participate in international schemes with common qualifications "
         "frameworks."],
    ),
    "crises": (
        ["The country has contingency plans to manage large-scale population movements in "
         "times of crisis.",
         "Kazakhstan is a participant of the Global Forum on Migration and Development (GFMD). "
         "It is also a member state of the IOM and is actively involved in IOM-led activities."],
        ["The National Development Strategy for 2018-2040 does not have measures in place "
         "regarding displacement or the reintegration of returning migrants."],
    ),
    "safe-migration": (
        ["The Cabinet adopted the Programme on Combating Human Trafficking for 2022–2025 and "
         "its Action Plan through Resolution No. 227 (2022).",
         "Kyrgyzstan has measures to combat migrant labour exploitation."],
        ["The country has some ad hoc measures in place to trace and identify missing "
         "migrants.",
         "Providing regular training for municipal officers in cultural sensitivity is an area "
         "with potential for development."],
    ),
}
