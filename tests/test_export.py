"""`mgi export`: every finding as JSON, CSV or a SQLite database with full-text search that
sqlite-utils and Datasette open; on the seeds and on a --data-dir folder; an interrupted export
leaves no file. (How the output path is written: test_output_paths.py.)"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_export_json_and_csv_to_stdout(run):
    rows = json.loads(run("export").stdout)
    assert len(rows) == 169
    assert list(rows[0]) == ["profile", "profile_name", "level", "country", "published",
                             "domain", "domain_name", "kind", "position", "text", "language",
                             "placed", "objectives", "source_url", "fetched_at"]
    assert (rows[0]["language"], rows[0]["placed"], rows[0]["objectives"]) == (
        "en", "stated", [15])
    assert (rows[0]["source_url"], rows[0]["fetched_at"]) == (None, None)  # not fetched
    assert len(read_csv(run("export", "-f", "csv").stdout)) == 169


def test_export_csv_to_a_file(run, tmp_path):
    target = tmp_path / "out.csv"
    result = run("export", "-f", "csv", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(read_csv(target.read_text(encoding="utf-8"))) == 169


def test_export_sqlite_opens_in_sqlite_utils_and_datasette(run, tmp_path):
    target = tmp_path / "mgi.db"
    result = run("export", "-f", "sqlite", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    connection = sqlite3.connect(target)
    assert connection.execute("select count(*) from findings").fetchone() == (169,)
    assert connection.execute("select count(*) from profiles").fetchone() == (5,)
    hits = connection.execute(
        "select profile from findings where id in "
        "(select rowid from findings_fts where findings_fts match 'trafficking')").fetchall()
    assert len(hits) == 8

    import sqlite_utils

    assert sqlite_utils.Database(target)["findings"].detect_fts() == "findings_fts"

    from datasette.app import Datasette

    async def search_with_datasette():
        datasette = Datasette([str(target)])
        table = await datasette.client.get("/mgi/findings.json?_search=trafficking&_shape=array")
        page = await datasette.client.get("/mgi/findings")
        return table, page

    table, page = asyncio.run(search_with_datasette())
    assert table.status_code == 200 and len(table.json()) == 8
    assert 'name="_search"' in page.text  # Datasette offers its search box


def test_export_sqlite_needs_a_path_and_force_to_overwrite(run, tmp_path):
    assert run("export", "-f", "sqlite").exit_code == 2
    target = tmp_path / "mgi.db"
    target.write_text("keep me")
    refused = run("export", "-f", "sqlite", "-o", str(target))
    assert refused.exit_code == 2 and "add --force" in refused.stderr
    assert target.read_text() == "keep me"
    assert run("export", "-f", "sqlite", "-o", str(target), "--force").exit_code == 0
    assert sqlite3.connect(target).execute("select count(*) from findings").fetchone() == (169,)


def test_export_on_a_data_dir(run, editions):
    rows = json.loads(run("--data-dir", str(editions), "export").stdout)
    assert {r["profile"] for r in rows} == {"kyrgyzstan", "kyrgyzstan-2018"}


@pytest.mark.parametrize("form", ["sqlite", "csv"])
def test_an_interrupted_export_leaves_no_file(run, tmp_path, monkeypatch, form):
    target = tmp_path / f"out.{form}"
    if form == "sqlite":
        from mgi_cli import store

        run("list")  # the store is up to date: only the export writes rows now

        def interrupted(*args):
            raise KeyboardInterrupt

        monkeypatch.setattr(store, "write_problems", interrupted)
    else:
        monkeypatch.setattr(Path, "write_text",
                            lambda self, *a, **k: (_ for _ in ()).throw(KeyboardInterrupt()))
    result = run("export", "-f", form, "-o", str(target))
    assert result.exit_code != 0
    assert list(tmp_path.iterdir()) == []
