"""The replica of the Migration Data Portal (tests/portal.py) that `mgi fetch` is tested
against: its tree, its pages read back as the profiles they stand for, its conditional
answers, its misbehaviours, and a shutdown that never waits on them."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import pytest

from mgi_cli.loader import read_or_report
from tests.portal import (
    ABOUT,
    BOOK,
    ELSEWHERE,
    FRENCH,
    LANGUAGE_PAGES,
    LAST_MODIFIED,
    LOCAL,
    OVERVIEW,
    OVERVIEW_PAGE_1,
    PDF,
    PROFILE_PAGES,
    RESTRICTED,
    SPANISH,
    SPLIT,
    TROUBLES,
    Portal,
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    with Portal(tmp_path_factory.mktemp("portal")) as running:
        yield running


@pytest.fixture(scope="module")
def troubled(tmp_path_factory):
    with Portal(tmp_path_factory.mktemp("troubled"), troubles=set(TROUBLES),
                slow_seconds=30, huge_bytes=None) as running:
        yield running


def get(url: str, headers: dict[str, str] | None = None, timeout: float = 5,
        method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request, redirects not followed: (status, headers, body)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""),
                           headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def links(portal: Portal, path: str) -> tuple[list[str], set[str]]:
    """A page's hrefs as written, and the URLs they resolve to (fragments dropped)."""
    parser = _Links()
    parser.feed(get(portal.url(path))[2].decode("utf-8"))
    return parser.hrefs, {urldefrag(urljoin(portal.url(path), h)).url for h in parser.hrefs}


def read_back(tmp_path, body: bytes, suffix: str = ".html"):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(body)
    return read_or_report(path)


def counts(profile) -> list[tuple[int, int, bool]]:
    return [(len(b.strengths), len(b.gaps), b.present) for b in profile.domains]


# -- the tree -------------------------------------------------------------------------------

def test_robots_txt_disallows_the_restricted_tree(portal):
    status, headers, body = get(portal.url("/robots.txt"))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert body.decode() == "User-agent: *\nDisallow: /overviews/mgi/restricted\n"
    robots = RobotFileParser()
    robots.parse(body.decode().splitlines())
    assert not robots.can_fetch("mgi", portal.url(RESTRICTED))
    assert all(robots.can_fetch("mgi", portal.url(path)) for path in PROFILE_PAGES)


def test_the_overview_links_profiles_in_every_form_and_the_rest_of_the_site(portal):
    status, headers, body = get(portal.url(OVERVIEW))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"<title>Migration Governance Indicators | Migration data portal</title>" in body
    hrefs, urls = links(portal, OVERVIEW)
    url = portal.url
    assert {url(p) for p in ["/overviews/mgi/kazakhstan", "/overviews/mgi/kyrgyzstan",
                             "/overviews/mgi/kyrgyzstan-second-profile", LOCAL, ABOUT,
                             RESTRICTED, FRENCH, SPANISH, "/data", "/themes"]} <= urls
    assert url(OVERVIEW_PAGE_1) in urls and "?page=1" in hrefs
    assert portal.other.url(ELSEWHERE) in urls and portal.other.port != portal.port
    # relative, absolute-path and absolute forms, with fragments, and duplicates
    assert {"mgi/kazakhstan", "/overviews/mgi/kazakhstan#main-content",
            url("/overviews/mgi/kyrgyzstan-second-profile"), "./mgi/kyrgyzstan#findings"} <= set(
        hrefs)
    assert len(hrefs) > len(set(hrefs))
    assert not any(path in body.decode() for path in TROUBLES.values())  # clean by default


def test_every_profile_is_reached_from_the_overview_through_pager_and_sub_index(portal):
    _, page_1 = links(portal, OVERVIEW_PAGE_1)
    assert portal.url("/overviews/mgi/azerbaijan") in page_1
    assert portal.url("/overviews/mgi?page=0") in page_1  # back to the first page
    _, local = links(portal, LOCAL)
    assert {portal.url("/overviews/mgi/kenya-county-of-mombasa"),
            portal.url("/overviews/mgi/costa-rica-municipality-of-la-cruz-local")} <= local
    for language, prefix in (("fr", FRENCH), ("es", SPANISH)):
        _, listed = links(portal, prefix)
        assert {portal.url(p) for p, (_, lang) in LANGUAGE_PAGES.items()
                if lang == language} <= listed


@pytest.mark.parametrize("path", [*PROFILE_PAGES, *LANGUAGE_PAGES])
def test_each_profile_page_reads_back_as_its_profile(portal, tmp_path, path):
    status, headers, body = get(portal.url(path))
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    expected = portal.profiles[path]
    assert f"<title>{expected.name} | Migration data portal</title>" in body.decode()
    profile, problems = read_back(tmp_path, body)
    assert profile is not None and profile.id == expected.id
    assert (profile.language, profile.published) == (expected.language, expected.published)
    if path in SPLIT:
        return  # test_the_split_profile_is_whole_only_with_both_pages
    assert [p.message for p in problems if not p.note] == []
    assert counts(profile) == counts(expected)


