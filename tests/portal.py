"""A replica of IOM's Migration Data Portal on localhost, made from the seeds, for the tests
of `mgi fetch`: real HTTP (the standard library's ThreadingHTTPServer in a daemon thread),
real portal paths, real page furniture, and misbehaviours switched on one at a time.

    with Portal(tmp_path) as portal:
        portal.url(OVERVIEW)              # "http://127.0.0.1:<port>/overviews/mgi"
        portal.requested(RESTRICTED)      # how many requests asked for that path: 0
        portal.other.requested(ELSEWHERE)  # the second host, which nothing may ask either

The tree (paths as on www.migrationdataportal.org):

    /robots.txt                              Disallow: /overviews/mgi/restricted
    /overviews/mgi                           overview, page 0: kazakhstan, kyrgyzstan (2018),
                                             kyrgyzstan-second-profile (2023), the pager to
                                             ?page=1, local-mgi, about-the-mgi,
                                             restricted-profile, the other host, /fr, /es
    /overviews/mgi?page=1                    overview, page 1: azerbaijan, back to page 0
    /overviews/mgi/local-mgi                 sub-index: the two local profiles
    /overviews/mgi/<slug>                    profile pages (PROFILE_PAGES); azerbaijan is split
                                             in two: ?page=1 holds domains 4-6 (SPLIT)
    /overviews/mgi/about-the-mgi             a page of the tree that is not a profile
    /fr/overviews/mgi, /es/overviews/mgi     overviews of the translations (LANGUAGE_PAGES)
    /books/mgi-profile-republic-of-kazakhstan   a publication page linking PDF
    PDF                                      the Kazakhstan report (application/pdf)

Every page and the PDF has an ETag (a hash of its body) and a Last-Modified; a matching
If-None-Match, or an If-Modified-Since not older, is answered 304 with no body. Unknown
paths are 404. A query other than `page` is ignored, and `?page=0` is the page without one.

Misbehaviours (TROUBLES) are off by default: `Portal(folder, troubles={"429", "slow"})`, or
`portal.add_trouble("429")`. Each has a path of its own, linked from the overview only while
it is on; `add_trouble("429", "/overviews/mgi/kazakhstan")` puts it on an existing page
instead (which the overview already links), so a fetch still finds each profile once.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import io
import socket
import threading
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from mgi_cli.loader import bundled_seeds, load_paths, read_profile
from mgi_cli.model import Profile
from tests.editions import first_edition
from tests.pages import GAPS_LABEL, STRENGTHS_LABEL, _date, _entities, write_html, write_pdf

HTML = "text/html; charset=utf-8"
SITE = "Migration data portal"
LAST_MODIFIED = "Wed, 10 Jan 2024 09:00:00 GMT"  # of every page: stable, in the past

ROBOTS = "/robots.txt"
OVERVIEW = "/overviews/mgi"
OVERVIEW_PAGE_1 = "/overviews/mgi?page=1"
LOCAL = "/overviews/mgi/local-mgi"
ABOUT = "/overviews/mgi/about-the-mgi"
DISALLOWED = "/overviews/mgi/restricted"  # robots.txt's Disallow
RESTRICTED = "/overviews/mgi/restricted-profile"  # disallowed by robots.txt, yet linked
BOOK = "/books/mgi-profile-republic-of-kazakhstan"
PDF = "/sites/g/files/tmzbdl2616/files/pdf-files/mgi-kazakhstan.pdf"
ELSEWHERE = "/overviews/mgi/elsewhere"  # on the other host: a profile page nothing may fetch
FRENCH, SPANISH = "/fr/overviews/mgi", "/es/overviews/mgi"

# Each English profile page -> the profile id it reads back as (and its edition's year).
PROFILE_PAGES = {
    "/overviews/mgi/kazakhstan": "kazakhstan",
    "/overviews/mgi/kyrgyzstan": "kyrgyzstan",  # the first edition, 2018 (tests/editions.py)
    "/overviews/mgi/kyrgyzstan-second-profile": "kyrgyzstan",  # the seed, 2023
    "/overviews/mgi/azerbaijan": "azerbaijan",  # domains 1-3; ?page=1 holds 4-6
    "/overviews/mgi/kenya-county-of-mombasa": "mombasa",
    "/overviews/mgi/costa-rica-municipality-of-la-cruz-local": "la-cruz",
}
# A profile split over pages of one path: the pages, in order. Each alone lacks domains.
SPLIT = {"/overviews/mgi/azerbaijan": ("/overviews/mgi/azerbaijan",
                                       "/overviews/mgi/azerbaijan?page=1")}
# The translations (tests/fixtures/languages) -> (profile id, language).
LANGUAGE_PAGES = {
    "/fr/overviews/mgi/kazakhstan": ("kazakhstan", "fr"),
    "/es/overviews/mgi/kyrgyzstan-second-profile": ("kyrgyzstan", "es"),
}
LANGUAGES = Path(__file__).parent / "fixtures" / "languages"

# Each misbehaviour -> the path it has unless put on another.
TROUBLES = {
    "redirect": "/overviews/mgi/kenya-mombasa",  # 301 to kenya-county-of-mombasa
    "redirect-away": "/overviews/mgi/moved-away",  # 302 to the other host's ELSEWHERE
    "404": "/overviews/mgi/missing",
    "429": "/overviews/mgi/busy",  # 429 with Retry-After: 1 on the first request, then 200
    "503": "/overviews/mgi/unavailable",  # 503 on the first request, then 200
    "slow": "/overviews/mgi/slow",  # answers after `slow_seconds`
    "huge": "/overviews/mgi/huge",  # chunked, no Content-Length, `huge_bytes` (None: endless)
    "cut": "/overviews/mgi/cut",  # Content-Length larger than what is sent, then closed
    "csv": "/overviews/mgi/indicators-export",  # 200, Content-Type: text/csv
    "zip": "/overviews/mgi/profiles-archive",  # 200, Content-Type: application/zip
}
REDIRECT_TARGET = "/overviews/mgi/kenya-county-of-mombasa"
# The page a trouble of its own path serves once it answers (429, 503, slow, cut).
TROUBLE_BODY = "/overviews/mgi/kazakhstan"


@dataclass
class Request:
    """One request as the server read it. Header names are lower-cased."""

    method: str
    path: str  # with its query
    headers: dict[str, str]
    status: int | None = None  # what it was answered (None: not, e.g. stopped while slow)

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@dataclass(frozen=True)
class Page:
    body: bytes
    content_type: str = HTML

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


# -- pages -----------------------------------------------------------------------------------

def document(title: str, main: str, lang: str = "en", site: str = SITE,
             path: str = OVERVIEW) -> str:
    """A full page with the portal's furniture: header and nav (links outside the MGI
    tree), a language switcher, a cookie banner, the content in <main>, a footer."""
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="ltr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title} | {site}</title>
<link rel="stylesheet" href="/themes/custom/mdp/css/style.css">
<script>window.dataLayer = window.dataLayer || []; document.write("<p>Loading</p>");</script>
</head>
<body class="path-overviews">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<header role="banner"><a href="/" rel="home">Migration data portal</a>
<nav class="navbar" aria-label="Main navigation"><ul class="menu">
<li><a href="/">Home</a></li><li><a href="/data">Data</a></li>
<li><a href="/themes">Themes</a></li>
<li><a href="/overviews/mgi" class="is-active">Migration Governance Indicators</a></li></ul>
<ul class="language-switcher-language-url">
<li><a href="{OVERVIEW}" hreflang="en">English</a></li>
<li><a href="{FRENCH}" hreflang="fr">Français</a></li>
<li><a href="{SPANISH}" hreflang="es">Español</a></li></ul></nav></header>
<div id="cookie-consent" class="eu-cookie-compliance-banner" role="dialog">
<p>We use cookies on this site to enhance your user experience.</p>
<button type="button" class="agree-button">OK, I agree</button>
<a href="/privacy-policy">More info</a></div>
<main id="main-content" role="main" data-path="{html.escape(path)}">
{main}
</main>
<footer class="site-footer"><p>The Migration Data Portal is managed by IOM's Global Migration
Data Analysis Centre.</p><ul><li><a href="/privacy-policy">Privacy</a></li>
<li><a href="/contact">Contact</a></li><li><a href="mailto:mdp@iom.int">mdp@iom.int</a></li>
<li><a href="#main-content">Back to top</a></li></ul></footer>
</body></html>
"""


