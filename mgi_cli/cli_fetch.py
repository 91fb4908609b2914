"""`mgi fetch`: profiles from the Migration Data Portal and IOM's publications into the
library folder (or --data-dir). Registered on cli.app when cli.py is imported; the network
code (mgi_cli/fetch/, httpx) is imported only when the command runs."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mgi_cli import options as opt
from mgi_cli.cli import app, session_of
from mgi_cli.errors import MgiError
from mgi_cli.fetch import PORTAL

if TYPE_CHECKING:
    from mgi_cli.fetch.run import Fetcher, Outcome
    from mgi_cli.terminal import Terminal

MIN_DELAY = 0.5  # seconds between two requests to one host, but for a host on this machine


class FetchLanguage(str, Enum):
    en = "en"
    fr = "fr"
    es = "es"
    all = "all"


# Each option once, as options.py does for the other commands.
UrlsArgument = Annotated[list[str] | None, typer.Argument(
    metavar="[URL]...", show_default=False,
    help="Portal profile pages, publication pages (their PDF is fetched), or PDFs.")]
AllOption = Annotated[bool, typer.Option(
    "--all", help="Every profile the portal's MGI overview leads to.")]
FetchLanguageOption = Annotated[FetchLanguage, typer.Option(
    "--lang", help="With --all: the portal's pages in this language, or all three.")]
PortalOption = Annotated[str, typer.Option(
    "--portal", envvar="MGI_PORTAL", metavar="URL",
    help="The portal, or a mirror or copy of it.")]
UpdateOption = Annotated[bool, typer.Option(
    "--update", help="Ask again for the files fetched before (conditional requests).")]
DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", help="Say what would be fetched; write nothing.")]
DelayOption = Annotated[float, typer.Option(
    "--delay", metavar="SECONDS", help="Seconds between two requests to one host.")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", metavar="SECONDS", help="Seconds to wait for a server.")]


@app.command()
def fetch(
    ctx: typer.Context,
    urls: UrlsArgument = None,
    every: AllOption = False,
    lang: FetchLanguageOption = FetchLanguage.en,
    portal: PortalOption = PORTAL,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
    delay: DelayOption = 1.0,
    timeout: TimeoutOption = 30.0,
    output: opt.SimpleFormatOption = opt.SimpleFormat.table,
) -> None:
    """Fetch MGI profiles from the Migration Data Portal into your library, politely.

    Saves each profile page (or PDF report) that reads as an MGI profile, with where it came
    from in mgi-sources.json. They go to --data-dir if given, else your library folder, which
    every command then reads beside the bundled profiles. robots.txt is honoured, requests go
    one at a time (--delay apart), and a second run asks only whether pages changed.
    Exit code 0 when every URL succeeded, 1 when any failed.

    Example: mgi fetch --all
    """
    from mgi_cli.fetch.client import PoliteClient
    from mgi_cli.fetch.run import Fetcher

    if sum((bool(urls), every, update)) != 1:
        raise MgiError("Give URLs, --all or --update (one of them). See 'mgi fetch -h'.")
    if lang is not FetchLanguage.en and not every:
        raise MgiError("--lang goes with --all; a URL's language is its own.")
    session = session_of(ctx)
    folder = _folder(session.data_dir)
    targets = _targets(folder) if update else (urls or [portal])
    _check_timeout(timeout)
    _check_delay(delay, targets)
    if not dry_run:
        _make(folder)
    fetcher = Fetcher(folder, PoliteClient(_allowed([portal, *targets]), _caps(), delay,
                                           timeout), dry_run)
    outcomes = _run(fetcher, session.terminal, every, update, urls or [], portal, lang)
    _report(session.terminal, output, fetcher, outcomes, folder)
    if any(o.status == "failed" for o in outcomes) or not outcomes:
        raise typer.Exit(1)


def _run(fetcher: Fetcher, terminal: Terminal, every: bool, update: bool, urls: list[str],
         portal: str, lang: FetchLanguage) -> list[Outcome]:
    languages = ("en", "fr", "es") if lang is FetchLanguage.all else (lang.value,)
    bar = _Bar(terminal) if terminal.stderr_isatty else None
    fetcher.on_progress = bar.step if bar else None
    try:
        if every:
            return fetcher.fetch_all(portal, languages)
        if update:
            return fetcher.update()
        return fetcher.fetch_urls(urls)
    finally:  # Ctrl-C too: what was written is in the manifest
        if bar is not None:
            bar.stop()
        fetcher.save_manifest()
        fetcher.client.close()


def _folder(data_dir: Path | None) -> Path:
    """--data-dir, else the library folder."""
    from mgi_cli.sources import library_folder

    folder = data_dir or library_folder()
    if folder is None:
        raise MgiError("No folder to fetch into: MGI_LIBRARY_DIR is empty; give --data-dir.")
    return folder


def _make(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise MgiError(f"The folder {str(folder)!r} cannot be made: "
                       f"{error.strerror or error}.") from None


def _targets(folder: Path) -> list[str]:
    """What --update asks for again: the URLs the manifest records, and where they led."""
    from mgi_cli.manifest import read_manifest

    entries = read_manifest(folder).values()
    return [url for entry in entries for url in (entry.url, entry.final_url)]


def _allowed(urls: list[str]) -> Callable[[str], bool]:
    """The hosts a request or a redirect may go to: the portal's, the given URLs' (or the
    manifest's), IOM's."""
    from urllib.parse import urlsplit

    from mgi_cli.fetch.links import is_iom_host

    hosts = {urlsplit(url).netloc.lower() for url in urls}
    return lambda url: (urlsplit(url).netloc.lower() in hosts
                        or is_iom_host(urlsplit(url).hostname or ""))


def _caps() -> dict[str, int]:
    from mgi_cli.sources import HTML, PDF

    return {"html": HTML.max_bytes, "pdf": PDF.max_bytes}


def _check_delay(delay: float, targets: list[str]) -> None:
    from mgi_cli.fetch.links import is_loopback

    web = [url for url in targets if url.lower().startswith(("http://", "https://"))]
    if delay < 0 or (delay < MIN_DELAY and not all(is_loopback(url) for url in web)):
        raise typer.BadParameter(f"{delay:g} s is too short: at least {MIN_DELAY:g} s between "
                                 "requests (0 only for a portal on this machine).",
                                 param_hint="--delay")


def _check_timeout(timeout: float) -> None:
    if timeout <= 0:
        raise typer.BadParameter("must be more than 0 seconds.", param_hint="--timeout")


def _report(terminal: Terminal, output: opt.SimpleFormat, fetcher: Fetcher,
            outcomes: list[Outcome], folder: Path) -> None:
    from mgi_cli.fetch import report
    from mgi_cli.sources import display_path
    from mgi_cli.text import clean

    for outcome in outcomes:
        if outcome.status in ("failed", "skipped"):
            terminal.error(f"{outcome.status}: {clean(outcome.url)}: {clean(outcome.reason)}")
    if output is opt.SimpleFormat.json:
        from mgi_cli.views.json import to_json

        terminal.write(to_json(report.as_dict(outcomes, str(folder), fetcher.dry_run,
                                              fetcher.client.requests)))
        return
    lines = [f"{clean(o.url)} -> {o.file}" for o in outcomes
             if fetcher.dry_run and o.status == "fetched"]
    lines.append(report.summary_line(outcomes, fetcher.dry_run))
    where = "would be saved in" if fetcher.dry_run else "in"
    lines.append(f"Profiles {where} {display_path(folder)}")
    terminal.write("\n".join(lines) + "\n")


class _Bar:
    """rich's progress bar on stderr: pages discovered, and done."""

    def __init__(self, terminal: Terminal) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("Fetching", total=None)
        self.progress.start()

    def step(self, discovered: int, done: int, _url: str) -> None:
        self.progress.update(self.task, total=max(discovered, done), completed=done,
                             description=f"{done} of {discovered} pages found")

    def stop(self) -> None:
        self.progress.stop()
