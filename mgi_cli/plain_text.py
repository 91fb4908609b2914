"""A plain-text profile file -> its text: UTF-8 (with or without BOM), UTF-16 with BOM, or
Windows-1252, as profiles copied from web pages and word processors come."""

from __future__ import annotations

import codecs
from pathlib import Path

from mgi_cli.errors import UnreadableFile


def read_plain(path: Path) -> str:
    return decode(path.read_bytes())


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        raise UnreadableFile("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableFile("not text in UTF-8, UTF-16 or Windows-1252") from None
