"""What `mgi fetch` does between its options (cli_fetch.py) and the network (fetch/): the
options checked, the folder made, the run with its progress bar, Ctrl-C, the report and the
exit code. Imported only when the command runs."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from mgi_cli import options as opt
from mgi_cli.cli_fetch import LANGUAGES
from mgi_cli.errors import MgiError

if TYPE_CHECKING:
    from mgi_cli.fetch.resource import Outcome
    from mgi_cli.fetch.run import Fetcher
    from mgi_cli.session import Session
    from mgi_cli.terminal import Terminal


def run_command(session: Session, urls: list[str], every: bool, lang: str, portal: str,
                update: bool, dry_run: bool, delay: float, timeout: float,
                output: opt.SimpleFormat) -> None:
    """The command: a usage error (exit 2) before anything is asked or made; then the run,
    its report, and exit 0 when every URL succeeded, 1 when any failed, 130 on Ctrl-C."""
    _check_choice(urls, every, update, lang)
    _check_seconds(delay, timeout)
    _check_portal(portal)
    folder = _folder(session.data_dir)
    targets = _targets(folder) if update else (urls or [portal])
    _check_delay(delay, targets)
    made = not dry_run and not folder.exists()
    fetcher = _fetcher(folder, [portal, *targets], delay, timeout, dry_run)
    outcomes, interrupted = _run(fetcher, session.terminal, every, urls, portal, lang)
    _report(session.terminal, output, fetcher, outcomes, folder, interrupted)
    saved = _save_manifest(fetcher, session.terminal)
    if made and not any(folder.iterdir()):  # nothing came: no empty folder left behind
        folder.rmdir()
    if interrupted:
        session.terminal.error("Interrupted: the files above are saved whole; run the same "
                               "command again to go on.")
        raise typer.Exit(130)
    if any(o.status == "failed" for o in outcomes) or not outcomes or not saved:
        raise typer.Exit(1)


def _fetcher(folder: Path, hosts_of: list[str], delay: float, timeout: float,
             dry_run: bool) -> Fetcher:
    """The run's fetcher, its folder made (but by a dry run), its requests limited to the
    hosts of `hosts_of` and IOM's."""
    from mgi_cli.fetch.client import PoliteClient
    from mgi_cli.fetch.run import Fetcher

    if not dry_run:
        _make(folder)
    return Fetcher(folder, PoliteClient(_allowed(hosts_of), _caps(), delay, timeout), dry_run)


def _check_choice(urls: list[str] | None, every: bool, update: bool, lang: str) -> None:
    if sum((bool(urls), every, update)) != 1:
        raise MgiError("Give URLs, --all or --update (one of them). See 'mgi fetch -h'.")
    if lang not in LANGUAGES:
        raise typer.BadParameter(f"{lang!r} is not one of {', '.join(LANGUAGES)}.",
                                 param_hint="--lang")
    if lang != "en" and not every:
        raise MgiError("--lang goes with --all; a URL's language is its own.")


def _run(fetcher: Fetcher, terminal: Terminal, every: bool, urls: list[str],
         portal: str, lang: str) -> tuple[list[Outcome], bool]:
    """The outcomes, and whether Ctrl-C cut the run short (what was done is kept: each file
    whole, the manifest naming exactly those)."""
    languages = LANGUAGES[:3] if lang == "all" else (lang,)
    bar = _Bar() if terminal.stderr_isatty else None
    fetcher.on_progress = bar.step if bar else None
    interrupted = False
    try:
        if every:
            fetcher.fetch_all(portal, languages)
        elif urls:
            fetcher.fetch_urls(urls)
        else:
            fetcher.update()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if bar is not None:
            bar.stop()
        fetcher.client.close()
    return fetcher.outcomes, interrupted


