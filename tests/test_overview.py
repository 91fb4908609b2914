"""`mgi overview`: every profile's counts of findings per domain, one row a profile, on the
seeds and on a --data-dir folder. (Shading: test_terminal.py; widths: test_grid.py.)"""

from __future__ import annotations

import json


def test_overview(run):
    table = run("overview")
    assert table.exit_code == 0
    assert "\nkazakhstan   5 / 3    3 / 3     4 / 2        3 / 2       3 / 2    3 / 3\n" in (
        table.stdout)
    assert "not scores" in table.stdout
    data = json.loads(run("overview", "-f", "json").stdout)
    assert data[1] == {"id": "kazakhstan", "name": "Republic of Kazakhstan", "domains": {
        "migrants-rights": {"strengths": 5, "gaps": 3},
        "whole-of-government": {"strengths": 3, "gaps": 3},
        "partnerships": {"strengths": 4, "gaps": 2},
        "well-being": {"strengths": 3, "gaps": 2},
        "crises": {"strengths": 3, "gaps": 2},
        "safe-migration": {"strengths": 3, "gaps": 3}}, "unsorted": 0}


def test_overview_on_a_data_dir(run, editions):
    data = json.loads(run("--data-dir", str(editions), "overview", "-f", "json").stdout)
    assert [p["id"] for p in data] == ["kyrgyzstan", "kyrgyzstan-2018"]