# The labels of a profile page in each language; the date in the translation's own months.
_WORDS = {
    "en": ("Key findings", STRENGTHS_LABEL, GAPS_LABEL),
    "fr": ("Principales conclusions", "Gouvernance des migrations : exemples de domaines "
           "bien développés", "Domaines pouvant être développés davantage"),
    "es": ("Conclusiones principales", "Gobernanza de la migración: ejemplos de áreas bien "
           "desarrolladas", "Áreas con potencial de desarrollo adicional"),
}
_SPANISH_MONTHS = ("Enero Febrero Marzo Abril Mayo Junio Julio Agosto Septiembre Octubre "
                   "Noviembre Diciembre").split()


def profile_main(profile: Profile, scratch: Path) -> str:
    """A profile's body as tests/pages.py writes it (its own labels for a translation)."""
    if profile.language == "en":
        path = scratch / f"{profile.id}-{profile.published}-{len(profile.domains)}.html"
        write_html(profile, path, fragment=True)
        return path.read_text(encoding="utf-8")
    key, strengths_label, gaps_label = _WORDS[profile.language]
    date = _date(profile)
    if profile.language == "es":
        year, month = (profile.published or "").split("-")
        date = f"{year} {_SPANISH_MONTHS[int(month) - 1]}"
    body = [f"<h1>{_entities(profile.title)}</h1>", f"<p>{date}</p>"]
    for block in profile.domains:
        body += [f"<h2>{key}</h2>", f"<h3>{_entities(block.heading)}</h3>"]
        for label, items in ((strengths_label, block.strengths), (gaps_label, block.gaps)):
            body.append(f"<h4>{label}</h4>\n<ul>")
            body += [f"  <li>{_entities(item)}</li>" for item in items]
            body.append("</ul>")
    return "\n".join(body)


