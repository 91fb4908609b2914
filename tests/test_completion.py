"""Tab completion: profile ids (from the seeds or the data folder), domains and formats; and
`--show-completion`, `--install-completion` for bash, zsh and fish."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mgi_cli.cli import app


def complete(words: str, data_dir=None) -> list[str]:
    """What the shell offers for the last word of `words` (a trailing space: a new word)."""
    env = {"_MGI_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    if data_dir:
        env["MGI_DATA_DIR"] = str(data_dir)
    return CliRunner().invoke(app, [], env=env, prog_name="mgi").stdout.split()


def test_completion_of_profiles_domains_and_formats(run):
    assert complete("mgi show k") == ["kazakhstan", "kyrgyzstan"]
    assert complete("mgi compare azerbaijan m") == ["mombasa"]
    assert complete("mgi show kazakhstan --domain w") == ["whole-of-government", "well-being"]
    assert complete("mgi show kazakhstan --domain u") == ["unclassified"]
    assert complete("mgi list --format ") == ["table", "json", "csv", "markdown"]


def test_completion_reads_the_data_dir(run, editions):
    assert complete("mgi show ky", editions) == ["kyrgyzstan", "kyrgyzstan-2018"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_and_install_completion(run, shell, tmp_path, monkeypatch):
    shown = run("--show-completion", shell)
    assert shown.exit_code == 0 and "_MGI_COMPLETE" in shown.stdout
    monkeypatch.setenv("HOME", str(tmp_path))
    installed = run("--install-completion", shell)
    assert installed.exit_code == 0, installed.output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any("_MGI_COMPLETE" in p.read_text() for p in written)
