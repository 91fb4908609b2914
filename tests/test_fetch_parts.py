"""The parts of `mgi fetch` on their own: the client's pacing and waits (its sleep recorded,
against the portal replica), file names, atomic writes, joined pages, links."""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from mgi_cli.atomic import temporary_files
from mgi_cli.fetch import client as polite
from mgi_cli.fetch.links import in_tree, is_loopback, links, normal, overview, pages_of
from mgi_cli.fetch.robots import Robots, Unreadable
from mgi_cli.fetch.save import file_name, join_pages, write
from tests.portal import Portal

CAPS = {"html": 20 * 1024 * 1024, "pdf": 100 * 1024 * 1024}


@pytest.fixture
def portal(tmp_path):
    with Portal(tmp_path / "site", troubles={"429": "/overviews/mgi/kazakhstan"}) as replica:
        yield replica


def client(sleeps: list[float], delay: float = 1.0) -> polite.PoliteClient:
    return polite.PoliteClient(lambda url: True, CAPS, delay=delay, timeout=5,
                               sleep=sleeps.append)


def test_requests_to_one_host_are_a_delay_apart(portal):
    sleeps: list[float] = []
    fetcher = client(sleeps)
    fetcher.get(portal.url("/overviews/mgi"))  # robots.txt first, then the page: one wait
    fetcher.get(portal.url("/overviews/mgi/local-mgi"))
    assert len(sleeps) == 2 and all(0.5 < s <= 1.0 for s in sleeps)
    assert fetcher.requests == 3


def test_429_waits_what_retry_after_says(portal):
    sleeps: list[float] = []
    response = client(sleeps, delay=0).get(portal.url("/overviews/mgi/kazakhstan"))
    assert response.status == 200
    assert sleeps == [1.0]


@pytest.mark.parametrize(("value", "wait"), [("1", 1.0), ("60", 60.0), ("soon", 0.5)])
def test_retry_after_up_to_a_minute(value, wait):
    assert polite._wait(429, httpx.Headers({"retry-after": value}), 1) == wait


def test_retry_after_as_a_date_and_over_a_minute():
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert 25 < polite._wait(503, httpx.Headers({"retry-after": later}), 1) <= 30
    with pytest.raises(polite.FetchError, match="asked to wait 120 s"):
        polite._wait(429, httpx.Headers({"retry-after": "120"}), 1)
    assert polite._wait(500, httpx.Headers({}), 2) == 1.0  # backoff, doubled


def test_robots_txt_of_the_replica_and_of_a_site_that_does_not_answer(tmp_path):
    fetcher = client([], delay=0)
    with Portal(tmp_path / "site") as replica:
        assert fetcher.robots.allows(replica.url("/books/x"))
        assert not fetcher.robots.allows(replica.url("/overviews/mgi/restricted-profile"))
    with pytest.raises(polite.FetchError, match="robots.txt could not be read"):
        client([], delay=0).check("http://127.0.0.1:9/overviews/mgi")


def answers(status: int, body: bytes = b"", **headers: str):
    return lambda url, validators: (status, headers, body)


@pytest.mark.parametrize(("status", "body", "allowed"), [
    (200, b"User-agent: *\nDisallow: /*?page=\nDisallow: /x$\n", [
        ("/overviews/mgi?page=1", False), ("/overviews/mgi", True), ("/x", False),
        ("/xy", True)]),
    (200, b"\xef\xbb\xbfUser-agent: *\nDisallow: /private\n", [("/private/a", False)]),
    (200, b"User-agent: mgi\nDisallow: /\n", [("/a", False)]),
    (200, b"User-agent: other\nDisallow: /\n", [("/a", True)]),
    (200, b"User-agent: *\nAllow: /overviews/\nDisallow: /overviews/mgi/restricted\n", [
        ("/overviews/mgi/restricted-profile", False), ("/overviews/mgi/x", True)]),
    (200, b"User-agent: *\nDisallow: /a\nAllow: /a/b\n", [("/a/b/c", True), ("/a/c", False)]),
    (404, b"", [("/a", True)]),
    (403, b"", [("/a", True)]),  # RFC 9309: any 4xx, no rules
])
def test_robots_txt_rules(status, body, allowed):
    rules = Robots(polite.USER_AGENT, answers(status, body), {})
    assert [(path, rules.allows("https://h" + path)) for path, _ in allowed] == allowed


def test_robots_txt_redirected_and_too_long_and_unavailable():
    pages = {"https://h/robots.txt": (301, {"location": "/r.txt"}, b""),
             "https://h/r.txt": (200, {}, b"User-agent: *\nDisallow: /a\n" + b"#" * 600_000
                                 + b"\nDisallow: /b\n")}
    rules = Robots(polite.USER_AGENT, lambda url, validators: pages[url], {})
    assert not rules.allows("https://h/a")
    assert rules.allows("https://h/b")  # past the first 500 KiB: not read
    with pytest.raises(Unreadable):
        Robots(polite.USER_AGENT, answers(503), {}).allows("https://h/a")


