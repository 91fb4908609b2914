"""One polite HTTP client: what every request `mgi fetch` makes goes through.

httpx does the HTTP (timeouts, streaming, keep-alive); this module decides what is polite and
safe: robots.txt first (the standard library's parser, fed what this client fetched, so the
robots request is paced and identified like the others), one request at a time with `delay`
seconds between two to the same host, 429 and 503 answered by waiting what Retry-After says
(up to a minute), other 5xx and timeouts retried with backoff, three tries in all, redirects
followed by hand (five at most, each to an allowed host and checked against robots.txt),
only http and https, the Content-Type checked and the size cap enforced while the body
streams in (a body that grows past it is dropped before it is all read).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from mgi_cli import __version__
from mgi_cli.record import Record, frozen

PROJECT_URL = "https://pypi.org/project/mgi-cli/"
USER_AGENT = f"mgi/{__version__} (+{PROJECT_URL})"
TRIES = 3
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for longer is not waited for
BACKOFF = 0.5  # seconds before the second try; doubled before the third
ROBOTS_MAX_BYTES = 512 * 1024
CHUNK = 64 * 1024


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, in a few words."""


class Disallowed(FetchError):
    """robots.txt asks mgi not to fetch this URL: never requested."""


@frozen()
class Response(Record):
    """A response read whole (within its cap), or a 304 with no body."""

    url: str  # asked for
    final_url: str  # after redirects
    status: int  # 200 or 304
    content_type: str  # "html", "pdf", or "" for a 304
    body: bytes
    etag: str | None
    last_modified: str | None


# What a Content-Type may be, and its cap (the loader's: a bigger file is not read).
KINDS = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}


class PoliteClient:
    """Requests one at a time, paced per host, within the hosts `allowed` accepts."""

    def __init__(self, allowed: Callable[[str], bool], caps: Mapping[str, int],
                 delay: float = 1.0, timeout: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.allowed, self.caps, self.delay = allowed, caps, delay
        self.sleep = sleep
        self.requests = 0  # how many were sent: the summary's politeness figure
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._robots: dict[str, RobotFileParser] = {}
        self.known: dict[str, dict[str, Any]] = {}  # URL -> validators of last time (robots)
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, validators: Mapping[str, str] | None = None) -> Response:
        """The resource at `url`, following allowed redirects; with `validators` (its ETag
        and Last-Modified from last time) a conditional request: 304 when unchanged."""
        headers = _conditional(validators or {})
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.check(current)
            status, response_headers, body = self._with_retries(current, headers)
            if status in (301, 302, 303, 307, 308):
                current = self._redirect(current, response_headers)
                continue
            return _response(url, current, status, response_headers, body)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def check(self, url: str) -> None:
        """Raise unless `url` may be requested: http(s), an allowed host, robots.txt."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http or https URL: {url}")
        if not self.allowed(url):
            raise FetchError(f"not a portal or IOM host: {parts.netloc}")
        if not self._robots_of(url).can_fetch(USER_AGENT, url):
            raise Disallowed("disallowed by robots.txt")

    def _redirect(self, current: str, headers: httpx.Headers) -> str:
        location = str(headers.get("location") or "")
        if not location:
            raise FetchError("a redirect without a Location")
        target = urljoin(current, location)
        if not self.allowed(target):
            raise FetchError(f"redirected to another host: {urlsplit(target).netloc}")
        return target

    def _with_retries(self, url: str, headers: dict[str, str], robots: bool = False
                      ) -> tuple[int, httpx.Headers, bytes]:
        """One request, tried up to TRIES times: after a timeout, a dropped connection or a
        5xx, waiting Retry-After (429, 503) or BACKOFF, doubled each time."""
        for attempt in range(1, TRIES + 1):
            try:
                status, response_headers, body = self._once(url, headers, robots)
            except (httpx.TimeoutException, httpx.NetworkError,
                    httpx.RemoteProtocolError) as error:
                if attempt == TRIES:
                    raise FetchError(_network_reason(error)) from None
                self.sleep(BACKOFF * 2.0 ** (attempt - 1))
                continue
            if status != 429 and status < 500:
                return status, response_headers, body
            if attempt == TRIES:
                raise FetchError(f"HTTP {status} after {TRIES} tries")
            self.sleep(_wait(status, response_headers, attempt))
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], robots: bool = False
              ) -> tuple[int, httpx.Headers, bytes]:
        """One request, paced, its body read within the cap its Content-Type sets (robots.txt:
        any type, a small cap)."""
        host = urlsplit(url).netloc
        self._pace(host)
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                if response.status_code != 200:
                    return response.status_code, response.headers, b""
                cap = ROBOTS_MAX_BYTES if robots else self._cap(response.headers)
                return 200, response.headers, _body(response, cap)
        finally:
            self._last[host] = time.monotonic()

    def _cap(self, headers: httpx.Headers) -> int:
        kind = KINDS.get(_media_type(headers))
        if kind is None:
            shown = _media_type(headers) or "none"
            raise FetchError(f"not an HTML page or a PDF (Content-Type: {shown})")
        return self.caps[kind]

    def _pace(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = self.delay - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)

    def _robots_of(self, url: str) -> RobotFileParser:
        """The site's robots.txt, read once per run: missing (4xx) allows all; 401, 403 and
        a server that fails disallow all, as RFC 9309 and the standard library's parser say."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin + "/robots.txt")
        return self._robots[origin]

    def _read_robots(self, url: str) -> RobotFileParser:
        """robots.txt, asked for with the validators of last time (`known`, shared with the
        run's memory of pages), so that a run that changes nothing sends only conditional
        requests."""
        parser = RobotFileParser(url)
        known = self.known.get(url, {})
        try:
            status, headers, body = self._with_retries(url, _conditional(known), robots=True)
        except FetchError:  # unreachable after three tries
            status, headers, body = 503, httpx.Headers(), b""
        if status == 304 and isinstance(known.get("text"), str):
            parser.parse(known["text"].splitlines())
        elif status == 200:
            text = body.decode("utf-8", "replace")
            parser.parse(text.splitlines())
            self.known[url] = {**_validators(headers), "kind": "robots", "text": text}
        elif status in (401, 403) or status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
        else:
            parser.parse([])
        return parser


