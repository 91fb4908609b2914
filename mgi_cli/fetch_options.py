"""The options of `mgi fetch`, each defined once (as options.py defines the others'), imported
when Typer builds the command."""

from __future__ import annotations

from typing import Annotated

import typer

from mgi_cli.cli_fetch import LANGUAGES


def _complete_language(incomplete: str) -> list[str]:
    return [language for language in LANGUAGES if language.startswith(incomplete)]


UrlsArgument = Annotated[list[str] | None, typer.Argument(
    metavar="[URL]...", show_default=False,
    help="Portal profile pages, publication pages (their PDF is fetched), or PDFs.")]
AllOption = Annotated[bool, typer.Option(
    "--all", help="Every profile the portal's MGI overview leads to.")]
# A plain string checked by the command, not an Enum: building an Enum class costs every run
# (mgi starts on every Tab of shell completion), and this option only serves `mgi fetch`.
LanguageOption = Annotated[str, typer.Option(
    "--lang", metavar="<en|fr|es|all>", autocompletion=_complete_language,
    help="With --all: the portal's pages in this language, or all three.")]
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
