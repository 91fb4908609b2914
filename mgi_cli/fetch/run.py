"""What one `mgi fetch` does: URLs, the whole portal, or the files fetched before, each with
an outcome (fetched, unchanged, skipped and why, failed and why).

A resource is a page and the `?page=N` pages it links on its own path, asked for with the
validators of last time: when every page answers 304 nothing is read or written. A resource
that reads as a profile (the loader decides, on its pages joined) is kept as one file; one
that does not is an index whose links lead to profiles (the overview, `local-mgi`), a
publication page whose PDF is the report, or a page that is reported and never saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mgi_cli.fetch import links as urls
from mgi_cli.fetch.client import Disallowed, FetchError, PoliteClient, Response
from mgi_cli.fetch.resource import Outcome, Resource, validators_of
from mgi_cli.fetch.save import file_name, is_safe_name, read_profile, sha256, write
from mgi_cli.manifest import MANIFEST, Provenance, read_manifest, read_pages, write_manifest
from mgi_cli.model import Profile

MAX_DEPTH = 2  # the overview, its sub-indexes, their profiles
MAX_PARTS = 50  # ?page=N pages of one resource

OnProgress = Callable[[int, int, str], None]  # (discovered, done, url)


class _Edited(Exception):
    """A file fetched before and changed here since: never overwritten."""


class _Duplicate(Exception):
    """A URL that led to a page already fetched this run (a redirect to it, another link)."""


class Fetcher:
    """One run's folder, client, manifest and outcomes."""

    def __init__(self, folder: Path, client: PoliteClient, dry_run: bool = False,
                 on_progress: OnProgress | None = None) -> None:
        self.folder, self.client, self.dry_run = folder, client, dry_run
        self.on_progress = on_progress
        recorded = read_manifest(folder)
        self.files = {n: p for n, p in recorded.items() if is_safe_name(n)}  # name -> origin
        self._foreign = {n: p for n, p in recorded.items() if n not in self.files}
        self.pages = read_pages(folder)  # URL -> what was known of a page that is no profile
        client.known = self.pages  # robots.txt's validators and text, kept with the pages
        self.outcomes: list[Outcome] = []
        self.discovered = 0
        self._seen: set[str] = set()  # URLs found or asked for this run
        self._finished: set[str] = set()  # URLs asked for, and where they led
        self._kept: set[str] = set()  # files kept this run (or that would be, dry)

    # -- the three ways in --

    def fetch_urls(self, given: Iterable[str]) -> list[Outcome]:
        """Each URL: a profile page, a PDF, or a publication page whose PDF is fetched."""
        queue = list(given)
        self.discovered = len(queue)
        for typed in queue:
            try:  # a later page of a profile (?page=1) stands for the whole profile
                url = urls.without_page(urls.normal(typed))
            except ValueError:
                self._outcome(Outcome(typed, "failed", f"not a valid URL: {typed}"))
                continue
            self._guarded(url, self._explicit, url)
        return self.outcomes

    def fetch_all(self, portal: str, languages: Iterable[str]) -> list[Outcome]:
        """Every profile the portal's MGI overviews lead to, two levels deep."""
        for language in languages:
            root = urls.overview(portal, language)
            queue = [(root, 0)]
            self.discovered += 1
            while queue:
                url, depth = queue.pop(0)
                found = self._guarded(url, self._crawl, url, depth, root)
                fresh = [link for link in found or [] if link not in self._seen]
                self._seen.update(fresh)
                self.discovered += len(fresh)
                queue += [(link, depth + 1) for link in fresh]
        return self.outcomes

    def update(self) -> list[Outcome]:
        """The files fetched before, each asked for again with a conditional request."""
        entries = sorted(self.files.items())
        self.discovered = len(entries)
        for name, provenance in entries:  # a report's PDF, not its publication page
            url = provenance.url
            self._guarded(url, self._refresh, url, name)
        return self.outcomes

    def save_manifest(self) -> None:
        """The manifest, with what this run learnt (entries fetch would not write, such as a
        file in a subfolder, are kept as they were); none where nothing was ever learnt."""
        entries = {**self._foreign, **self.files}
        if self.dry_run or not (entries or self.pages or (self.folder / MANIFEST).exists()):
            return
        write_manifest(self.folder, entries, self.pages)

    # -- one URL --

    def _guarded(self, url: str, work: Callable[..., list[str] | None],
                 *arguments: Any) -> list[str] | None:
        """`work(*arguments)` on one URL; a failure becomes its outcome, never the run's end."""
        self._seen.add(url)
        if url in self._finished:
            self.discovered -= 1
            return None
        try:
            return work(*arguments)
        except _Duplicate:
            self.discovered -= 1
        except (Disallowed, _Edited) as reason:
            self._outcome(Outcome(url, "skipped", str(reason)))
        except FetchError as reason:
            self._outcome(Outcome(url, "failed", str(reason)))
        except OSError as error:  # the folder: full, read-only, a name taken by a folder
            self._outcome(Outcome(url, "failed", f"cannot be saved: {error.strerror or error}"))
        return None

    def _explicit(self, url: str) -> None:
        resource = self._resource(url)
        if resource is None:
            self._unchanged(url, lambda link: self._explicit_pdf(link, url))
            return
        why = self._keep_profile(resource)
        if why is None:
            return
        self._report_missing(resource)
        pdfs = urls.pdf_links(resource.links())
        self._remember(url, resource, "publication", pdfs)
        if not pdfs:
            self._outcome(Outcome(url, "failed", f"{why}, and it links no PDF report"))
        for pdf in pdfs:
            self._explicit_pdf(pdf, url)

    def _explicit_pdf(self, pdf: str, publication: str) -> None:
        self._guarded(pdf, self._pdf, pdf, publication)

    def _pdf(self, pdf: str, publication: str) -> None:
        resource = self._resource(pdf)
        if resource is None:
            self._unchanged(pdf, lambda link: None)
            return
        why = self._keep_profile(resource, publication)
        if why is not None:
            self._outcome(Outcome(pdf, "failed", why))

    def _crawl(self, url: str, depth: int, root: str) -> list[str] | None:
        """Fetch a page of the MGI tree: keep it if a profile; else the tree pages it leads to
        (none past MAX_DEPTH), or an outcome saying it is not a profile."""
        resource = self._resource(url)
        if resource is None:
            known = self.pages.get(url, {})
            if known.get("kind") == "index":  # its links as they were: no deeper than before
                return list(known.get("links", [])) if depth < MAX_DEPTH else []
            self._unchanged(url, lambda link: None)
            return None
        why = self._keep_profile(resource)
        if why is None:
            return None
        self._report_missing(resource)
        own = resource.addresses
        tree = [link for link in resource.links() if urls.in_tree(link, root) and link not in own]
        fresh = [link for link in tree if link not in self._seen]
        if not fresh or depth >= MAX_DEPTH:
            self._remember(url, resource, "other", [], why)
            self._outcome(Outcome(url, "skipped", why))
            return None
        self._remember(url, resource, "index", tree)
        return tree

    def _refresh(self, url: str, name: str) -> None:
        resource = self._resource(url)
        if resource is None:
            self._outcome(Outcome(url, "unchanged", file=name))
            return
        why = self._keep_profile(resource, self.files[name].publication)
        if why is not None:
            self._outcome(Outcome(url, "failed", f"{why}; {name} kept as it was"))

    # -- fetching a resource --

    def _resource(self, url: str) -> Resource | None:
        """The page at `url` and its ?page=N pages; None when each answered 304 (unchanged)."""
        known = self._validators(url)
        first = self.client.get(url, known)
        if first.final_url != url and first.final_url in self._finished:
            raise _Duplicate(url)
        self._seen.add(first.final_url)
        self._finished.update((url, first.final_url))
        if first.status == 304:
            if self._unchanged_parts(self._known_parts(url)):
                return None
            first = self.client.get(url)
        if first.content_type != "html":
            return Resource(url, (first,))
        others, missing = self._other_pages(first)
        return Resource(url, (first, *others), tuple(missing))

    def _unchanged_parts(self, parts: list[str]) -> bool:
        """Whether each later page of a resource answers 304 (one that fails: changed)."""
        for part in parts:
            try:
                if self.client.get(part, self.pages.get(part)).status != 304:
                    return False
            except FetchError:
                return False
        return True

    def _other_pages(self, first: Response) -> tuple[list[Response], list[tuple[str, str, str]]]:
        """The pages after the first that the pages themselves link, in their order, and
        those that could not be fetched."""
        found: list[Response] = []
        missing: list[tuple[str, str, str]] = []
        asked = {first.url, first.final_url, urls.without_page(first.final_url)}
        pending = urls.pages_of(first.final_url, urls.links(first.body, first.final_url))
        while pending and len(found) < MAX_PARTS:
            page = pending.pop(0)
            if page in asked:
                continue
            asked.add(page)
            self._seen.add(page)
            try:
                response = self.client.get(page)
            except FetchError as error:
                status = "skipped" if isinstance(error, Disallowed) else "failed"
                missing.append((page, status, str(error)))
                continue
            found.append(response)
            more = urls.pages_of(first.final_url, urls.links(response.body, page))
            pending += [link for link in more if link not in asked and link not in pending]
        return found, missing

    def _whole(self, resource: Resource) -> bool:
        """Whether every page of a profile came; if not, it fails: never saved in part."""
        if not resource.missing:
            return True
        page, _, why = resource.missing[0]
        self._outcome(Outcome(resource.url, "failed", f"its page {page} could not be fetched "
                                                      f"({why}); not saved in part"))
        return False

    def _report_missing(self, resource: Resource) -> None:
        """The pages of an index (or of a page that is no profile) that could not come."""
        for page, status, why in resource.missing:
            self._outcome(Outcome(page, status, why))

    def _validators(self, url: str) -> dict[str, str] | None:
        """ETag and Last-Modified of last time: a file still as written (a file deleted is
        asked for whole; one edited here is kept, never asked for), or a page known."""
        name = self._name_of(url)
        if name is None:
            return self.pages.get(url)
        provenance, path = self.files[name], self.folder / name
        if not path.is_file():
            return None
        if sha256(path.read_bytes()) != provenance.sha256:
            raise _Edited(f"{name} was changed here since it was fetched; kept as it is "
                          "(delete it to fetch it again)")
        return {"etag": provenance.etag or "", "last_modified": provenance.last_modified or ""}

    def _known_parts(self, url: str) -> list[str]:
        name = self._name_of(url)
        if name is not None:
            return list(self.files[name].pages)
        return list(self.pages.get(url, {}).get("parts", []))

    def _name_of(self, url: str) -> str | None:
        for name, provenance in self.files.items():
            if url in (provenance.url, provenance.final_url):
                return name
        return None

    # -- what becomes of it --

    def _keep_profile(self, resource: Resource, publication: str | None = None) -> str | None:
        """Keep a resource that reads as a profile (whole, or it fails); else say why it is
        not one (None: it was one)."""
        body = resource.body()
        profile, why = read_profile(body, resource.kind)
        if profile is None:
            return why
        if self._whole(resource):
            self._keep(resource, body, profile, publication)
        return None

    def _keep(self, resource: Resource, body: bytes, profile: Profile,
              publication: str | None = None) -> None:
        """Save what reads as a profile, unless it is the file it was (unchanged) or another
        file of this folder holds it already (the same bytes, or the same profile, language
        and date from another URL: a page and its PDF report, an alias). Each file is in the
        manifest as soon as it is written: a run killed in the middle leaves none unknown."""
        digest = sha256(body)
        name = self._name_of(resource.url)
        if name is not None and self.files[name].sha256 == digest and (
                self.folder / name).is_file():
            self._outcome(Outcome(resource.url, "unchanged", file=name, profile=profile.id))
            return
        if name is None and (twin := self._twin(digest, profile)) is not None:
            reason = f"the same profile as {twin}, fetched from another URL"
            self._remember(resource.url, resource, "other", [], reason)
            self._outcome(Outcome(resource.url, "skipped", reason, file=twin,
                                  profile=profile.id))
            return
        name = name or self._new_name(resource, digest)
        status = "unchanged" if self._holds(name, digest) else "fetched"
        if not self.dry_run and status == "fetched":
            write(self.folder, name, body)
        self.files[name] = self._provenance(resource, digest, publication, profile)
        self._kept.add(name)
        self.save_manifest()
        self._outcome(Outcome(resource.url, status, file=name, profile=profile.id))

    def _new_name(self, resource: Resource, digest: str) -> str:
        """The page's own name; a file of that name holding other bytes (the user's own)
        keeps it, and this one takes a number."""
        own = file_name(resource.final_url, resource.kind, set(self.files))
        if self._holds(own, digest) or not (self.folder / own).exists():
            return own
        taken = {*self.files, *(entry.name for entry in self.folder.iterdir())}
        return file_name(resource.final_url, resource.kind, taken)

    def _holds(self, name: str, digest: str) -> bool:
        path = self.folder / name
        return path.is_file() and not path.is_symlink() and sha256(path.read_bytes()) == digest

    def _twin(self, digest: str, profile: Profile) -> str | None:
        """A file fetched before from another URL that holds these bytes or this profile."""
        same = (profile.id, profile.language, profile.published)
        return next((name for name, p in self.files.items()
                     if (p.sha256 == digest or (p.profile, p.language, p.published) == same)
                     and (name in self._kept or (self.folder / name).is_file())), None)

    def _provenance(self, resource: Resource, digest: str, publication: str | None,
                    profile: Profile) -> Provenance:
        first = resource.responses[0]
        for part in resource.responses[1:]:
            self.pages[part.url] = validators_of(part)
        return Provenance(
            url=resource.url, final_url=first.final_url, sha256=digest,
            fetched_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            language=profile.language, etag=first.etag,
            last_modified=first.last_modified, publication=publication,
            pages=tuple(part.url for part in resource.responses[1:]),
            profile=profile.id, published=profile.published)

    def _remember(self, url: str, resource: Resource, kind: str, links: list[str],
                  reason: str = "") -> None:
        """What a page that is no profile was, with its validators, for the next run."""
        entry: dict[str, Any] = {**validators_of(resource.responses[0]), "kind": kind,
                                 "links": links}
        if reason:
            entry["reason"] = reason
        parts = [r.url for r in resource.responses[1:]]
        if parts:
            entry["parts"] = parts
        for part in resource.responses[1:]:
            self.pages[part.url] = validators_of(part)
        self.pages[url] = entry

    def _unchanged(self, url: str, follow: Callable[[str], None]) -> None:
        """A 304: a file fetched before is unchanged; a publication page's PDFs are asked
        for again; a page known not to be a profile is reported again."""
        name = self._name_of(url)
        known = self.pages.get(url, {})
        if name is not None:
            self._outcome(Outcome(url, "unchanged", file=name))
        elif known.get("kind") == "publication":
            for link in known.get("links", []):
                follow(link)
        else:
            self._outcome(Outcome(url, "skipped", known.get("reason", "not an MGI profile")))

    def _outcome(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if self.on_progress is not None:
            self.on_progress(self.discovered, len(self.outcomes), outcome.url)