def pager(page: int, last: int) -> str:
    """A Drupal pager: links to the other pages of the same path by query alone."""
    items = []
    if page > 0:
        items.append(f'<li class="pager__item pager__item--previous"><a href="?page={page - 1}"'
                     ' rel="prev">‹ Previous</a></li>')
    for number in range(last + 1):
        items.append('<li class="pager__item is-active">' + str(number + 1) + "</li>"
                     if number == page else
                     f'<li class="pager__item"><a href="?page={number}">{number + 1}</a></li>')
    if page < last:
        items.append(f'<li class="pager__item pager__item--next"><a href="?page={page + 1}"'
                     ' rel="next">Next ›</a></li>')
    return ('<nav class="pager" role="navigation" aria-label="Pagination">\n'
            '<ul class="pagination pager__items">' + "".join(items) + "</ul></nav>")


def _card(href: str, name: str, more: str | None = None) -> str:
    read_more = f' <a href="{more}" class="read-more">Read more</a>' if more else ""
    return (f'<div class="views-row"><h3><a href="{href}">{html.escape(name)}</a></h3>'
            f"{read_more}</div>")


_ABOUT = """<h1>About the MGI</h1>
<p>The Migration Governance Indicators (MGI) initiative is a policy benchmarking programme led
by the International Organization for Migration and implemented with the support of the
Economist Impact. It helps countries take stock of their migration policies and identify
priorities on the way forward.</p>
<p>The MGI is made of around ninety indicators grouped under six dimensions of migration
governance, drawn from the Migration Governance Framework: the rights of migrants, a whole of
government approach, partnerships, the well-being of migrants, the mobility dimensions of
crises, and safe, orderly and regular migration.</p>
<p>The process is consultative and voluntary. Each assessment ends with a profile that the
government reviews and publishes, and many countries repeat the exercise a few years later to
see what has changed.</p>"""

