"""Shared fixtures: the real seed profiles, and a CLI runner at a fixed width without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from mgi_cli import loader
from mgi_cli.catalog import Catalog
from mgi_cli.cli import app
from mgi_cli.loader import bundled_seeds, load_paths


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory):
    """Tests never touch the user's real cache folder."""
    import os

    os.environ["MGI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True, scope="session")
def private_library(tmp_path_factory):
    """Tests never see a developer's real library folder: an empty one of their own (a test
    that wants a library sets MGI_LIBRARY_DIR with monkeypatch)."""
    import os

    os.environ["MGI_LIBRARY_DIR"] = str(tmp_path_factory.mktemp("library"))


@pytest.fixture(scope="session")
def seeds():
    return load_paths([bundled_seeds()])


@pytest.fixture(scope="session")
def catalog(seeds):
    return Catalog(seeds.profiles)


@pytest.fixture
def run(monkeypatch):
    """Run `mgi ARGS...` in-process; stdout and stderr apart, 80 columns, no colour."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("MGI_DATA_DIR", raising=False)
    runner = CliRunner()

    def invoke(*args: str, **kwargs):
        return runner.invoke(app, list(args), **kwargs)

    return invoke


@pytest.fixture
def editions(tmp_path):
    """A data folder with two editions of the Kyrgyzstan profile (tests/editions.py)."""
    from tests.editions import write_editions

    return write_editions(tmp_path)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the files the loader parses, in order (a store that reads none: [])."""
    seen: list[str] = []
    original = loader.read_or_report

    def counting(path):
        seen.append(Path(path).name)
        return original(path)

    monkeypatch.setattr(loader, "read_or_report", counting)
    return seen
