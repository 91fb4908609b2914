"""Editions and translations made from the seeds. A first edition of the Kyrgyzstan profile,
derived from the seed (the second edition): one finding reworded, one new, one gone, one moved
between the lists; shared by the diff, export, overview, completion and README tests. And copies
of the Kazakhstan seed in other languages and years, shared by the catalog and editions tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from mgi_cli.loader import bundled_seeds

KYRGYZSTAN = bundled_seeds() / "000_8695948dd2a135b0.txt"


def first_edition() -> str:
    """A first edition of the Kyrgyzstan profile, derived from the seed."""
    text = KYRGYZSTAN.read_text(encoding="utf-8").replace("\u00a0", " ")
    for old, new in [
        ("2023 Décembre", "2018 Mars"),
        ("Migration Governance Second Profile", "Migration Governance Profile"),
        # reworded
        ("Kyrgyzstan participates in the Almaty Process on Refugee Protection and International "
         "Migration.", "Kyrgyzstan is a member of the Almaty Process on Refugee Protection and "
         "International Migration."),
        # dropped from the first edition: new in the second
        ("  • Kyrgyzstan has measures to combat migrant labour exploitation. \n", ""),
        # only in the first edition: gone in the second
        ("Areas with potential for further development \n\n  • There is no specific engagement",
         "Areas with potential for further development \n\n  • Kyrgyzstan has no bilateral "
         "labour agreements.\n  • There is no specific engagement"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    # A gap in the first edition that is a well-developed area in the second.
    moved = ("  • The country has contingency plans to manage large-scale population movements "
             "in times of crisis.\n")
    assert moved in text
    text = text.replace(moved, "")
    text = text.replace(
        "  • The Kyrgyz Concept of Comprehensive Protection",
        "  • The country has no contingency plans to manage large-scale population movements "
        "in times of crisis.\n  • The Kyrgyz Concept of Comprehensive Protection")
    return text


def write_editions(folder: Path) -> Path:
    """The seed's second edition and the first edition above, in `folder`."""
    shutil.copy(KYRGYZSTAN, folder / "kyrgyzstan-2023.txt")
    (folder / "kyrgyzstan-2018.txt").write_text(first_edition(), encoding="utf-8")
    return folder


# -- copies of Kazakhstan in other languages and years ---------------------------------------

NAMES = {"en": "Republic of Kazakhstan", "fr": "République du Kazakhstan",
         "es": "República de Kazajistán"}
EN18, FR18, ES18 = ("en", "2018-05", 1), ("fr", "2018-07", 1), ("es", "2018-06", 1)
EN23, FR23 = ("en", "2023-05", 2), ("fr", "2023-09", 2)


def kazakhstan_copies(seeds, *copies: tuple[str, str, int]) -> list:
    """The seeds with Kazakhstan replaced by copies (language, published, edition) of it."""
    kazakhstan = next(p for p in seeds.profiles if p.id == "kazakhstan")
    others = [p for p in seeds.profiles if p.id != "kazakhstan"]
    return [*others, *(
        kazakhstan.replace(language=lang, name=NAMES[lang], published=published,
                            edition=number, source=f"kazakhstan-{published}-{lang}.txt",
                            aliases=(NAMES[lang], "Kazakhstan", "KAZ"))
        for lang, published, number in copies)]