def test_the_two_editions_of_kyrgyzstan_are_two_pages(portal):
    first = portal.profiles["/overviews/mgi/kyrgyzstan"]
    second = portal.profiles["/overviews/mgi/kyrgyzstan-second-profile"]
    assert (first.published, first.edition, second.published, second.edition) == (
        "2018-03", 1, "2023-12", 2)


def test_the_split_profile_is_whole_only_with_both_pages(portal, tmp_path):
    path = "/overviews/mgi/azerbaijan"
    pages = [get(portal.url(part))[2] for part in SPLIT[path]]
    assert pages[0] == get(portal.url(f"{path}?page=0"))[2]  # page 0 is the page itself
    assert b'<a href="?page=1" rel="next">Next' in pages[0]
    assert b'<a href="?page=0" rel="prev">' in pages[1]
    whole = portal.profiles[path]
    halves = [read_back(tmp_path, page)[0] for page in pages]
    assert [b.present for b in halves[0].domains] == [True] * 3 + [False] * 3
    assert [b.present for b in halves[1].domains] == [False] * 3 + [True] * 3
    joined = [first if first.present else second
              for first, second in zip(halves[0].domains, halves[1].domains, strict=True)]
    assert [(b.strengths, b.gaps) for b in joined] == [
        (b.strengths, b.gaps) for b in whole.domains]
    # The two <main>s in one page read back as the whole profile.
    mains = [re.search(rb"<main[^>]*>(.*)</main>", page, re.S).group(1) for page in pages]
    profile, problems = read_back(tmp_path, b"<main>" + b"\n".join(mains) + b"</main>")
    assert counts(profile) == counts(whole)
    assert [p.message for p in problems if not p.note] == []


def test_pages_that_are_not_profiles(portal, tmp_path):
    for path in (OVERVIEW, ABOUT, LOCAL, FRENCH):
        profile, problems = read_back(tmp_path, get(portal.url(path))[2])
        assert profile is None and "holds no MGI profile" in problems[0].message, path
    assert get(portal.url("/overviews/mgi/nowhere"))[0] == 404
    assert get(portal.url("/data"))[0] == 404


def test_the_publication_page_links_a_pdf_of_the_profile(portal, tmp_path):
    hrefs, _ = links(portal, BOOK)
    assert PDF in hrefs and len(hrefs) > 5
    assert b"Download PDF</a>" in get(portal.url(BOOK))[2]
    status, headers, body = get(portal.url(PDF))
    assert (status, headers["Content-Type"]) == (200, "application/pdf")
    profile, _ = read_back(tmp_path, body, ".pdf")
    assert profile.id == "kazakhstan" and counts(profile) == counts(
        portal.profiles["/overviews/mgi/kazakhstan"])


def test_a_query_other_than_page_is_ignored(portal):
    path = "/overviews/mgi/kazakhstan"
    assert get(portal.url(f"{path}?utm_source=x"))[2] == get(portal.url(path))[2]
    assert get(portal.url(f"{path}?page=7"))[0] == 404


# -- conditional requests --------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/overviews/mgi/kazakhstan", PDF, OVERVIEW, "/robots.txt"])
def test_a_matching_etag_or_date_gets_304_and_no_body(portal, path):
    status, headers, body = get(portal.url(path))
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and modified == LAST_MODIFIED and etag.startswith('"')
    assert get(portal.url(path))[1]["ETag"] == etag  # stable
    assert get(portal.url(path), {"If-None-Match": etag})[::2] == (304, b"")
    assert get(portal.url(path), {"If-None-Match": f'"other", W/{etag}'})[0] == 304
    assert get(portal.url(path), {"If-Modified-Since": modified})[::2] == (304, b"")
    assert get(portal.url(path), {"If-None-Match": '"other"'})[::2] == (200, body)
    assert get(portal.url(path), {"If-Modified-Since": "Mon, 01 Jan 2018 00:00:00 GMT"})[
        0] == 200


def test_requests_are_recorded_with_their_headers_and_answer(portal):
    path = "/overviews/mgi/kenya-county-of-mombasa?x=1"
    before = portal.requested(path)
    etag = get(portal.url(path))[1]["ETag"]
    get(portal.url(path), {"If-None-Match": etag, "User-Agent": "mgi-test"})
    assert portal.requested(path) == before + 2
    last = portal.requests[-1]
    assert (last.method, last.path, last.status, last.conditional) == ("GET", path, 304, True)
    assert last.headers["user-agent"] == "mgi-test"
    assert portal.requested("/overviews/mgi/kenya-county-of-mombasa", any_query=True) >= 2