def _body(response: httpx.Response, cap: int) -> bytes:
    """The body, read in chunks; past `cap` bytes (announced or received) it is dropped."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchError(f"larger than {cap // (1024 * 1024)} MB ({int(declared):,} bytes)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(CHUNK):
        size += len(chunk)
        if size > cap:
            raise FetchError(f"larger than {cap // (1024 * 1024)} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def _response(url: str, final: str, status: int, headers: httpx.Headers,
              body: bytes) -> Response:
    if status not in (200, 304):
        raise FetchError(f"HTTP {status}")
    kind = KINDS.get(_media_type(headers), "") if status == 200 else ""
    validators = _validators(headers)
    return Response(url, final, status, kind, body, validators.get("etag"),
                    validators.get("last_modified"))


def _validators(headers: httpx.Headers) -> dict[str, str]:
    """A response's ETag and Last-Modified, as the next request's conditions will use them."""
    found = {"etag": headers.get("etag"), "last_modified": headers.get("last-modified")}
    return {key: str(value) for key, value in found.items() if value}


def _media_type(headers: httpx.Headers) -> str:
    return str(headers.get("content-type") or "").split(";")[0].strip().lower()


def _conditional(validators: Mapping[str, Any]) -> dict[str, str]:
    headers = {}
    if validators.get("etag"):
        headers["If-None-Match"] = validators["etag"]
    if validators.get("last_modified"):
        headers["If-Modified-Since"] = validators["last_modified"]
    return headers


def _wait(status: int, headers: httpx.Headers, attempt: int) -> float:
    """How long to wait before trying again: Retry-After for 429 and 503, else backoff."""
    backoff = BACKOFF * 2.0 ** (attempt - 1)
    if status not in (429, 503) or "retry-after" not in headers:
        return backoff
    seconds = _retry_after(headers["retry-after"])
    if seconds is None:
        return backoff
    if seconds > MAX_RETRY_AFTER:
        raise FetchError(f"HTTP {status}: asked to wait {seconds:.0f} s (over a minute)")
    return seconds


def _retry_after(value: str) -> float | None:
    """Retry-After as seconds: a number of seconds, or an HTTP date."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _network_reason(error: Exception) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"no connection within the timeout, after {TRIES} tries"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out, after {TRIES} tries"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the connection broke off before the end, after {TRIES} tries"
    return f"{type(error).__name__}: {error}, after {TRIES} tries"