_BOOK = """<h1>MGI Profile - Republic of Kazakhstan</h1>
<div class="book-details"><p>Publication date: 2018</p><p>Languages: English</p>
<p>The Migration Governance Indicators profile of the Republic of Kazakhstan summarizes
the well-developed areas of its migration governance and the areas with potential for
further development.</p>
<p><a href="{pdf}" class="button">Download PDF</a></p></div>
<div class="related"><h2>Related publications</h2><ul>
<li><a href="/books/world-migration-report-2024">World Migration Report 2024</a></li>
<li><a href="/books/mgi-profile-kyrgyz-republic">MGI Profile - Kyrgyz Republic</a></li>
<li><a href="/search?type=book&amp;topic=mgi">All MGI publications</a></li></ul></div>"""


# -- the servers -----------------------------------------------------------------------------

class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # never wait for a handler on close

    def __init__(self, site: Site) -> None:
        self.site = site
        self.open: set[socket.socket] = set()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request, client_address) -> None:
        with self.site.lock:
            self.open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self.site.lock:
            self.open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:
        pass  # a client gone mid-answer is what some tests do


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 10  # an idle kept-alive connection is dropped after this

    current: Request | None = None

    def send_response(self, code: int, message: str | None = None) -> None:
        if self.current is not None:
            self.current.status = code  # before the client can see it
        super().send_response(code, message)

    def do_GET(self) -> None:
        self.server.site.answer(self, head=False)

    def do_HEAD(self) -> None:
        self.server.site.answer(self, head=True)

    def log_message(self, format: str, *args) -> None:
        pass


@dataclass
class _Trouble:
    kind: str
    path: str
    own: bool  # a path of its own (listed in the overview while on), not an existing page
    hits: int = 0


@dataclass
class Site:
    """One HTTP server on 127.0.0.1 and a free port, answering from `pages` and recording
    every request. Portal is one; its `other` host is another."""

    pages: dict[str, Page] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._requests: list[Request] = []
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- running

    def start(self) -> None:
        self._server = _Server(self)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, daemon=True,
                                        name=f"portal-{self.port}")
        self._thread.start()

    def stop(self) -> None:
        """Stop at once: slow and endless answers end, open connections are closed."""
        self._stopping.set()
        server = self._server
        if server is None:
            return
        server.shutdown()
        with self.lock:
            connections = list(server.open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=2)
        self._server = None

    @property
    def port(self) -> int:
        assert self._server is not None, "not started"
        return self._server.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base + path

    # -- what was asked

    @property
    def requests(self) -> list[Request]:
        """A copy of the requests so far, in the order they came."""
        with self.lock:
            return list(self._requests)

    def requested(self, path: str, any_query: bool = False) -> int:
        """How many requests asked for `path` (with its query, exactly); `any_query`: for
        the path whatever its query."""
        if any_query:
            return sum(urlsplit(r.path).path == path for r in self.requests)
        return sum(r.path == path for r in self.requests)

    def clear(self) -> None:
        """Forget the requests so far (a second run's can then be told apart)."""
        with self.lock:
            self._requests.clear()

    # -- answering

    def answer(self, handler: _Handler, head: bool) -> None:
        request = Request(handler.command, handler.path,
                          {name.lower(): value for name, value in handler.headers.items()})
        with self.lock:
            self._requests.append(request)
        handler.current = request
        self.respond(handler, request, head)

    def respond(self, handler: _Handler, request: Request, head: bool) -> int:
        page = self.pages.get(normal(request.path))
        if page is None:
            return send(handler, 404, b"<h1>Page not found</h1>", HTML, head=head)
        return send_page(handler, page, request, head)

    def wait(self, seconds: float) -> bool:
        """Sleep, or less when stopping; True when stopping."""
        return self._stopping.wait(seconds)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()


def normal(target: str) -> str:
    """The page a request target names: the query kept to `page`, and page 0 is no page."""
    parts = urlsplit(target)
    page = dict(parse_qsl(parts.query)).get("page", "0")
    return parts.path if page == "0" else f"{parts.path}?page={page}"


def send(handler: _Handler, status: int, body: bytes, content_type: str | None = HTML,
         headers: Mapping[str, str] | None = None, head: bool = False) -> int:
    handler.send_response(status)
    if content_type and status != 304:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if status != 304:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if not head and status != 304:
        handler.wfile.write(body)
    return status


