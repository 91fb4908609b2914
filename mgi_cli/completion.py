"""Candidates for shell completion. Completion runs on every Tab: it must be quick and quiet."""

from __future__ import annotations

from pathlib import Path


def profile_ids(data_dir: Path | str | None, language: str = "en") -> list[str]:
    """The ids of the profiles in the data folder (or the bundled seeds), as the CLI names
    them in this language; [] on any trouble."""
    try:
        from mgi_cli.sources import bundled_seeds
        from mgi_cli.store import open_store

        folder = Path(data_dir).expanduser() if data_dir else bundled_seeds()
        store = open_store(folder)  # a folder changed since it was read: read it once
        try:
            return store.ids(language) or []
        finally:
            store.close()
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
