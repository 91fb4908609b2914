"""The mgi command line: each command parses its arguments, calls the core, renders, prints.

Only this module prints or exits. Errors from the core (MgiError) become one line on stderr
and exit code 2 (usage) or 1 (nothing found), in one place: _Group.invoke.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from mgi_cli import __version__
from mgi_cli.errors import MgiError, NothingFound
from mgi_cli.model import KINDS

if TYPE_CHECKING:  # keep startup lean: the core is imported when a command needs it
    from mgi_cli.catalog import Catalog
    from mgi_cli.loader import LoadResult


class _Group(TyperGroup):
    """Turns the core's exceptions into one line on stderr and a trustworthy exit code."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MgiError as error:
            prefix = "" if isinstance(error, NothingFound) else "Error: "
            typer.echo(f"{prefix}{error}", err=True)
            raise typer.Exit(error.exit_code) from None


app = typer.Typer(
    cls=_Group,
    name="mgi",
    help="Read, search and compare IOM Migration Governance Indicators (MGI) profiles.\n\n"
    "Example: mgi show kazakhstan",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


class Kind(str, Enum):
    strengths = "strengths"
    gaps = "gaps"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json for programs.")
]
DomainOption = Annotated[
    str | None,
    typer.Option("--domain", "-d", help="Only this domain: key, number 1-6, name or alias."),
]
OnlyOption = Annotated[
    Kind | None,
    typer.Option("--only", help="Only well-developed areas (strengths) or the others (gaps)."),
]


