"""One polite HTTP client: what every request `mgi fetch` makes goes through.

httpx does the HTTP (timeouts, streaming, keep-alive); this module decides what is polite and
safe: robots.txt first (robots.py), one request at a time with `delay` seconds between two to
the same host (never under MIN_DELAY for a host that is not this machine, whatever a
redirect or a link leads to), 429 and 503 answered by waiting what Retry-After says (up to a
minute), other 5xx, dropped connections and timeouts tried again with backoff, three tries in
all, redirects followed by hand (five at most, each to an allowed host and checked against
robots.txt), only http and https without a user name or password, the Content-Type checked
and the size cap enforced while the body streams in (a body that grows past it is dropped
before it is all read).
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from mgi_cli import __version__
from mgi_cli.fetch.links import MIN_DELAY, is_loopback
from mgi_cli.fetch.robots import MAX_BYTES as ROBOTS_MAX_BYTES
from mgi_cli.fetch.robots import Robots, Unreadable
from mgi_cli.record import Record, frozen

PROJECT_URL = "https://pypi.org/project/mgi-cli/"
USER_AGENT = f"mgi/{__version__} (+{PROJECT_URL})"
TRIES = 3
MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for longer is not waited for
BACKOFF = 0.5  # seconds before the second try; doubled before the third
CHUNK = 64 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
_RETRIED = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)


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


# What a Content-Type may be; each kind has its cap (the loader's: a bigger file is not read).
KINDS = {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}
Answer = tuple[int, httpx.Headers, bytes]


class PoliteClient:
    """Requests one at a time, paced per host, within the hosts `allowed` accepts."""

    def __init__(self, allowed: Callable[[str], bool], caps: Mapping[str, int],
                 delay: float = 1.0, timeout: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.allowed, self.caps, self.delay = allowed, caps, delay
        self.sleep = sleep
        self.requests = 0  # how many were sent: the summary's politeness figure
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self.robots = Robots(USER_AGENT, self._read_robots, {})
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT}, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)))

    @property
    def known(self) -> dict[str, dict[str, Any]]:
        """robots.txt's text and validators of last time, by URL (kept with fetch's pages)."""
        return self.robots.known

    @known.setter
    def known(self, pages: dict[str, dict[str, Any]]) -> None:
        self.robots.known = pages

    def close(self) -> None:
        self._http.close()

    def get(self, url: str, validators: Mapping[str, Any] | None = None) -> Response:
        """The resource at `url`, following allowed redirects; with `validators` (its ETag
        and Last-Modified from last time) a conditional request: 304 when unchanged."""
        headers = _conditional(validators or {})
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self.check(current)
            status, response_headers, body = self._with_retries(current, headers)
            if status in REDIRECTS:
                current = self._redirect(current, response_headers)
                continue
            return _response(url, current, status, response_headers, body)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def check(self, url: str) -> None:
        """Raise unless `url` may be requested: http(s) with no credentials, an allowed host,
        robots.txt."""
        try:
            parts = urlsplit(url)
            hostname, _ = parts.hostname, parts.port  # reading the port checks it
        except ValueError:
            raise FetchError(f"not a valid URL: {url}") from None
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"not an http or https URL: {url}")
        if not hostname:
            raise FetchError(f"a URL without a host name: {url}")
        if parts.username is not None or parts.password is not None:
            raise FetchError("a URL with a user name or password is not fetched (it would be "
                             "kept in mgi-sources.json)")
        if not self.allowed(url):
            raise FetchError(f"not a portal or IOM host: {parts.netloc}")
        try:
            if not self.robots.allows(url):
                raise Disallowed("disallowed by robots.txt")
        except Unreadable as error:
            raise FetchError(str(error)) from None

    def _redirect(self, current: str, headers: httpx.Headers) -> str:
        location = str(headers.get("location") or "")
        if not location:
            raise FetchError("a redirect without a Location")
        try:
            target = urljoin(current, location)
            host = urlsplit(target).netloc
        except ValueError:
            raise FetchError(f"a redirect to an invalid URL: {location[:100]}") from None
        if not self.allowed(target):
            raise FetchError(f"redirected to another host: {host}")
        return target

    def _with_retries(self, url: str, headers: dict[str, str], robots: bool = False) -> Answer:
        """One request, tried up to TRIES times: after a timeout, a dropped connection or a
        5xx, waiting Retry-After (429, 503) or BACKOFF, doubled each time."""
        for attempt in range(1, TRIES + 1):
            try:
                status, response_headers, body = self._once(url, headers, robots)
            except _RETRIED as error:
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

    def _once(self, url: str, headers: dict[str, str], robots: bool = False) -> Answer:
        """One request, paced, its body read within the cap its Content-Type sets (robots.txt:
        any type, its first 500 KiB)."""
        host = urlsplit(url).netloc
        self._pace(url, host)
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                if response.status_code != 200:
                    return response.status_code, response.headers, b""
                if robots:
                    return 200, response.headers, _body(response, ROBOTS_MAX_BYTES, True)
                return 200, response.headers, _body(response, self._cap(response.headers))
        except _RETRIED:
            raise
        except (httpx.HTTPError, httpx.InvalidURL) as error:  # what a retry cannot mend
            raise FetchError(f"{type(error).__name__}: {error}") from None
        finally:
            self._last[host] = time.monotonic()

    def _cap(self, headers: httpx.Headers) -> int:
        kind = KINDS.get(_media_type(headers))
        if kind is None:
            shown = _media_type(headers) or "none"
            raise FetchError(f"not an HTML page or a PDF (Content-Type: {shown})")
        return self.caps[kind]

    def _pace(self, url: str, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = self.delay if is_loopback(url) else max(self.delay, MIN_DELAY)
            wait = delay - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)

    def _read_robots(self, url: str, validators: Mapping[str, Any]
                     ) -> tuple[int, dict[str, str], bytes]:
        """robots.py's way to ask: one request, paced and retried as any; no answer at all is
        Unreadable."""
        try:
            status, headers, body = self._with_retries(url, _conditional(validators), True)
        except FetchError as error:
            raise Unreadable(f"robots.txt could not be read ({error}), so nothing is fetched "
                             "from this site") from None
        found = {**_validators(headers), "location": str(headers.get("location") or "")}
        return status, found, body


def _body(response: httpx.Response, cap: int, truncate: bool = False) -> bytes:
    """The body, read in chunks; past `cap` bytes (announced or received) it is dropped, or,
    with `truncate`, its first `cap` bytes kept."""
    declared = str(response.headers.get("content-length") or "")
    if not truncate and declared.isdigit() and int(declared) > cap:
        raise FetchError(f"larger than {cap // (1024 * 1024)} MB ({int(declared):,} bytes)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(CHUNK):
        size += len(chunk)
        chunks.append(chunk)
        if size > cap:
            if truncate:
                break
            raise FetchError(f"larger than {cap // (1024 * 1024)} MB")
    return b"".join(chunks)[:cap]


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
    """If-None-Match and If-Modified-Since from what was kept; a value that is not plain
    printable ASCII (a hand-edited manifest) is left out, never sent."""
    headers = {}
    for key, header in (("etag", "If-None-Match"), ("last_modified", "If-Modified-Since")):
        value = validators.get(key)
        if isinstance(value, str) and value and value.isascii() and value.isprintable():
            headers[header] = value
    return headers


def _wait(status: int, headers: httpx.Headers, attempt: int) -> float:
    """How long to wait before trying again: Retry-After for 429 and 503, else backoff."""
    backoff = BACKOFF * 2.0 ** (attempt - 1)
    if status not in (429, 503) or "retry-after" not in headers:
        return backoff
    seconds = _retry_after(str(headers["retry-after"]))
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
    if isinstance(error, httpx.ConnectError):
        return f"no connection ({error}), after {TRIES} tries"
    return f"{type(error).__name__}: {error}, after {TRIES} tries"
