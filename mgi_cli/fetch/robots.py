"""robots.txt, read once per site and run, as RFC 9309 says.

The standard library's parser reads the rules; what it lacks is added here: the longest
matching rule wins (Allow on a tie), the `*` and `$` of a path pattern (`Disallow: /*?page=`),
a byte-order mark, the first 500 KiB of a longer file, redirects (five at most), and what an
answer that is not 200 means: 4xx, there are no rules (allow all); 5xx or no answer at all,
the site cannot say, so nothing is fetched from it, and each of its URLs fails with why
(never counted as skipped by robots.txt).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, unquote, urljoin, urlparse, urlsplit, urlunparse
from urllib.robotparser import RobotFileParser

MAX_BYTES = 500 * 1024  # RFC 9309: at least the first 500 KiB are parsed
MAX_REDIRECTS = 5
# One request with these validators -> (status, its Location, ETag and Last-Modified as
# "location", "etag", "last_modified" where given, body); Unreadable when the site does not
# answer.
Read = Callable[[str, Mapping[str, Any]], tuple[int, dict[str, str], bytes]]


class Unreadable(Exception):
    """The site's robots.txt could not be read (5xx, or no answer): nothing is fetched."""


class Robots:
    """What each site's robots.txt allows `agent`, read through `read` (paced and identified
    as every request is). `known` keeps each robots.txt's text and validators between runs,
    so that a run that changes nothing asks for it with a conditional request."""

    def __init__(self, agent: str, read: Read, known: dict[str, dict[str, Any]]) -> None:
        self.agent, self.read, self.known = agent, read, known
        self._sites: dict[str, RobotFileParser | Unreadable] = {}

    def allows(self, url: str) -> bool:
        """Whether robots.txt lets mgi fetch `url`; Unreadable when it cannot say."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._sites:
            try:
                self._sites[site] = self._rules(site + "/robots.txt")
            except Unreadable as error:
                self._sites[site] = error
        rules = self._sites[site]
        if isinstance(rules, Unreadable):
            raise rules
        return rules.can_fetch(self.agent, url)

    def _rules(self, url: str) -> RobotFileParser:
        known = self.known.get(url, {})
        validators = known if isinstance(known.get("text"), str) else {}
        where = url
        for _ in range(MAX_REDIRECTS + 1):
            status, headers, body = self.read(where, validators)
            if status in (301, 302, 303, 307, 308) and headers.get("location"):
                where, validators = urljoin(where, headers["location"]), {}
                continue
            return self._answer(url, status, headers, body)
        return parsed([])  # RFC 9309: past five redirects, as if there were no robots.txt

    def _answer(self, url: str, status: int, headers: dict[str, str],
                body: bytes) -> RobotFileParser:
        if status == 304:
            return parsed(str(self.known[url]["text"]).splitlines())
        if status == 200:
            text = body[:MAX_BYTES].decode("utf-8-sig", "replace")
            validators = {k: v for k, v in headers.items() if k in ("etag", "last_modified")}
            self.known[url] = {**validators, "kind": "robots", "text": text}
            return parsed(text.splitlines())
        if 400 <= status < 500:
            return parsed([])
        raise Unreadable(f"robots.txt could not be read (HTTP {status}), so nothing is "
                         "fetched from this site")


class _Rules(RobotFileParser):
    """The standard library's parser, deciding as RFC 9309 does: of the rules of the group
    that names mgi (else `*`) that match a path, the longest wins, and Allow wins a tie (the
    standard library takes the first that matches, so a Disallow after a broader Allow would
    never count)."""

    def can_fetch(self, useragent: str, url: str) -> bool:
        found: Any = self
        entry = next((e for e in found.entries if e.applies_to(useragent)),
                     found.default_entry)
        if entry is None:
            return True
        parts = urlparse(unquote(url))
        path = quote(urlunparse(("", "", parts.path, parts.params, parts.query, ""))) or "/"
        matching = [rule for rule in entry.rulelines if rule.applies_to(path)]
        if not matching:
            return True
        best = max(matching, key=lambda rule: (len(rule.path), rule.allowance))
        return bool(best.allowance)


def parsed(lines: list[str]) -> RobotFileParser:
    """The rules of `lines`, read by the standard library's parser, taught `*` and `$`."""
    parser = _Rules()
    parser.parse(lines)
    # The parser's entries and their rules are attributes its stubs do not declare.
    found: Any = parser
    entries = [*found.entries, *([found.default_entry] if found.default_entry else [])]
    for entry in entries:
        for rule in entry.rulelines:
            if "%2A" in rule.path or rule.path.endswith("%24"):
                rule.applies_to = _matcher(rule.path)
    return parser


def _matcher(path: str) -> Callable[[str], bool]:
    """A rule's path with `*` (any characters) and a final `$` (the end), as the parser keeps
    paths: quoted, `*` as %2A and `$` as %24."""
    anchored = path.endswith("%24")
    body = path[:-3] if anchored else path
    pattern = ".*".join(re.escape(part) for part in body.split("%2A"))
    compiled = re.compile(pattern + ("$" if anchored else ""))
    return lambda filename: compiled.match(filename) is not None
