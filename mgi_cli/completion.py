"""Candidates for shell completion. Completion runs on every Tab: it must be quick and quiet."""

from __future__ import annotations

from pathlib import Path


def profile_ids(data_dir: Path | str | None) -> list[str]:
    """The ids of the profiles in the data folder (or the bundled seeds); [] on any trouble."""
    try:
        from mgi_cli.catalog import Catalog
        from mgi_cli.loader import bundled_seeds, load_paths

        folder = Path(data_dir) if data_dir else bundled_seeds()
        catalog = Catalog(load_paths([folder]).profiles)
        return sorted({p.id for p in catalog.profiles})
    except Exception:  # completion must never print a traceback into the user's prompt
        return []
