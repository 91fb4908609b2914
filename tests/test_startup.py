"""What startup must not import: mgi runs on every Tab of shell completion, so `--version`,
completion and a warm `show -f json` import none of the heavy libraries (a subprocess looks
at sys.modules as the process exits)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

HEAVY = ("rich", "pdfminer", "rapidfuzz", "pycountry", "Stemmer", "httpx")
NETWORK = ("httpx", "httpcore", "h11", "anyio", "ssl")  # `mgi fetch` alone uses them
PROBE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("MODULES " + " ".join(sorted(sys.modules)) + "\\n"))
sys.argv = ["mgi", *sys.argv[1:]]
from mgi_cli.cli import main
main()
"""


def imported(*args: str, env: dict[str, str] | None = None) -> set[str]:
    environment = {**os.environ, **(env or {})}
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, env=environment, timeout=60)
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return {name.split(".")[0] for name in line.split()[1:]}


def heavy(modules: set[str]) -> list[str]:
    return sorted(set(HEAVY) & modules)


def test_version_imports_nothing_heavy():
    assert heavy(imported("--version")) == []


def test_completion_imports_nothing_heavy():
    completing = {"_MGI_COMPLETE": "complete_bash", "COMP_WORDS": "mgi show k",
                  "COMP_CWORD": "2"}
    imported("show", "kazakhstan", "-f", "json")  # the store is current
    assert heavy(imported(env=completing)) == []


@pytest.mark.parametrize("args", [["show", "kazakhstan", "-f", "json"], ["list", "-f", "json"]])
def test_a_warm_json_command_imports_nothing_heavy(args):
    imported(*args)  # the first run brings the store up to date
    modules = imported(*args)
    assert heavy(modules) == []
    assert "mgi_cli" in modules


@pytest.mark.parametrize("args", [
    ["list"], ["show", "kazakhstan"], ["search", "trafficking"], ["compare", "kaz", "kyr"],
    ["overview"], ["diff", "kyrgyzstan"], ["export", "-f", "csv"], ["check"], ["domains"],
    ["findings", "kazakhstan"], ["objectives"], ["fetch", "--help"]])
def test_only_fetch_touches_the_network(args):
    """Every other command works offline: no HTTP client (nor TLS) is imported."""
    assert sorted(set(NETWORK) & imported(*args)) == []
