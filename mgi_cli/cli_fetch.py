"""`mgi fetch`: profiles from the Migration Data Portal and IOM's publications into the
library folder (or --data-dir). Registered on cli.app when cli.py is imported, so this module
is only the command's signature: its options are fetch_options.py, built when Typer builds
the command (the annotations are strings until then); what it does is fetching.py, and the
network code is mgi_cli/fetch/ (httpx), both imported only when the command runs. Every other
command pays for none of it (`show -f json` is measured to the hundredth)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from mgi_cli import options as opt
from mgi_cli.cli import app, session_of
from mgi_cli.views import Lazy

if TYPE_CHECKING:
    from mgi_cli import fetch_options as fo
else:  # its options are built when Typer builds this command: not on every run of another
    fo = Lazy("mgi_cli.fetch_options")

PORTAL = "https://www.migrationdataportal.org"
LANGUAGES = ("en", "fr", "es", "all")


@app.command()
def fetch(
    ctx: typer.Context,
    urls: fo.UrlsArgument = None,
    every: fo.AllOption = False,
    lang: fo.LanguageOption = "en",
    portal: fo.PortalOption = PORTAL,
    update: fo.UpdateOption = False,
    dry_run: fo.DryRunOption = False,
    delay: fo.DelayOption = 1.0,
    timeout: fo.TimeoutOption = 30.0,
    output: opt.SimpleFormatOption = opt.SimpleFormat.table,
) -> None:
    """Fetch MGI profiles from the Migration Data Portal into your library, politely.

    Saves each profile page (or PDF report) that reads as an MGI profile, with where it came
    from in mgi-sources.json, into your library folder, which every command then reads beside
    the bundled profiles (or into a folder of your own: mgi --data-dir DIR fetch ...).
    robots.txt is honoured, requests go one at a time (--delay apart), and a second run asks
    only whether pages changed. Exit code 0 when every URL succeeded, 1 when any failed.

    Example: mgi fetch --all
    """
    from mgi_cli.fetching import run_command

    run_command(session_of(ctx), urls or [], every, lang, portal, update, dry_run, delay,
                timeout, output)