def _save_manifest(fetcher: Fetcher, terminal: Terminal) -> bool:
    """Write what the run learnt; False (said on stderr) when the folder will not take it."""
    try:
        fetcher.save_manifest()
    except OSError as error:
        from mgi_cli.manifest import MANIFEST

        terminal.error(f"error: {MANIFEST} cannot be written in {str(fetcher.folder)!r}: "
                       f"{error.strerror or error}; the files fetched are there, without "
                       "their sources.")
        return False
    return True


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
    from mgi_cli.errors import NothingFound
    from mgi_cli.manifest import MANIFEST, read_manifest

    entries = read_manifest(folder).values()
    if not entries:
        raise NothingFound(f"Nothing fetched yet in {str(folder)!r} (its {MANIFEST} names no "
                           "file, or there is none): try mgi fetch --all.")
    return [url for entry in entries for url in (entry.url, entry.final_url)]


def _allowed(urls: list[str]) -> Callable[[str], bool]:
    """The hosts a request or a redirect may go to: the portal's, the given URLs' (or the
    manifest's), IOM's."""
    from mgi_cli.fetch.links import host_of, is_iom_host, netloc_of

    hosts = {netloc_of(url) for url in urls} - {""}
    return lambda url: netloc_of(url) in hosts or is_iom_host(host_of(url))


def _caps() -> dict[str, int]:
    from mgi_cli.sources import HTML, PDF

    return {"html": HTML.max_bytes, "pdf": PDF.max_bytes}


def _check_portal(portal: str) -> None:
    """--portal: the address of a site (a path is allowed: a mirror may sit in a folder)."""
    from urllib.parse import urlsplit

    from mgi_cli.manifest import is_web

    if not is_web(portal) or urlsplit(portal).query or urlsplit(portal).fragment:
        raise typer.BadParameter(f"{portal!r} is not the http or https address of a site "
                                 "(such as https://www.migrationdataportal.org).",
                                 param_hint="--portal")


def _check_seconds(delay: float, timeout: float) -> None:
    """Numbers of seconds, finite (NaN would turn every pause off)."""
    if not math.isfinite(delay) or delay < 0:
        raise typer.BadParameter("must be a number of seconds, 0 or more.",
                                 param_hint="--delay")
    if not math.isfinite(timeout) or timeout <= 0:
        raise typer.BadParameter("must be a number of seconds, more than 0.",
                                 param_hint="--timeout")


def _check_delay(delay: float, targets: list[str]) -> None:
    """Under MIN_DELAY only for hosts on this machine (URLs that name no host fail alone)."""
    from mgi_cli.fetch.links import MIN_DELAY, host_of, is_loopback

    named = [url for url in targets if host_of(url)]
    if delay < MIN_DELAY and not all(is_loopback(url) for url in named):
        raise typer.BadParameter(f"{delay:g} s is too short: at least {MIN_DELAY:g} s between "
                                 "requests (0 only for a portal on this machine).",
                                 param_hint="--delay")


def _report(terminal: Terminal, output: opt.SimpleFormat, fetcher: Fetcher,
            outcomes: list[Outcome], folder: Path, interrupted: bool) -> None:
    from mgi_cli.fetch import report
    from mgi_cli.sources import display_path
    from mgi_cli.text import clean

    for outcome in outcomes:
        if outcome.status in ("failed", "skipped"):
            terminal.error(f"{outcome.status}: {clean(outcome.url)}: {clean(outcome.reason)}")
    if output is opt.SimpleFormat.json:
        from mgi_cli.views.json import to_json

        terminal.write(to_json(report.as_dict(outcomes, str(folder), fetcher.dry_run,
                                              fetcher.client.requests, interrupted)))
        return
    lines = [f"{clean(o.url)} -> {o.file}" for o in outcomes
             if fetcher.dry_run and o.status == "fetched"]
    lines.append(report.summary_line(outcomes, fetcher.dry_run))
    where = "would be saved in" if fetcher.dry_run else "in"
    lines.append(f"Profiles {where} {display_path(folder)}")
    terminal.write("\n".join(lines) + "\n")


class _Bar:
    """rich's progress bar on stderr: pages done of those found so far."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("Fetching", total=None)
        self.progress.start()

    def step(self, discovered: int, done: int, _url: str) -> None:
        self.progress.update(self.task, total=max(discovered, done), completed=done,
                             description=f"Fetching: {done} of {discovered} pages")

    def stop(self) -> None:
        self.progress.stop()
