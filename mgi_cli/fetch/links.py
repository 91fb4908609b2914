"""What a page links to, and what a URL is to `mgi fetch`.

The portal's MGI tree is `/[lang/]overviews/mgi` and what lies under it, on the portal's host:
the overview, its pages (`?page=N`), sub-indexes such as `local-mgi`, and the profiles. A
profile split over pages links its own path with `?page=N`. A publication page links its
report as a PDF. Links are read with the standard library's html.parser (as html_text.py
reads pages), never with regular expressions over markup.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

LANGUAGES = ("en", "fr", "es")  # what --lang fetches; the portal also has /de/
MIN_DELAY = 0.5  # seconds between two requests to a host that is not this machine
TREE = "overviews/mgi"
# IOM's own sites: a redirect may lead there (the portal to IOM's publications, and back).
IOM_DOMAINS = ("iom.int", "migrationdataportal.org")
_LANGUAGE_PREFIX = re.compile(r"^/(fr|es|de|en)(?=/)")


class _Links(HTMLParser):
    """Every <a href> of a page, and its <base href> if it has one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if href and tag == "a":
            self.hrefs.append(href.strip())
        elif href and tag == "base" and self.base is None:
            self.base = href.strip()


def links(page: bytes, url: str) -> list[str]:
    """The absolute http(s) URLs a page links to, without fragments, each once, in order."""
    parser = _Links()
    parser.feed(page.decode("utf-8", "replace"))
    parser.close()
    base = urljoin(url, parser.base) if parser.base else url
    found: dict[str, None] = {}
    for href in parser.hrefs:
        try:
            absolute = urldefrag(urljoin(base, href))[0]
            if urlsplit(absolute).scheme in ("http", "https"):
                found[normal(absolute)] = None
        except ValueError:  # "http://[::1": a link no one can follow
            continue
    return list(found)


def normal(url: str) -> str:
    """One spelling per URL: lower-case scheme and host, no fragment, no trailing slash on
    a path, query keys sorted (`?page=1` however it was written), and no `page=0`: the
    first page of a pager is the page without one."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted(pair for pair in pairs if pair != ("page", "0")))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def overview(portal: str, language: str) -> str:
    """The MGI overview of the portal in a language: /overviews/mgi, /fr/overviews/mgi."""
    base = portal.rstrip("/")
    return normal(f"{base}/{TREE}" if language == "en" else f"{base}/{language}/{TREE}")


def in_tree(url: str, root: str) -> bool:
    """Whether `url` is the overview `root` or lies under it, on the same host."""
    parts, tree = urlsplit(url), urlsplit(root)
    return parts.netloc == tree.netloc and (
        parts.path == tree.path or parts.path.startswith(tree.path + "/"))


def page_number(url: str) -> int | None:
    """N of a `?page=N` URL, None for a URL without one."""
    value = dict(parse_qsl(urlsplit(url).query)).get("page", "")
    return int(value) if value.isdigit() else None


def without_page(url: str) -> str:
    """The URL with its `page` parameter taken off: the first page of a paged resource."""
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "page"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def pages_of(url: str, linked: list[str]) -> list[str]:
    """The other pages of the resource at `url`: its own path with `?page=N`, N >= 1, in
    page order."""
    first = without_page(url)
    numbered = {page_number(link): link for link in linked
                if without_page(link) == first and (page_number(link) or 0) >= 1}
    return [numbered[n] for n in sorted(n for n in numbered if n is not None)]


def pdf_links(linked: list[str]) -> list[str]:
    """The links that name a PDF file."""
    return [link for link in linked if urlsplit(link).path.lower().endswith(".pdf")]


def language_of(url: str) -> str | None:
    """The language a URL's path says (/fr/..., /es/...); en for the portal's unprefixed
    pages; None when the path says nothing (a PDF, a publication page)."""
    path = urlsplit(url).path
    prefix = _LANGUAGE_PREFIX.match(path)
    if prefix:
        return prefix.group(1)
    return "en" if f"/{TREE}" in path else None


def host_of(url: str) -> str:
    """A URL's host name, lower case; "" for one that names none or cannot be read."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def netloc_of(url: str) -> str:
    """A URL's host and port, lower case; "" for one that cannot be read."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def is_iom_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in IOM_DOMAINS)


def is_loopback(url: str) -> bool:
    """A URL on this machine: 127.0.0.0/8, ::1 or localhost (where --delay may be 0)."""
    import ipaddress

    host = host_of(url)
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
