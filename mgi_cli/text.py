"""Small text helpers shared by the loader, the catalog and search: folding and cleaning."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_SPACES = r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
# Characters that would act on a terminal, reorder or hide text: the C0 and C1 controls
# (escape, bell, ...) except \n and \t, and every Unicode format character (category Cf,
# Unicode 14): bidi embeddings, overrides and isolates, zero-width spaces, invisible
# operators, tag characters. The zero-width joiners (U+200C, U+200D) are kept between two
# letters, where some scripts need them, and removed elsewhere.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_FORMATS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_UNSAFE = f"[{_CONTROLS}{_FORMATS}]|(?<!\\w)[\u200c\u200d]|[\u200c\u200d](?!\\w)"
# Whole escape sequences go, not only their ESC byte, so "\x1b[31m" leaves no "[31m" behind:
# CSI (colours, cursor, clear screen), OSC (window title, hyperlinks), DCS/SOS/PM/APC strings
# and two-byte escapes.
_ESCAPES = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]"
)
_APOSTROPHES = "[’‘ʼ`´]"
_QUOTES = "[“”«»„]"
_COMBINING = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Patterns compile on first use: a run served from the cache never cleans any text."""
    return re.compile(pattern)


def clean(text: str) -> str:
    """Remove what could act on a terminal or hide text; make every space a plain space."""
    if text.isascii() and text.isprintable() and "  " not in text:
        return text  # nothing to remove, and the common case
    text = _compiled(_UNSAFE).sub("", _compiled(_ESCAPES).sub("", text))
    return _compiled(_SPACES).sub(" ", text)


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes and quotes, ligatures spelled out ("œ" is
    "oe", as people type it): for matching, never display."""
    if text.isascii():  # the common case, and the fast one
        return text.replace("`", "'").casefold()
    text = _compiled(_QUOTES).sub('"', _compiled(_APOSTROPHES).sub("'", text))
    folded = _compiled(_COMBINING).sub("", unicodedata.normalize("NFKD", text)).casefold()
    return folded.replace("œ", "oe").replace("æ", "ae")


def starts_upper(text: str) -> bool:
    """Whether a text's first letter is a capital ("• Areas", "“Whole"): a line of its own
    starts so, where a wrapped sentence goes on in lower case."""
    letter = next((c for c in text if c.isalpha()), "")
    return letter.isupper()


def plural(count: int, noun: str) -> str:
    """'1 finding', '3 findings'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def slugify(text: str) -> str:
    """'Municipality of La Cruz' -> 'municipality-of-la-cruz'."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


def shorten(text: str, width: int = 60) -> str:
    """A text cut to `width` characters with an ellipsis, for quoting a line in a message."""
    return text if len(text) <= width else text[: width - 1] + "…"
