"""Candidates for shell completion. Completion runs on every Tab: it must be quick and quiet."""

from __future__ import annotations

from pathlib import Path


def profile_ids(data_dir: Path | str | None, language: str = "en") -> list[str]:
    """The ids of the profiles in the data folder (or the bundled seeds and the library
    folder's), as the CLI names them in this language; [] on any trouble."""
    try:
        from mgi_cli.sources import default_data
        from mgi_cli.store import open_store

        folder, seeds = (Path(data_dir).expanduser(), False) if data_dir else default_data()
        store = open_store(folder, seeds=seeds)  # a folder changed since: read it once
        try:
            return store.ids(language) or []
        finally:
            store.close()
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