def test_a_host_elsewhere_is_paced_even_at_delay_0():
    sleeps: list[float] = []
    fetcher = client(sleeps, delay=0)
    fetcher._last["publications.iom.int"] = time.monotonic()
    fetcher._pace("https://publications.iom.int/x", "publications.iom.int")
    fetcher._last["127.0.0.1:8000"] = time.monotonic()
    fetcher._pace("http://127.0.0.1:8000/x", "127.0.0.1:8000")
    assert len(sleeps) == 1 and 0.4 < sleeps[0] <= 0.5


@pytest.mark.parametrize(("url", "kind", "name"), [
    ("https://h/overviews/mgi/kazakhstan", "html", "kazakhstan.html"),
    ("https://h/fr/overviews/mgi/kazakhstan", "html", "kazakhstan-fr.html"),
    ("https://h/overviews/mgi/kyrgyzstan-second-profile/", "html",
     "kyrgyzstan-second-profile.html"),
    ("https://h/files/MGI%20Kazakhstan.PDF", "pdf", "MGI-Kazakhstan.pdf"),
    ("https://h/overviews/mgi/..", "html", "profile-"),
    ("https://h/overviews/mgi/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "html", "passwd.html"),
    ("https://h/overviews/mgi/a%00b%1b[31mc", "html", "a-b-31mc.html"),
    ("https://h/overviews/mgi/%2e%2e", "html", "profile-"),
    ("https://h/overviews/mgi/" + "x" * 300, "html", "x" * 100 + ".html"),
])
def test_file_names_are_slugs_made_safe(url, kind, name):
    made = file_name(url, kind, set())
    assert made.startswith(name) if name.endswith("-") else made == name
    assert "/" not in made and ".." not in made and made.isprintable()


def test_a_name_taken_gets_a_number():
    assert file_name("https://h/overviews/mgi/kazakhstan", "html",
                     {"kazakhstan.html", "kazakhstan-2.html"}) == "kazakhstan-3.html"


@pytest.mark.parametrize("name", ["../x.html", "a/b.html", ".hidden.html", "..", "a\x1b.html"])
def test_write_refuses_a_name_outside_the_folder(tmp_path, name):
    with pytest.raises(ValueError):
        write(tmp_path, name, b"x")
    assert os.listdir(tmp_path) == []


def test_an_interrupted_write_leaves_no_file(tmp_path, monkeypatch):
    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write(tmp_path, "kazakhstan.html", b"<html>" * 1000)
    assert os.listdir(tmp_path) == [] and temporary_files(tmp_path) == []


def test_a_link_of_that_name_is_replaced_never_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "kazakhstan.html").symlink_to(outside)
    write(folder, "kazakhstan.html", b"<html></html>")
    assert outside.read_text() == "keep"
    assert not (folder / "kazakhstan.html").is_symlink()


def test_joined_pages_keep_the_first_page_and_each_later_main():
    first = b"<html><body><nav>menu</nav><main><h2>1</h2></main><footer>f</footer></body></html>"
    second = b"<html><body><nav>menu</nav><main><h2>4</h2></main><footer>f</footer></body></html>"
    assert join_pages(first, [second]) == (
        b"<html><body><nav>menu</nav><main><h2>1</h2><h2>4</h2>\n</main><footer>f</footer>"
        b"</body></html>")
    assert join_pages(b"<p>1</p>", [b"<body><p>2</p></body>"]) == b"<p>1</p>\n<p>2</p>"


def test_links_are_absolute_once_and_without_fragments():
    page = (b'<base href="/overviews/"><a href="mgi/kazakhstan#top">K</a>'
            b'<a href="mgi/kazakhstan">K</a><a href="mailto:x@y">m</a>'
            b'<a href="https://OTHER.org/x/">o</a><a href="mgi?page=0">first</a>')
    assert links(page, "https://h/overviews/mgi") == [
        "https://h/overviews/mgi/kazakhstan", "https://other.org/x", "https://h/overviews/mgi"]


def test_the_tree_and_the_pages_of_a_profile():
    root = overview("https://h/", "fr")
    assert root == "https://h/fr/overviews/mgi"
    assert in_tree("https://h/fr/overviews/mgi/kazakhstan", root)
    assert not in_tree("https://h/fr/overviews/mgi-other", root)
    assert not in_tree("https://h:8080/fr/overviews/mgi/kazakhstan", root)
    linked = [normal(u) for u in ("https://h/a?page=2", "https://h/a?page=1", "https://h/a",
                                  "https://h/b?page=1", "https://h/a?page=0")]
    assert pages_of("https://h/a", linked) == ["https://h/a?page=1", "https://h/a?page=2"]


@pytest.mark.parametrize(("url", "loopback"), [
    ("http://127.0.0.1:8000/", True), ("http://localhost/", True), ("http://[::1]:80/", True),
    ("https://www.migrationdataportal.org/", False), ("http://10.0.0.1/", False)])
def test_loopback_hosts(url, loopback):
    assert is_loopback(url) is loopback
