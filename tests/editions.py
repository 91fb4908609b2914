"""A first edition of the Kyrgyzstan profile, derived from the seed (the second edition): one
finding reworded, one new, one gone, one moved between the lists. Shared by the diff, export,
overview and README tests."""

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