@dataclass
class Settings:
    data_dir: Path | None
    no_color: bool
    catalog: Catalog | None = None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mgi {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            envvar="MGI_DATA_DIR",
            help="Read profiles from this folder instead of the bundled ones.",
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="Never colour the output.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Read, search and compare IOM Migration Governance Indicators (MGI) profiles.

    Example: mgi show kazakhstan
    """
    ctx.obj = Settings(data_dir, no_color)


def _catalog(ctx: typer.Context) -> Catalog:
    """The profiles of the data folder (or the bundled seeds), loaded once per command."""
    settings: Settings = ctx.obj
    if settings.catalog is None:
        from mgi_cli.catalog import Catalog

        folder = _data_folder(ctx)
        result = _load([folder])
        settings.catalog = Catalog(result.profiles)
        for problem in (*result.problems, *settings.catalog.problems):
            if problem.warn:
                where = f"{problem.source}:{problem.line}" if problem.line else problem.source
                typer.echo(f"warning: {where}: {problem.message} (see mgi check)", err=True)
        if not settings.catalog.profiles:
            raise NothingFound(f"No MGI profiles found in {str(folder)!r}; see mgi check.")
    return settings.catalog


PROGRESS_AFTER_SECONDS = 0.3


def _load(paths: list[Path]) -> LoadResult:
    """Load profiles; on a terminal, a progress bar on stderr once loading takes a moment."""
    from mgi_cli.loader import load_paths

    if not sys.stderr.isatty():
        return load_paths(paths)
    started = time.monotonic()
    bar: dict[str, Any] = {}

    def step(done: int, total: int, path: Path) -> None:
        if not bar and time.monotonic() - started > PROGRESS_AFTER_SECONDS:
            from rich.console import Console
            from rich.progress import Progress

            bar["progress"] = Progress(console=Console(stderr=True), transient=True)
            bar["task"] = bar["progress"].add_task("Reading profiles", total=total)
            bar["progress"].start()
        if bar:
            bar["progress"].update(bar["task"], completed=done, description=f"Reading {path.name}")

    try:
        return load_paths(paths, on_file=step)
    finally:
        if bar:
            bar["progress"].stop()


def _data_folder(ctx: typer.Context) -> Path:
    """--data-dir (or MGI_DATA_DIR), else the bundled seeds."""
    from mgi_cli.loader import bundled_seeds

    folder = ctx.obj.data_dir or bundled_seeds()
    if not folder.is_dir():
        raise MgiError(f"The data folder {str(folder)!r} does not exist or is not a folder.")
    return folder


def _print(ctx: typer.Context, renderable: Any) -> None:
    from rich.console import Console

    settings: Settings = ctx.obj
    no_color = settings.no_color or "NO_COLOR" in os.environ
    console = Console(no_color=no_color, highlight=False, emoji=False, markup=False)
    with console.capture() as captured:
        console.print(renderable)
    # Rich pads every line to the full width; piped output should not carry that padding.
    sys.stdout.write("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")


def _print_json(data: Any) -> None:
    from mgi_cli.serialize import to_json

    sys.stdout.write(to_json(data) + "\n")


def _kinds(only: Kind | None) -> tuple[str, ...]:
    return (only.value,) if only else KINDS


@app.command("list")
def list_profiles(ctx: typer.Context, output: FormatOption = OutputFormat.table) -> None:
    """List the profiles: id, name, level, country, date, edition and findings per list.

    Example: mgi list --format json
    """
    profiles = _catalog(ctx).profiles
    if output is OutputFormat.json:
        from mgi_cli.serialize import profile_summary

        return _print_json([profile_summary(p) for p in profiles])
    from mgi_cli.render import profile_list

    _print(ctx, profile_list(profiles))


@app.command()
def show(
    ctx: typer.Context,
    profile: Annotated[str, typer.Argument(help="Profile id, name, country or ISO code.")],
    domain: DomainOption = None,
    only: OnlyOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Show one profile: all six domains, both lists, under MGI's own wording.

    Example: mgi show kazakhstan --domain partnerships
    """
    from mgi_cli.domains import resolve_domain

    wanted = resolve_domain(domain) if domain is not None else None
    found = _catalog(ctx).resolve(profile)
    blocks = [b for b in found.domains if wanted is None or b.domain.key == wanted.key]
    if output is OutputFormat.json:
        from mgi_cli.serialize import profile_dict

        return _print_json(profile_dict(found, blocks, _kinds(only)))
    from mgi_cli.render import profile_view

    _print(ctx, profile_view(found, blocks, _kinds(only)))


@app.command()
def compare(
    ctx: typer.Context,
    profiles: Annotated[list[str], typer.Argument(help="Two to four profiles.")],
    domain: DomainOption = None,
    only: OnlyOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Set two to four profiles side by side, one table per domain.

    Example: mgi compare azerbaijan kyrgyzstan --domain partnerships
    """
    from mgi_cli.compare import compare as align
    from mgi_cli.domains import resolve_domain

    wanted = resolve_domain(domain) if domain is not None else None
    catalog = _catalog(ctx)
    comparison = align([catalog.resolve(name) for name in profiles], wanted)
    if output is OutputFormat.json:
        from mgi_cli.serialize import comparison_dict

        return _print_json(comparison_dict(comparison, _kinds(only)))
    from mgi_cli.render import comparison_view

    _print(ctx, comparison_view(comparison, _kinds(only)))


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words to find; "a phrase" in quotes.')],
    domain: DomainOption = None,
    profile: Annotated[
        list[str] | None, typer.Option("--profile", "-p", help="Only this profile (repeatable).")
    ] = None,
    only: OnlyOption = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Show at most N findings.")
    ] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Find every finding on a subject across profiles, best match first; typos forgiven.

    Example: mgi search trafficking --domain safe
    """
    from mgi_cli.domains import resolve_domain
    from mgi_cli.search import Corpus, parse_query

    parse_query(query)  # a bad query is a usage error before any file is read
    wanted = resolve_domain(domain) if domain is not None else None
    catalog = _catalog(ctx)
    chosen = [catalog.resolve(name) for name in profile] if profile else None
    hits = Corpus(catalog.profiles).search(query, wanted, chosen, _kinds(only))
    shown = hits[:limit] if limit else hits
    if output is OutputFormat.json:
        from mgi_cli.serialize import search_dict

        return _print_json(search_dict(query, shown))
    from mgi_cli.render import search_view

    _print(ctx, search_view(query, shown, len(hits)))


@app.command()
def check(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders (default: the data folder).")
    ] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Check profile files: what each holds, and everything that could not be placed.

    Exit code 0 when every file is clean, 1 when any has a problem.

    Example: mgi check ~/mgi-profiles/
    """
    from mgi_cli.catalog import Catalog
    from mgi_cli.check import check as check_files
    from mgi_cli.check import summary

    result = _load(paths or [_data_folder(ctx)])
    files = check_files(result, Catalog(result.profiles))
    line = summary(files)
    if output is OutputFormat.json:
        from mgi_cli.serialize import check_dict

        _print_json(check_dict(files, line))
    else:
        from mgi_cli.render import check_view

        _print(ctx, check_view(files, line))
    if any(f.problems for f in files) or not files:
        raise typer.Exit(1)


@app.command("domains")
def list_domains(ctx: typer.Context, output: FormatOption = OutputFormat.table) -> None:
    """List the six MGI domains: number, key, name, accepted aliases, what each covers.

    Example: mgi domains
    """
    from mgi_cli.domains import DOMAINS

    if output is OutputFormat.json:
        return _print_json(
            [
                {**vars(i.domain), "aliases": list(i.aliases), "national": i.national,
                 "local": i.local}
                for i in DOMAINS
            ]
        )
    from mgi_cli.render import domains_view

    _print(ctx, domains_view())


def main() -> None:
    app(prog_name="mgi")