def send_page(handler: _Handler, page: Page, request: Request, head: bool = False) -> int:
    headers = {"ETag": page.etag, "Last-Modified": LAST_MODIFIED,
               "Cache-Control": "public, max-age=0"}
    status = 304 if not_modified(page, request.headers) else 200
    return send(handler, status, page.body, page.content_type, headers, head)


def not_modified(page: Page, headers: Mapping[str, str]) -> bool:
    """RFC 9110: If-None-Match decides when present, else If-Modified-Since."""
    if "if-none-match" in headers:
        tags = {tag.strip().removeprefix("W/") for tag in headers["if-none-match"].split(",")}
        return "*" in tags or page.etag in tags
    if "if-modified-since" in headers:
        try:
            return parsedate_to_datetime(LAST_MODIFIED) <= parsedate_to_datetime(
                headers["if-modified-since"])
        except (TypeError, ValueError):
            return False
    return False


class Portal(Site):
    """The replica of the portal (see the module's docstring); a context manager that
    starts it and its `other` host, and stops both without waiting on a slow answer.

    `folder`: where the pages are rendered (their files stay there to look at).
    `troubles`: misbehaviours to switch on, by name (TROUBLES), or name -> path to put one
    on. `slow_seconds`: how long "slow" waits. `huge_bytes`: how much "huge" sends (None:
    until the client hangs up). `chunk`: the size of each of its chunks.
    """

    def __init__(self, folder: Path, troubles: Iterable[str] | Mapping[str, str] = (),
                 slow_seconds: float = 3.0, huge_bytes: int | None = None,
                 chunk: int = 64 * 1024) -> None:
        super().__init__()
        self.folder = Path(folder)
        self.slow_seconds, self.huge_bytes, self.chunk = slow_seconds, huge_bytes, chunk
        self.other = Site()
        self.troubles: dict[str, _Trouble] = {}  # path -> trouble
        self.profiles: dict[str, Profile] = {}  # each profile page -> the profile it holds
        self._build()
        self._pending = dict(troubles) if isinstance(troubles, Mapping) else {
            kind: TROUBLES[kind] for kind in troubles}

    def __enter__(self) -> Portal:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self.other.start()
        super().start()
        for kind, path in self._pending.items():
            self.add_trouble(kind, path)

    def stop(self) -> None:
        super().stop()
        self.other.stop()

    def add_trouble(self, kind: str, path: str | None = None) -> str:
        """Switch a misbehaviour on, on its own path or on `path` (whatever its query: both
        pages of a split profile, hits counted together); returns the path."""
        if kind not in TROUBLES:
            raise ValueError(f"unknown trouble {kind!r}: one of {', '.join(TROUBLES)}")
        path = path or TROUBLES[kind]
        with self.lock:
            own = path not in self.pages and path != OVERVIEW
            self.troubles[path] = _Trouble(kind, path, own)
        return path

    def remove_trouble(self, path_or_kind: str) -> None:
        with self.lock:
            for path, trouble in list(self.troubles.items()):
                if path_or_kind in (path, trouble.kind):
                    del self.troubles[path]

    # -- the pages

    def _build(self) -> None:
        scratch = self.folder / "rendered"
        scratch.mkdir(parents=True, exist_ok=True)
        seeds = {p.id: p for p in load_paths([bundled_seeds()]).profiles}
        first = scratch / "kyrgyzstan-2018.txt"
        first.write_text(first_edition(), encoding="utf-8")
        english = {path: seeds[pid] for path, pid in PROFILE_PAGES.items()}
        english["/overviews/mgi/kyrgyzstan"] = read_profile(first)[0]
        translated = {path: read_profile(LANGUAGES / f"{pid}_{lang}.txt")[0]
                      for path, (pid, lang) in LANGUAGE_PAGES.items()}
        self.profiles = {**english, **translated}
        pages: dict[str, str] = {}

        for path, profile in english.items():
            if path in SPLIT:
                continue
            main = profile_main(profile, scratch)
            report = (f'<li><a href="{BOOK}">Read the full MGI report</a></li>'
                      if profile.id == "kazakhstan" else "")
            main += (f'\n<aside class="related"><ul>{report}<li><a href="{OVERVIEW}">Back to '
                     "all MGI profiles</a></li></ul></aside>")
            pages[path] = document(_entities(profile.name), main, path=path)
        for path, parts in SPLIT.items():
            profile = english[path]
            halves = (profile.domains[:3], profile.domains[3:])
            for number, (part, domains) in enumerate(zip(parts, halves, strict=True)):
                main = (profile_main(profile.replace(domains=domains), scratch) + "\n"
                        + pager(number, len(parts) - 1))
                pages[normal(part)] = document(_entities(profile.name), main, path=part)
        for path, profile in translated.items():
            pages[path] = document(_entities(profile.name), profile_main(profile, scratch),
                                   lang=profile.language, path=path)
        pages[RESTRICTED] = pages["/overviews/mgi/kenya-county-of-mombasa"]
        pages[ABOUT] = document("About the MGI", _ABOUT, path=ABOUT)
        pages[LOCAL] = document("Local MGI", "\n".join([
            "<h1>Local Migration Governance Indicators</h1>",
            "<p>The local MGI adapts the indicators to cities and provinces.</p>",
            _card("kenya-county-of-mombasa", "Kenya: County of Mombasa"),
            _card("/overviews/mgi/costa-rica-municipality-of-la-cruz-local",
                  "Costa Rica: Municipality of La Cruz",
                  "./costa-rica-municipality-of-la-cruz-local#findings"),
            f'<p><a href="{OVERVIEW}">All MGI profiles</a></p>']), path=LOCAL)
        pages[normal(OVERVIEW_PAGE_1)] = document(
            "Migration Governance Indicators", "\n".join([
                "<h1>Migration Governance Indicators</h1>",
                _card("mgi/azerbaijan", "Azerbaijan", "/overviews/mgi/azerbaijan#main-content"),
                pager(1, 1)]), path=OVERVIEW_PAGE_1)
        for prefix, lang, (title, heading) in (
                (FRENCH, "fr", ("Indicateurs de gouvernance des migrations",
                                "Indicateurs de gouvernance des migrations (IGM)")),
                (SPANISH, "es", ("Indicadores de Gobernanza de la Migración",
                                 "Indicadores de Gobernanza de la Migración (IGM)"))):
            cards = [_card(path, translated[path].name)
                     for path in LANGUAGE_PAGES if path.startswith(prefix + "/")]
            pages[prefix] = document(title, "\n".join([f"<h1>{heading}</h1>", *cards]),
                                     lang=lang, path=prefix)

        self.pages = {path: Page(text.encode("utf-8")) for path, text in pages.items()}
        self.pages[ROBOTS] = Page(
            f"User-agent: *\nDisallow: {DISALLOWED}\n".encode(),
            "text/plain; charset=utf-8")
        pdf = scratch / "mgi-kazakhstan.pdf"
        write_pdf(english["/overviews/mgi/kazakhstan"], pdf)
        self.pages[PDF] = Page(pdf.read_bytes(), "application/pdf")
        self.pages[BOOK] = Page(document(
            "MGI Profile - Republic of Kazakhstan", _BOOK.format(pdf=PDF),
            site="IOM Publications Platform", path=BOOK).encode("utf-8"))
        self.other.pages = {ROBOTS: Page(b"User-agent: *\nDisallow:\n", "text/plain"),
                            ELSEWHERE: self.pages["/overviews/mgi/kazakhstan"]}

    def overview(self) -> Page:
        """The overview's page 0, listing the troubles of their own paths that are on."""
        with self.lock:
            extra = [t for t in self.troubles.values() if t.own]
        cards = [
            "<h1>Migration Governance Indicators</h1>",
            "<p>The MGI helps countries assess their migration governance. See "
            f'<a href="{ABOUT}">about the MGI</a> and the <a href="mgi/local-mgi">local '
            "MGI</a>.</p>",
            '<div class="view-content">',
            _card("mgi/kazakhstan", "Kazakhstan", "/overviews/mgi/kazakhstan#main-content"),
            _card("/overviews/mgi/kyrgyzstan", "Kyrgyzstan (2018)",
                  "./mgi/kyrgyzstan#findings"),
            _card(self.url("/overviews/mgi/kyrgyzstan-second-profile"), "Kyrgyzstan (2023)",
                  "mgi/kyrgyzstan-second-profile"),
            _card(RESTRICTED, "Restricted profile"),
            _card(self.other.url(ELSEWHERE), "A profile on another site"),
            *(_card(t.path, f"Profile ({t.kind})") for t in extra),
            "</div>",
            f'<p>Also in <a href="{FRENCH}" hreflang="fr">français</a> and '
            f'<a href="{self.url(SPANISH)}" hreflang="es">español</a>.</p>',
            pager(0, 1)]
        return Page(document("Migration Governance Indicators", "\n".join(cards),
                             path=OVERVIEW).encode("utf-8"))

    # -- answering, troubles first

    def respond(self, handler: _Handler, request: Request, head: bool) -> int:
        path = urlsplit(request.path).path
        with self.lock:
            trouble = self.troubles.get(path)
            if trouble is not None:
                trouble.hits += 1
        if trouble is not None:
            return self._misbehave(handler, request, trouble, head)
        if normal(request.path) == OVERVIEW:
            return send_page(handler, self.overview(), request, head)
        return super().respond(handler, request, head)

    def _body(self, request: Request) -> Page:
        """What a trouble serves once it answers: the page it is put on, or TROUBLE_BODY's."""
        return self.pages.get(normal(request.path)) or self.pages[TROUBLE_BODY]

    def _misbehave(self, handler: _Handler, request: Request, trouble: _Trouble,
                   head: bool) -> int:
        kind = trouble.kind
        if kind == "redirect":
            return send(handler, 301, b"", None, {"Location": self.url(REDIRECT_TARGET)},
                        head)
        if kind == "redirect-away":
            return send(handler, 302, b"", None, {"Location": self.other.url(ELSEWHERE)},
                        head)
        if kind == "404":
            return send(handler, 404, b"<h1>Page not found</h1>", head=head)
        if kind in ("429", "503") and trouble.hits == 1:
            status, headers = (429, {"Retry-After": "1"}) if kind == "429" else (503, {})
            return send(handler, status, f"<h1>{status}</h1>".encode(), HTML, headers, head)
        if kind == "slow" and self.wait(self.slow_seconds):
            handler.close_connection = True
            return 0  # stopped: no answer
        if kind == "huge":
            return self._endless(handler, head)
        if kind == "cut":
            body = self._body(request).body
            handler.send_response(200)
            handler.send_header("Content-Type", HTML)
            handler.send_header("Content-Length", str(len(body) * 2))
            handler.end_headers()
            if not head:
                handler.wfile.write(body[: len(body) // 2])
                handler.wfile.flush()
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(socket.SHUT_RDWR)
            return 200
        if kind == "csv":
            return send_page(handler, Page(b"country,domain,strengths,gaps\n"
                                           b"Kazakhstan,1,5,3\n", "text/csv"), request, head)
        if kind == "zip":
            archive = io.BytesIO()
            with zipfile.ZipFile(archive, "w") as folder:
                folder.writestr("kazakhstan.html", self.pages[TROUBLE_BODY].body)
            return send_page(handler, Page(archive.getvalue(), "application/zip"), request,
                             head)
        return send_page(handler, self._body(request), request, head)

    def _endless(self, handler: _Handler, head: bool) -> int:
        """A page in chunks without Content-Length, of `huge_bytes` or until the client
        hangs up (or the portal stops)."""
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        handler.close_connection = True
        if head:
            return 200
        row = b"<p>Migration governance, domain after domain, page after page.</p>\n"
        block = (row * (self.chunk // len(row) + 1))[: self.chunk]
        piece, sent = b"<!DOCTYPE html><html><body>\n", 0
        try:
            while not self.stopping and (self.huge_bytes is None or sent < self.huge_bytes):
                if self.huge_bytes is not None:
                    piece = piece[: self.huge_bytes - sent]
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                sent += len(piece)
                piece = block
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass  # the client hung up: what a cap does
        return 200
