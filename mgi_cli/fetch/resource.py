"""What `mgi fetch` handles: a resource (a page and its later `?page=N` pages, as fetched)
and the outcome of each URL."""

from __future__ import annotations

from mgi_cli.fetch import links as urls
from mgi_cli.fetch.client import Response
from mgi_cli.fetch.save import join_pages
from mgi_cli.record import Record, frozen


@frozen()
class Outcome(Record):
    """What became of one URL."""

    url: str
    status: str  # "fetched", "unchanged", "skipped" or "failed"
    reason: str = ""  # why skipped or failed
    file: str | None = None  # the file written (or that would be, with --dry-run)
    profile: str | None = None  # its id, as the loader reads it


@frozen()
class Resource(Record):
    """A page and its other pages, as fetched (all 200), and the other pages that could not
    be: (URL, "skipped" or "failed", why)."""

    url: str
    responses: tuple[Response, ...]
    missing: tuple[tuple[str, str, str], ...] = ()

    @property
    def kind(self) -> str:
        return self.responses[0].content_type

    @property
    def final_url(self) -> str:
        return self.responses[0].final_url

    @property
    def addresses(self) -> set[str]:
        """Its pages' URLs, as asked for and as answered (after redirects)."""
        return {r.url for r in self.responses} | {r.final_url for r in self.responses}

    def body(self) -> bytes:
        first, *others = (response.body for response in self.responses)
        return join_pages(first, others) if others else first

    def links(self) -> list[str]:
        found: dict[str, None] = {}
        for response in self.responses:
            found.update(dict.fromkeys(urls.links(response.body, response.final_url)))
        return list(found)


def validators_of(response: Response) -> dict[str, str]:
    return {key: value for key, value in (("etag", response.etag),
                                          ("last_modified", response.last_modified)) if value}
