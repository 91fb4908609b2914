"""Small profiles written by hand, and what no output may hold: shared by the tests that feed
untrusted text to mgi (test_untrusted_text.py, test_errors.py, test_damaged_files.py) and by
the tests of a heading that names no domain (test_parser.py, test_check.py)."""

from __future__ import annotations

import re
from pathlib import Path

# Control, bidirectional and zero-width characters: none may reach the terminal.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TEMPLATE = (
    "Key findings\n{heading}\n\nMigration Governance: examples of well-developed areas\n"
    "  • {finding}\n\nAreas with potential for further development\n  • A gap.\n\n"
    "Migration Governance Profile: {title}\n"
)
HOSTILE = (
    "Clears\x1b[2J the screen, sets\x1b]0;pwned\x07 the title, forges "
    "\x1b]8;;http://evil.example\x1b\\a link\x1b]8;;\x1b\\, rings\x07, reorders "
    "\u202eevil\u202c text, hides\u200b\u2066 words\u2069 and \U000e0041tags."
)
MARKUP = "A [red]bold[/red] claim [/x] [link=http://x]y[/link] :heart: [bold]here[/]."

UNMAPPED = """Key findings
Domain one: institutional capacity

Migration Governance: examples of well-developed areas

  • A finding under a heading that is no MGI domain.

Key findings
Partnerships

Migration Governance: examples of well-developed areas

  • A partnership.

Migration Governance Profile: Republic of Testland
"""


def profile_folder(tmp_path: Path, finding: str, heading: str = "Partnerships",
                   title: str = "Republic of Testland") -> Path:
    """A data folder holding one profile, testland.txt: one finding under `heading`."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    text = TEMPLATE.format(heading=heading, finding=finding, title=title)
    (folder / "testland.txt").write_text(text, encoding="utf-8")
    return folder
