"""`mgi fetch` against a replica of the portal on localhost (tests/portal.py): real HTTP, real
pages made from the seeds, misbehaviours switched on one at a time."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from mgi_cli import __version__
from mgi_cli.atomic import temporary_files
from mgi_cli.loader import read_profile
from mgi_cli.manifest import MANIFEST
from tests.portal import (
    ABOUT,
    BOOK,
    LAST_MODIFIED,
    PDF,
    RESTRICTED,
    Page,
    Portal,
)

ENGLISH_FILES = [
    "azerbaijan.html", "costa-rica-municipality-of-la-cruz-local.html", "kazakhstan.html",
    "kenya-county-of-mombasa.html", "kyrgyzstan-second-profile.html", "kyrgyzstan.html"]
ALL_FILES = sorted([*ENGLISH_FILES, "kazakhstan-fr.html", "kyrgyzstan-second-profile-es.html"])
# file -> (id, language, published, strengths, gaps) as the loader reads it back
READ_BACK = {
    "azerbaijan.html": ("azerbaijan", "en", "2023-10", 25, 12),
    "costa-rica-municipality-of-la-cruz-local.html": ("la-cruz", "en", "2022-09", 18, 16),
    "kazakhstan.html": ("kazakhstan", "en", "2018-05", 21, 15),
    "kenya-county-of-mombasa.html": ("mombasa", "en", "2022-11", 16, 13),
    "kyrgyzstan-second-profile.html": ("kyrgyzstan", "en", "2023-12", 22, 11),
    "kyrgyzstan.html": ("kyrgyzstan", "en", "2018-03", 20, 13),
    "kazakhstan-fr.html": ("kazakhstan", "fr", "2018-05", 21, 15),
    "kyrgyzstan-second-profile-es.html": ("kyrgyzstan", "es", "2023-12", 22, 11),
}


@pytest.fixture
def portal(tmp_path):
    with Portal(tmp_path / "site") as replica:
        yield replica


@pytest.fixture
def library(tmp_path):
    return tmp_path / "library"


def fetch(run, library: Path, *args: str):
    return run("--data-dir", str(library), "fetch", *args, "--delay", "0")


def fetch_all(run, portal: Portal, library: Path, *args: str):
    return fetch(run, library, "--all", "--portal", portal.url("/"), *args)


def profile_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != MANIFEST)


def manifest(folder: Path) -> dict:
    return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}


# -- the whole portal --------------------------------------------------------------------------


def test_all_fetches_every_profile_of_the_three_languages_once(run, portal, library):
    result = fetch_all(run, portal, library, "--lang", "all")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "fetched 8, unchanged 0, skipped 2 (1 not a profile, 1 robots.txt), failed 0",
        f"Profiles in {library}"]
    assert result.stderr.splitlines() == [
        f"skipped: {portal.url(ABOUT)}: not an MGI profile (no domain headings)",
        f"skipped: {portal.url(RESTRICTED)}: disallowed by robots.txt"]
    assert profile_files(library) == ALL_FILES
    for name, expected in READ_BACK.items():
        profile, problems = read_profile(library / name)
        strengths = sum(len(b.strengths) for b in profile.domains)
        gaps = sum(len(b.gaps) for b in profile.domains)
        assert (profile.id, profile.language, profile.published, strengths, gaps) == expected
        assert [p for p in problems if p.warn] == [], name
        assert profile.name and "portal" not in profile.name.lower()  # the <title>'s site name
    assert portal.requested(RESTRICTED) == 0  # robots.txt's Disallow: never asked for
    assert portal.other.requests == []  # the other host's link: never followed
    assert [r.path for r in portal.requests if r.path.startswith("/overviews/mgi/azerbaijan")
            ] == ["/overviews/mgi/azerbaijan", "/overviews/mgi/azerbaijan?page=1"]


def test_a_profile_split_over_pages_is_kept_whole_as_one_file(run, portal, library, catalog):
    fetch_all(run, portal, library)
    profile, _ = read_profile(library / "azerbaijan.html")
    seed = catalog.resolve("azerbaijan")
    assert [(b.domain.key, b.strengths, b.gaps) for b in profile.canonical] == [
        (b.domain.key, b.strengths, b.gaps) for b in seed.canonical]
    assert all(b.strengths and b.gaps for b in profile.canonical)  # the six, from two pages
    assert manifest(library)["files"]["azerbaijan.html"]["pages"] == [
        portal.url("/overviews/mgi/azerbaijan?page=1")]


def test_english_by_default_and_one_language_when_asked(run, portal, library, tmp_path):
    fetch_all(run, portal, library)
    assert profile_files(library) == ENGLISH_FILES
    assert not any(r.path.startswith(("/fr/", "/es/")) for r in portal.requests)
    portal.clear()
    french = tmp_path / "french"
    result = fetch_all(run, portal, french, "--lang", "fr")
    assert result.stdout.splitlines()[0] == "fetched 1, unchanged 0, skipped 0, failed 0"
    assert profile_files(french) == ["kazakhstan-fr.html"]
    assert {r.path for r in portal.requests} == {
        "/robots.txt", "/fr/overviews/mgi", "/fr/overviews/mgi/kazakhstan"}


def test_the_manifest_records_where_each_file_came_from(run, portal, library):
    fetch_all(run, portal, library, "--lang", "all")
    files = manifest(library)["files"]
    assert sorted(files) == ALL_FILES
    entry = files["kazakhstan-fr.html"]
    body = (library / "kazakhstan-fr.html").read_bytes()
    assert entry["url"] == entry["final_url"] == portal.url("/fr/overviews/mgi/kazakhstan")
    assert entry["sha256"] == hashlib.sha256(body).hexdigest()
    assert entry["language"] == "fr"
    assert entry["last_modified"] == LAST_MODIFIED
    assert entry["etag"] == portal.pages["/fr/overviews/mgi/kazakhstan"].etag
    assert entry["fetched_at"].endswith("Z") and len(entry["fetched_at"]) == 20
    assert {files[name]["language"] for name in ENGLISH_FILES} == {"en"}


def test_a_second_run_sends_only_conditional_requests_and_rewrites_nothing(
        run, portal, library):
    fetch_all(run, portal, library, "--lang", "all")
    before = snapshot(library)
    asked = sorted(r.path for r in portal.requests)
    portal.clear()
    result = fetch_all(run, portal, library, "--lang", "all")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "fetched 0, unchanged 8, skipped 2 (1 not a profile, 1 robots.txt), failed 0")
    assert sorted(r.path for r in portal.requests) == asked  # the same pages, robots.txt too
    assert all(r.conditional and r.status == 304 for r in portal.requests)
    assert snapshot(library) == before  # not one file rewritten, the manifest included


def test_a_changed_page_is_fetched_again_and_only_it(run, portal, library):
    fetch_all(run, portal, library)
    path = "/overviews/mgi/kazakhstan"
    with portal.lock:
        old = portal.pages[path]
        portal.pages[path] = Page(old.body.replace(b"Kazakhstan", b"Kazakhstan ", 1))
    portal.clear()
    result = fetch_all(run, portal, library)
    assert result.stdout.splitlines()[0] == (
        "fetched 1, unchanged 5, skipped 2 (1 not a profile, 1 robots.txt), failed 0")
    assert (library / "kazakhstan.html").read_bytes() == portal.pages[path].body
    assert manifest(library)["files"]["kazakhstan.html"]["etag"] == portal.pages[path].etag


def test_update_asks_again_for_the_files_fetched_before(run, portal, library):
    fetch_all(run, portal, library)
    (library / "kazakhstan.html").unlink()  # gone: asked for without conditions
    portal.clear()
    result = fetch(run, library, "--update")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "fetched 1, unchanged 5, skipped 0, failed 0"
    assert [(r.path, r.conditional) for r in portal.requests if not r.conditional] == [
        ("/overviews/mgi/kazakhstan", False)]
    assert portal.requested("/overviews/mgi") == 0  # no crawl: only the files' own URLs
    assert profile_files(library) == ENGLISH_FILES


def test_a_file_edited_here_is_kept_and_never_asked_for(run, portal, library):
    fetch_all(run, portal, library)
    edited = library / "kazakhstan.html"
    edited.write_bytes(edited.read_bytes().replace(b"Kazakhstan", b"Kazakhstan (checked)", 1))
    kept = edited.read_bytes()
    portal.clear()
    result = fetch(run, library, "--update")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "fetched 0, unchanged 5, skipped 1 (edited here), failed 0")
    assert result.stderr.splitlines() == [
        f"skipped: {portal.url('/overviews/mgi/kazakhstan')}: kazakhstan.html was changed here "
        "since it was fetched; kept as it is (delete it to fetch it again)"]
    assert portal.requested("/overviews/mgi/kazakhstan") == 0
    assert edited.read_bytes() == kept


def test_dry_run_lists_what_would_be_fetched_and_writes_nothing(run, portal, library):
    result = fetch_all(run, portal, library, "--dry-run")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"{portal.url('/overviews/mgi/kazakhstan')} -> kazakhstan.html",
                         f"{portal.url('/overviews/mgi/kyrgyzstan')} -> kyrgyzstan.html"]
    assert len(lines) == 8
    assert lines[-2:] == [
        "would fetch 6, unchanged 0, skipped 2 (1 not a profile, 1 robots.txt), failed 0",
        f"Profiles would be saved in {library}"]
    assert not library.exists()


def test_json_gives_the_summary_and_each_url(run, portal, library):
    result = fetch_all(run, portal, library, "--format", "json")
    data = json.loads(result.stdout)
    assert list(data) == ["folder", "dry_run", "interrupted", "summary", "outcomes"]
    assert (data["dry_run"], data["interrupted"]) == (False, False)
    assert data["summary"] == {"fetched": 6, "unchanged": 0, "skipped": 2, "failed": 0,
                               "requests": len(portal.requests)}
    assert data["outcomes"][0] == {
        "url": portal.url(ABOUT), "status": "skipped",
        "reason": "not an MGI profile (no domain headings)", "file": None, "profile": None}
    kazakhstan = next(o for o in data["outcomes"] if o["file"] == "kazakhstan.html")
    assert kazakhstan == {"url": portal.url("/overviews/mgi/kazakhstan"), "status": "fetched",
                          "reason": None, "file": "kazakhstan.html", "profile": "kazakhstan"}


def test_every_request_names_mgi_and_where_to_find_it(run, portal, library):
    fetch_all(run, portal, library)
    agents = {r.headers["user-agent"] for r in portal.requests}
    assert agents == {f"mgi/{__version__} (+https://pypi.org/project/mgi-cli/)"}


def test_the_default_folder_is_the_library_that_every_command_then_reads(
        run, portal, tmp_path, monkeypatch):
    monkeypatch.setenv("MGI_LIBRARY_DIR", str(tmp_path / "lib"))
    result = run("fetch", "--all", "--portal", portal.url("/"), "--delay", "0")
    assert result.exit_code == 0
    assert profile_files(tmp_path / "lib") == ENGLISH_FILES
    listed = json.loads(run("list", "-f", "json").stdout)
    assert [p["id"] for p in listed] == [
        "azerbaijan", "kazakhstan", "kyrgyzstan", "kyrgyzstan-2018", "la-cruz", "mombasa"]
    fetched = {p["id"]: p["source_url"] for p in listed}
    assert fetched["kyrgyzstan-2018"] == portal.url("/overviews/mgi/kyrgyzstan")
    shown = run("show", "kyrgyzstan-2018").stdout
    assert f"Source         {portal.url('/overviews/mgi/kyrgyzstan')}" in shown


# -- URLs given -------------------------------------------------------------------------------


def test_a_publication_page_gives_its_pdf_report(run, portal, library):
    result = fetch(run, library, portal.url(BOOK))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "fetched 1, unchanged 0, skipped 0, failed 0"
    assert profile_files(library) == ["mgi-kazakhstan.pdf"]
    assert read_profile(library / "mgi-kazakhstan.pdf")[0].id == "kazakhstan"
    entry = manifest(library)["files"]["mgi-kazakhstan.pdf"]
    assert (entry["url"], entry["publication"]) == (portal.url(PDF), portal.url(BOOK))
    portal.clear()
    again = fetch(run, library, portal.url(BOOK))
    assert again.stdout.splitlines()[0] == "fetched 0, unchanged 1, skipped 0, failed 0"
    assert [(r.path, r.status) for r in portal.requests] == [
        ("/robots.txt", 304), (BOOK, 304), (PDF, 304)]


def test_a_profile_page_and_a_pdf_by_their_urls(run, portal, library):
    result = fetch(run, library, portal.url("/overviews/mgi/kenya-county-of-mombasa"),
                   portal.url(PDF))
    assert result.exit_code == 0
    assert profile_files(library) == ["kenya-county-of-mombasa.html", "mgi-kazakhstan.pdf"]


def test_a_page_that_is_no_profile_is_not_saved_and_fails(run, portal, library):
    result = fetch(run, library, portal.url(ABOUT))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"failed: {portal.url(ABOUT)}: not an MGI profile (no domain headings), and it links "
        "no PDF report"]
    assert profile_files(library) == []


def test_only_http_and_https(run, library):
    result = fetch(run, library, "file:///etc/passwd")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "failed: file:///etc/passwd: not an http or https URL: file:///etc/passwd"]


# -- misbehaving servers ----------------------------------------------------------------------


def test_a_redirect_is_followed_and_its_page_kept_once(run, tmp_path, library):
    with Portal(tmp_path / "site", troubles={"redirect"}) as portal:
        result = fetch_all(run, portal, library)
        final = portal.url("/overviews/mgi/kenya-county-of-mombasa")
    assert result.exit_code == 0
    assert profile_files(library) == ENGLISH_FILES  # Mombasa once, under its final slug
    entry = manifest(library)["files"]["kenya-county-of-mombasa.html"]
    assert entry["final_url"] == final


@pytest.mark.parametrize(("trouble", "reason", "asked"), [
    ("404", "HTTP 404", 1),
    ("redirect-away", "redirected to another host: 127.0.0.1:{other}", 1),
    ("csv", "not an HTML page or a PDF (Content-Type: text/csv)", 1),
    ("zip", "not an HTML page or a PDF (Content-Type: application/zip)", 1),
    ("huge", "larger than 20 MB", 1),
    ("cut", "the connection broke off before the end, after 3 tries", 3),
    ("slow", "timed out, after 3 tries", 3),
])
def test_a_url_that_fails_is_reported_and_leaves_nothing(run, tmp_path, library, trouble,
                                                         reason, asked):
    with Portal(tmp_path / "site", troubles={trouble}, slow_seconds=5) as portal:
        path = portal.troubles and next(iter(portal.troubles))
        result = fetch_all(run, portal, library, "--timeout", "0.3")
        failed = f"failed: {portal.url(path)}: {reason.format(other=portal.other.port)}"
        assert portal.requested(path) == asked
        assert portal.other.requests == []
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "fetched 6, unchanged 0, skipped 2 (1 not a profile, 1 robots.txt), failed 1")
    assert failed in result.stderr.splitlines()
    assert profile_files(library) == ENGLISH_FILES  # no partial file, no temporary file
    assert temporary_files(library) == []


@pytest.mark.parametrize("trouble", ["429", "503"])
def test_busy_and_unavailable_are_tried_again(run, tmp_path, library, trouble):
    path = "/overviews/mgi/kazakhstan"
    with Portal(tmp_path / "site", troubles={trouble: path}) as portal:
        result = fetch_all(run, portal, library)
        assert [r.status for r in portal.requests if r.path == path] == [int(trouble), 200]
    assert result.exit_code == 0
    assert profile_files(library) == ENGLISH_FILES


# -- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    ([], "Error: Give URLs, --all or --update (one of them). See 'mgi fetch -h'."),
    (["--all", "https://example.org/x"],
     "Error: Give URLs, --all or --update (one of them). See 'mgi fetch -h'."),
    (["--lang", "fr", "https://www.migrationdataportal.org/overviews/mgi/kazakhstan"],
     "Error: --lang goes with --all; a URL's language is its own."),
    (["--all", "--delay", "0.1"],
     "Error: --delay: 0.1 s is too short: at least 0.5 s between requests (0 only for a "
     "portal on this machine). See 'mgi fetch -h'."),
    (["--all", "--timeout", "0", "--portal", "http://127.0.0.1:9"],
     "Error: --timeout: must be a number of seconds, more than 0. See 'mgi fetch -h'."),
    (["--all", "--timeout", "nan"],
     "Error: --timeout: must be a number of seconds, more than 0. See 'mgi fetch -h'."),
    (["--all", "--delay", "nan"],
     "Error: --delay: must be a number of seconds, 0 or more. See 'mgi fetch -h'."),
    (["--all", "--delay", "inf"],
     "Error: --delay: must be a number of seconds, 0 or more. See 'mgi fetch -h'."),
    (["--all", "--lang", "de"],
     "Error: --lang: 'de' is not one of en, fr, es, all. See 'mgi fetch -h'."),
])
def test_usage_errors_are_one_line(run, library, args, message):
    result = run("--data-dir", str(library), "fetch", *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [message]
    assert result.stdout == ""
    assert not library.exists()


def test_update_with_nothing_fetched_says_so(run, library):
    result = fetch(run, library, "--update")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Nothing fetched yet in {str(library)!r} (its mgi-sources.json names no file, or "
        "there is none): try mgi fetch --all."]
    assert not library.exists()


# -- what the review of the first version found --------------------------------------------


def test_a_portal_that_cannot_be_reached_fails_it_is_not_skipped(run, library):
    result = fetch(run, library, "--all", "--portal", "http://127.0.0.1:9", "--timeout", "1")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "fetched 0, unchanged 0, skipped 0, failed 1"
    assert result.stderr.startswith(
        "failed: http://127.0.0.1:9/overviews/mgi: robots.txt could not be read (no "
        "connection")
    assert result.stderr.rstrip().endswith("so nothing is fetched from this site")


def test_a_file_of_that_name_not_fetched_by_mgi_is_never_overwritten(run, portal, library):
    library.mkdir()
    (library / "kazakhstan.html").write_text("<p>my notes</p>")
    result = fetch(run, library, portal.url("/overviews/mgi/kazakhstan"))
    assert result.exit_code == 0
    assert (library / "kazakhstan.html").read_text() == "<p>my notes</p>"
    assert profile_files(library) == ["kazakhstan-2.html", "kazakhstan.html"]


def test_a_later_page_given_stands_for_the_whole_profile(run, portal, library, catalog):
    result = fetch(run, library, portal.url("/overviews/mgi/azerbaijan?page=1"))
    assert result.exit_code == 0
    profile, problems = read_profile(library / "azerbaijan.html")
    assert [p for p in problems if p.warn] == []
    assert [(b.domain.key, b.strengths, b.gaps) for b in profile.canonical] == [
        (b.domain.key, b.strengths, b.gaps) for b in catalog.resolve("azerbaijan").canonical]


def test_the_same_profile_as_a_page_and_as_its_pdf_is_kept_once(run, portal, library):
    fetch(run, library, portal.url("/overviews/mgi/kazakhstan"))
    result = fetch(run, library, portal.url(BOOK))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "fetched 0, unchanged 0, skipped 1 (duplicate), failed 0")
    assert result.stderr.splitlines() == [
        f"skipped: {portal.url(PDF)}: the same profile as kazakhstan.html, fetched from "
        "another URL"]
    assert profile_files(library) == ["kazakhstan.html"]


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1", "not a valid URL: http://[::1"),
    ("http://127.0.0.1:abc/x", "not a valid URL: http://127.0.0.1:abc/x"),
    ("http://user:secret@127.0.0.1:9/x", "a URL with a user name or password is not fetched "
                                         "(it would be kept in mgi-sources.json)"),
    ("ftp://127.0.0.1/x", "not an http or https URL: ftp://127.0.0.1/x"),
])
def test_a_url_that_cannot_be_fetched_is_one_line(run, library, url, reason):
    result = fetch(run, library, url)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"failed: {url}: {reason}"]


def test_a_hand_edited_manifest_is_never_a_traceback(run, portal, library):
    fetch_all(run, portal, library)
    data = manifest(library)
    data["files"]["sub/kazakhstan.html"] = data["files"]["kazakhstan.html"]
    data["files"]["kazakhstan.html"]["etag"] = '"é"'
    data["files"]["azerbaijan.html"]["pages"] = 5
    data["pages"][portal.url("/overviews/mgi")]["parts"] = 5
    (library / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    result = fetch_all(run, portal, library)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (  # azerbaijan's entry left out: its file adopted
        "fetched 0, unchanged 6, skipped 2 (1 not a profile, 1 robots.txt), failed 0")
    assert "sub/kazakhstan.html" in manifest(library)["files"]  # kept, as it was


def test_a_linked_manifest_is_replaced_never_followed(run, portal, library, tmp_path):
    outside = tmp_path / "elsewhere.json"
    outside.write_text("{}")
    library.mkdir()
    (library / MANIFEST).symlink_to(outside)
    fetch(run, library, portal.url("/overviews/mgi/kazakhstan"))
    assert outside.read_text() == "{}"
    assert not (library / MANIFEST).is_symlink()
    assert list(manifest(library)["files"]) == ["kazakhstan.html"]


def test_ctrl_c_keeps_what_was_done_and_says_so(run, portal, library, monkeypatch):
    from mgi_cli.fetch.run import Fetcher

    keep = Fetcher._keep
    kept = []

    def interrupted(self, *args, **kwargs):
        if len(kept) == 2:
            raise KeyboardInterrupt
        kept.append(args)
        return keep(self, *args, **kwargs)

    monkeypatch.setattr(Fetcher, "_keep", interrupted)
    result = fetch_all(run, portal, library)
    assert result.exit_code == 130
    assert result.stdout.splitlines()[0] == (
        "fetched 2, unchanged 0, skipped 1 (not a profile), failed 0")
    assert result.stderr.splitlines()[-1] == (
        "Interrupted: the files above are saved whole; run the same command again to go on.")
    assert sorted(manifest(library)["files"]) == profile_files(library)
    assert len(profile_files(library)) == 2 and temporary_files(library) == []


def test_a_folder_that_will_not_take_the_files_fails_each_in_one_line(
        run, portal, library, monkeypatch):
    from mgi_cli.fetch import run as fetch_run

    def refused(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fetch_run, "write", refused)
    monkeypatch.setattr(fetch_run, "write_manifest", refused)
    result = fetch(run, library, portal.url("/overviews/mgi/kazakhstan"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"failed: {portal.url('/overviews/mgi/kazakhstan')}: cannot be saved: Permission "
        "denied",
        f"error: mgi-sources.json cannot be written in {str(library)!r}: Permission denied; "
        "the files fetched are there, without their sources."]


def test_the_portal_from_the_environment_and_a_progress_bar_on_a_terminal(
        portal, library, monkeypatch):
    from typer.testing import CliRunner

    from mgi_cli.cli import app
    from mgi_cli.terminal import Terminal

    monkeypatch.setenv("MGI_PORTAL", portal.url("/"))
    result = CliRunner().invoke(app, ["--data-dir", str(library), "fetch", "--all", "--delay",
                                      "0"], obj=Terminal(stderr_isatty=True, width=80))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "fetched 6, unchanged 0, skipped 2 (1 not a profile, 1 robots.txt), failed 0")
    assert profile_files(library) == ENGLISH_FILES



def test_a_later_page_that_cannot_be_fetched_never_leaves_a_profile_in_part(
        run, tmp_path, library):
    with Portal(tmp_path / "site") as portal:
        with portal.lock:
            del portal.pages["/overviews/mgi/azerbaijan?page=1"]
        result = fetch_all(run, portal, library)
        page = portal.url("/overviews/mgi/azerbaijan?page=1")
    assert result.exit_code == 1
    assert "azerbaijan.html" not in profile_files(library)
    assert (f"failed: {page.replace('?page=1', '')}: its page {page} could not be fetched (HTTP "
            "404); not saved in part") in result.stderr.splitlines()


def test_an_index_page_disallowed_keeps_what_the_others_lead_to(run, portal, library):
    with portal.lock:
        portal.pages["/robots.txt"] = Page(
            b"User-agent: *\nAllow: /\nDisallow: /*?page=\nDisallow: /overviews/mgi/restricted\n",
            "text/plain")
    result = fetch_all(run, portal, library)
    assert portal.requested("/overviews/mgi", any_query=True) == 1  # ?page=1 never asked
    assert profile_files(library) == [name for name in ENGLISH_FILES
                                      if name != "azerbaijan.html"]  # listed on page 1 only
    assert result.stdout.splitlines()[0] == (
        "fetched 5, unchanged 0, skipped 3 (1 not a profile, 2 robots.txt), failed 0")


@pytest.mark.parametrize("portal_url", ["http://[::1", "ftp://h", "https://h/x?y=1", "h"])
def test_a_portal_that_is_no_address_is_a_usage_error(run, library, portal_url):
    result = fetch(run, library, "--all", "--portal", portal_url)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: --portal: {portal_url!r} is not the http or https address of a site (such as "
        "https://www.migrationdataportal.org). See 'mgi fetch -h'."]
    assert not library.exists()


def test_a_file_of_the_same_bytes_already_there_is_adopted(run, portal, library):
    library.mkdir()
    (library / "kazakhstan.html").write_bytes(portal.pages["/overviews/mgi/kazakhstan"].body)
    result = fetch(run, library, portal.url("/overviews/mgi/kazakhstan"))
    assert result.stdout.splitlines()[0] == "fetched 0, unchanged 1, skipped 0, failed 0"
    assert profile_files(library) == ["kazakhstan.html"]
    assert list(manifest(library)["files"]) == ["kazakhstan.html"]


def test_a_dry_run_counts_as_the_run_would(run, portal, library):
    result = fetch(run, library, "--dry-run", portal.url("/overviews/mgi/kazakhstan"),
                   portal.url(BOOK))
    assert result.stdout.splitlines()[-2] == (
        "would fetch 1, unchanged 0, skipped 1 (duplicate), failed 0")


def test_a_run_that_dies_leaves_every_file_it_wrote_in_the_manifest(
        run, portal, library, monkeypatch):
    from mgi_cli.fetch import run as fetch_run

    written = []
    write = fetch_run.write

    def dies(*args):
        if len(written) == 3:
            raise SystemError("killed")
        written.append(args[1])
        return write(*args)

    monkeypatch.setattr(fetch_run, "write", dies)
    result = fetch_all(run, portal, library)
    assert isinstance(result.exception, SystemError)
    assert sorted(manifest(library)["files"]) == profile_files(library) == sorted(written)
    monkeypatch.setattr(fetch_run, "write", write)
    again = fetch_all(run, portal, library)
    assert again.stdout.splitlines()[0] == (
        "fetched 3, unchanged 3, skipped 2 (1 not a profile, 1 robots.txt), failed 0")
    assert profile_files(library) == ENGLISH_FILES  # no second copy of any