# -- misbehaviours ---------------------------------------------------------------------------

def test_troubles_are_linked_from_the_overview_only_when_on(troubled):
    _, urls = links(troubled, OVERVIEW)
    assert {troubled.url(path) for path in TROUBLES.values()} <= urls


def test_redirects_to_the_same_and_to_another_host(troubled):
    status, headers, _ = get(troubled.url(TROUBLES["redirect"]))
    assert (status, headers["Location"]) == (
        301, troubled.url("/overviews/mgi/kenya-county-of-mombasa"))
    status, headers, _ = get(troubled.url(TROUBLES["redirect-away"]))
    assert (status, headers["Location"]) == (302, troubled.other.url(ELSEWHERE))
    assert troubled.other.requested(ELSEWHERE) == 0
    assert get(troubled.url(TROUBLES["404"]))[0] == 404


@pytest.mark.parametrize(("kind", "status"), [("429", 429), ("503", 503)])
def test_busy_and_unavailable_once_then_the_page(troubled, tmp_path, kind, status):
    first = get(troubled.url(TROUBLES[kind]))
    assert first[0] == status
    assert (first[1].get("Retry-After") == "1") == (kind == "429")
    code, _, body = get(troubled.url(TROUBLES[kind]))
    assert code == 200 and read_back(tmp_path, body)[0].id == "kazakhstan"


def test_a_trouble_on_an_existing_page(tmp_path):
    path = "/overviews/mgi/kazakhstan"
    with Portal(tmp_path, troubles={"429": path}) as portal:
        assert [get(portal.url(path))[0] for _ in range(3)] == [429, 200, 200]
        assert get(portal.url(OVERVIEW))[2].count(b"/overviews/mgi/busy") == 0
        portal.add_trouble("404", path)
        assert get(portal.url(path))[0] == 404
        portal.remove_trouble(path)
        assert get(portal.url(path))[0] == 200


def test_wrong_content_types(troubled):
    assert get(troubled.url(TROUBLES["csv"]))[1]["Content-Type"] == "text/csv"
    status, headers, body = get(troubled.url(TROUBLES["zip"]))
    assert (headers["Content-Type"], body[:2]) == ("application/zip", b"PK")


def test_an_interrupted_download(troubled):
    with pytest.raises(http.client.IncompleteRead):
        get(troubled.url(TROUBLES["cut"]))


def test_a_slow_answer_times_out_the_client_and_not_the_shutdown(tmp_path):
    with Portal(tmp_path, troubles={"slow"}, slow_seconds=30) as portal:
        with pytest.raises((socket.timeout, TimeoutError)):
            get(portal.url(TROUBLES["slow"]), timeout=0.2)
        outcome: list[BaseException] = []

        def wait() -> None:
            try:
                get(portal.url(TROUBLES["slow"]), timeout=60)
            except (http.client.HTTPException, OSError) as error:
                outcome.append(error)

        waiting = threading.Thread(target=wait, daemon=True)
        waiting.start()
        time.sleep(0.1)
        started = time.monotonic()
    assert time.monotonic() - started < 1  # stopped with a handler asleep and a client waiting
    waiting.join(2)
    assert not waiting.is_alive() and len(outcome) == 1  # and that client was hung up on


def test_a_huge_body_streams_without_length_until_the_client_hangs_up(troubled):
    parts = urlsplit(troubled.url(TROUBLES["huge"]))
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", parts.path)
    response = connection.getresponse()
    assert response.getheader("Content-Length") is None
    assert response.getheader("Transfer-Encoding") == "chunked"
    assert len(response.read(3_000_000)) == 3_000_000  # and more to come
    connection.close()  # the server notices on its next chunk and stops


def test_a_huge_body_of_a_chosen_size(tmp_path):
    with Portal(tmp_path, troubles={"huge"}, huge_bytes=200_000, chunk=4096) as portal:
        status, headers, body = get(portal.url(TROUBLES["huge"]))
    assert (status, len(body)) == (200, 200_000) and "Content-Length" not in headers


def test_stopping_never_waits_on_an_endless_stream(tmp_path):
    portal = Portal(tmp_path, troubles={"huge"}).__enter__()
    parts = urlsplit(portal.url(TROUBLES["huge"]))
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request("GET", parts.path)
    response = connection.getresponse()
    response.read(100_000)  # the client keeps the stream open, reading nothing more
    started = time.monotonic()
    portal.stop()
    assert time.monotonic() - started < 1
    connection.close()


def test_the_other_host_records_what_it_is_asked(portal):
    assert portal.other.requested(ELSEWHERE) == 0
    assert get(portal.other.url(ELSEWHERE))[0] == 200
    assert portal.other.requested(ELSEWHERE) == 1
    portal.other.clear()
    assert portal.other.requests == []
