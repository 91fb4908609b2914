"""Candidates for shell completion. Completion runs on every Tab: it must be quick and quiet."""

from __future__ import annotations

from pathlib import Path


def profile_ids(data_dir: Path | str | None) -> list[str]:
    """The ids of the profiles in the data folder (or the bundled seeds); [] on any trouble."""
    try:
        from mgi_cli import snapshot
        from mgi_cli.sources import bundled_seeds

        folder = Path(data_dir) if data_dir else bundled_seeds()
        known = snapshot.ids(folder)
        if known is None:  # not loaded since it changed: load it once, for the next Tab too
            snapshot.load_folder(folder)
            known = snapshot.ids(folder) or []
        return known
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
